/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods`: a port of printPod in
 * pkg/printers/internalversion/printers.go (kubernetes/kubernetes, as in kubectl 1.36).
 */
import type { Container, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { virtualMs } from '../time';
import { ageSince } from './duration';

export interface PodRow {
  ready: string;
  status: string;
  restarts: number;
  /** Virtual ms of the latest lastState.terminated.finishedAt counted, if any. */
  lastRestartMs: number | undefined;
}

/** node.NodeUnreachablePodReason (pkg/util/node). */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

/** podutil.IsRestartableInitContainer: an init container with restartPolicy Always (a sidecar). */
export function isRestartableInitContainer(c: Container | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

const hasCondition = (conds: PodCondition[] | undefined, type: string): boolean =>
  (conds ?? []).some((c) => c.type === type && c.status === 'True');

/** metav1.Time.Before on virtual ms, where undefined plays Go's zero time. */
function later(current: number | undefined, finishedAt: string | undefined): number | undefined {
  if (finishedAt === undefined || finishedAt === '') return current;
  const t = virtualMs(finishedAt);
  if (Number.isNaN(t)) return current;
  return current === undefined || current < t ? t : current;
}

export function printPodRow(pod: Pod): PodRow {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const initSpecs = spec?.initContainers ?? [];
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;

  const podPhase = status.phase ?? '';
  let reason = status.reason ? status.reason : podPhase;

  // {type: PodScheduled, reason: SchedulingGated} → SchedulingGated.
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initByName = new Map<string, Container>();
  for (const c of initSpecs) {
    initByName.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const sidecar = isRestartableInitContainer(initByName.get(cs.name));
    restarts += cs.restartCount ?? 0;
    const lastTerminated = cs.lastState?.terminated;
    if (lastTerminated) lastRestart = later(lastRestart, lastTerminated.finishedAt);
    if (sidecar) {
      sidecarRestarts += cs.restartCount ?? 0;
      if (lastTerminated) lastSidecarRestart = later(lastSidecarRestart, lastTerminated.finishedAt);
    }
    const terminated = cs.state?.terminated;
    const waiting = cs.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // Initialization failed.
      if (!terminated.reason) {
        reason = terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(status.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += cs.restartCount ?? 0;
      const lastTerminated = cs.lastState?.terminated;
      if (lastTerminated) lastRestart = later(lastRestart, lastTerminated.finishedAt);
      const waiting = cs.state?.waiting;
      const terminated = cs.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Back to Running if at least one container still reports running.
    if (reason === 'Completed' && hasRunning) {
      reason = hasCondition(status.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deleting = Boolean(pod.metadata?.deletionTimestamp);
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = 'Unknown';
  } else if (deleting && podPhase !== 'Succeeded' && podPhase !== 'Failed') {
    reason = 'Terminating';
  }

  return {
    ready: `${readyContainers}/${totalContainers}`,
    status: reason,
    restarts,
    lastRestartMs: lastRestart,
  };
}

/** kubectl's STATUS column. */
export function podStatusReason(pod: Pod): string {
  return printPodRow(pod).status;
}

/** kubectl's READY column: ready regular containers and started sidecars / containers + sidecars. */
export function podReadyColumn(pod: Pod): string {
  return printPodRow(pod).ready;
}

/** kubectl's RESTARTS column: `3 (12s ago)` once a restart has a finishedAt. */
export function podRestartsColumn(pod: Pod, nowMs: number): string {
  const row = printPodRow(pod);
  return formatRestarts(row, nowMs);
}

export function formatRestarts(row: PodRow, nowMs: number): string {
  if (row.restarts !== 0 && row.lastRestartMs !== undefined) {
    return `${row.restarts} (${ageSince(row.lastRestartMs, nowMs)} ago)`;
  }
  return String(row.restarts);
}
