/**
 * "Why?" for one status field at the cursor: find the moment the field took the value it has at t
 * (walking frames back while the value stays the same), then the Event, machine transition and
 * probe result recorded at that moment that best account for it, and say it in a sentence or two.
 * Pure: reads a Trace (and optionally the scenario's actions), never the engine.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { SimAction } from '../../engine/input';
import type { Frame, ProbeRecord, Trace, TransitionRecord } from '../../engine/trace-types';
import type { SimEvent } from '../../k8s/events';
import { actionClock, describeAction } from '../actions/describe';
import { countUntil, findPod, formatClock } from '../trace-utils';
import { pairsOf } from '../statechart/actors';

/** A status field of one pod that can be explained. */
export type StatusField =
  | { kind: 'phase'; pod: string }
  | { kind: 'condition'; pod: string; type: string }
  | { kind: 'containerState'; pod: string; container: string }
  | { kind: 'containerReady'; pod: string; container: string }
  | { kind: 'restartCount'; pod: string; container: string };

export interface Explanation {
  field: StatusField;
  /** Virtual ms at which the field took its current value (the start of the run if it never changed). */
  t: number;
  /** The value at the cursor, as shown ("True", "Running", "2"); undefined when the field is absent. */
  value: string | undefined;
  /** The value just before t, when there was one. */
  previous?: string;
  /** The Event that best accounts for the change (for restartCount: the Started of the new instance). */
  event?: SimEvent;
  /** For restartCount: what ended the previous instance (Killing), when an Event says so. */
  cause?: SimEvent;
  /** The machine transition behind the change. */
  transition?: TransitionRecord;
  /** A probe result at that moment that decided it (readiness for Ready, liveness for Killing). */
  probe?: ProbeRecord;
  /** A scenario action taken since the value was last different. */
  action?: SimAction;
  /** One or two sentences a person reads in the "Why?" card. */
  sentence: string;
}

/** How a field is named in the card ("Ready", "liveness restartCount"). */
export function fieldLabel(field: StatusField): string {
  switch (field.kind) {
    case 'phase':
      return 'Phase';
    case 'condition':
      return field.type;
    case 'containerState':
      return `${field.container} state`;
    case 'containerReady':
      return `${field.container} ready`;
    case 'restartCount':
      return `${field.container} restartCount`;
  }
}

/** A stable id for a field (React keys, test ids). */
export function fieldKey(field: StatusField): string {
  switch (field.kind) {
    case 'phase':
      return `${field.pod}/phase`;
    case 'condition':
      return `${field.pod}/condition/${field.type}`;
    default:
      return `${field.pod}/${field.container}/${field.kind}`;
  }
}

export function containerStatusOf(pod: Pod | undefined, name: string): ContainerStatus | undefined {
  const s = pod?.status;
  return [
    ...(s?.initContainerStatuses ?? []),
    ...(s?.containerStatuses ?? []),
    ...(s?.ephemeralContainerStatuses ?? []),
  ].find((c) => c.name === name);
}

/** `Running`, `Waiting: CrashLoopBackOff`, `Terminated: Error (exit code 2)`. */
export function stateText(status: ContainerStatus | undefined): string | undefined {
  const st = status?.state;
  if (!st) return undefined;
  if (st.running) return 'Running';
  if (st.terminated) {
    const reason = st.terminated.reason ?? (st.terminated.exitCode === 0 ? 'Completed' : 'Error');
    return `Terminated: ${reason} (exit code ${st.terminated.exitCode})`;
  }
  if (st.waiting) return st.waiting.reason ? `Waiting: ${st.waiting.reason}` : 'Waiting';
  return undefined;
}

/** What the field shows (label) and what identifies its value (key: a restart is a new Running). */
function read(pod: Pod | undefined, field: StatusField): { key: string; label: string } | undefined {
  if (!pod) return undefined;
  switch (field.kind) {
    case 'phase': {
      const phase = pod.status?.phase ?? 'Pending';
      return { key: phase, label: phase };
    }
    case 'condition': {
      const c = pod.status?.conditions?.find((x) => x.type === field.type);
      return c ? { key: c.status, label: c.status } : undefined;
    }
    case 'containerState': {
      const s = containerStatusOf(pod, field.container);
      const label = stateText(s);
      return label ? { key: JSON.stringify(s?.state), label } : undefined;
    }
    case 'containerReady': {
      const s = containerStatusOf(pod, field.container);
      return s ? { key: String(s.ready), label: String(s.ready) } : undefined;
    }
    case 'restartCount': {
      const s = containerStatusOf(pod, field.container);
      return s ? { key: String(s.restartCount), label: String(s.restartCount) } : undefined;
    }
  }
}

function containerOfField(field: StatusField): string | undefined {
  return 'container' in field ? field.container : undefined;
}

