/**
 * Calls `onFrame` now and then at most once per animation frame while `pane` scrolls or resizes:
 * views that draw only what is in view (long kubectl output, many timeline lanes) measure again.
 * Returns the unsubscribe, for an effect's cleanup.
 */
export function onScrollFrames(pane: HTMLElement, onFrame: () => void): () => void {
  let frame = 0;
  const run = () => {
    frame = 0;
    onFrame();
  };
  const later = () => {
    if (frame === 0) frame = requestAnimationFrame(run);
  };
  run();
  pane.addEventListener('scroll', later, { passive: true });
  const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(later);
  resized?.observe(pane);
  return () => {
    cancelAnimationFrame(frame);
    pane.removeEventListener('scroll', later);
    resized?.disconnect();
  };
}
