/**
 * The part of the Web Storage API the scenario layer uses. The UI passes `window.localStorage`
 * (or null when even reading that property throws); tests pass a fake. Every call is guarded:
 * storage may be disabled (SecurityError), full (QuotaExceededError) or hold anything.
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type StorageProblemKind = 'unavailable' | 'full' | 'corrupt';

export interface StorageProblem {
  kind: StorageProblemKind;
  /** A sentence the UI can show as is. */
  message: string;
}

export const storageProblems = {
  unavailable: (): StorageProblem => ({
    kind: 'unavailable',
    message:
      'This browser does not let PodPlay keep a draft (storage is disabled or blocked), so edits will not survive a reload. Export the scenario to keep it.',
  }),
  full: (): StorageProblem => ({
    kind: 'full',
    message:
      "The browser's storage for PodPlay is full, so the draft was not saved. Export the scenario to keep it.",
  }),
  corrupt: (detail: string): StorageProblem => ({
    kind: 'corrupt',
    message: `The saved draft could not be read (${detail}), so it was set aside.`,
  }),
};

function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

export type StorageRead = { ok: true; value: string | null } | { ok: false; problem: StorageProblem };
export type StorageWrite = { ok: true } | { ok: false; problem: StorageProblem };

export function readItem(storage: StorageLike | null | undefined, key: string): StorageRead {
  if (!storage) return { ok: false, problem: storageProblems.unavailable() };
  try {
    return { ok: true, value: storage.getItem(key) };
  } catch {
    return { ok: false, problem: storageProblems.unavailable() };
  }
}

export function writeItem(
  storage: StorageLike | null | undefined,
  key: string,
  value: string | null,
): StorageWrite {
  if (!storage) return { ok: false, problem: storageProblems.unavailable() };
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return { ok: true };
  } catch (e) {
    return { ok: false, problem: isQuotaError(e) ? storageProblems.full() : storageProblems.unavailable() };
  }
}
