import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import {
  findContainerStatus,
  hasAnyActiveRegularContainerStarted,
  isRestartableInitContainer,
} from './containers';
import { containerShouldRestart } from './restart';
import type { PodPhase } from './types';

/** podutil.IsPodPhaseTerminal. */
export function isTerminalPhase(phase: PodPhase | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/**
 * getPhase (pkg/kubelet/kubelet_pods.go), with the feature gates as a 1.35 kubelet has them by
 * default: ContainerRestartRules on (beta), RestartAllContainersOnContainerExits off (alpha).
 * Static pods are not modelled (the kubelet skips the terminal-phase shortcut for them).
 *
 * Then generateAPIPodStatus's rule: once Succeeded or Failed, the phase never changes
 * (`previousPhase`). `podHasInitialized` defaults to hasAnyActiveRegularContainerStarted, our
 * stand-in for kubecontainer.HasAnyActiveRegularContainerStarted.
 * Never returns Unknown: that is what the API shows when the node stops reporting.
 */
export function getPhase(
  spec: PodSpec,
  initStatuses: ContainerStatus[],
  statuses: ContainerStatus[],
  podIsTerminal: boolean,
  previousPhase?: PodPhase,
  podHasInitialized: boolean = hasAnyActiveRegularContainerStarted(spec, statuses),
): PodPhase {
  // generateAPIPodStatus: "pods are not allowed to transition out of terminal phases".
  if (previousPhase !== undefined && isTerminalPhase(previousPhase)) return previousPhase;
  return computePhase(spec, [...statuses, ...initStatuses], podIsTerminal, podHasInitialized);
}

/** The counters of getPhase, in its variable names. */
interface Counts {
  pendingRestartableInitContainers: number;
  pendingRegularInitContainers: number;
  failedInitializationNotRestartable: number;
  unknown: number;
  running: number;
  waiting: number;
  stopped: number;
  stoppedNotRestartable: number;
  succeeded: number;
}

function computePhase(
  spec: PodSpec,
  info: ContainerStatus[],
  podIsTerminal: boolean,
  podHasInitialized: boolean,
): PodPhase {
  const n = countContainers(spec, info);

  // ContainerRestartRules on: a failed init container that will not be restarted fails the pod.
  if (n.failedInitializationNotRestartable > 0) return 'Failed';

  if (n.pendingRegularInitContainers > 0 || (n.pendingRestartableInitContainers > 0 && !podHasInitialized)) {
    return 'Pending';
  }
  if (n.waiting > 0) return 'Pending'; // one or more containers has not been started
  if (n.running > 0 && n.unknown === 0) return 'Running';
  if (n.running === 0 && n.stopped > 0 && n.unknown === 0) {
    // The pod is terminal, so its containers won't be restarted whatever the restart policy.
    if (podIsTerminal) return n.stopped === n.succeeded ? 'Succeeded' : 'Failed';
    if (n.stopped !== n.stoppedNotRestartable) return 'Running'; // some are restarting
    return n.stopped === n.succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

function countContainers(spec: PodSpec, info: ContainerStatus[]): Counts {
  const n: Counts = {
    pendingRestartableInitContainers: 0,
    pendingRegularInitContainers: 0,
    failedInitializationNotRestartable: 0,
    unknown: 0,
    running: 0,
    waiting: 0,
    stopped: 0,
    stoppedNotRestartable: 0,
    succeeded: 0,
  };
  const initContainers = spec.initContainers ?? [];

  // Regular init containers.
  for (const container of initContainers) {
    if (isRestartableInitContainer(container)) continue;
    const status = findContainerStatus(info, container.name);
    const state = status?.state;
    const lastTerminated = status?.lastState?.terminated;
    if (status === undefined || state?.running !== undefined) {
      n.pendingRegularInitContainers++;
    } else if (state?.terminated !== undefined) {
      const exitCode = state.terminated.exitCode;
      if (exitCode !== 0 && !containerShouldRestart(container, spec, exitCode))
        n.failedInitializationNotRestartable++;
    } else if (state?.waiting !== undefined && lastTerminated !== undefined) {
      const exitCode = lastTerminated.exitCode;
      if (exitCode !== 0 && !containerShouldRestart(container, spec, exitCode))
        n.failedInitializationNotRestartable++;
    } else {
      // waiting without a previous termination, or no state at all
      n.pendingRegularInitContainers++;
    }
  }

  // Sidecars (restartable init containers): a terminated one does not count.
  for (const container of initContainers) {
    if (!isRestartableInitContainer(container)) continue;
    const status = findContainerStatus(info, container.name);
    if (status === undefined) {
      n.unknown++;
      continue;
    }
    const state = status.state;
    if (state?.running !== undefined) {
      if (status.started !== true) n.pendingRestartableInitContainers++;
      n.running++;
    } else if (state?.terminated !== undefined) {
      // not taken into account for the pod phase
    } else if (state?.waiting !== undefined) {
      if (status.lastState?.terminated === undefined) {
        n.pendingRestartableInitContainers++;
        n.waiting++;
      }
    } else {
      n.pendingRestartableInitContainers++;
      n.unknown++;
    }
  }

  // Regular containers.
  for (const container of spec.containers) {
    const status = findContainerStatus(info, container.name);
    const state = status?.state;
    if (status === undefined) {
      n.unknown++;
    } else if (state?.running !== undefined) {
      n.running++;
    } else if (state?.terminated !== undefined) {
      n.stopped++;
      const exitCode = state.terminated.exitCode;
      if (!containerShouldRestart(container, spec, exitCode)) n.stoppedNotRestartable++;
      if (exitCode === 0) n.succeeded++;
    } else if (state?.waiting !== undefined) {
      const lastTerminated = status.lastState?.terminated;
      if (lastTerminated !== undefined) {
        n.stopped++;
        if (!containerShouldRestart(container, spec, lastTerminated.exitCode)) n.stoppedNotRestartable++;
      } else {
        n.waiting++;
      }
    } else {
      n.unknown++;
    }
  }
  return n;
}
