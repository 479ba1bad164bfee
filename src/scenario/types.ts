/** The scenario: everything needed to reproduce a run and the moment being looked at (design.md). */
import type { SimInput } from '../engine/input';

/** What the person was looking at: the cursor (virtual seconds), the open pane, the selected container. */
export interface ScenarioView {
  t?: number;
  pane?: string;
  container?: string;
}

/** Version 1 of the scenario format: the engine's input plus a version, a title and the view. */
export interface ScenarioV1 extends SimInput {
  version: 1;
  title?: string;
  view: ScenarioView;
}

/** The scenario format this build reads and writes. */
export type Scenario = ScenarioV1;
export const SCENARIO_VERSION = 1;

/** Seed of a new scenario. */
export const DEFAULT_SEED = 1;
