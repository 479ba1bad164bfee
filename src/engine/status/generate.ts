/**
 * Ports of pkg/kubelet/status/generate.go. Each returns the condition without times; the status
 * manager stamps lastTransitionTime (see conditions.ts). observedGeneration is added there too.
 *
 * `containerStatuses` is init + regular statuses together, as generateAPIPodStatus passes them.
 * `undefined` stands for Go's nil slice (the kubelet has no statuses at all).
 */
import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import {
  findContainerStatus,
  goStringList,
  hasAnyRegularContainerStarted,
  isRestartableInitContainer,
} from './containers';
import type { AnyPodCondition, GeneratedCondition, PodPhase } from './types';

export const UnknownContainerStatuses = 'UnknownContainerStatuses';
export const PodCompleted = 'PodCompleted';
export const PodFailed = 'PodFailed';
export const ContainersNotReady = 'ContainersNotReady';
export const ContainersNotInitialized = 'ContainersNotInitialized';
export const ReadinessGatesNotReady = 'ReadinessGatesNotReady';

function withMessage(type: string, reason: string, messages: string[]): GeneratedCondition | undefined {
  const message = messages.join(', ');
  return message === '' ? undefined : { type, status: 'False', reason, message };
}

/** generateContainersReadyConditionForTerminalPhase. */
function containersReadyForTerminalPhase(phase: PodPhase): GeneratedCondition {
  const reason = phase === 'Failed' ? PodFailed : PodCompleted;
  return { type: 'ContainersReady', status: 'False', reason };
}

/** GenerateContainersReadyCondition: every sidecar and regular container is ready. */
export function generateContainersReadyCondition(
  spec: PodSpec,
  containerStatuses: ContainerStatus[] | undefined,
  phase: PodPhase,
): GeneratedCondition {
  if (containerStatuses === undefined) {
    return { type: 'ContainersReady', status: 'False', reason: UnknownContainerStatuses };
  }
  const unknown: string[] = [];
  const unready: string[] = [];
  const counted = [...(spec.initContainers ?? []).filter(isRestartableInitContainer), ...spec.containers];
  for (const container of counted) {
    const status = findContainerStatus(containerStatuses, container.name);
    if (status === undefined) unknown.push(container.name);
    else if (!status.ready) unready.push(container.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return containersReadyForTerminalPhase(phase);
  // Failed: false even while containers are still terminating.
  if (phase === 'Failed') return containersReadyForTerminalPhase(phase);

  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goStringList(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${goStringList(unready)}`);
  return (
    withMessage('ContainersReady', ContainersNotReady, messages) ?? {
      type: 'ContainersReady',
      status: 'True',
    }
  );
}

/**
 * GeneratePodReadyCondition: ContainersReady's status, reason and message when it is not True;
 * otherwise every readiness gate's condition (looked up in `conditions`) must be True.
 */
export function generatePodReadyCondition(
  spec: PodSpec,
  conditions: readonly AnyPodCondition[],
  containerStatuses: ContainerStatus[] | undefined,
  phase: PodPhase,
): GeneratedCondition {
  const containersReady = generateContainersReadyCondition(spec, containerStatuses, phase);
  if (containersReady.status !== 'True') return { ...containersReady, type: 'Ready' };

  const messages: string[] = [];
  for (const gate of spec.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (c === undefined) {
      messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    } else if (c.status !== 'True') {
      messages.push(
        `the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`,
      );
    }
  }
  return withMessage('Ready', ReadinessGatesNotReady, messages) ?? { type: 'Ready', status: 'True' };
}

/** isInitContainerInitialized: a sidecar once `started`, a regular init container once `ready` (it exited 0). */
export function isInitContainerInitialized(
  container: PodSpec['containers'][number],
  status: ContainerStatus,
): boolean {
  return isRestartableInitContainer(container) ? status.started === true : status.ready;
}

/** GeneratePodInitializedCondition. */
export function generatePodInitializedCondition(
  spec: PodSpec,
  containerStatuses: ContainerStatus[] | undefined,
  phase: PodPhase,
): GeneratedCondition {
  const initContainers = spec.initContainers ?? [];
  if (containerStatuses === undefined && initContainers.length > 0) {
    return { type: 'Initialized', status: 'False', reason: UnknownContainerStatuses };
  }
  const statuses = containerStatuses ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const container of initContainers) {
    const status = findContainerStatus(statuses, container.name);
    if (status === undefined) unknown.push(container.name);
    else if (!isInitContainerInitialized(container, status)) incomplete.push(container.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) {
    return { type: 'Initialized', status: 'True', reason: PodCompleted };
  }
  // A regular container has started: the pod was initialized before (sidecars may be restarting).
  if (hasAnyRegularContainerStarted(spec, statuses)) return { type: 'Initialized', status: 'True' };

  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goStringList(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${goStringList(incomplete)}`);
  return (
    withMessage('Initialized', ContainersNotInitialized, messages) ?? { type: 'Initialized', status: 'True' }
  );
}

/**
 * GeneratePodReadyToStartContainersCondition: True when no new sandbox is needed, i.e. a sandbox with
 * networking exists (runtimeutil.PodSandboxChanged is the engine's business: it passes the answer).
 */
export function generatePodReadyToStartContainersCondition(sandboxReady: boolean): GeneratedCondition {
  return { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' };
}
