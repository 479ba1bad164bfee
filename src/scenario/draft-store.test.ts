import { describe, expect, it } from 'vitest';
import {
  DRAFT_KEYS,
  compareDraftWithLink,
  defaultScenario,
  discardDraft,
  discardStashedDraft,
  loadDraft,
  loadStashedDraft,
  restoreStashedDraft,
  saveDraft,
  stashDraftBeforeLink,
  type StorageLike,
} from './index';

class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  failSet: Error | undefined;
  failGet: Error | undefined;
  getItem(key: string): string | null {
    if (this.failGet) throw this.failGet;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failSet) throw this.failSet;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const domError = (name: string): Error => Object.assign(new Error(name), { name });
const draft = { ...defaultScenario('kind: Pod # my edits', 'mine'), view: { t: 12 } };
const link = defaultScenario('kind: Pod # shared', 'shared');

describe('draft store', () => {
  it('saves, restores and discards the working scenario under a namespaced, versioned key', () => {
    const storage = new FakeStorage();
    expect(loadDraft(storage)).toEqual({ status: 'none' });
    expect(saveDraft(storage, draft)).toEqual({ ok: true });
    expect([...storage.items.keys()]).toEqual(['podplay.draft.v1']);
    expect(loadDraft(storage)).toEqual({ status: 'ok', scenario: draft });
    expect(discardDraft(storage)).toEqual({ ok: true });
    expect(loadDraft(storage)).toEqual({ status: 'none' });
  });

  it('reports a full storage (QuotaExceededError) instead of throwing', () => {
    const storage = new FakeStorage();
    storage.failSet = domError('QuotaExceededError');
    const r = saveDraft(storage, draft);
    expect(r).toMatchObject({ ok: false, problem: { kind: 'full' } });
    expect(!r.ok && r.problem.message).toMatch(/storage for PodPlay is full/);
  });

  it('reports disabled storage (SecurityError, or none at all)', () => {
    const storage = new FakeStorage();
    storage.failGet = domError('SecurityError');
    storage.failSet = domError('SecurityError');
    expect(loadDraft(storage)).toMatchObject({ status: 'problem', problem: { kind: 'unavailable' } });
    expect(saveDraft(storage, draft)).toMatchObject({ ok: false, problem: { kind: 'unavailable' } });
    expect(loadDraft(null)).toMatchObject({ status: 'problem', problem: { kind: 'unavailable' } });
    expect(compareDraftWithLink(null, link)).toMatchObject({ kind: 'unreadable' });
  });

  it.each([
    ['{not json', 'it is not valid JSON'],
    ['{"version":1}', 'manifest: required'],
    ['{"version":9,"manifest":""}', 'saved by a newer PodPlay (v9)'],
  ])('sets aside a draft that cannot be read (%s)', (text, detail) => {
    const storage = new FakeStorage();
    storage.items.set(DRAFT_KEYS.draft, text);
    const r = loadDraft(storage);
    expect(r).toMatchObject({ status: 'problem', problem: { kind: 'corrupt' } });
    expect(r.status === 'problem' && r.problem.message).toContain(detail);
    expect(storage.items.get(DRAFT_KEYS.unreadable)).toBe(text);
    expect(loadDraft(storage)).toEqual({ status: 'none' });
  });

  it('tells the UI whether opening a link would hide a different draft', () => {
    const storage = new FakeStorage();
    expect(compareDraftWithLink(storage, link)).toEqual({ kind: 'no-draft' });
    saveDraft(storage, { ...link, view: { t: 99 } });
    expect(compareDraftWithLink(storage, link)).toEqual({ kind: 'same' });
    saveDraft(storage, draft);
    expect(compareDraftWithLink(storage, link)).toEqual({ kind: 'differs', draft });
  });

  it('keeps the previous draft when a link is opened, and can bring it back', () => {
    const storage = new FakeStorage();
    saveDraft(storage, draft);
    expect(stashDraftBeforeLink(storage)).toEqual({ ok: true });
    expect(loadDraft(storage)).toEqual({ status: 'none' });
    saveDraft(storage, link); // editing the link's scenario does not touch the stashed draft
    expect(loadStashedDraft(storage)).toEqual({ status: 'ok', scenario: draft });
    expect(restoreStashedDraft(storage)).toEqual({ status: 'ok', scenario: draft });
    expect(loadDraft(storage)).toEqual({ status: 'ok', scenario: draft });
    expect(loadStashedDraft(storage)).toEqual({ status: 'none' });
    saveDraft(storage, draft);
    stashDraftBeforeLink(storage);
    expect(discardStashedDraft(storage)).toEqual({ ok: true });
    expect(loadStashedDraft(storage)).toEqual({ status: 'none' });
  });

  it('leaves the draft in place when stashing it fails', () => {
    const storage = new FakeStorage();
    saveDraft(storage, draft);
    storage.failSet = domError('QuotaExceededError');
    expect(stashDraftBeforeLink(storage)).toMatchObject({ ok: false, problem: { kind: 'full' } });
    expect(loadDraft(storage)).toEqual({ status: 'ok', scenario: draft });
  });
});
