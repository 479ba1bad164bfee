/**
 * The Status pane: the "Why?" card for the field last asked about (kept while the cursor moves, so
 * "Show on timeline" can move it) above the status at the cursor.
 */
import { useMemo } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { SimAction } from '../../engine/input';
import type { Trace, TransitionRecord } from '../../engine/trace-types';
import { podsAt } from '../chosen-pod';
import { seekFrame } from '../trace-utils';
import { explainField, type StatusField } from './explain';
import { StatusPanel } from './StatusPanel';
import type { WhyQuestion } from './useWhy';
import { WhyCard } from './WhyCard';

export interface ExplainPaneProps {
  trace: Trace;
  pod: Pod | undefined;
  podName: string;
  t: number;
  actions: readonly SimAction[];
  question: WhyQuestion | undefined;
  onAsk: (field: StatusField | undefined) => void;
  onSeek: (t: number) => void;
  onShowInStatechart: (transition: TransitionRecord) => void;
  /** Choose another pod (offered when this one does not exist at the cursor). */
  onChoosePod?: (name: string) => void;
}

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
  onChoosePod,
}: ExplainPaneProps) {
  const explanation = useMemo(
    () => (question ? explainField(trace, question.t, question.field, actions) : undefined),
    [trace, question, actions],
  );
  return (
    <div>
      {question && explanation && question.field.pod === podName && (
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
        onExplain={onAsk}
        gone={{ deletedAt: trace.deletedAt[podName], present: pod ? [] : podsAt(seekFrame(trace, t)), onChoose: onChoosePod }}
      />
    </div>
  );
}
