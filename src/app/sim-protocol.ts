import type { SimInput } from '../engine/input';
import type { SimResult } from './engine';

export interface SimRequest {
  id: number;
  input: SimInput;
  until?: number;
}

export type SimResponse = { id: number; result: SimResult } | { id: number; crash: string };
