export type { SimEvent } from './events';
export { SIM_EPOCH_MS, kubeTime, virtualMs } from './time';