/** The container an event's fieldPath names (`spec.containers{app}` → `app`). */
export function eventContainer(e: SimEvent): string | undefined {
  return /\{([^}]+)\}/.exec(e.fieldPath ?? '')?.[1];
}

/** Container name of an actor id (`pod/p/container/c[/probe/x]`). */
function actorContainer(actor: string): string | undefined {
  const parts = actor.split('/');
  return parts[2] === 'container' ? parts[3] : undefined;
}

function actorProbe(actor: string): string | undefined {
  const parts = actor.split('/');
  return parts[4] === 'probe' ? parts[5] : undefined;
}

/** Which transitions speak for a field, best first (lower is better; undefined = unrelated). */
function transitionRank(field: StatusField, tr: TransitionRecord): number | undefined {
  const pod = `pod/${field.pod}`;
  const isNode = tr.actor.startsWith('node/');
  const isPod = tr.actor === pod;
  if (!isNode && !isPod && !tr.actor.startsWith(`${pod}/`)) return undefined;
  const container = actorContainer(tr.actor);
  const probe = actorProbe(tr.actor);
  const own = containerOfField(field);
  // Probe workers tick all the time (after period → probing → idle): only their results matter.
  if (probe && tr.event !== 'PROBE_RESULT') return undefined;
  switch (field.kind) {
    case 'phase':
      return isPod ? 0 : container && !probe ? 1 : isNode ? 2 : undefined;
    case 'condition':
      if (field.type === 'Ready' || field.type === 'ContainersReady')
        return probe === 'readiness' ? 0 : container && !probe ? 1 : isNode ? 2 : isPod ? 3 : undefined;
      if (field.type === 'PodScheduled' || field.type === 'Initialized' || field.type === 'PodReadyToStartContainers')
        return isPod ? 0 : container && !probe ? 1 : isNode ? 2 : undefined;
      return isNode ? 0 : isPod ? 1 : undefined;
    case 'containerReady':
      if (container !== own) return isNode ? 3 : undefined;
      return probe === 'readiness' ? 0 : !probe ? 1 : probe === 'startup' ? 2 : undefined;
    case 'containerState':
    case 'restartCount':
      return container === own && !probe ? 0 : undefined;
  }
}

/** Event reasons that explain a field's new value, best first. */
function preferredReasons(field: StatusField, value: string): string[] {
  switch (field.kind) {
    case 'phase':
      return ['Evicted', 'Killing', 'Started', 'Scheduled', 'FailedScheduling', 'NodeNotReady'];
    case 'condition':
      if (field.type === 'PodScheduled') return ['Scheduled', 'FailedScheduling'];
      if (field.type === 'Ready' || field.type === 'ContainersReady')
        return value === 'True'
          ? ['Started']
          : ['NodeNotReady', 'Unhealthy', 'Killing', 'BackOff', 'Failed', 'FailedPostStartHook', 'Started', 'Pulling'];
      return ['NodeNotReady', 'Evicted', 'Preempted', 'Started', 'Pulling'];
    case 'containerReady':
      return value === 'true'
        ? ['Started']
        : ['Unhealthy', 'Killing', 'BackOff', 'Failed', 'NodeNotReady', 'Pulling'];
    case 'containerState':
      if (value === 'Running') return ['Started'];
      if (value.startsWith('Terminated')) return ['Killing', 'Evicted', 'Unhealthy', 'FailedPostStartHook'];
      return ['BackOff', 'Failed', 'Killing', 'Pulling', 'Pulled', 'Created'];
    case 'restartCount':
      return ['Started'];
  }
}

/** The best of `items` by rank (lowest), latest among equals. */
function best<T>(items: readonly T[], rank: (x: T) => number | undefined): T | undefined {
  let found: T | undefined;
  let foundRank = Infinity;
  for (const x of items) {
    const r = rank(x);
    if (r !== undefined && r <= foundRank) {
      found = x;
      foundRank = r;
    }
  }
  return found;
}

function eventRelevant(field: StatusField, e: SimEvent): boolean {
  if (e.object !== `pod/${field.pod}`) return false;
  const own = containerOfField(field);
  if (!own) return true;
  const c = eventContainer(e);
  return c === undefined ? e.reason === 'NodeNotReady' || e.reason === 'Evicted' : c === own;
}

/** Actions that could have changed a field. */
function actionRelevant(field: StatusField, a: SimAction): boolean {
  const own = containerOfField(field);
  if ('pod' in a && a.pod !== undefined && a.pod !== field.pod) return false;
  if ('container' in a && own !== undefined && a.container !== own) return false;
  switch (a.kind) {
    case 'setPodCondition':
      return (
        (field.kind === 'condition' && (field.type === a.type || field.type === 'Ready')) ||
        field.kind === 'phase'
      );
    case 'setNodeState':
      return field.kind !== 'restartCount';
    case 'cordon':
      return false;
    default:
      return true;
  }
}

