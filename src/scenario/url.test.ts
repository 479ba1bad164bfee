import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64url } from './base64url';
import { crc32 } from './checksum';
import { LINK_LIMITS } from './link-error';
import { packPayload } from './payload';
import { arbScenario } from './testing/arbitraries';
import { decodeFragment, defaultScenario, encodeScenarioToFragment, type DecodeResult } from './index';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: liveness-exec\nspec:\n  containers:\n  - name: c\n    image: busybox\n';

function errorKind(r: DecodeResult): string {
  return r.ok ? 'ok' : r.error.kind;
}

/** A payload with a valid CRC around any bytes, to reach the checks after the CRC. */
function payloadOf(json: string): string {
  return `s=${packPayload(json)}`;
}

describe('encodeScenarioToFragment / decodeFragment', () => {
  it('round-trips any valid scenario', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = decodeFragment(encodeScenarioToFragment(s));
        expect(r.ok && r.scenario).toEqual(s);
        expect(r.ok && r.t).toBe(s.view.t);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the cursor readable outside the payload', () => {
    const s = { ...defaultScenario(POD), view: { t: 45.2, pane: 'timeline' } };
    const fragment = encodeScenarioToFragment(s);
    expect(fragment).toMatch(/^s=1[A-Za-z0-9_-]+&t=45\.2$/);
    const other = decodeFragment(fragment.replace('t=45.2', 't=90'));
    expect(other.ok && other.scenario.view).toEqual({ t: 90, pane: 'timeline' });
    expect(encodeScenarioToFragment(defaultScenario(POD))).not.toContain('t=');
  });

  it('accepts a leading #, unknown parameters and a percent-encoded payload', () => {
    const fragment = encodeScenarioToFragment(defaultScenario(POD));
    expect(decodeFragment(`#${fragment}&embed=1`).ok).toBe(true);
    expect(decodeFragment(fragment.replace(/-/g, '%2D')).ok).toBe(true);
  });

  it('ignores a cursor that is not a number, with a warning', () => {
    const r = decodeFragment(`${encodeScenarioToFragment(defaultScenario(POD))}&t=soon`);
    expect(r.ok && r.t).toBeUndefined();
    expect(r.ok && r.warnings?.[0]).toMatch(/t=soon.*not a number of seconds/);
  });

  it('says a link was cut short', () => {
    const fragment = encodeScenarioToFragment(defaultScenario(POD));
    for (const cut of [fragment.length - 1, fragment.length - 5, Math.floor(fragment.length / 2), 4, 3, 2]) {
      const r = decodeFragment(fragment.slice(0, cut));
      expect(errorKind(r), `cut at ${cut}`).toBe('truncated');
    }
    const r = decodeFragment(fragment.slice(0, -3));
    expect(!r.ok && r.error.message).toMatch(/^This link was cut short: /);
  });

  it('says a link was damaged when a character changed', () => {
    const fragment = encodeScenarioToFragment(defaultScenario(POD));
    const i = 20;
    const flipped = fragment.slice(0, i) + (fragment[i] === 'A' ? 'B' : 'A') + fragment.slice(i + 1);
    expect(errorKind(decodeFragment(flipped))).toBe('corrupt');
    expect(errorKind(decodeFragment(fragment.replace('s=1', 's=1!')))).toBe('corrupt');
    expect(errorKind(decodeFragment(payloadOf('{not json')))).toBe('corrupt');
  });

  it('refuses a small payload that inflates past the cap (zip bomb)', () => {
    const bomb = new Uint8Array(LINK_LIMITS.maxScenarioBytes * 8).fill(32);
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, crc32(bomb));
    const body = deflateSync(bomb, { level: 9 });
    const fragment = `s=1${toBase64url(new Uint8Array([...header, ...body]))}`;
    expect(fragment.length).toBeLessThan(20_000);
    const r = decodeFragment(fragment);
    expect(errorKind(r)).toBe('too-large');
    expect(!r.ok && r.error.message).toMatch(/more than 1,024 KiB/);
  });

  it('refuses an over-long link before unpacking it', () => {
    expect(errorKind(decodeFragment(`s=1${'A'.repeat(LINK_LIMITS.maxFragmentChars)}`))).toBe('too-large');
  });

  it('says a link is from a newer PodPlay (scenario version or link format)', () => {
    const r = decodeFragment(payloadOf(JSON.stringify({ version: 3, manifest: POD })));
    expect(errorKind(r)).toBe('newer-version');
    expect(!r.ok && r.error.message).toMatch(/^This link is from a newer PodPlay \(v3\); /);
    const f = decodeFragment(`s=2${toBase64url(strToU8('whatever'))}`);
    expect(errorKind(f)).toBe('newer-version');
    expect(!f.ok && f.error.message).toMatch(/link format 2/);
  });

  it('reports an invalid scenario with its located errors', () => {
    const r = decodeFragment(
      payloadOf(JSON.stringify({ version: 1, manifest: POD, actions: [{ at: -1, kind: 'cordon' }] })),
    );
    expect(errorKind(r)).toBe('invalid');
    expect(!r.ok && r.error.details).toEqual(['actions[0].at: must be a number >= 0, got -1']);
    expect(!r.ok && r.error.message).toMatch(/^This link's scenario is not valid: actions\[0\]\.at/);
    expect(errorKind(decodeFragment('x=1'))).toBe('invalid');
    expect(errorKind(decodeFragment(''))).toBe('invalid');
  });

  it('never throws on mutated, truncated or garbage links, and never opens a different scenario', () => {
    const original = { ...defaultScenario(POD), view: { t: 3 } };
    const base = encodeScenarioToFragment(original);
    const mutated = fc.oneof(
      fc.nat(base.length).map((n) => base.slice(0, n)),
      fc
        .tuple(fc.nat(base.length - 1), fc.constantFrom(...'ABCabc019-_%&=#!~ \u00e9'))
        .map(([i, c]) => base.slice(0, i) + c + base.slice(i + 1)),
      fc
        .tuple(fc.nat(base.length - 1), fc.nat(base.length - 1))
        .map(([i, j]) => base.slice(0, i) + base.slice(j)),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'binary' }).map((g) => `s=1${g}`),
      fc.uint8Array({ maxLength: 200 }).map((b) => `s=1${toBase64url(b)}`),
    );
    fc.assert(
      fc.property(mutated, (fragment) => {
        const r = decodeFragment(fragment);
        // A change may still open when it only touched the `&t=` tail or bits the inflater never
        // reads (after the end of the DEFLATE stream): then the scenario itself must be unchanged.
        if (r.ok) expect({ ...r.scenario, view: {} }).toEqual({ ...original, view: {} });
        else expect(r.error.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 2000 },
    );
  });
});
