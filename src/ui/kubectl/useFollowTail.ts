/**
 * Like a terminal running `kubectl get pods -w`, the output keeps its newest row in view as rows
 * arrive, unless the person scrolled up to read an older one (scrolling back to the end follows
 * again), also when the output grows without a new row (presenter mode's larger type). `content`
 * undefined: the output is not shown (another view), and following restarts when it is. The
 * scrolling box is the tab panel around the output.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const SLACK_PX = 8;

/** The tab panel around a kubectl output: the box that scrolls it. */
export const scroller = (el: HTMLElement | null) => el?.closest<HTMLElement>('[role="tabpanel"]') ?? null;

export function useFollowTail(ref: RefObject<HTMLElement | null>, content: string | undefined): RefObject<boolean> {
  const following = useRef(true);
  const shown = useRef(false);

  useEffect(() => {
    const box = scroller(ref.current);
    if (!box) return;
    const onScroll = () => {
      following.current = box.scrollTop + box.clientHeight >= box.scrollHeight - SLACK_PX;
    };
    box.addEventListener('scroll', onScroll);
    const resized =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => {
            if (shown.current && following.current) box.scrollTop = box.scrollHeight;
          });
    if (ref.current) resized?.observe(ref.current);
    resized?.observe(box);
    return () => {
      box.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, [ref]);

  useLayoutEffect(() => {
    const wasShown = shown.current;
    shown.current = content !== undefined;
    if (content === undefined) return;
    if (!wasShown) following.current = true;
    const box = scroller(ref.current);
    if (box && following.current) box.scrollTop = box.scrollHeight;
  }, [ref, content]);

  // Whether the output keeps its newest line in view (OutputLines then draws the tail).
  return following;
}