/** `container liveness`, `readiness probe of liveness`, `pod web`, `node node-1`. */
export function actorText(actor: string): string {
  // The innermost kind/name pair names it, whatever machine it runs (a probe also names its container).
  const pairs = pairsOf(actor);
  const [kind, name] = pairs[pairs.length - 1];
  return kind === 'probe' ? `${name} probe of ${pairs[pairs.length - 2]?.[1] ?? ''}` : `${kind} ${name}`;
}

/** `EXITED`, `after backOffWait`: the event as a short phrase. */
function eventText(event: string): string {
  return event.replace(/^xstate\.after\.(\w+).*$/, 'after $1');
}

const path = (active: readonly string[]): string =>
  active
    .filter((p) => !active.some((q) => q !== p && q.startsWith(`${p}.`)))
    .map((p) => p.split('.').join(' › '))
    .join(', ') || '—';

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** What a transition means, in words ("container liveness exited (running › main → terminated)"). */
export function transitionText(tr: TransitionRecord): string {
  const who = actorText(tr.actor);
  const edge = `${path(tr.from)} → ${path(tr.to)}`;
  switch (tr.event) {
    case 'EXITED':
      return `${who} exited (${edge})`;
    case 'STOP':
      return `the kubelet stopped ${who} (${edge})`;
    case 'PROCESS_STARTED':
      return `${who} started (${edge})`;
    case 'BIND':
      return `the scheduler bound ${who} to the node (${edge})`;
    case 'PROBE_RESULT':
      return `the ${who} reported a result (${edge})`;
    default:
      return `${who} went ${edge} on ${eventText(tr.event)}`;
  }
}

function eventSentence(e: SimEvent): string {
  return `${e.reason}: ${e.message.replace(/\.$/, '')}`;
}

function frameIndex(trace: Trace, t: number): number {
  return Math.max(0, countUntil(trace.frames, t, (f) => f.t) - 1);
}

