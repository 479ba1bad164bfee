/**
 * The playground's side of the scenario: its state as a ScenarioV1 (for drafts, links and files),
 * opening a scenario into it (the cursor moves to view.t once that scenario's run is on screen), the
 * empty state and the default example.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Trace } from '../../engine/trace-types';
import type { ScenarioV1 } from '../../scenario';
import { STARTERS } from '../starters';
import { defaultScenario } from './scenario-core';
import { secondsToMs, toScenario, type AppScenarioParts } from './app-scenario';
import { useAppScenario, type AppScenario } from './useAppScenario';

/** "Open the default example": the docs' liveness-exec pod, the first starter. */
export const DEFAULT_EXAMPLE_ID = 'probe/exec-liveness';

async function loadDefaultExample(): Promise<ScenarioV1> {
  const starter = STARTERS.find((s) => s.id === DEFAULT_EXAMPLE_ID) ?? STARTERS[0];
  const s = defaultScenario(await starter.load());
  s.fileName = starter.fileName;
  return s;
}

export interface PlaygroundScenarioOptions {
  parts: AppScenarioParts;
  trace: Trace | undefined;
  setT: (ms: number) => void;
  pause: () => void;
  /** Puts the scenario's manifest, actions, node and pane into the playground's state. */
  load: (s: ScenarioV1) => void;
}

export function usePlaygroundScenario({
  parts,
  trace,
  setT,
  pause,
  load,
}: PlaygroundScenarioOptions): AppScenario {
  const { manifest, fileName, actions, base, tMs, pane } = parts;
  const current = useMemo(
    () => (manifest.trim() === '' ? null : toScenario({ manifest, fileName, actions, base, tMs, pane })),
    [manifest, fileName, actions, base, tMs, pane],
  );

  // The cursor waits for the opened scenario's run: before it arrives the clock would clamp it.
  const pending = useRef<{ ms: number; before: Trace | undefined } | undefined>(undefined);
  const traceRef = useRef(trace);
  useEffect(() => {
    traceRef.current = trace;
    const p = pending.current;
    if (!trace || !p || trace === p.before) return;
    pending.current = undefined;
    setT(p.ms);
  }, [trace, setT]);

  const open = useCallback(
    (s: ScenarioV1) => {
      pause();
      setT(0);
      pending.current =
        s.view.t !== undefined && s.view.t > 0
          ? { ms: secondsToMs(s.view.t), before: traceRef.current }
          : undefined;
      load(s);
    },
    [pause, setT, load],
  );
  const clear = useCallback(() => open(defaultScenario('')), [open]);

  return useAppScenario({ current, open, clear, loadDefault: loadDefaultExample });
}
