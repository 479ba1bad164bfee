/**
 * Anchors → virtual time. A lesson step says "when the third liveness probe fails"; the trace says
 * when that was. Everything here is pure and reads only the Trace.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_UNTIL_MS, type Trace } from '../../engine';
import type { SimEvent } from '../../k8s';
import { podStatusReason } from '../../k8s';
import type { Anchor, EventMatch, Lesson, LessonStep } from './types';

/** What kubectl says when the Pod is gone (`Error from server (NotFound)`). */
export const NO_POD = 'NotFound';

/** A resolved moment: its time, and the index of the first Event that comes after it. */
export interface AnchorPoint {
  t: number;
  /** Index into trace.events of the next Event after this moment. */
  nextEvent: number;
}

/** The container an Event's fieldPath names (`spec.containers{app}` → `app`). */
export function eventContainer(e: SimEvent): string | undefined {
  return /^spec\.(?:init|ephemeral)?[cC]ontainers\{([^}]+)\}$/.exec(e.fieldPath ?? '')?.[1];
}

export function eventMatches(e: SimEvent, m: Omit<EventMatch, 'nth'>): boolean {
  if (e.reason !== m.reason) return false;
  if (m.container !== undefined && eventContainer(e) !== m.container) return false;
  return m.message === undefined || e.message.includes(m.message);
}

/** The first Pod of the frame (lessons run one Pod), or undefined once it is deleted. */
export function firstPod(pods: Pod[]): Pod | undefined {
  return pods[0];
}

export function statusOf(pod: Pod | undefined): string {
  return pod ? podStatusReason(pod) : NO_POD;
}

function firstEventAfter(trace: Trace, t: number): number {
  const i = trace.events.findIndex((e) => e.t > t);
  return i < 0 ? trace.events.length : i;
}

function firstFrameWhere(trace: Trace, test: (pod: Pod | undefined) => boolean): number | undefined {
  return trace.frames.find((f) => test(firstPod(f.pods)))?.t;
}

function basePoint(anchor: Anchor, trace: Trace): AnchorPoint | undefined {
  if ('event' in anchor) {
    const nth = anchor.event.nth ?? 1;
    let seen = 0;
    for (let i = 0; i < trace.events.length; i++) {
      if (eventMatches(trace.events[i], anchor.event) && ++seen === nth) return { t: trace.events[i].t, nextEvent: i + 1 };
    }
    return undefined;
  }
  let t: number | undefined;
  if ('t' in anchor) t = anchor.t;
  else if ('status' in anchor) t = firstFrameWhere(trace, (p) => statusOf(p) === anchor.status);
  else if ('phase' in anchor) t = firstFrameWhere(trace, (p) => p?.status?.phase === anchor.phase);
  else {
    const { type, status } = anchor.condition;
    t = firstFrameWhere(trace, (p) => (p?.status?.conditions ?? []).some((c) => c.type === type && c.status === status));
  }
  return t === undefined ? undefined : { t, nextEvent: firstEventAfter(trace, t) };
}

/** The anchor's moment with its events position, or undefined when the run never gets there. */
export function resolveAnchorPoint(anchor: Anchor, trace: Trace): AnchorPoint | undefined {
  const base = basePoint(anchor, trace);
  if (!base) return undefined;
  const offset = anchor.offsetMs ?? 0;
  const point = offset === 0 ? base : { t: base.t + offset, nextEvent: firstEventAfter(trace, base.t + offset) };
  return point.t >= 0 && point.t <= trace.until ? point : undefined;
}

/** Virtual ms of the anchor in this trace, or undefined when the run never gets there. */
export function resolveAnchor(anchor: Anchor, trace: Trace): number | undefined {
  return resolveAnchorPoint(anchor, trace)?.t;
}

export interface TimedStep {
  step: LessonStep;
  /** Position in lesson.steps. */
  index: number;
  /** Resolved time, or undefined when this run never reaches the anchor (e.g. after a tryThis). */
  t: number | undefined;
  point: AnchorPoint | undefined;
}

/** The lesson's steps with their resolved times, in time order (unresolved ones last, in lesson order). */
export function lessonTimeline(lesson: Lesson, trace: Trace): TimedStep[] {
  const timed = lesson.steps.map((step, index) => {
    const point = resolveAnchorPoint(step.at, trace);
    return { step, index, t: point?.t, point };
  });
  const key = (s: TimedStep) => s.t ?? Number.POSITIVE_INFINITY;
  return timed.sort((a, b) => key(a) - key(b) || a.index - b.index);
}

/** How long the lesson's run lasts (virtual ms). */
export function lessonUntil(lesson: Lesson): number {
  return lesson.untilMs ?? DEFAULT_UNTIL_MS;
}
