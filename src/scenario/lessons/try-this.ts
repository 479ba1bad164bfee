/** One-click changes: a declarative patch applied to a copy of the lesson's scenario. */
import type { ScenarioV1 } from '../types';
import type { TryThis } from './types';

/** The scenario with the patch applied (the input is not modified; the cursor goes back to 0). */
export function applyTryThis(scenario: ScenarioV1, tryThis: TryThis): ScenarioV1 {
  const patch = tryThis.apply;
  let manifest = scenario.manifest;
  for (const [from, to] of patch.manifestReplace ?? []) manifest = manifest.split(from).join(to);
  const removed = new Set(patch.removeActionKinds ?? []);
  const actions = [...scenario.actions.filter((a) => !removed.has(a.kind)), ...(patch.addActions ?? [])];
  const node = patch.setNode ? { ...scenario.node, ...patch.setNode } : scenario.node;
  return { ...scenario, manifest, actions, node, view: { ...scenario.view, t: undefined } };
}

/** What in a patch does not fit its scenario (a `from` text that is not in the manifest). */
export function tryThisProblems(scenario: ScenarioV1, tryThis: TryThis): string[] {
  let manifest = scenario.manifest;
  const problems: string[] = [];
  for (const [from, to] of tryThis.apply.manifestReplace ?? []) {
    if (!manifest.includes(from)) problems.push(`"${tryThis.label}": the manifest has no ${JSON.stringify(from)}`);
    manifest = manifest.split(from).join(to);
  }
  return problems;
}
