/// <reference lib="webworker" />
import { runLesson } from './lesson-engine';
import type { LessonRequest, LessonResponse } from './lesson-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<LessonRequest>) => {
  const { id, lessonId, scenario } = e.data;
  let response: LessonResponse;
  try {
    response = { id, result: runLesson(lessonId, scenario) };
  } catch (err) {
    response = { id, result: { ok: false, problem: err instanceof Error ? err.message : String(err) } };
  }
  scope.postMessage(response);
};
