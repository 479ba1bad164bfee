import { describe, expect, it } from 'vitest';
import { IdSource } from './ids';

describe('IdSource (determinism: same seed, same identifiers)', () => {
  it('repeats exactly for a seed and differs across seeds', () => {
    const a = new IdSource(7);
    const b = new IdSource(7);
    expect([a.uid(), a.hex(64)]).toEqual([b.uid(), b.hex(64)]);
    expect(new IdSource(8).uid()).not.toBe(new IdSource(7).uid());
    expect(new IdSource(1).uid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
