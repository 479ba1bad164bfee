/** HumanDuration (k8s.io/apimachinery/pkg/util/duration), its table-driven cases. */
import { describe, expect, it } from 'vitest';
import { humanDuration } from './duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

const cases: Array<[number, string]> = [
  [-2 * S, '<invalid>'],
  [-1500, '0s'],
  [0, '0s'],
  [999, '0s'],
  [45 * S, '45s'],
  [119 * S, '119s'],
  [2 * M, '2m'],
  [2 * M + 3 * S, '2m3s'],
  [9 * M + 59 * S, '9m59s'],
  [10 * M, '10m'],
  [10 * M + 30 * S, '10m'],
  [3 * H - S, '179m'],
  [3 * H, '3h'],
  [3 * H + 4 * M, '3h4m'],
  [7 * H + 59 * M, '7h59m'],
  [8 * H, '8h'],
  [47 * H + 59 * M, '47h'],
  [48 * H, '2d'],
  [2 * D + 3 * H, '2d3h'],
  [7 * D + 23 * H, '7d23h'],
  [8 * D, '8d'],
  [729 * D, '729d'],
  [730 * D, '2y'],
  [730 * D + 10 * D, '2y10d'],
  [8 * 365 * D, '8y'],
  [10 * 365 * D + 100 * D, '10y'],
];

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each(cases)('HumanDuration(%i ms) = %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});
