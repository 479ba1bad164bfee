/**
 * What to open when the page loads (or the address bar's fragment changes): the link's scenario,
 * a question when it would hide a different draft, the link's error, the saved draft, or nothing.
 * Pure apart from the storage it is given, so it is tested without a browser.
 */
import type { LinkError, ScenarioV1, StorageLike, StorageProblem } from '../../scenario';
import { compareDraftWithLink, decodeFragment, loadDraft, loadStashedDraft } from './scenario-core';

export type Boot =
  | { kind: 'link'; scenario: ScenarioV1; warnings: string[] }
  | { kind: 'conflict'; link: ScenarioV1; draft: ScenarioV1; warnings: string[] }
  | { kind: 'link-error'; error: LinkError }
  | { kind: 'draft'; scenario: ScenarioV1 }
  | { kind: 'empty' };

export interface BootDecision {
  boot: Boot;
  /** Whether a draft stashed before an earlier link can be restored. */
  stashed: boolean;
  problem?: StorageProblem;
}

/** A fragment that carries a scenario (`s=` among its parameters); other anchors are not links. */
export function isScenarioFragment(hash: string): boolean {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  return text.split('&').some((part) => part === 's' || part.startsWith('s='));
}

function linkBoot(hash: string, storage: StorageLike | null): { boot: Boot; problem?: StorageProblem } {
  const decoded = decodeFragment(hash);
  if (!decoded.ok) return { boot: { kind: 'link-error', error: decoded.error } };
  const warnings = decoded.warnings ?? [];
  const vs = compareDraftWithLink(storage, decoded.scenario);
  if (vs.kind === 'differs')
    return { boot: { kind: 'conflict', link: decoded.scenario, draft: vs.draft, warnings } };
  const boot: Boot = { kind: 'link', scenario: decoded.scenario, warnings };
  // Storage that cannot be read is worth a word only when the person has a draft to lose.
  return vs.kind === 'unreadable' && vs.problem.kind === 'corrupt' ? { boot, problem: vs.problem } : { boot };
}

function draftBoot(storage: StorageLike | null): { boot: Boot; problem?: StorageProblem } {
  const draft = loadDraft(storage);
  if (draft.status === 'ok') return { boot: { kind: 'draft', scenario: draft.scenario } };
  if (draft.status === 'problem') return { boot: { kind: 'empty' }, problem: draft.problem };
  return { boot: { kind: 'empty' } };
}

export function decideBoot(hash: string, storage: StorageLike | null): BootDecision {
  const { boot, problem } = isScenarioFragment(hash) ? linkBoot(hash, storage) : draftBoot(storage);
  const stashed = loadStashedDraft(storage).status === 'ok';
  return problem ? { boot, stashed, problem } : { boot, stashed };
}
