import { describe, expect, it } from 'vitest';
import { IdSource, goDuration } from './ids';

describe('goDuration follows time.Duration.String()', () => {
  it.each([
    [0, '0s'],
    [850, '850ms'],
    [1200, '1.2s'],
    [10_000, '10s'],
    [72_000, '1m12s'],
    [80_000, '1m20s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
    [3_512, '3.512s'],
  ])('%i ms → %s', (ms, text) => expect(goDuration(ms)).toBe(text));
});

describe('IdSource (determinism: same seed, same identifiers)', () => {
  it('repeats exactly for a seed and differs across seeds', () => {
    const a = new IdSource(7);
    const b = new IdSource(7);
    expect([a.uid(), a.hex(64)]).toEqual([b.uid(), b.hex(64)]);
    expect(new IdSource(8).uid()).not.toBe(new IdSource(7).uid());
    expect(new IdSource(1).uid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
