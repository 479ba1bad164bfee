/**
 * Every lesson, and every lesson's "try this", gives the same trace whether LeanActor or XState's
 * own interpreter steps the probe workers (see src/engine/rules/interpreter-equivalence.test.ts):
 * lessons are where several nodes, workloads, Services and traffic meet probes.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine';
import { lessonUntil } from './anchors';
import { LESSONS } from './library';
import { applyTryThis } from './try-this';

describe('lessons run the same on LeanActor and on XState', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))('%s and its try-this variants', (_id, lesson) => {
    const until = lessonUntil(lesson);
    for (const scenario of [lesson.scenario, ...lesson.tryThis.map((t) => applyTryThis(lesson.scenario, t))]) {
      const lean = JSON.stringify(simulate(scenario, { until, interpreter: 'lean' }));
      const xstate = JSON.stringify(simulate(scenario, { until, interpreter: 'xstate' }));
      expect(lean.length).toBe(xstate.length);
      expect(lean === xstate).toBe(true);
    }
  }, 60_000);
});
