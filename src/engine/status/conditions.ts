/**
 * The pod's conditions as generateAPIPodStatus (pkg/kubelet/kubelet_pods.go) builds them and the
 * status manager (pkg/kubelet/status/status_manager.go, updateStatusInternal) stamps them:
 *
 *   conditions not owned by the kubelet (readiness gates' types, DisruptionTarget, ...), as given,
 *   then PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled.
 *
 * The kubelet-owned ones are dropped from the input and regenerated (kubetypes.PodConditionByKubelet).
 * Simplifications: the resize conditions (PodResizePending/InProgress) are not generated, and if the
 * caller passes them they are kept where they are; mergePodStatus's delay of DisruptionTarget until
 * the containers have stopped is the engine's business (pass it when it should show).
 */
import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import {
  generateContainersReadyCondition,
  generatePodInitializedCondition,
  generatePodReadyCondition,
  generatePodReadyToStartContainersCondition,
} from './generate';
import type { AnyPodCondition, ApiPodCondition, GeneratedCondition, PodPhase } from './types';

export interface ConditionInput {
  spec: PodSpec;
  initStatuses: ContainerStatus[];
  statuses: ContainerStatus[];
  phase: PodPhase;
  /** PodScheduled as the scheduler set it; False means the kubelet has not got the pod. */
  scheduled: { status: 'True' | 'False'; reason?: string; message?: string };
  /** PodReadyToStartContainers: a sandbox with networking exists. */
  sandboxReady: boolean;
  /** Conditions set by others (readiness gates' condition types, DisruptionTarget), kept in this order. */
  externalConditions: AnyPodCondition[];
  /**
   * The conditions in the kubelet's own copy of the pod, which its watch updates a moment after the
   * API (readiness gates are read from these). Default: externalConditions.
   */
  gateConditions?: AnyPodCondition[];
  /** The last status's conditions: lastTransitionTime is kept while a condition's status is unchanged. */
  previous: AnyPodCondition[];
  /** RFC 3339 time stamped on conditions whose status changed. */
  now: string;
  /** metadata.generation: when given, generated conditions carry observedGeneration (on by default since 1.34). */
  generation?: number;
}

/** Condition types the kubelet owns and regenerates on every sync (kubetypes.PodConditionsByKubelet). */
export const KUBELET_CONDITION_TYPES: readonly string[] = [
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
];

export function generateConditions(input: ConditionInput): ApiPodCondition[] {
  const notKubelets = (c: AnyPodCondition) => !KUBELET_CONDITION_TYPES.includes(c.type);
  const external = input.externalConditions.filter(notKubelets);
  const seen = input.gateConditions?.filter(notKubelets) ?? external;
  const stamp = (c: GeneratedCondition | AnyPodCondition, generated: boolean) =>
    stampCondition(c, input, generated);
  const kept = external.map((c) => stamp(c, false));

  if (input.scheduled.status === 'False') {
    // Not bound yet: only the scheduler has written a condition.
    const { reason, message } = input.scheduled;
    return [...kept, stamp({ type: 'PodScheduled', status: 'False', reason, message }, true)];
  }

  // Go's nil slice: the kubelet has no container statuses at all.
  const all =
    input.initStatuses.length === 0 && input.statuses.length === 0
      ? undefined
      : [...input.initStatuses, ...input.statuses];
  const readyToStart = generatePodReadyToStartContainersCondition(input.sandboxReady);
  const initialized = generatePodInitializedCondition(input.spec, all, input.phase);
  // GeneratePodReadyCondition looks readiness gates up in the conditions built so far.
  const soFar: AnyPodCondition[] = [...seen, readyToStart, initialized];
  const ready = generatePodReadyCondition(input.spec, soFar, all, input.phase);
  const containersReady = generateContainersReadyCondition(input.spec, all, input.phase);
  const scheduled: GeneratedCondition = { type: 'PodScheduled', status: 'True' };

  return [
    ...kept,
    ...[readyToStart, initialized, ready, containersReady, scheduled].map((c) => stamp(c, true)),
  ];
}

/**
 * updateLastTransitionTime (status_manager.go): the previous time when the status is unchanged,
 * else now. A kept external condition's own lastTransitionTime wins; lastProbeTime is null unless
 * set. Keys in the order `kubectl get -o json/yaml` prints them (alphabetical).
 */
function stampCondition(
  c: GeneratedCondition | AnyPodCondition,
  input: ConditionInput,
  generated: boolean,
): ApiPodCondition {
  const prev = input.previous.find((p) => p.type === c.type);
  const own = 'lastTransitionTime' in c ? c.lastTransitionTime : undefined;
  const kept = prev !== undefined && prev.status === c.status ? prev.lastTransitionTime : undefined;
  const observedGeneration = generated
    ? input.generation
    : 'observedGeneration' in c
      ? c.observedGeneration
      : undefined;
  return {
    lastProbeTime: 'lastProbeTime' in c ? (c.lastProbeTime ?? null) : null,
    lastTransitionTime: own ?? kept ?? input.now,
    ...(c.message !== undefined && { message: c.message }),
    ...(observedGeneration !== undefined && { observedGeneration }),
    ...(c.reason !== undefined && { reason: c.reason }),
    status: c.status,
    type: c.type,
  };
}
