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
  getPodsWatchChunks,
  getPodsWatchLines,
  podRowCells,
  describePod,
  describeProbe,
  podQosClass,
  aggregateEvents,
  podToYaml,
  getAll,
  getTables,
} from './kubectl';
export type { PodRow, GetPodsOptions, WatchLine, AggregatedEvent, ClusterObjects, KindTable } from './kubectl';
export { admitManifests, formatDiagnostic } from './manifest';
export { defaultDeployment } from './admission/validate-deployment';
export { renameAdmittedPod } from './admission/plugins';
export { NAMESPACE_NAME_LABEL } from './admission/namespace-selectors';
export type { AdmissionResult, AdmittedPod, Diagnostic, ManifestObject } from './manifest';
export {
  QUANTITY_FORMAT_ERROR,
  QuantityError,
  formatQuantityBytes,
  formatQuantityCpu,
  parseQuantity,
  tryParseQuantity,
} from './quantity';
export { ImageRefError, defaultImagePullPolicy, parseImageRef, tryParseImageRef } from './image-ref';
export type { ImageRef } from './image-ref';
