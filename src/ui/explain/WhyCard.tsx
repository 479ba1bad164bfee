/**
 * The "Why?" card: what set a status field, in a sentence or two, with the way to see that moment
 * on the timeline and the machine's edge in the statechart. It takes the focus when it opens.
 */
import { useEffect, useId, useRef } from 'react';
import type { TransitionRecord } from '../../engine/trace-types';
import { formatClock } from '../trace-utils';
import { fieldLabel, transitionText, type Explanation } from './explain';

export interface WhyCardProps {
  explanation: Explanation;
  /** Changes each time a field is asked about: the card takes the focus once per question. */
  question: number;
  onShowOnTimeline: (t: number) => void;
  onShowInStatechart: (transition: TransitionRecord) => void;
  onClose: () => void;
}

let focusedQuestion = 0;

export function WhyCard({ explanation: x, question, onShowOnTimeline, onShowInStatechart, onClose }: WhyCardProps) {
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (focusedQuestion === question) return;
    focusedQuestion = question;
    ref.current?.focus();
  }, [question]);

  const title = `Why is ${fieldLabel(x.field)} ${x.value ?? 'unset'}?`;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-testid="why-card"
      className="m-2 rounded-md border border-sky-700 bg-sky-50 p-2 text-sm focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-sky-400 dark:bg-slate-950"
    >
      <h3 id={titleId} className="font-semibold">
        {title}
      </h3>
      <p className="mt-1" data-testid="why-sentence">
        {x.sentence}
      </p>
      {(x.event || x.transition) && (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-700 dark:text-slate-300">
          {x.event && (
            <>
              <dt>Event</dt>
              <dd>
                {formatClock(x.event.t)} <span className="font-semibold">{x.event.reason}</span>: {x.event.message}
              </dd>
            </>
          )}
          {x.transition && (
            <>
              <dt>Machine</dt>
              <dd>{transitionText(x.transition)}</dd>
            </>
          )}
        </dl>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className="btn-secondary px-2 py-0.5 text-xs" onClick={() => onShowOnTimeline(x.t)}>
          Show on timeline ({formatClock(x.t)})
        </button>
        <button
          type="button"
          className="btn-secondary px-2 py-0.5 text-xs"
          disabled={!x.transition}
          onClick={() => {
            if (x.transition) onShowInStatechart(x.transition);
          }}
        >
          Show in statechart
        </button>
        <button type="button" className="btn-secondary ml-auto px-2 py-0.5 text-xs" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
