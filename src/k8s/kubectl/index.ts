export { humanDuration } from './duration';
export {
  podStatusReason,
  podReadyColumn,
  podRestartsColumn,
  printPodRow,
  isRestartableInitContainer,
} from './pod-row';
export type { PodRow } from './pod-row';
export { getPodsTable, getPodsWatchChunks, getPodsWatchLines, podRowCells } from './get-pods';
export type { GetPodsOptions, WatchLine } from './get-pods';
export { describePod } from './describe-pod';
export { describeProbe } from './probe';
export { podQosClass } from './qos';
export { aggregateEvents } from './events-table';
export type { AggregatedEvent } from './events-table';
export { podToYaml } from './to-yaml';
export { getTables, formatLabels } from './get-table';
export type { KindTable } from './get-table';
export { deploymentTable, replicaSetTable, statefulSetTable, daemonSetTable } from './get-workloads';
export { serviceTable, endpointSliceTable } from './get-network';
export { nodeTable } from './get-nodes';
export { getAll, clusterTables, podTable, GET_ALL_KINDS } from './get-all';
export type { ClusterObjects } from './get-all';
