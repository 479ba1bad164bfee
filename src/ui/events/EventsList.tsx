/**
 * The pod's events with kubectl's fields (Type, Reason, Age, From, Message), one entry per event,
 * the message on its own line so it reads in a narrow pane. Events after the cursor are listed
 * dimmed as upcoming; activating an entry moves the cursor to it.
 */
import { useEffect, useRef } from 'react';
import type { SimEvent } from '../../k8s/events';
import { humanDuration } from '../../k8s';
import { formatClock } from '../trace-utils';

export function EventsList({
  events,
  t,
  onSeek,
  showObject = false,
}: {
  events: SimEvent[];
  t: number;
  onSeek: (t: number) => void;
  /** Name each event's object (`deployment/web: Scaled up ...`) when the list mixes objects. */
  showObject?: boolean;
}) {
  const currentRef = useRef<HTMLLIElement>(null);
  let lastPast = -1;
  events.forEach((e, i) => {
    if (e.t <= t) lastPast = i;
  });
  useEffect(() => {
    currentRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [lastPast]);

  if (events.length === 0)
    return <p className="p-3 text-sm text-slate-700 dark:text-slate-300">No events yet.</p>;
  return (
    <div className="font-mono text-[0.8125rem]">
      <div
        className="sticky top-0 z-10 grid grid-cols-[4.5rem_5rem_minmax(6rem,1fr)_4.5rem_minmax(6rem,1fr)] gap-x-2 border-b border-slate-300 bg-white px-2 py-1 text-xs tracking-wide text-slate-700 uppercase dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
        aria-hidden="true"
      >
        <span>At</span>
        <span>Type</span>
        <span>Reason</span>
        <span>Age</span>
        <span>From</span>
      </div>
      <ol aria-label="Events; activate one to move the cursor to it" data-testid="events-list">
        {events.map((e, i) => {
          const past = e.t <= t;
          const current = i === lastPast;
          const age = past ? humanDuration(t - e.t) : `in ${humanDuration(e.t - t)}`;
          return (
            <li
              key={`${e.t}-${i}`}
              ref={current ? currentRef : undefined}
              aria-current={current ? 'true' : undefined}
              className="border-b border-slate-200 dark:border-slate-800"
            >
              <button
                type="button"
                onClick={() => onSeek(e.t)}
                aria-label={`Move cursor to ${e.reason} at ${formatClock(e.t)}${past ? '' : ' (upcoming)'}: ${e.type}, from ${e.source}, age ${age}. ${e.message}`}
                className={`block w-full px-2 py-1 text-left focus-visible:outline-3 focus-visible:-outline-offset-3 focus-visible:outline-sky-600 ${
                  past ? '' : 'text-slate-600 dark:text-slate-400'
                } ${current ? 'bg-sky-100 dark:bg-sky-950' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
              >
                <span className="grid grid-cols-[4.5rem_5rem_minmax(6rem,1fr)_4.5rem_minmax(6rem,1fr)] gap-x-2">
                  <span className="tabular-nums">{formatClock(e.t)}</span>
                  <span
                    className={
                      e.type === 'Warning' ? 'font-semibold text-orange-800 dark:text-orange-300' : ''
                    }
                  >
                    {e.type}
                  </span>
                  <span className="truncate font-semibold">{e.reason}</span>
                  <span>{age}</span>
                  <span className="truncate">{e.source}</span>
                </span>
                <span className="mt-0.5 block font-sans text-sm break-words">
                  {showObject && <span className="font-mono text-[0.8125rem]">{e.object}: </span>}
                  {e.message}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
