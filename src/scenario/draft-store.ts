/**
 * The working scenario, kept in local storage as the person edits it, and the rule that opening a
 * shared link never silently replaces it:
 *
 *   page load with a link  → compareDraftWithLink(storage, linkScenario)
 *     'no-draft' | 'same'  → open the link
 *     'differs'            → ask "You have an unsaved draft: keep it / open the link"
 *                            keep it      → show result.draft (the link stays in the address bar)
 *                            open the link → stashDraftBeforeLink(storage), then open the link;
 *                                            loadStashedDraft / restoreStashedDraft bring it back
 *   page load without one  → loadDraft(storage)
 *
 * A draft that cannot be read (corrupt JSON, a newer format) is moved aside to UNREADABLE, not
 * deleted, and reported; storage that throws is reported, never thrown.
 */
import { canonicalScenario, sameScenario } from './canonical';
import { parseScenario } from './parse';
import {
  readItem,
  storageProblems,
  writeItem,
  type StorageLike,
  type StorageProblem,
  type StorageWrite,
} from './storage';
import type { ScenarioV1 } from './types';

export const DRAFT_KEYS = {
  draft: 'podplay.draft.v1',
  beforeLink: 'podplay.draft-before-link.v1',
  unreadable: 'podplay.draft-unreadable.v1',
} as const;

export type DraftLoad =
  | { status: 'none' }
  | { status: 'ok'; scenario: ScenarioV1 }
  | { status: 'problem'; problem: StorageProblem };

function load(storage: StorageLike | null | undefined, key: string): DraftLoad {
  const read = readItem(storage, key);
  if (!read.ok) return { status: 'problem', problem: read.problem };
  if (read.value === null) return { status: 'none' };
  let detail: string;
  try {
    const parsed = parseScenario(JSON.parse(read.value));
    if (parsed.ok) return { status: 'ok', scenario: parsed.scenario };
    detail =
      parsed.kind === 'newer' ? `it was saved by a newer PodPlay (v${parsed.version})` : parsed.errors[0];
  } catch {
    detail = 'it is not valid JSON';
  }
  // Keep the unreadable text where a newer PodPlay or a person can still find it.
  writeItem(storage, DRAFT_KEYS.unreadable, read.value);
  writeItem(storage, key, null);
  return { status: 'problem', problem: storageProblems.corrupt(detail) };
}

export function loadDraft(storage: StorageLike | null | undefined): DraftLoad {
  return load(storage, DRAFT_KEYS.draft);
}

export function saveDraft(storage: StorageLike | null | undefined, scenario: ScenarioV1): StorageWrite {
  return writeItem(storage, DRAFT_KEYS.draft, canonicalScenario(scenario));
}

export function discardDraft(storage: StorageLike | null | undefined): StorageWrite {
  return writeItem(storage, DRAFT_KEYS.draft, null);
}

export type LinkVsDraft =
  | { kind: 'no-draft' }
  | { kind: 'same' }
  | { kind: 'differs'; draft: ScenarioV1 }
  | { kind: 'unreadable'; problem: StorageProblem };

/** Whether opening `link` would hide a draft worth asking about. The view (cursor, pane) does not count. */
export function compareDraftWithLink(storage: StorageLike | null | undefined, link: ScenarioV1): LinkVsDraft {
  const draft = loadDraft(storage);
  if (draft.status === 'none') return { kind: 'no-draft' };
  if (draft.status === 'problem') return { kind: 'unreadable', problem: draft.problem };
  return sameScenario(draft.scenario, link, { ignoreView: true })
    ? { kind: 'same' }
    : { kind: 'differs', draft: draft.scenario };
}

/**
 * Moves the current draft to the before-link slot (replacing what was there), so edits to the
 * link's scenario can be saved as the draft without losing it. On failure the draft is untouched.
 */
export function stashDraftBeforeLink(storage: StorageLike | null | undefined): StorageWrite {
  const read = readItem(storage, DRAFT_KEYS.draft);
  if (!read.ok) return read;
  if (read.value === null) return { ok: true };
  const copied = writeItem(storage, DRAFT_KEYS.beforeLink, read.value);
  return copied.ok ? writeItem(storage, DRAFT_KEYS.draft, null) : copied;
}

export function loadStashedDraft(storage: StorageLike | null | undefined): DraftLoad {
  return load(storage, DRAFT_KEYS.beforeLink);
}

/** Makes the stashed draft the working draft again (replacing the current one) and returns it. */
export function restoreStashedDraft(storage: StorageLike | null | undefined): DraftLoad {
  const stashed = loadStashedDraft(storage);
  if (stashed.status !== 'ok') return stashed;
  const saved = saveDraft(storage, stashed.scenario);
  if (!saved.ok) return { status: 'problem', problem: saved.problem };
  writeItem(storage, DRAFT_KEYS.beforeLink, null);
  return stashed;
}

export function discardStashedDraft(storage: StorageLike | null | undefined): StorageWrite {
  return writeItem(storage, DRAFT_KEYS.beforeLink, null);
}
