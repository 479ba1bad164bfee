/**
 * The one place the app runs the engine. Loaded by the simulation worker (or lazily on the main
 * thread when no worker can start), so the engine never lands in the first-load bundle.
 */
import { DEFAULT_UNTIL_MS, simulate, type SimInput, type SimResult } from '../engine';

export type { SimResult };

export function runSimulation(input: SimInput, until = DEFAULT_UNTIL_MS): SimResult {
  return simulate(input, { until });
}
