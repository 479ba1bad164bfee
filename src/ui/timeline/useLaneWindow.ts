/**
 * Which timeline lanes to draw. A controller's hundred Pods make a hundred lanes, of which the
 * timeline's scrolling pane shows a dozen; a seek that moves the time window would redraw every
 * segment of every lane. With many lanes, only those in and near the pane's view are drawn, in
 * blocks, so scrolling redraws once per block and a seek redraws a screenful.
 */
import { useEffect, useState, type RefObject } from 'react';
import { onScrollFrames } from '../layout/scroll-frames';

/** Fewer lanes than this are all drawn (every single-Pod run, small clusters). */
export const WINDOW_FROM_LANES = 80;
/** Lanes are drawn in blocks of this many, with a block of margin above and below the view. */
const BLOCK = 20;

export interface LaneGeometry {
  count: number;
  /** Pixels per drawing unit (the SVG's scale). */
  k: number;
  axisH: number;
  laneH: number;
}

/** The element itself or its nearest ancestor that scrolls vertically: the pane the timeline sits in. */
function scrollingAncestor(el: HTMLElement): HTMLElement | undefined {
  for (let p: HTMLElement | null = el; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return undefined;
}

/** Lanes [from, to) to draw, given what of the drawing (px from its top) is in view. */
export function laneWindow(g: LaneGeometry, viewTop: number, viewHeight: number): [number, number] {
  if (g.count < WINDOW_FROM_LANES) return [0, g.count];
  const lane = (px: number) => (px / g.k - g.axisH) / g.laneH;
  const from = Math.floor(lane(viewTop) / BLOCK) * BLOCK - BLOCK;
  const to = Math.ceil(lane(viewTop + viewHeight) / BLOCK) * BLOCK + BLOCK;
  return [Math.max(0, Math.min(from, g.count)), Math.max(0, Math.min(to, g.count))];
}

export function useLaneWindow(drawing: RefObject<Element | null>, g: LaneGeometry): [number, number] {
  // What of the drawing is in view (px from its top). It is stored only when the lanes to draw
  // change, so it may lag a scroll by less than a block; a new geometry (lane count, scale)
  // measures again, since the same lag may then mean other lanes.
  const [view, setView] = useState<{ top: number; height: number }>({ top: 0, height: 600 });
  const windowed = g.count >= WINDOW_FROM_LANES;
  const { count, k, axisH, laneH } = g;

  useEffect(() => {
    const el = drawing.current;
    const pane = el?.parentElement ? scrollingAncestor(el.parentElement) : undefined;
    if (!windowed || !el || !pane) return;
    const geometry = { count, k, axisH, laneH };
    let first = true;
    return onScrollFrames(pane, () => {
      const top = pane.getBoundingClientRect().top - el.getBoundingClientRect().top;
      const height = pane.clientHeight;
      const measured = { top, height };
      if (first) {
        first = false;
        setView(measured);
        return;
      }
      // Re-render only when the lanes to draw change, not on every pixel of a scroll.
      setView((v) => {
        const [a, b] = laneWindow(geometry, v.top, v.height);
        const [c, d] = laneWindow(geometry, top, height);
        return a === c && b === d ? v : measured;
      });
    });
  }, [drawing, windowed, count, k, axisH, laneH]);

  return laneWindow(g, view.top, view.height);
}
