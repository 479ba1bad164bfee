/**
 * Runs a lesson's scenario (its node, actions, seed and length) in a worker, and again whenever a
 * "now try" variant replaces it. Only the newest request counts. When no worker can start, the
 * engine is imported lazily and run on the main thread.
 */
import { useEffect, useRef, useState } from 'react';
import type { ScenarioV1 } from '../../scenario/types';
import type { LessonRunResult } from './lesson-engine';
import type { LessonRequest, LessonResponse } from './lesson-protocol';

export interface LessonRun {
  result: LessonRunResult | undefined;
  running: boolean;
}

function startWorker(): Worker | undefined {
  try {
    return new Worker(new URL('./lesson.worker.ts', import.meta.url), { type: 'module', name: 'podplay-lesson' });
  } catch {
    return undefined;
  }
}

async function runHere(request: LessonRequest): Promise<LessonRunResult> {
  const engine = await import('./lesson-engine');
  return engine.runLesson(request.lessonId, request.scenario);
}

export function useLessonRun(lessonId: string, scenario: ScenarioV1): LessonRun {
  const workerRef = useRef<Worker | undefined>(undefined);
  const seq = useRef(0);
  const [state, setState] = useState<{ of: ScenarioV1 | undefined; result: LessonRunResult | undefined }>({
    of: undefined,
    result: undefined,
  });

  useEffect(() => {
    const id = ++seq.current;
    const request: LessonRequest = { id, lessonId, scenario };
    const done = (result: LessonRunResult) => {
      if (id === seq.current) setState({ of: scenario, result });
    };
    const fallBack = () => {
      workerRef.current?.terminate();
      workerRef.current = undefined;
      runHere(request).then(done, (err: unknown) => done({ ok: false, problem: String(err) }));
    };
    const worker = workerRef.current ?? (workerRef.current = startWorker());
    if (!worker) {
      fallBack();
      return;
    }
    worker.onmessage = (e: MessageEvent<LessonResponse>) => {
      if (e.data.id === id) done(e.data.result);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      fallBack();
    };
    worker.postMessage(request);
  }, [lessonId, scenario]);

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = undefined;
    },
    [],
  );

  // While the scenario on screen is not the one simulated, the older result must not be read as its run.
  if (state.of !== scenario) return { result: undefined, running: true };
  return { result: state.result, running: false };
}
