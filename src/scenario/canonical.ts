/**
 * Canonical JSON: keys sorted at every depth, defaults left out (node fields equal to DEFAULT_NODE's,
 * no actions, seed 1, empty view, no custom images or traffic, the default run length), so equal scenarios
 * give the same string and links stay short. validateScenario puts the defaults back.
 */
import { isPlainObject } from './check';
import { DEFAULT_SEED, DEFAULT_UNTIL_SECONDS, type ScenarioV1 } from './types';
import { defaultNode, defaultNodeAt } from './validate-node';

/** Sorted keys at every depth; undefined fields dropped (as JSON.stringify would). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return Object.fromEntries(keys.map((k) => [k, sortKeys(value[k])]));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

/** Only the entries of `obj` that differ from `base`. */
function diff(obj: object, base: object): Record<string, unknown> {
  const b = base as Record<string, unknown>;
  return Object.fromEntries(Object.entries(obj).filter(([k, v]) => v !== undefined && !same(v, b[k])));
}

/** The scenario as its canonical JSON value (what links and drafts carry). */
/** A node as only what differs from its defaults (capacity key by key). */
function wireNode(node: ScenarioV1['node'], base: ScenarioV1['node']): Record<string, unknown> {
  const out = diff({ ...node, capacity: undefined }, { ...base, capacity: undefined });
  const capacity = diff(node.capacity, base.capacity);
  if (Object.keys(capacity).length > 0) out.capacity = capacity;
  return out;
}

export function wireScenario(s: ScenarioV1): Record<string, unknown> {
  const several = s.nodes !== undefined && s.nodes.length > 1;
  const node = several ? {} : wireNode(s.node, defaultNode());
  const nodes = several ? s.nodes?.map((n, i) => wireNode(n, defaultNodeAt(i))) : undefined;
  const view = diff(s.view, {});
  const wire: Record<string, unknown> = {
    version: s.version,
    title: s.title,
    manifest: s.manifest,
    fileName: s.fileName,
    node: Object.keys(node).length > 0 ? node : undefined,
    nodes,
    actions: s.actions.length > 0 ? s.actions : undefined,
    seed: s.seed !== DEFAULT_SEED ? s.seed : undefined,
    customImages: s.customImages !== undefined && s.customImages.length > 0 ? s.customImages : undefined,
    traffic: s.traffic !== undefined && s.traffic.length > 0 ? s.traffic : undefined,
    until: s.until !== DEFAULT_UNTIL_SECONDS ? s.until : undefined,
    view: Object.keys(view).length > 0 ? view : undefined,
  };
  return sortKeys(wire) as Record<string, unknown>;
}

export function canonicalScenario(s: ScenarioV1): string {
  return JSON.stringify(wireScenario(s));
}

/** Whether two scenarios describe the same run (the view — cursor, pane — aside when asked). */
export function sameScenario(a: ScenarioV1, b: ScenarioV1, opts: { ignoreView?: boolean } = {}): boolean {
  const strip = (s: ScenarioV1): ScenarioV1 => (opts.ignoreView ? { ...s, view: {} } : s);
  return canonicalScenario(strip(a)) === canonicalScenario(strip(b));
}
