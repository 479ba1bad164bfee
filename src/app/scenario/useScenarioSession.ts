/**
 * The scenario's life in the browser: what the page opens (a link, after asking when it would hide
 * a different draft; the saved draft; or nothing), the draft saved as the person works, the draft
 * stashed before a link and its restore, and the share links. Storage problems become a status
 * line, never an exception.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LinkError, ScenarioV1, StorageProblem, StorageWrite } from '../../scenario';
import { withoutCursor } from './app-scenario';
import { decideBoot, isScenarioFragment, type Boot } from './boot';
import { browserStorage } from './browser-storage';
import {
  discardDraft,
  discardStashedDraft,
  encodeScenarioToFragment,
  restoreStashedDraft,
  stashDraftBeforeLink,
} from './scenario-core';
import { useDraftAutosave } from './useDraftAutosave';

export type SessionPhase =
  | { kind: 'ready' }
  | { kind: 'conflict'; link: ScenarioV1; draft: ScenarioV1; warnings: string[] }
  | { kind: 'link-error'; error: LinkError };

export interface ShareLink {
  url: string;
  /** Whether the link carries the cursor (`&t=`). */
  atMoment: boolean;
}

export interface ScenarioSession {
  phase: SessionPhase;
  /** "Restored your draft" is on screen. */
  restoredDraft: boolean;
  /** A draft stashed before a link can be brought back. */
  stashed: boolean;
  problem: StorageProblem | undefined;
  warnings: string[];
  openLink: () => void;
  keepDraft: () => void;
  discardRestored: () => void;
  dismissRestored: () => void;
  restorePrevious: () => void;
  forgetPrevious: () => void;
  dismissProblem: () => void;
  dismissWarnings: () => void;
  /** Leaves a broken link for the default example. */
  openDefault: () => Promise<void>;
  /** Opens a scenario the person chose (an imported file): the draft follows it. */
  open: (s: ScenarioV1) => void;
  /** The share link for the current scenario (and puts it in the address bar), or undefined. */
  shareLink: (atMoment: boolean) => ShareLink | undefined;
}

export interface SessionHost {
  /** The app's working scenario, with the cursor; null when there is nothing to keep. */
  current: ScenarioV1 | null;
  /** Puts a scenario into the app, its cursor at view.t. */
  open: (s: ScenarioV1) => void;
  /** Back to the empty state. */
  clear: () => void;
  /** The scenario "Open the default example" opens. */
  loadDefault: () => Promise<ScenarioV1>;
}

function phaseOf(boot: Boot): SessionPhase {
  if (boot.kind === 'conflict') return boot;
  if (boot.kind === 'link-error') return { kind: 'link-error', error: boot.error };
  return { kind: 'ready' };
}

/** This page's address without its fragment. */
const pageAddress = (): string => `${window.location.pathname}${window.location.search}`;

export function useScenarioSession(host: SessionHost): ScenarioSession {
  const [storage] = useState(browserStorage);
  // Decided once per mount (the playground mounts again after a lesson). React's development double
  // call of this initializer keeps the first answer, so a draft moved aside is still reported.
  const [decision] = useState(() => decideBoot(window.location.hash, storage));
  const [phaseState, setPhase] = useState<SessionPhase>(() => phaseOf(decision.boot));
  // Picking an example instead of the way out also leaves a broken link behind.
  const phase: SessionPhase =
    phaseState.kind === 'link-error' && host.current !== null ? { kind: 'ready' } : phaseState;
  const [restoredDraft, setRestoredDraft] = useState(decision.boot.kind === 'draft');
  const [stashed, setStashed] = useState(decision.stashed);
  const [problem, setProblem] = useState<StorageProblem | undefined>(decision.problem);
  const [warnings, setWarnings] = useState<string[]>(
    decision.boot.kind === 'link' || decision.boot.kind === 'conflict' ? decision.boot.warnings : [],
  );
  const hostRef = useRef(host);
  useEffect(() => {
    hostRef.current = host;
  });

  const onWrite = useCallback((result: StorageWrite) => {
    if (!result.ok) setProblem((p) => (p?.kind === result.problem.kind ? p : result.problem));
    else setProblem((p) => (p && p.kind !== 'corrupt' ? undefined : p));
  }, []);
  const report = useCallback((result: StorageWrite) => {
    if (!result.ok) setProblem(result.problem);
  }, []);

  const autosave = useDraftAutosave(host.current, phase.kind === 'ready', storage, onWrite);
  const { markSaved, flush } = autosave;

  const open = useCallback(
    (s: ScenarioV1) => {
      markSaved(s);
      hostRef.current.open(s);
    },
    [markSaved],
  );

  // Open what the page was loaded with, once.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    const boot = decision.boot;
    if (boot.kind === 'link' || boot.kind === 'draft') open(boot.scenario);
  }, [decision, open]);

  // A link pasted into the address bar of an open page: the same rules as a page load.
  useEffect(() => {
    const onHashChange = () => {
      if (!isScenarioFragment(window.location.hash)) return;
      flush();
      const next = decideBoot(window.location.hash, storage);
      setRestoredDraft(false);
      setPhase(phaseOf(next.boot));
      if (next.boot.kind === 'link') {
        setWarnings(next.boot.warnings);
        open(next.boot.scenario);
      }
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [flush, open, storage]);

  const openLink = useCallback(() => {
    if (phaseState.kind !== 'conflict') return;
    const stash = stashDraftBeforeLink(storage);
    report(stash);
    if (stash.ok) setStashed(true);
    setWarnings(phaseState.warnings);
    setPhase({ kind: 'ready' });
    open(phaseState.link);
  }, [phaseState, storage, report, open]);

  const keepDraft = useCallback(() => {
    if (phaseState.kind !== 'conflict') return;
    setPhase({ kind: 'ready' });
    open(phaseState.draft);
  }, [phaseState, open]);

  const discardRestored = useCallback(() => {
    report(discardDraft(storage));
    markSaved(null);
    setRestoredDraft(false);
    hostRef.current.clear();
  }, [storage, report, markSaved]);

  const restorePrevious = useCallback(() => {
    const restored = restoreStashedDraft(storage);
    if (restored.status === 'ok') {
      setRestoredDraft(false);
      open(restored.scenario);
    } else if (restored.status === 'problem') setProblem(restored.problem);
    setStashed(false);
  }, [storage, open]);

  const forgetPrevious = useCallback(() => {
    report(discardStashedDraft(storage));
    setStashed(false);
  }, [storage, report]);

  const openDefault = useCallback(async () => {
    const s = await hostRef.current.loadDefault();
    window.history.replaceState(window.history.state, '', pageAddress());
    setPhase({ kind: 'ready' });
    open(s);
  }, [open]);

  const shareLink = useCallback((atMoment: boolean): ShareLink | undefined => {
    const s = hostRef.current.current;
    if (!s) return undefined;
    const fragment = encodeScenarioToFragment(atMoment ? s : withoutCursor(s));
    window.history.replaceState(window.history.state, '', `${pageAddress()}#${fragment}`);
    return { url: window.location.href, atMoment };
  }, []);

  return {
    phase,
    restoredDraft,
    stashed,
    problem,
    warnings,
    openLink,
    keepDraft,
    discardRestored,
    dismissRestored: useCallback(() => setRestoredDraft(false), []),
    restorePrevious,
    forgetPrevious,
    dismissProblem: useCallback(() => setProblem(undefined), []),
    dismissWarnings: useCallback(() => setWarnings([]), []),
    openDefault,
    open,
    shareLink,
  };
}
