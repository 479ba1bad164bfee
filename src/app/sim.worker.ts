/// <reference lib="webworker" />
import type { SimInput } from '../engine/input';
import { runSimulation } from './engine';
import type { SimRequest, SimResponse } from './sim-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<SimRequest>) => {
  const { id, input, until } = e.data;
  let response: SimResponse;
  try {
    response = { id, result: runSimulation(input as SimInput, until) };
  } catch (err) {
    response = { id, crash: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(response);
};
