/**
 * The running app's state as a ScenarioV1 and back. The app keeps the cursor in milliseconds; a
 * scenario keeps it in seconds (view.t). Everything the editor does not show (node, seed, custom
 * images, traffic, title, run length) rides along in a ScenarioBase.
 */
import { DEFAULT_NODE, type NodeSettings, type SimAction, type SimInput } from '../../engine/input';
import type { ScenarioV1, ScenarioView } from '../../scenario';
import { DEFAULT_SEED, SCENARIO_VERSION } from './scenario-core';

export interface ScenarioBase {
  node: NodeSettings;
  /** Several nodes (the scenario's `nodes`). */
  nodes?: NodeSettings[];
  seed: number;
  customImages?: SimInput['customImages'];
  traffic?: SimInput['traffic'];
  title?: string;
  /** Virtual seconds to simulate (a scenario's `until`); absent: the engine's default. */
  until?: number;
}

export const DEFAULT_BASE: ScenarioBase = { node: DEFAULT_NODE, seed: DEFAULT_SEED };

/** The side pane the app opens with; left out of scenarios so links stay short. */
export const DEFAULT_PANE = 'events';

export interface AppScenarioParts {
  manifest: string;
  fileName: string;
  actions: SimAction[];
  base: ScenarioBase;
  /** Cursor in ms; undefined leaves the moment out. */
  tMs?: number;
  pane?: string;
}

/** Milliseconds to the seconds a scenario stores (whole ms, floored so the frame shown stays the same). */
export const msToSeconds = (ms: number): number => Math.floor(ms) / 1000;

/** A scenario's cursor in ms (rounded: 4.35 s × 1000 is 4349.999…). */
export const secondsToMs = (s: number): number => Math.round(s * 1000);

export function toScenario(p: AppScenarioParts): ScenarioV1 {
  const view: ScenarioView = {};
  if (p.tMs !== undefined) view.t = msToSeconds(p.tMs);
  if (p.pane !== undefined && p.pane !== DEFAULT_PANE) view.pane = p.pane;
  const s: ScenarioV1 = {
    version: SCENARIO_VERSION,
    manifest: p.manifest,
    fileName: p.fileName,
    node: p.base.node,
    actions: p.actions,
    seed: p.base.seed,
    view,
  };
  if (p.base.nodes !== undefined) s.nodes = p.base.nodes;
  if (p.base.customImages !== undefined) s.customImages = p.base.customImages;
  if (p.base.traffic !== undefined) s.traffic = p.base.traffic;
  if (p.base.title !== undefined) s.title = p.base.title;
  if (p.base.until !== undefined) s.until = p.base.until;
  return s;
}

export function baseOf(s: ScenarioV1): ScenarioBase {
  const base: ScenarioBase = { node: s.node, seed: s.seed };
  if (s.nodes !== undefined) base.nodes = s.nodes;
  if (s.customImages !== undefined) base.customImages = s.customImages;
  if (s.traffic !== undefined) base.traffic = s.traffic;
  if (s.title !== undefined) base.title = s.title;
  if (s.until !== undefined) base.until = s.until;
  return base;
}

/** The scenario without its moment: what "Copy link" shares. */
export const withoutCursor = (s: ScenarioV1): ScenarioV1 => ({ ...s, view: { ...s.view, t: undefined } });
