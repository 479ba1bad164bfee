/**
 * A terminal's output inside its scrolling panel. Short output is plain text. Long output (a watch
 * over a controller's hundred Pods prints a thousand rows) draws only the lines in and near view,
 * with spacers of the right height for the rest: the browser then lays out a screenful of text at
 * each seek, not the whole scrollback. While the panel follows the tail (useFollowTail) the last
 * lines are drawn directly, so a seek never shows a stale window for a frame. Copy takes the whole
 * text from the caller.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { onScrollFrames } from '../layout/scroll-frames';
import { scroller } from './useFollowTail';

/** Below this many lines the text is drawn whole: selectable, and cheap to lay out. */
export const WINDOWED_FROM_LINES = 400;
/** Lines drawn beyond each edge of the view, so a scroll between two updates shows no gap. */
const OVERSCAN = 60;

interface View {
  /** The panel's scrollTop minus where the lines start in it (px). */
  top: number;
  height: number;
  lineHeight: number;
}

function measure(el: HTMLElement): View | undefined {
  const box = scroller(el);
  if (!box) return undefined;
  const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
  return { top: box.getBoundingClientRect().top - el.getBoundingClientRect().top, height: box.clientHeight, lineHeight };
}

export function OutputLines({ text, following }: { text: string; following?: RefObject<boolean> }) {
  // Split once per text, not at every scroll frame that moves the window.
  const lines = useMemo(() => (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n'), [text]);
  const long = lines.length > WINDOWED_FROM_LINES;
  const ref = useRef<HTMLSpanElement>(null);
  const [view, setView] = useState<View | undefined>();

  useEffect(() => {
    const el = ref.current;
    const box = scroller(el);
    if (!long || !el || !box) return;
    return onScrollFrames(box, () => setView(measure(el)));
  }, [long]);

  if (!long) return <>{text}</>;
  const lineHeight = view?.lineHeight ?? 18;
  const inView = Math.ceil((view?.height ?? 600) / lineHeight);
  let first = 0;
  if (following?.current) first = lines.length - inView - OVERSCAN;
  else if (view) first = Math.floor(view.top / lineHeight) - OVERSCAN;
  first = Math.max(0, Math.min(first, lines.length - 1));
  const last = Math.min(lines.length, first + inView + 2 * OVERSCAN);
  return (
    <span ref={ref} className="block" data-testid="output-window" data-lines={lines.length} data-first-line={first}>
      {/* Reading, find-in-page and select-all reach only the lines drawn: say so. */}
      <span className="sr-only">
        Lines {first + 1} to {last} of {lines.length} are on the page; scroll for the others, or Copy for all of them.
      </span>
      <span className="block" style={{ height: first * lineHeight }} aria-hidden="true" />
      <span className="block">{lines.slice(first, last).join('\n')}</span>
      <span className="block" style={{ height: (lines.length - last) * lineHeight }} aria-hidden="true" />
    </span>
  );
}
