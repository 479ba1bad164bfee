/** A new scenario around a manifest: the default node, seed 1, no actions, the cursor at the start. */
import { DEFAULT_SEED, SCENARIO_VERSION, type ScenarioV1 } from './types';
import { defaultNode } from './validate-node';

export function defaultScenario(manifest: string, title?: string): ScenarioV1 {
  const scenario: ScenarioV1 = {
    version: SCENARIO_VERSION,
    manifest,
    node: defaultNode(),
    actions: [],
    seed: DEFAULT_SEED,
    view: {},
  };
  if (title !== undefined) scenario.title = title;
  return scenario;
}
