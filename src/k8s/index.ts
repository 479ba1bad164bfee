export type { SimEvent } from './events';
export { SIM_EPOCH_MS, kubeTime, virtualMs } from './time';
export {
  humanDuration,
  podStatusReason,
  podReadyColumn,
  podRestartsColumn,
  printPodRow,
  isRestartableInitContainer,
  getPodsTable,
  getPodsWatchLines,
  podRowCells,
  describePod,
  describeProbe,
  podQosClass,
  aggregateEvents,
  podToYaml,
} from './kubectl';
export type { PodRow, GetPodsOptions, AggregatedEvent } from './kubectl';
