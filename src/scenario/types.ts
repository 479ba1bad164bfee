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
  /** Virtual seconds to simulate; absent means the app's default (DEFAULT_UNTIL_SECONDS). */
  until?: number;
  view: ScenarioView;
}

/** The scenario format this build reads and writes. */
export type Scenario = ScenarioV1;
export const SCENARIO_VERSION = 1;

/** How long a scenario without `until` runs (the engine's DEFAULT_UNTIL_MS, in seconds). */
export const DEFAULT_UNTIL_SECONDS = 300;
/** The longest run a scenario may ask for: 6 hours of virtual time. */
export const MAX_UNTIL_SECONDS = 21_600;

/** Seed of a new scenario. */
export const DEFAULT_SEED = 1;
