import { describe, expect, it } from 'vitest';
import { goDuration } from './go-duration';

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
