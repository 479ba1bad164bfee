/**
 * Re-simulates when the manifest or the actions change (after a pause while typing), keeps the last
 * good trace on screen when the new manifest is rejected, and drops answers that arrive out of date.
 */
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_NODE, type SimAction, type SimInput } from '../engine/input';
import type { Trace } from '../engine/trace-types';
import type { Diagnostic } from '../k8s/admission-types';
import { createSimClient, type SimClient } from './sim-client';

export interface SimulationState {
  trace: Trace | undefined;
  /** Errors of the current text (the trace shown is then the last good one) or the run's warnings. */
  diagnostics: Diagnostic[];
  /** The trace on screen is from an older text than the editor's. */
  stale: boolean;
  running: boolean;
  crash: string | undefined;
}

export const EDIT_DEBOUNCE_MS = 400;

const DEFAULT_BASE = { node: DEFAULT_NODE, seed: 1 };
const EMPTY: SimulationState = { trace: undefined, diagnostics: [], stale: false, running: false, crash: undefined };

export function useSimulation(
  manifest: string,
  fileName: string,
  actions: SimAction[],
  debounceMs: number,
  /** What the editor does not show: the nodes, the seed, custom images, ..., the run length in virtual s. */
  base: Omit<SimInput, 'manifest' | 'fileName' | 'actions'> & { until?: number } = DEFAULT_BASE,
): SimulationState {
  const clientRef = useRef<SimClient | null>(null);
  const seq = useRef(0);
  const [state, setState] = useState<SimulationState>({
    trace: undefined,
    diagnostics: [],
    stale: false,
    running: false,
    crash: undefined,
  });

  useEffect(() => {
    clientRef.current = createSimClient();
    return () => clientRef.current?.dispose();
  }, []);

  useEffect(() => {
    if (manifest.trim() === '') return;
    const id = ++seq.current;
    const timer = window.setTimeout(() => {
      const client = clientRef.current ?? (clientRef.current = createSimClient());
      const { until, ...rest } = base;
      // Only SimInput's own fields go to the worker (a scenario's title and the like stay here).
      const { node, seed, customImages, nodes, traffic } = rest;
      const input: SimInput = { manifest, fileName, node, actions, seed, ...(customImages && { customImages }), ...(nodes && { nodes }), ...(traffic && { traffic }) };
      setState((s) => ({ ...s, running: true }));
      client.run(input, until === undefined ? undefined : until * 1000).then(
        (result) => {
          if (id !== seq.current) return;
          if (result.ok)
            setState({
              trace: result.trace,
              diagnostics: result.trace.diagnostics,
              stale: false,
              running: false,
              crash: undefined,
            });
          else
            setState((s) => ({
              ...s,
              diagnostics: result.diagnostics,
              stale: s.trace !== undefined,
              running: false,
              crash: undefined,
            }));
        },
        (err: unknown) => {
          if (id !== seq.current) return;
          setState((s) => ({
            ...s,
            running: false,
            crash: err instanceof Error ? err.message : String(err),
          }));
        },
      );
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [manifest, fileName, actions, debounceMs, base]);

  // An empty editor (a discarded draft) shows the empty state, not the last run.
  return manifest.trim() === '' ? EMPTY : state;
}
