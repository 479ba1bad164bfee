/** Which lanes the timeline draws: all of a small run's; with many, blocks around the pane's view. */
import { describe, expect, it } from 'vitest';
import { laneWindow, WINDOW_FROM_LANES } from './useLaneWindow';

const g = (count: number, k = 1) => ({ count, k, axisH: 20, laneH: 22 });

describe('laneWindow', () => {
  it.each<[string, ReturnType<typeof g>, number, number, [number, number]]>([
    ['fewer lanes than the threshold: every lane, wherever the view is', g(WINDOW_FROM_LANES - 1), 900, 200, [0, WINDOW_FROM_LANES - 1]],
    ['many lanes, view at the top: the first blocks, one block of margin below', g(300), 0, 220, [0, 40]],
    ['scrolled to lanes 100–110: their block and one of margin each side', g(300), 20 + 100 * 22, 220, [80, 140]],
    ['at the end: clamped to the last lane', g(300), 20 + 295 * 22, 220, [260, 300]],
    ['presenter scale 1.5: lanes are 33 px, the same lanes at 1.5× the scroll', g(300, 1.5), 1.5 * (20 + 100 * 22), 330, [80, 140]],
    ['a view above the drawing (negative top): from the first lane', g(300), -50, 220, [0, 40]],
  ])('%s', (_rule, geometry, top, height, expected) => {
    expect(laneWindow(geometry, top, height)).toEqual(expected);
  });

  it('every lane in view is drawn, for any scroll position', () => {
    const geometry = g(500);
    for (let top = 0; top < 20 + 500 * 22; top += 37) {
      const [from, to] = laneWindow(geometry, top, 250);
      const firstVisible = Math.max(0, Math.floor((top - 20) / 22));
      const lastVisible = Math.min(499, Math.floor((top + 250 - 20) / 22));
      expect(from).toBeLessThanOrEqual(firstVisible);
      expect(to).toBeGreaterThan(lastVisible);
    }
  });
});
