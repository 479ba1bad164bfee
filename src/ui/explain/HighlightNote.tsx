/** Above the statechart while it shows an edge picked from the "Why?" card: which one, and the way back. */
import type { TransitionRecord } from '../../engine/trace-types';
import { formatClock } from '../trace-utils';
import { transitionText } from './explain';

export function HighlightNote({ transition, onBack }: { transition: TransitionRecord; onBack: () => void }) {
  return (
    <p
      className="mx-2 mt-2 flex flex-wrap items-center gap-2 rounded-md border border-orange-700 px-2 py-1 text-sm dark:border-orange-300"
      data-testid="statechart-highlight"
    >
      <span>
        Highlighted at {formatClock(transition.t)}: {transitionText(transition)}.
      </span>
      <button type="button" className="btn-secondary ml-auto px-2 py-0.5 text-xs" onClick={onBack}>
        Back to Why?
      </button>
    </p>
  );
}
