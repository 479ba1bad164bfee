/**
 * The part of the run the timeline shows. A five-minute run whose events all happen in the first
 * seconds would otherwise squeeze them into a few pixels, so the default window fits the events, and
 * the window follows the cursor when it leaves (playback, stepping, End).
 */
export interface ViewWindow {
  start: number;
  span: number;
}

const NICE_SPANS = [
  10_000, 20_000, 30_000, 60_000, 120_000, 180_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
];
export const MIN_SPAN = 5_000;

/** The smallest nice span that shows every event with a margin, never more than the run. */
export function fitSpan(lastEventMs: number, endMs: number): number {
  const wanted = Math.max(lastEventMs * 1.15, 10_000);
  const nice = NICE_SPANS.find((s) => s >= wanted) ?? endMs;
  return Math.min(nice, endMs);
}

/** The window start that keeps `t` visible, moving as little as possible, within [0, end]. */
export function follow(view: ViewWindow, t: number, endMs: number): number {
  const span = Math.min(view.span, endMs);
  let start = view.start;
  if (t < start) start = t - span * 0.1;
  else if (t > start + span) start = t - span * 0.9;
  return Math.max(0, Math.min(endMs - span, start));
}

/** Zooms by `factor` (<1 zooms in) around `t`, keeping t at the same place on screen. */
export function zoom(view: ViewWindow, factor: number, t: number, endMs: number): ViewWindow {
  const span = Math.max(MIN_SPAN, Math.min(endMs, view.span * factor));
  const rel = view.span > 0 ? (t - view.start) / view.span : 0;
  const start = Math.max(0, Math.min(endMs - span, t - rel * span));
  return { start, span };
}
