import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbScenario } from './testing/arbitraries';
import { canonicalScenario, defaultScenario, parseScenario, sameScenario } from './index';

describe('canonicalScenario', () => {
  it('leaves defaults out and sorts keys', () => {
    expect(canonicalScenario(defaultScenario('m'))).toBe('{"manifest":"m","version":1}');
    const s = {
      ...defaultScenario('m', 'T'),
      seed: 7,
      node: { ...defaultScenario('m').node, capacity: { cpu: '4', memory: '4Gi', pods: '110' } },
    };
    expect(canonicalScenario(s)).toBe(
      '{"manifest":"m","node":{"capacity":{"cpu":"4"}},"seed":7,"title":"T","version":1}',
    );
  });

  it('gives equal scenarios the same string whatever their key order', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const reordered = JSON.parse(
          JSON.stringify(Object.fromEntries(Object.entries(s).reverse())),
        ) as unknown;
        const parsed = parseScenario(reordered);
        expect(parsed.ok && canonicalScenario(parsed.scenario)).toBe(canonicalScenario(s));
      }),
    );
  });

  it('parses back to the same scenario', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        expect(parseScenario(JSON.parse(canonicalScenario(s)))).toEqual({ ok: true, scenario: s });
      }),
    );
  });

  it('compares scenarios with or without the view', () => {
    const a = defaultScenario('m');
    const b = { ...a, view: { t: 5 } };
    expect(sameScenario(a, b)).toBe(false);
    expect(sameScenario(a, b, { ignoreView: true })).toBe(true);
  });
});
