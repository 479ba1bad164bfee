import { describe, expect, it } from 'vitest';
import { simulate, type Trace } from '../../engine';
import { LINK_LIMITS } from '../link-error';
import { encodeScenarioToFragment } from '../url';
import { validateScenario } from '../validate';
import { lessonTimeline, lessonUntil } from './anchors';
import { LESSONS } from './library';
import { answerFor } from './questions';
import { applyTryThis, tryThisProblems } from './try-this';
import type { Lesson } from './types';

const traces = new Map<string, Trace>();
function traceOf(lesson: Lesson): Trace {
  let trace = traces.get(lesson.id);
  if (!trace) {
    const result = simulate(lesson.scenario, { until: lessonUntil(lesson) });
    if (!result.ok) throw new Error(`${lesson.id}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    trace = result.trace;
    traces.set(lesson.id, trace);
  }
  return trace;
}

describe('the lesson library', () => {
  it('has at least 14 lessons with unique ids', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
  });

  it('covers every topic of the course', () => {
    const topics = new Set(LESSONS.map((l) => l.topic));
    for (const topic of [
      'Pods',
      'Shared network',
      'Shared storage',
      'Communication between containers',
      'Node failure and the Unknown phase',
      'Termination',
      'Privileged containers',
      'Pod phases',
      'Pod conditions',
      'Probes',
      'Container states',
      'Restart policy',
    ]) {
      expect(topics).toContain(topic);
    }
  });
});

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('is well formed: 3-6 steps with unique ids, a question, 2-3 tryThis, a valid scenario', () => {
    expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
    expect(lesson.steps.length).toBeLessThanOrEqual(6);
    expect(new Set(lesson.steps.map((s) => s.id)).size).toBe(lesson.steps.length);
    expect(lesson.steps.some((s) => s.question)).toBe(true);
    expect(lesson.tryThis.length).toBeGreaterThanOrEqual(2);
    expect(lesson.tryThis.length).toBeLessThanOrEqual(3);
    expect(lesson.goal).not.toContain('\n');
    expect(validateScenario(lesson.scenario).ok).toBe(true);
  });

  it('simulates, and every anchor resolves in order within the run', () => {
    const trace = traceOf(lesson);
    const timeline = lessonTimeline(lesson, trace);
    expect(timeline.map((s) => s.step.id)).toEqual(lesson.steps.map((s) => s.id));
    for (const s of timeline) {
      expect(s.t, s.step.id).toBeDefined();
      expect(s.t!).toBeLessThanOrEqual(trace.until);
    }
  });

  it('answers every question from the trace with one of its choices', () => {
    const trace = traceOf(lesson);
    for (const s of lessonTimeline(lesson, trace)) {
      const q = s.step.question;
      if (!q) continue;
      expect(new Set(q.choices).size, s.step.id).toBe(q.choices.length);
      expect(q.kind === 'choice', s.step.id).toBe(q.answer !== undefined);
      const answer = answerFor(q, trace, s.point!);
      expect(q.choices, `${lesson.id}/${s.step.id}`).toContain(answer);
    }
  });

  it('applies every tryThis, and the result still simulates', () => {
    for (const tryThis of lesson.tryThis) {
      expect(tryThisProblems(lesson.scenario, tryThis)).toEqual([]);
      const changed = applyTryThis(lesson.scenario, tryThis);
      expect(changed, tryThis.label).not.toEqual({ ...lesson.scenario, view: { ...lesson.scenario.view, t: undefined } });
      expect(validateScenario(changed).ok, tryThis.label).toBe(true);
      const result = simulate(changed, { until: lessonUntil(lesson) });
      expect(result.ok, tryThis.label).toBe(true);
    }
  });

  it(`fits a share link of at most ${LINK_LIMITS.shareableChars} characters`, () => {
    expect(encodeScenarioToFragment(lesson.scenario).length).toBeLessThanOrEqual(LINK_LIMITS.shareableChars);
  });
});
