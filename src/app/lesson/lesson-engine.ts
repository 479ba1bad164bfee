/**
 * The lesson's run, computed where the engine lives (the lesson worker, or lazily on the main thread
 * when no worker starts): simulate the scenario, resolve every step's anchor, and grade every choice
 * of every question with checkAnswer. The player then never needs the engine itself.
 */
import { simulate } from '../../engine';
import type { Trace } from '../../engine/trace-types';
import {
  checkAnswer,
  lessonById,
  lessonTimeline,
  lessonUntil,
  type AnchorPoint,
  type AnswerCheck,
  type ScenarioV1,
} from '../../scenario';

export interface ResolvedStep {
  /** Position in lesson.steps. */
  index: number;
  t: number | undefined;
  point: AnchorPoint | undefined;
}

export type LessonRunResult =
  | {
      ok: true;
      trace: Trace;
      /** In time order, unresolved ones last (lessonTimeline). */
      steps: ResolvedStep[];
      /** For each question step (by index in lesson.steps): the verdict on each of its choices. */
      checks: Record<number, Record<string, AnswerCheck>>;
    }
  | { ok: false; problem: string };

export function runLesson(lessonId: string, scenario: ScenarioV1): LessonRunResult {
  const lesson = lessonById(lessonId);
  if (!lesson) return { ok: false, problem: `There is no lesson called ${lessonId}.` };
  const result = simulate(scenario, { until: lessonUntil(lesson) });
  if (!result.ok) return { ok: false, problem: result.diagnostics.map((d) => d.message).join('; ') };
  const trace = result.trace;
  const timeline = lessonTimeline(lesson, trace);
  const checks: Record<number, Record<string, AnswerCheck>> = {};
  for (const s of timeline) {
    const q = s.step.question;
    if (!q || !s.point) continue;
    const point = s.point;
    checks[s.index] = Object.fromEntries(q.choices.map((c) => [c, checkAnswer(q, trace, point, c)]));
  }
  return { ok: true, trace, steps: timeline.map(({ index, t, point }) => ({ index, t, point })), checks };
}
