export { humanDuration } from './duration';
export {
  podStatusReason,
  podReadyColumn,
  podRestartsColumn,
  printPodRow,
  isRestartableInitContainer,
} from './pod-row';
export type { PodRow } from './pod-row';
export { getPodsTable, getPodsWatchLines, podRowCells } from './get-pods';
export type { GetPodsOptions } from './get-pods';
export { describePod } from './describe-pod';
export { describeProbe } from './probe';
export { podQosClass } from './qos';
export { aggregateEvents } from './events-table';
export type { AggregatedEvent } from './events-table';
export { podToYaml } from './to-yaml';
