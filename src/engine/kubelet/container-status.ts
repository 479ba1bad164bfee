/**
 * A container's status as the kubelet reports it (kubelet_pods.go convertToAPIContainerStatuses):
 * the default waiting reason, the reason cache (CrashLoopBackOff, ErrImagePull, ...), the latest
 * termination as state or lastState, restartCount, ready and started.
 */
import type { ContainerState, ContainerStateTerminated, ContainerStatus } from 'kubernetes-types/core/v1';
import { kubeTime } from '../../k8s/time';
import { goDuration } from '../../runtime';
import { wantsRestart, type ContainerContext, type Termination } from '../machines/container';

export interface ContainerView {
  /** Active state paths of the container actor (`waiting`, `waiting.crashLoopBackOff`, ...). */
  active: Set<string>;
  context: ContainerContext;
  image: string;
  imageID: string;
  /** containerd://… for each instance, index = instance - 1. */
  containerIds: string[];
  ready: boolean;
  started: boolean;
  /** Reason a not-yet-run container waits with: PodInitializing when the pod has init containers. */
  defaultWaitingReason: 'ContainerCreating' | 'PodInitializing';
  podRef: string;
}

/**
 * Whether the kubelet reports the container Running: after postStart returned, and not while
 * startContainer is still blocked killing it for a failed postStart (the last status stands).
 */
export function reportedRunning(active: Set<string>, context: ContainerContext): boolean {
  if (active.has('running.main')) return true;
  return active.has('stopping') && context.stop?.cause !== 'postStart';
}

function terminated(t: Termination, containerID: string | undefined): ContainerStateTerminated {
  const out: ContainerStateTerminated = {
    exitCode: t.exitCode,
    reason: t.reason,
    startedAt: kubeTime(t.startedAt),
    finishedAt: kubeTime(t.finishedAt),
  };
  if (t.message) out.message = t.message;
  if (containerID) out.containerID = containerID;
  return out;
}

/** The Waiting state for a reason the kubelet's reason cache holds, worded as the kubelet words it. */
function cachedReason(view: ContainerView, reason: string, message: string | undefined): ContainerState {
  const { context } = view;
  if (reason === 'CrashLoopBackOff') {
    const backoff = goDuration(context.crashBackoff?.ms ?? 10_000);
    return { waiting: { reason, message: `back-off ${backoff} restarting failed container=${context.name} pod=${view.podRef}` } };
  }
  if (reason === 'ImagePullBackOff') {
    return { waiting: { reason, message: `Back-off pulling image "${view.image}": ErrImagePull: ${context.pullError ?? ''}` } };
  }
  return { waiting: message === undefined ? { reason } : { reason, message } };
}

/**
 * convertToAPIContainerStatuses: a container the kubelet will (re)start shows the reason cache's
 * Waiting reason while it lasts: during a back-off, a re-pull, or right after a failed start.
 */
function waitingState(view: ContainerView): ContainerState | undefined {
  const { active, context } = view;
  // Once the pod is going away nothing restarts, so the reason cache no longer applies.
  if (context.podStopping) return undefined;
  if (active.has('waiting.errImagePull')) return cachedReason(view, 'ErrImagePull', context.pullError);
  if (active.has('waiting.imagePullBackOff')) return cachedReason(view, 'ImagePullBackOff', undefined);
  if (active.has('waiting.errImageNeverPull')) return cachedReason(view, 'ErrImageNeverPull', context.pullError);
  if (active.has('waiting.invalidImageName')) return cachedReason(view, 'InvalidImageName', context.pullError);
  if (active.has('waiting.createContainerConfigError')) return cachedReason(view, 'CreateContainerConfigError', context.configError);
  if (active.has('waiting.crashLoopBackOff')) return cachedReason(view, 'CrashLoopBackOff', undefined);
  const pending = active.has('waiting.pulling') || active.has('waiting.creating') || active.has('terminated') || active.has('restartingAfterKill');
  if (pending && context.syncError && (active.has('waiting') || wantsRestart(context))) {
    return cachedReason(view, context.syncError.reason, context.syncError.message);
  }
  return undefined;
}

export function containerStatus(view: ContainerView): ContainerStatus {
  const { active, context } = view;
  const id = (instance: number) => view.containerIds[instance - 1];
  const current = context.current;
  let state: ContainerState;
  let last: Termination | undefined;
  const running = reportedRunning(active, context);
  const waiting = waitingState(view);
  if (running && context.startedAt !== undefined) {
    state = { running: { startedAt: kubeTime(context.startedAt) } };
    last = current;
  } else if (waiting) {
    state = waiting;
    last = current;
  } else if (current && (active.has('terminated') || active.has('restartingAfterKill') || context.instances > 0)) {
    // Between an exit and the restart, the runtime's latest container is the exited one.
    state = { terminated: terminated(current, id(current.instance)) };
    last = context.previous;
  } else {
    state = { waiting: { reason: view.defaultWaitingReason } };
    last = undefined;
  }
  const status: ContainerStatus = {
    name: context.name,
    state,
    lastState: last ? { terminated: terminated(last, id(last.instance)) } : {},
    ready: view.ready,
    restartCount: Math.max(0, context.instances - 1),
    image: view.image,
    imageID: context.instances > 0 ? view.imageID : '',
    started: view.started,
  };
  const latest = view.containerIds[context.instances - 1];
  if (latest) status.containerID = latest;
  return status;
}
