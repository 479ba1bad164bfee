import { ACTION_KINDS } from './validate-actions';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE } from '../engine/input';
import { arbScenario } from './testing/arbitraries';
import { defaultScenario, exportScenario, importScenarioFile } from './index';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: liveness-exec\nspec:\n  containers:\n  - name: c\n    image: busybox\n';

describe('scenario files', () => {
  it('exports and imports any scenario as JSON and as YAML', () => {
    fc.assert(
      fc.property(arbScenario, fc.constantFrom('json' as const, 'yaml' as const), (s, format) => {
        const r = importScenarioFile(exportScenario(s, format), `s.${format}`);
        expect(r).toEqual({ ok: true, scenario: s, from: 'scenario' });
      }),
      { numRuns: 200 },
    );
  });

  it('writes the manifest as a readable YAML block', () => {
    const text = exportScenario({ ...defaultScenario(POD, 'Liveness'), view: { t: 45.2 } }, 'yaml');
    expect(text).toMatch(/^version: 1\ntitle: Liveness\n/);
    expect(text).toContain('manifest: |\n  apiVersion: v1\n  kind: Pod\n');
  });

  it('imports a hand-written YAML scenario, filling defaults', () => {
    const text = 'version: 1\nmanifest: |\n  kind: Pod\nactions:\n  - { at: 40, kind: deletePod }\n';
    const r = importScenarioFile(text, 'scenario.yaml');
    expect(r.ok && r.scenario).toEqual({
      version: 1,
      manifest: 'kind: Pod\n',
      node: DEFAULT_NODE,
      actions: [{ at: 40, kind: 'deletePod' }],
      seed: 1,
      view: {},
    });
  });

  it('turns a bare manifest into a default scenario', () => {
    const r = importScenarioFile(POD, 'pod.yaml');
    expect(r).toEqual({
      ok: true,
      from: 'manifest',
      scenario: { ...defaultScenario(POD, 'liveness-exec'), fileName: 'pod.yaml' },
    });
    const two = importScenarioFile(`${POD}---\napiVersion: v1\nkind: Service\n`, 'app.yaml');
    expect(two.ok && two.scenario.manifest).toContain('kind: Service');
  });

  it('locates validation errors in YAML and JSON files', () => {
    const yaml =
      'version: 1\nmanifest: x\nactions:\n  - at: -4\n    kind: cordon\n  - kind: explode\n    at: 1\n';
    expect(importScenarioFile(yaml, 'scenario.yaml')).toEqual({
      ok: false,
      errors: [
        'scenario.yaml:4:5: actions[0].at: must be a number >= 0, got -4',
        `scenario.yaml:6:5: actions[1].kind: unknown action "explode" (expected one of ${ACTION_KINDS.join(', ')})`,
      ],
    });
    const json =
      '{\n  "version": 1,\n  "manifest": "x",\n  "node": { "capacity": { "memory": "4 gigs" } }\n}\n';
    expect(importScenarioFile(json, 'scenario.json')).toEqual({
      ok: false,
      errors: ['scenario.json:4:27: node.capacity.memory: not a quantity: "4 gigs"'],
    });
    const missing = importScenarioFile('version: 1\ntitle: t\n', 'scenario.yaml');
    expect(missing).toEqual({ ok: false, errors: ['scenario.yaml:1:1: manifest: required'] });
  });

  it('locates YAML syntax errors', () => {
    const r = importScenarioFile('version: 1\nmanifest: [unclosed\n', 'scenario.yaml');
    expect(!r.ok && r.errors[0]).toMatch(/^scenario\.yaml:\d+:\d+: /);
  });

  it('says when a file is from a newer PodPlay, empty, or neither a scenario nor a manifest', () => {
    expect(importScenarioFile('version: 4\nmanifest: x\n', 's.yaml')).toEqual({
      ok: false,
      errors: [
        's.yaml:1:1: version: this scenario is from a newer PodPlay (v4); open it in the latest PodPlay',
      ],
    });
    expect(importScenarioFile('', 's.yaml')).toEqual({ ok: false, errors: ['s.yaml: the file is empty'] });
    expect(importScenarioFile('hello: world\n', 's.yaml')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/not a PodPlay scenario/)],
    });
  });
});

describe('importScenarioFile on hostile input', () => {
  it('never throws', () => {
    expect(importScenarioFile(`${'['.repeat(100_000)}`, 'deep.yaml').ok).toBe(false);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        importScenarioFile(text, 'x.yaml');
      }),
    );
  });
});
