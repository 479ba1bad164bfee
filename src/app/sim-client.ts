/**
 * Runs simulations off the main thread. Only the newest request matters: an older answer that
 * arrives late is dropped. When no Worker can start (old browser, file:// CSP), the engine is
 * imported lazily and run on the main thread.
 */
import type { SimInput } from '../engine/input';
import type { SimResult } from './engine';
import type { SimRequest, SimResponse } from './sim-protocol';

export interface SimClient {
  run(input: SimInput, until?: number): Promise<SimResult>;
  readonly mode: () => 'worker' | 'main-thread';
  dispose(): void;
}

type Pending = { resolve: (r: SimResult) => void; reject: (e: Error) => void; request: SimRequest };

async function runOnMainThread(request: SimRequest): Promise<SimResult> {
  const engine = await import('./engine');
  return engine.runSimulation(request.input, request.until);
}

export function createSimClient(): SimClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const fallBack = () => {
    worker?.terminate();
    worker = undefined;
    for (const [id, p] of pending) {
      pending.delete(id);
      runOnMainThread(p.request).then(p.resolve, p.reject);
    }
  };

  try {
    worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'podplay-sim' });
    worker.onmessage = (e: MessageEvent<SimResponse>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if ('crash' in e.data) p.reject(new Error(e.data.crash));
      else p.resolve(e.data.result);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fallBack();
    };
  } catch {
    worker = undefined;
  }

  return {
    run(input, until) {
      const request: SimRequest = { id: nextId++, input, until };
      if (!worker) return runOnMainThread(request);
      return new Promise<SimResult>((resolve, reject) => {
        pending.set(request.id, { resolve, reject, request });
        worker?.postMessage(request);
      });
    },
    mode: () => (worker ? 'worker' : 'main-thread'),
    dispose() {
      worker?.terminate();
      pending.clear();
    },
  };
}
