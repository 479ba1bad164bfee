/**
 * The learner's own record of a lesson's predictions, kept in the browser (never sent anywhere).
 * Key `podplay.lesson-score.v1.<lessonId>`, value `{"v":1,"steps":{"<stepId>":true}}`. Storage may
 * be missing, blocked, full or hold junk: reads then give an empty score, writes report the problem.
 */
import { readItem, writeItem, type StorageLike, type StorageWrite } from '../storage';

export const LESSON_SCORE_PREFIX = 'podplay.lesson-score.v1.';

export const lessonScoreKey = (lessonId: string): string => `${LESSON_SCORE_PREFIX}${lessonId}`;

export interface LessonScore {
  /** Steps answered, with whether the latest answer was right. */
  steps: Record<string, boolean>;
  answered: number;
  correct: number;
}

const empty = (): LessonScore => ({ steps: {}, answered: 0, correct: 0 });

function parse(text: string | null): Record<string, boolean> {
  if (text === null) return {};
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null || (json as { v?: unknown }).v !== 1) return {};
    const steps = (json as { steps?: unknown }).steps;
    if (typeof steps !== 'object' || steps === null) return {};
    const out: Record<string, boolean> = {};
    for (const [id, ok] of Object.entries(steps)) if (typeof ok === 'boolean') out[id] = ok;
    return out;
  } catch {
    return {};
  }
}

function score(steps: Record<string, boolean>): LessonScore {
  const values = Object.values(steps);
  return { steps, answered: values.length, correct: values.filter(Boolean).length };
}

/** The score so far; empty when storage is unavailable or the record is unreadable. */
export function lessonScore(storage: StorageLike | null, lessonId: string): LessonScore {
  const read = readItem(storage, lessonScoreKey(lessonId));
  return read.ok ? score(parse(read.value)) : empty();
}

/** Record an answer (the latest answer to a step wins). Returns the write's outcome and the new score. */
export function recordAnswer(
  storage: StorageLike | null,
  lessonId: string,
  stepId: string,
  correct: boolean,
): { write: StorageWrite; score: LessonScore } {
  const steps = { ...lessonScore(storage, lessonId).steps, [stepId]: correct };
  const write = writeItem(storage, lessonScoreKey(lessonId), JSON.stringify({ v: 1, steps }));
  return { write, score: score(steps) };
}

/** Forget a lesson's score (start again). */
export function resetLessonScore(storage: StorageLike | null, lessonId: string): StorageWrite {
  return writeItem(storage, lessonScoreKey(lessonId), null);
}
