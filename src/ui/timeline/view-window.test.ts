import { describe, expect, it } from 'vitest';
import { fitSpan, follow, zoom } from './view-window';

describe('timeline window', () => {
  it('fits the events with a nice span, never beyond the run', () => {
    expect(fitSpan(5_000, 300_000)).toBe(10_000);
    expect(fitSpan(40_000, 300_000)).toBe(60_000);
    expect(fitSpan(290_000, 300_000)).toBe(300_000);
    expect(fitSpan(0, 4_000)).toBe(4_000);
  });

  it('follows the cursor only when it leaves the window', () => {
    expect(follow({ start: 0, span: 20_000 }, 10_000, 300_000)).toBe(0);
    expect(follow({ start: 0, span: 20_000 }, 25_000, 300_000)).toBe(7_000);
    expect(follow({ start: 100_000, span: 20_000 }, 50_000, 300_000)).toBe(48_000);
    expect(follow({ start: 0, span: 20_000 }, 300_000, 300_000)).toBe(280_000);
  });

  it('zooms around the cursor and clamps to the run', () => {
    expect(zoom({ start: 0, span: 20_000 }, 0.5, 10_000, 300_000)).toEqual({ start: 5_000, span: 10_000 });
    expect(zoom({ start: 0, span: 200_000 }, 2, 0, 300_000)).toEqual({ start: 0, span: 300_000 });
    expect(zoom({ start: 0, span: 6_000 }, 0.5, 0, 300_000).span).toBe(5_000);
  });
});
