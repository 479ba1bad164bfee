/** Pod status derivation: phase and conditions from container statuses, as the kubelet does it. */
export type { PodPhase, ApiPodCondition, ApiPodStatus, AnyPodCondition, GeneratedCondition } from './types';
export { getPhase, isTerminalPhase } from './phase';
export { generateConditions, KUBELET_CONDITION_TYPES } from './conditions';
export type { ConditionInput } from './conditions';
export {
  generateContainersReadyCondition,
  generatePodReadyCondition,
  generatePodInitializedCondition,
  generatePodReadyToStartContainersCondition,
  isInitContainerInitialized,
  UnknownContainerStatuses,
  PodCompleted,
  PodFailed,
  ContainersNotReady,
  ContainersNotInitialized,
  ReadinessGatesNotReady,
} from './generate';
export { containerShouldRestart } from './restart';
export type { ContainerRestartRule } from './restart';
export {
  isRestartableInitContainer,
  findContainerStatus,
  hasAnyRegularContainerStarted,
  hasAnyActiveRegularContainerStarted,
} from './containers';
