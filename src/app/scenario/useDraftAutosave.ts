/**
 * Keeps the working scenario in local storage, ~500 ms after the last change (typing, actions, the
 * cursor, the pane), and at once when the page is hidden or the playground unmounts, so a reload
 * never loses the last edit. An empty editor is not saved: the last real draft stays (Discard
 * removes it explicitly).
 */
import { useCallback, useEffect, useRef } from 'react';
import type { ScenarioV1, StorageLike, StorageWrite } from '../../scenario';
import { canonicalScenario, saveDraft } from './scenario-core';

export const DRAFT_DEBOUNCE_MS = 500;

export interface DraftAutosave {
  /** Saves a pending change now. */
  flush: () => void;
  /** Marks `s` as what storage already holds (after opening or restoring it). */
  markSaved: (s: ScenarioV1 | null) => void;
}

export function useDraftAutosave(
  current: ScenarioV1 | null,
  enabled: boolean,
  storage: StorageLike | null,
  onWrite: (result: StorageWrite) => void,
): DraftAutosave {
  const saved = useRef('');
  const pending = useRef<ScenarioV1 | null>(null);
  const onWriteRef = useRef(onWrite);
  useEffect(() => {
    onWriteRef.current = onWrite;
  });

  const flush = useCallback(() => {
    const s = pending.current;
    pending.current = null;
    if (!s) return;
    saved.current = canonicalScenario(s);
    onWriteRef.current(saveDraft(storage, s));
  }, [storage]);

  const markSaved = useCallback((s: ScenarioV1 | null) => {
    pending.current = null;
    saved.current = s ? canonicalScenario(s) : '';
  }, []);

  useEffect(() => {
    if (!enabled || !current || current.manifest.trim() === '') return;
    if (canonicalScenario(current) === saved.current) return;
    pending.current = current;
    const timer = window.setTimeout(flush, DRAFT_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [current, enabled, flush]);

  useEffect(() => {
    const onHide = () => flush();
    window.addEventListener('pagehide', onHide);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      // Leaving the playground (for a lesson) saves what the debounce still holds.
      flush();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);

  return { flush, markSaved };
}
