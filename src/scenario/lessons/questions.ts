/**
 * Prediction questions: the correct answer is read from the trace at the step's moment, so a lesson
 * stays right when the engine changes its timing, and a "try this" variant gets its own answers.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { seek, type Trace } from '../../engine';
import { printPodRow } from '../../k8s';
import { eventContainer, firstPod, statusOf, type AnchorPoint } from './anchors';
import type { Question } from './types';

function containerStatus(pod: Pod | undefined, name: string) {
  const s = pod?.status;
  return [...(s?.containerStatuses ?? []), ...(s?.initContainerStatuses ?? [])].find((c) => c.name === name);
}

function podAt(trace: Trace, t: number): Pod | undefined {
  return firstPod(seek(trace, t).pods);
}

function nextEventIndex(question: Question, trace: Trace, point: AnchorPoint): number | undefined {
  for (let i = point.nextEvent; i < trace.events.length; i++) {
    if (question.container === undefined || eventContainer(trace.events[i]) === question.container) return i;
  }
  return undefined;
}

/** Accepts a bare time (the next event is then the first one strictly after it). */
function toPoint(trace: Trace, at: number | AnchorPoint): AnchorPoint {
  if (typeof at !== 'number') return at;
  const i = trace.events.findIndex((e) => e.t > at);
  return { t: at, nextEvent: i < 0 ? trace.events.length : i };
}

/**
 * The correct answer to `question` asked at `at` (the step's resolved anchor), or undefined when the
 * trace cannot answer it (no next event; a `choice` question without `answer`).
 */
export function answerFor(question: Question, trace: Trace, at: number | AnchorPoint): string | undefined {
  const point = toPoint(trace, at);
  const t = point.t + (question.atOffsetMs ?? 0);
  switch (question.kind) {
    case 'choice':
      return question.answer;
    case 'statusAt':
      return statusOf(podAt(trace, t));
    case 'readyAt': {
      const pod = podAt(trace, t);
      if (question.container === undefined) return pod ? printPodRow(pod).ready : undefined;
      const cs = containerStatus(pod, question.container);
      return cs ? String(cs.ready) : undefined;
    }
    case 'restartCountAt': {
      const pod = podAt(trace, t);
      if (question.container === undefined) return pod ? String(printPodRow(pod).restarts) : undefined;
      const cs = containerStatus(pod, question.container);
      return cs ? String(cs.restartCount) : undefined;
    }
    case 'nextEventReason': {
      const i = nextEventIndex(question, trace, point);
      return i === undefined ? undefined : trace.events[i].reason;
    }
    case 'phaseAfterNextEvent': {
      const i = nextEventIndex(question, trace, point);
      if (i === undefined) return undefined;
      const pod = podAt(trace, trace.events[i].t);
      return pod?.status?.phase ?? (pod ? undefined : statusOf(pod));
    }
  }
}

export interface AnswerCheck {
  correct: boolean;
  /** The right choice (undefined only when the trace cannot answer). */
  expected: string | undefined;
  explain: string;
}

/** Grade a learner's choice. */
export function checkAnswer(question: Question, trace: Trace, at: number | AnchorPoint, chosen: string): AnswerCheck {
  const expected = answerFor(question, trace, at);
  return { correct: expected !== undefined && chosen === expected, expected, explain: question.explain };
}
