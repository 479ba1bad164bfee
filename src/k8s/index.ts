export type { SimEvent } from './events';
