/**
 * Validation of a current-version scenario object (after migration). Fields with defaults may be
 * left out (node fields, actions, seed, view); the result always has them.
 */
import { INVALID, fail, num, objectOf, opt, req, show, str, type Checker, type Issue } from './check';
import { checkActions } from './validate-actions';
import { checkCustomImages } from './validate-custom-images';
import { checkNode, checkNodes, defaultNode } from './validate-node';
import { checkTraffic } from './validate-traffic';
import {
  DEFAULT_SEED,
  DEFAULT_UNTIL_SECONDS,
  MAX_UNTIL_SECONDS,
  SCENARIO_VERSION,
  type ScenarioV1,
} from './types';

const version: Checker<1> = (v, path, issues) =>
  v === SCENARIO_VERSION
    ? SCENARIO_VERSION
    : fail(issues, path, `must be ${SCENARIO_VERSION}, got ${show(v)}`);

const checkView = objectOf({ t: opt(num({ min: 0 })), pane: opt(str), container: opt(str) });

const scenarioShape = objectOf({
  version: req(version),
  title: opt(str),
  manifest: req(str),
  fileName: opt(str),
  node: opt(checkNode),
  nodes: opt(checkNodes),
  actions: opt(checkActions),
  seed: opt(num({ min: 0, max: 0xffff_ffff, integer: true })),
  customImages: opt(checkCustomImages),
  traffic: opt(checkTraffic),
  until: opt(num({ min: 1, max: MAX_UNTIL_SECONDS, integer: true })),
  view: opt(checkView),
});

export type ValidationResult = { ok: true; scenario: ScenarioV1 } | { ok: false; issues: Issue[] };

export function validateScenario(value: unknown): ValidationResult {
  const issues: Issue[] = [];
  const given = scenarioShape(value, [], issues);
  if (given === INVALID) return { ok: false, issues };
  // A validated scenario carries both (node is nodes[0]); anything else is ambiguous.
  if (given.nodes && given.node && JSON.stringify(given.node) !== JSON.stringify(given.nodes[0]))
    fail(issues, ['nodes'], 'give either node or nodes, not both');
  const names = new Set((given.nodes ?? [given.node ?? defaultNode()]).map((n) => n.name));
  const actions = given.actions ?? [];
  actions.forEach((a, i) => {
    if (a.kind !== 'addNode') return;
    if (names.has(a.node.name)) fail(issues, ['actions', i, 'node', 'name'], `a node named ${show(a.node.name)} already exists`);
    names.add(a.node.name);
  });
  actions.forEach((a, i) => {
    if (a.kind === 'addNode' || !('node' in a) || a.node === undefined) return;
    if (!names.has(a.node)) fail(issues, ['actions', i, 'node'], `no node named ${show(a.node)} (nodes: ${[...names].join(', ')})`);
  });
  if (issues.length > 0) return { ok: false, issues };
  const scenario: ScenarioV1 = {
    version: given.version,
    manifest: given.manifest,
    node: given.nodes?.[0] ?? given.node ?? defaultNode(),
    actions: given.actions ?? [],
    seed: given.seed ?? DEFAULT_SEED,
    view: given.view ?? {},
  };
  if (given.nodes !== undefined && given.nodes.length > 1) scenario.nodes = given.nodes;
  if (given.title !== undefined) scenario.title = given.title;
  if (given.fileName !== undefined) scenario.fileName = given.fileName;
  // An empty list and an absent one mean the same; keep one form so equal scenarios compare equal.
  if (given.customImages !== undefined && given.customImages.length > 0)
    scenario.customImages = given.customImages;
  if (given.traffic !== undefined && given.traffic.length > 0) scenario.traffic = given.traffic;
  // Likewise the default run length: left out.
  if (given.until !== undefined && given.until !== DEFAULT_UNTIL_SECONDS) scenario.until = given.until;
  return { ok: true, scenario };
}