/** Explain `field` as it is at `t` (ms). */
export function explainField(
  trace: Trace,
  t: number,
  field: StatusField,
  actions: readonly SimAction[] = [],
): Explanation {
  const frames = trace.frames;
  const label = fieldLabel(field);
  const i = frameIndex(trace, t);
  const now = read(findPod(frames[i], field.pod), field);
  if (!now)
    return {
      field,
      t: frames[i]?.t ?? 0,
      value: undefined,
      sentence: `${label} is not set at ${formatClock(t)}.`,
    };

  let k = i;
  while (k > 0 && read(findPod(frames[k - 1], field.pod), field)?.key === now.key) k--;
  const changed: Frame = frames[k];
  const before: Frame | undefined = k > 0 ? frames[k - 1] : undefined;
  const previous = before ? read(findPod(before, field.pod), field)?.label : undefined;
  const at = changed.t;

  // What was recorded between the frame before the change and the change itself.
  const windowOf = <T extends { t: number }>(items: readonly T[], from: number, to: number): T[] => {
    const xs = items.slice(from, to);
    const same = xs.filter((x) => x.t === at);
    return same.length > 0 ? same : xs;
  };
  const events = windowOf(trace.events, before?.eventCount ?? 0, changed.eventCount).filter((e) =>
    eventRelevant(field, e),
  );
  const transitions = windowOf(trace.transitions, before?.transitionCount ?? 0, changed.transitionCount);
  const probes = windowOf(trace.probes, before?.probeCount ?? 0, changed.probeCount).filter(
    (p) => p.pod === field.pod,
  );

  const transition = best(transitions, (tr) => transitionRank(field, tr));
  const reasons = preferredReasons(field, now.label);
  const event = best(events, (e) => {
    const r = reasons.indexOf(e.reason);
    return r < 0 ? reasons.length : r;
  });
  const action = [...actions]
    .reverse()
    .find((a) => a.at * 1000 <= at && a.at * 1000 > (before?.t ?? -1) && actionRelevant(field, a));

  const own = containerOfField(field);
  const readinessish =
    field.kind === 'containerReady' ||
    (field.kind === 'condition' && (field.type === 'Ready' || field.type === 'ContainersReady'));
  const probe = readinessish
    ? [...probes].reverse().find((p) => p.probe === 'readiness' && (own === undefined || p.container === own))
    : undefined;

  const podThen = findPod(changed, field.pod);
  const again = previous !== undefined && previous === now.label;
  const head = !before
    ? `${label} was ${now.label} from ${formatClock(at)}, when the pod was first reported.`
    : previous === undefined
      ? `${label} was first reported as ${now.label} at ${formatClock(at)}.`
      : again
        ? `${label} became ${now.label} again at ${formatClock(at)} (a new instance of the container).`
        : `${label} became ${now.label} at ${formatClock(at)} (it was ${previous}).`;

  const parts: string[] = [];
  let cause: SimEvent | undefined;
  // A value reported from the pod's first sync has no event of its own (except PodScheduled, and
  // DisruptionTarget, which the control plane writes when it decides to remove the pod).
  const writtenWithEvent =
    field.kind === 'condition' && (field.type === 'PodScheduled' || field.type === 'DisruptionTarget');
  let mainEvent = previous !== undefined || writtenWithEvent ? event : undefined;
  const specOf = (name: string) =>
    [...(podThen?.spec?.initContainers ?? []), ...(podThen?.spec?.containers ?? [])].find((c) => c.name === name);
  if (field.kind === 'restartCount' && previous !== undefined) {
    const started = [...events].reverse().find((e) => e.reason === 'Started');
    mainEvent = started ?? event;
    // What ended the instance before: the kubelet's Killing since the previous Started, else the exit.
    const prevStart = trace.events
      .slice(0, before?.eventCount ?? 0)
      .filter((e) => eventRelevant(field, e) && e.reason === 'Started')
      .pop();
    cause = trace.events
      .slice(0, changed.eventCount)
      .filter(
        (e) =>
          eventRelevant(field, e) &&
          (e.reason === 'Killing' || e.reason === 'Evicted') &&
          e.t >= (prevStart?.t ?? 0),
      )
      .pop();
    const last = containerStatusOf(podThen, field.container)?.lastState?.terminated;
    const ended = last
      ? `it had ended with ${last.reason ?? 'Error'} (exit code ${last.exitCode})`
      : 'its previous instance had ended';
    parts.push(
      cause
        ? `The kubelet started container ${field.container} again after ${eventSentence(cause)} (${formatClock(cause.t)}); ${ended}.`
        : `The kubelet started container ${field.container} again because ${ended} and the restartPolicy allows a restart.`,
    );
  } else if (probe) {
    parts.push(
      `The readiness probe of ${probe.container} ${probe.result === 'success' ? 'succeeded' : 'failed'}${probe.detail ? ` (${probe.detail})` : ''}.`,
    );
  } else if (readinessish && now.label.toLowerCase() === 'true' && event?.reason === 'Started') {
    const c = eventContainer(event) ?? '';
    parts.push(
      specOf(c)?.readinessProbe
        ? `Container ${c} started (${formatClock(event.t)}).`
        : `Container ${c} started (${formatClock(event.t)}) and has no readiness probe, so it counted as ready at once.`,
    );
  } else if (field.kind === 'condition' && field.type === 'Initialized' && now.label === 'True') {
    parts.push(
      (podThen?.spec?.initContainers ?? []).length === 0
        ? 'The pod has no init containers, so it is initialized from the start.'
        : 'Every init container had completed, so the kubelet went on to the app containers.',
    );
  } else if (field.kind === 'condition' && field.type === 'PodReadyToStartContainers' && now.label === 'True') {
    parts.push("The kubelet had created the pod's sandbox: its network namespace and IP address.");
  } else if (mainEvent) {
    parts.push(`${eventSentence(mainEvent)}.`);
  } else if (transition && previous !== undefined) {
    parts.push(`${capitalise(transitionText(transition))}.`);
  }
  if (field.kind === 'condition' && now.label !== 'True') {
    const c = podThen?.status?.conditions?.find((x) => x.type === field.type);
    if (c?.reason) parts.push(`Reason ${c.reason}${c.message ? `: ${c.message.replace(/\.$/, '')}` : ''}.`);
  }
  if (transition && transition.actor.startsWith('node/') && transition.from.includes('silent')) {
    const silentSince = trace.transitions
      .slice(0, trace.transitions.indexOf(transition))
      .filter((tr) => tr.actor === transition.actor && tr.to.includes('silent'))
      .pop();
    if (silentSince)
      parts.push(
        `The kubelet stopped posting node status at ${formatClock(silentSince.t)}; after the grace period the node controller marked the node's pods not ready.`,
      );
  }
  if (action) parts.push(`You acted at ${actionClock(action)}: ${describeAction(action)}.`);
  const why = parts.join(' ');

  return {
    field,
    t: at,
    value: now.label,
    ...(previous !== undefined ? { previous } : {}),
    ...(mainEvent ? { event: mainEvent } : {}),
    ...(cause ? { cause } : {}),
    ...(transition ? { transition } : {}),
    ...(probe ? { probe } : {}),
    ...(action ? { action } : {}),
    sentence: why ? `${head} ${why}` : head,
  };
}
