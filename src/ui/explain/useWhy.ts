/**
 * The playground's "Why?" state: the question open in the Status pane, and the statechart's
 * machine and highlighted edge when the card sends the person there ("Show in statechart").
 */
import { useMemo, useRef, useState } from 'react';
import type { TransitionRecord } from '../../engine/trace-types';
import type { StatusField } from './explain';

/** A question: which field, asked at which cursor time; `n` tells one question from the next. */
export interface WhyQuestion {
  field: StatusField;
  t: number;
  n: number;
}

export function useWhy({
  t,
  setT,
  lastTransitions,
  openPane,
}: {
  t: number;
  setT: (t: number) => void;
  lastTransitions: Map<string, TransitionRecord>;
  openPane: (pane: 'status' | 'statechart') => void;
}) {
  const asked = useRef(0);
  const [question, setQuestion] = useState<WhyQuestion | undefined>();
  const [machine, setMachine] = useState<string | undefined>();
  const [edge, setEdge] = useState<TransitionRecord | undefined>();
  // The edge stays highlighted while the cursor is at its moment.
  const highlight = edge && edge.t === t ? edge : undefined;
  const transitions = useMemo(() => {
    if (!highlight) return lastTransitions;
    const map = new Map(lastTransitions);
    map.set(highlight.actor, highlight);
    return map;
  }, [lastTransitions, highlight]);

  return {
    highlight,
    pane: {
      question,
      onAsk: (field: StatusField | undefined) =>
        setQuestion(field ? { field, t, n: ++asked.current } : undefined),
      onSeek: setT,
      onShowInStatechart: (tr: TransitionRecord) => {
        setEdge(tr);
        setMachine(tr.actor);
        setT(tr.t);
        openPane('statechart');
      },
    },
    statechart: {
      lastTransitions: transitions,
      selected: machine,
      onSelect: (id: string) => {
        setMachine(id);
        setEdge(undefined);
      },
    },
    /** Back from the statechart to the card (which takes the focus again). */
    back: () => {
      setEdge(undefined);
      setQuestion((q) => (q ? { ...q, n: ++asked.current } : q));
      openPane('status');
    },
  };
}
