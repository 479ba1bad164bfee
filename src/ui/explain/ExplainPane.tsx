/**
 * The Status pane: the "Why?" card for the field last asked about (kept while the cursor moves, so
 * "Show on timeline" can move it) above the status at the cursor.
 */
import { useMemo } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { SimAction } from '../../engine/input';
import type { Trace, TransitionRecord } from '../../engine/trace-types';
import { explainField, type StatusField } from './explain';
import { StatusPanel } from './StatusPanel';
import { WhyCard } from './WhyCard';

/** A question: which field, asked at which cursor time; `n` tells one question from the next. */
export interface WhyQuestion {
  field: StatusField;
  t: number;
  n: number;
}

export interface ExplainPaneProps {
  trace: Trace;
  pod: Pod | undefined;
  podName: string;
  t: number;
  actions: readonly SimAction[];
  question: WhyQuestion | undefined;
  onAsk: (q: WhyQuestion | undefined) => void;
  onSeek: (t: number) => void;
  onShowInStatechart: (transition: TransitionRecord) => void;
}

let asked = 0;

export function ExplainPane({
  trace,
  pod,
  podName,
  t,
  actions,
  question,
  onAsk,
  onSeek,
  onShowInStatechart,
}: ExplainPaneProps) {
  const explanation = useMemo(
    () => (question ? explainField(trace, question.t, question.field, actions) : undefined),
    [trace, question, actions],
  );
  return (
    <div>
      {question && explanation && (
        <WhyCard
          explanation={explanation}
          question={question.n}
          onShowOnTimeline={onSeek}
          onShowInStatechart={onShowInStatechart}
          onClose={() => onAsk(undefined)}
        />
      )}
      <StatusPanel
        pod={pod}
        podName={podName}
        t={t}
        selected={question?.field}
        onExplain={(field) => onAsk({ field, t, n: ++asked })}
      />
    </div>
  );
}
