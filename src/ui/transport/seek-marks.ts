/**
 * User Timing marks for the seek budget (every pane updated within one frame): always on, a few
 * calls per seek. `podplay:seek` runs from the moment a new cursor time is set to the commit of
 * every pane for it (React's render and DOM updates); `podplay:seek:paint` from the next animation
 * frame to just after it was drawn (style, layout, paint). e2e/perf.spec.ts reads both.
 */
import { useLayoutEffect } from 'react';

let pending = false;

/** Call where a seek sets a new cursor time (not for playback ticks). */
export function markSeekStart(): void {
  pending = true;
  performance.mark('podplay:seek:start');
}

/** In the top-level component, keyed on the cursor: its layout effect runs after every pane's. */
export function useSeekEnd(t: number): void {
  useLayoutEffect(() => {
    if (!pending) return;
    pending = false;
    performance.mark('podplay:seek:end');
    performance.measure('podplay:seek', 'podplay:seek:start', 'podplay:seek:end');
    performance.clearMarks('podplay:seek:start');
    performance.clearMarks('podplay:seek:end');
    requestAnimationFrame(() => {
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.measure('podplay:seek:paint', { start, end: performance.now() });
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    });
  }, [t]);
}
