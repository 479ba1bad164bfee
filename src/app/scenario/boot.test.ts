import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE } from '../../engine/input';
import { DRAFT_KEYS, type StorageLike } from '../../scenario';
import { msToSeconds, secondsToMs, toScenario, withoutCursor } from './app-scenario';
import { decideBoot, isScenarioFragment } from './boot';
import { encodeScenarioToFragment, saveDraft, stashDraftBeforeLink } from './scenario-core';

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;
const scenario = (name: string, tMs?: number) =>
  toScenario({
    manifest: pod(name),
    fileName: 'pod.yaml',
    actions: [],
    base: { node: DEFAULT_NODE, seed: 1 },
    tMs,
  });

describe('decideBoot', () => {
  it('opens a link when there is no draft, with its moment', () => {
    const boot = decideBoot(`#${encodeScenarioToFragment(scenario('a', 45_200))}`, memory()).boot;
    expect(boot.kind).toBe('link');
    if (boot.kind === 'link') expect(boot.scenario.view.t).toBe(45.2);
  });

  it('opens a link that matches the draft without asking (the cursor does not count)', () => {
    const storage = memory();
    saveDraft(storage, scenario('a', 3_000));
    expect(decideBoot(`#${encodeScenarioToFragment(scenario('a', 9_000))}`, storage).boot.kind).toBe('link');
  });

  it('asks when the draft differs', () => {
    const storage = memory();
    saveDraft(storage, scenario('mine'));
    const boot = decideBoot(`#${encodeScenarioToFragment(scenario('theirs'))}`, storage).boot;
    expect(boot.kind).toBe('conflict');
    if (boot.kind === 'conflict') expect(boot.draft.manifest).toContain('mine');
  });

  it('reports a broken link by kind', () => {
    const good = encodeScenarioToFragment(scenario('a'));
    const cut = decideBoot(`#${good.slice(0, good.length - 12)}`, memory()).boot;
    expect(cut.kind === 'link-error' && cut.error.kind).toMatch(/truncated|corrupt/);
    const newer = decideBoot('#s=9abcdef', memory()).boot;
    expect(newer.kind === 'link-error' && newer.error.kind).toBe('newer-version');
  });

  it('restores the draft without a link, and says when a stashed one exists', () => {
    const storage = memory();
    saveDraft(storage, scenario('old'));
    stashDraftBeforeLink(storage);
    saveDraft(storage, scenario('new'));
    const d = decideBoot('', storage);
    expect(d.boot.kind).toBe('draft');
    expect(d.stashed).toBe(true);
    expect(decideBoot('#lessons', memory()).boot.kind).toBe('empty');
  });

  it('turns unreadable or unavailable storage into a problem, never an exception', () => {
    const storage = memory();
    storage.data.set(DRAFT_KEYS.draft, '{not json');
    expect(decideBoot('', storage).problem?.kind).toBe('corrupt');
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {},
      removeItem: () => {},
    };
    expect(decideBoot('', broken)).toMatchObject({
      boot: { kind: 'empty' },
      problem: { kind: 'unavailable' },
    });
    expect(decideBoot('', null).problem?.kind).toBe('unavailable');
  });
});

describe('the app state as a scenario', () => {
  it('keeps the cursor in seconds, whole milliseconds, and back', () => {
    expect(msToSeconds(61_250.7)).toBe(61.25);
    expect(secondsToMs(4.35)).toBe(4350);
    expect(withoutCursor(scenario('a', 1_000)).view.t).toBeUndefined();
  });

  it('recognises only scenario fragments', () => {
    expect(isScenarioFragment('#s=1abc&t=4')).toBe(true);
    expect(isScenarioFragment('#t=4&s=1abc')).toBe(true);
    expect(isScenarioFragment('#lesson=probes&step=2')).toBe(false);
    expect(isScenarioFragment('')).toBe(false);
  });
});
