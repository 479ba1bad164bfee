/**
 * Guided lessons ("Classroom"): a scenario, narration steps anchored to real moments of its trace,
 * prediction questions whose answers are computed from that trace, and one-click changes to try.
 * Plain data: the UI renders it, the logic in anchors.ts / questions.ts reads it against a Trace.
 */
import type { MachineKind, NodeSettings, SimAction } from '../../engine';
import type { ScenarioV1 } from '../types';

/** Panes a lesson can ask the UI to show. */
export type LessonPane = 'timeline' | 'statechart' | 'kubectl' | 'events' | 'traffic' | 'cluster';

/** The kubectl view a step points at (the kubectl pane's tabs). */
export type KubectlView = 'watch' | 'describe' | 'yaml' | 'logs' | 'all';

/** Which Event an anchor means: the nth (1-based) with this reason, optionally of one container. */
export interface EventMatch {
  reason: string;
  /** 1-based; default 1. */
  nth?: number;
  /** Only events whose fieldPath names this container (`spec.containers{NAME}` or initContainers). */
  container?: string;
  /** Only events whose message contains this text (e.g. `Liveness` to tell probe types apart). */
  message?: string;
}

interface AnchorOffset {
  /** Added to the resolved moment (may be negative: "just before"). */
  offsetMs?: number;
}

/**
 * A moment of the run, resolved against a Trace to virtual milliseconds:
 * a fixed time; an Event; the first frame whose kubectl STATUS is `status`; the first frame whose
 * `status.phase` is `phase`; the first frame where a pod condition has a status.
 */
export type Anchor =
  | ({ t: number } & AnchorOffset)
  | ({ event: EventMatch } & AnchorOffset)
  | ({ status: string } & AnchorOffset)
  | ({ phase: string } & AnchorOffset)
  | ({ condition: { type: string; status: 'True' | 'False' | 'Unknown' } } & AnchorOffset);

/**
 * What a prediction question asks. All kinds but `choice` are answered from the trace:
 * - phaseAfterNextEvent: the Pod's phase once the next Event after the anchor has happened;
 * - statusAt: kubectl's STATUS column at the anchor (+ atOffsetMs);
 * - nextEventReason: the reason of the next Event after the anchor (of `container` if given);
 * - readyAt: kubectl's READY column (`1/2`), or `true`/`false` for `container`'s ready flag;
 * - restartCountAt: kubectl's RESTARTS count, or `container`'s restartCount;
 * - choice: `answer` is given, and a test proves it against the trace.
 */
export type QuestionKind = 'phaseAfterNextEvent' | 'statusAt' | 'nextEventReason' | 'readyAt' | 'restartCountAt' | 'choice';

export interface Question {
  prompt: string;
  kind: QuestionKind;
  choices: string[];
  /** Evaluate this long after the step's anchor (statusAt, readyAt, restartCountAt; default 0). */
  atOffsetMs?: number;
  /** Narrow to one container (nextEventReason, readyAt, restartCountAt). */
  container?: string;
  /** The correct choice, for `choice` questions only. */
  answer?: string;
  /** Shown after answering: why, and where to see it on the diagram or timeline. */
  explain: string;
}

export interface LessonFocus {
  machine?: MachineKind;
  container?: string;
  /** One actor of that machine by its name (`node-2` for `node/node-2`, a pod's name): the first otherwise. */
  name?: string;
  pane?: LessonPane;
  kubectl?: KubectlView;
}

export interface LessonStep {
  id: string;
  at: Anchor;
  narration: string;
  focus?: LessonFocus;
  question?: Question;
}

/** A declarative change to the lesson's scenario. */
export interface TryThisPatch {
  /** Text replacements in the manifest, applied in order (every occurrence of `from`). */
  manifestReplace?: Array<[from: string, to: string]>;
  addActions?: SimAction[];
  /** Drop the lesson's own actions of these kinds before adding (e.g. "the node never fails"). */
  removeActionKinds?: Array<SimAction['kind']>;
  setNode?: Partial<NodeSettings>;
}

export interface TryThis {
  label: string;
  apply: TryThisPatch;
}

export interface Misconception {
  belief: string;
  reality: string;
}

export interface Lesson {
  id: string;
  title: string;
  topic: string;
  /** One line: what the learner will be able to say afterwards. */
  goal: string;
  scenario: ScenarioV1;
  /** Virtual ms to simulate (default: the engine's DEFAULT_UNTIL_MS). */
  untilMs?: number;
  steps: LessonStep[];
  /** Two or three one-click changes. */
  tryThis: TryThis[];
  panes?: LessonPane[];
  misconception?: Misconception;
}
