/**
 * Pure helpers the lesson player needs on top of the headless lessons: which steps are shown, when
 * a question's answer can be seen, the run as known up to the cursor (no spoilers while the learner
 * predicts), and which machine a focus hint means.
 */
import type { Frame, Trace } from '../../engine/trace-types';
import type { LessonFocus, LessonPane, TimedStep } from '../../scenario';

/** A step the run reaches: its anchor resolved to a time. */
export type ShownStep = TimedStep & { t: number; point: NonNullable<TimedStep['point']> };

/** Steps in time order, without those whose anchor this run never reaches. */
export function shownSteps(timeline: TimedStep[]): ShownStep[] {
  return timeline.filter((s): s is ShownStep => s.t !== undefined && s.point !== undefined);
}

const EVENT_KINDS = new Set(['nextEventReason', 'phaseAfterNextEvent']);

/** The container an Event's fieldPath names (`spec.containers{app}` → `app`). */
function eventContainer(fieldPath: string | undefined): string | undefined {
  return /^spec\.(?:init|ephemeral)?[cC]ontainers\{([^}]+)\}$/.exec(fieldPath ?? '')?.[1];
}

/** Where the cursor goes once a question is answered: the moment that shows the answer. */
export function revealTime(step: ShownStep, trace: Trace): number {
  const q = step.step.question;
  if (!q) return step.t;
  if (EVENT_KINDS.has(q.kind)) {
    for (let i = step.point.nextEvent; i < trace.events.length; i++) {
      const e = trace.events[i];
      if (q.container === undefined || eventContainer(e.fieldPath) === q.container) return e.t;
    }
    return step.t;
  }
  return Math.min(trace.until, step.t + (q.atOffsetMs ?? 0));
}

/**
 * The run as it is known at t: frames, events, transitions and probes up to t, ending at t. The
 * timeline and events drawn from it show nothing of the future (predict before you see).
 */
export function traceUntil(trace: Trace, t: number): Trace {
  const upTo = <T extends { t: number }>(xs: T[]) => xs.filter((x) => x.t <= t);
  return {
    ...trace,
    frames: upTo(trace.frames),
    events: upTo(trace.events),
    transitions: upTo(trace.transitions),
    probes: upTo(trace.probes),
    requests: upTo(trace.requests),
    until: Math.max(t, trace.frames[0]?.t ?? 0),
  };
}

/** The actor id a focus hint points at in this frame, if any. */
export function focusedMachine(frame: Frame | undefined, focus: LessonFocus | undefined): string | undefined {
  if (!frame || !focus?.machine) return undefined;
  const all = frame.machines.filter((m) => m.machine === focus.machine);
  const byName = focus.name === undefined ? [] : all.filter((m) => m.id.split('/')[1] === focus.name);
  const candidates = byName.length > 0 ? byName : all;
  if (focus.container === undefined) return candidates[0]?.id;
  const named = candidates.find((m) => m.id.split('/')[3] === focus.container);
  return (named ?? candidates[0])?.id;
}

export const ALL_PANES: LessonPane[] = ['timeline', 'kubectl', 'events', 'statechart', 'traffic', 'cluster'];

/** Panes on screen: all of them, or in presenter mode the lesson's own (plus the one a step points at). */
export function visiblePanes(
  lessonPanes: LessonPane[] | undefined,
  focus: LessonFocus | undefined,
  presenter: boolean,
): Set<LessonPane> {
  if (!presenter || !lessonPanes || lessonPanes.length === 0) return new Set(ALL_PANES);
  const shown = new Set(lessonPanes);
  if (focus?.pane) shown.add(focus.pane);
  if (focus?.kubectl) shown.add('kubectl');
  if (focus?.machine) shown.add('statechart');
  return shown;
}

/** The pane a step wants seen: its explicit pane, else what its other hints imply. */
export function focusPane(focus: LessonFocus | undefined): LessonPane | undefined {
  if (focus?.pane) return focus.pane;
  if (focus?.kubectl) return 'kubectl';
  if (focus?.machine) return 'statechart';
  return undefined;
}

/** A 1-based step number from the address, clamped to the steps there are. */
export function clampStep(n: number, count: number): number {
  if (count === 0) return 0;
  return Math.min(Math.max(1, Math.floor(n)), count) - 1;
}

