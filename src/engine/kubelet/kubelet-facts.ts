/**
 * What the kubelet knows about its pod at one instant (the input of generateAPIPodStatus): where it
 * runs, whether its sandbox is up, whether the pod worker is done with it, and each container's
 * status with the prober's ready and started.
 */
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import type { SnapshotFrom } from 'xstate';
import type { podMachine } from '../machines/pod';
import type { KubeletFacts } from './api-view';
import { containerStatus, reportedRunning } from './container-status';
import { activeStates, hasProbe, isDown, isStarted, type ContainerSlot } from './container-slots';
import type { NodeHost } from './node-host';
import type { PodScope } from './pod-scope';

/** The pod runner's state the facts are read from. */
export interface PodWorkerState {
  scope: PodScope;
  pod: SnapshotFrom<typeof podMachine>;
  slots: readonly ContainerSlot[];
  createdAt: number;
  node?: NodeHost;
  scheduled?: KubeletFacts['scheduled'];
  startTime?: number;
  podIP?: string;
  hasSandbox: boolean;
}

function containerStatusOf(slot: ContainerSlot, hasInit: boolean, podRef: string): ContainerStatus {
  const active = activeStates(slot);
  const context = slot.actor.getSnapshot().context;
  const running = reportedRunning(active, context);
  const hasReadiness = hasProbe(slot, 'readiness');
  const started = isStarted(slot);
  // prober_manager UpdatePodStatus: a regular init container is ready once it exited 0.
  const ready =
    slot.role === 'init'
      ? active.has('terminated') && context.current?.exitCode === 0
      : running && started && (!hasReadiness || slot.readiness === 'Success');
  return containerStatus({
    active,
    context,
    image: slot.spec.image ?? '',
    imageID: slot.imageID,
    containerIds: slot.containerIds,
    ready,
    started,
    // convertToAPIContainerStatuses: PodInitializing for every container of a pod with init containers.
    defaultWaitingReason: hasInit ? 'PodInitializing' : 'ContainerCreating',
    podRef,
  });
}

export function kubeletFacts(state: PodWorkerState): KubeletFacts {
  const { scope, pod, slots } = state;
  const hasInit = (scope.pod.spec?.initContainers ?? []).length > 0;
  const bound = state.scheduled?.status === 'True' && !pod.matches('scheduling');
  const statusOf = (s: ContainerSlot) => containerStatusOf(s, hasInit, scope.podRef);
  return {
    pod: scope.pod,
    uid: scope.uid,
    createdAt: state.createdAt,
    now: scope.now(),
    nodeName: state.node?.name ?? '',
    nodeIP: state.node?.ip ?? '',
    scheduled: state.scheduled,
    bound,
    startTime: state.startTime,
    podIP: state.podIP,
    sandboxReady: state.hasSandbox && !pod.matches('finished'),
    terminal: pod.matches('finished') || ((pod.matches('terminating') || pod.matches('evicting')) && slots.every((s) => isDown(s))),
    initStatuses: bound ? slots.filter((s) => s.role !== 'regular').map(statusOf) : [],
    statuses: bound ? slots.filter((s) => s.role === 'regular').map(statusOf) : [],
  };
}
