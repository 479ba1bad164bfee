import { describe, expect, it } from 'vitest';
import type { TransitionRecord } from '../engine/trace-types';
import { runOf } from './fixtures/runs';
import { sampleTrace } from './fixtures/sample-trace';
import {
  countUntil,
  eventInstants,
  formatClock,
  lastTransitionsAt,
  nextInstant,
  previousInstant,
  seekFrame,
} from './trace-utils';

describe('trace utils', () => {
  const trace = sampleTrace();

  it('seeks the frame in force at t', () => {
    expect(seekFrame(trace, -5).t).toBe(0);
    expect(seekFrame(trace, 2099).t).toBe(2000);
    expect(seekFrame(trace, 2100).t).toBe(2100);
    expect(seekFrame(trace, 1e9).t).toBe(trace.frames[trace.frames.length - 1].t);
  });

  it('counts items at or before t', () => {
    const xs = [1, 2, 2, 5];
    expect([0, 1, 2, 4, 5, 9].map((t) => countUntil(xs, t, (x) => x))).toEqual([0, 1, 3, 3, 4, 4]);
  });

  it('steps between event instants', () => {
    const instants = eventInstants(trace);
    expect(instants.slice(0, 4)).toEqual([0, 100, 2000, 2100]);
    expect(nextInstant(instants, 100)).toBe(2000);
    expect(previousInstant(instants, 2000)).toBe(100);
    expect(previousInstant(instants, 0)).toBeUndefined();
  });

  it('formats virtual time', () => {
    expect(formatClock(0)).toBe('0s');
    expect(formatClock(2100)).toBe('2.1s');
    expect(formatClock(77200)).toBe('1m17.2s');
    expect(formatClock(120000)).toBe('2m00s');
  });

  it("each actor's last transition at a frame: the same map, in the same order, as a walk over the first transitionCount", () => {
    const run = runOf(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.14.2\n    livenessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }\n',
      [{ at: 40, kind: 'deletePod' }],
    );
    expect(run.transitions.length).toBeGreaterThan(20);
    for (const frame of run.frames) {
      const walked = new Map<string, TransitionRecord>();
      for (let i = 0; i < frame.transitionCount; i++) walked.set(run.transitions[i].actor, run.transitions[i]);
      expect([...lastTransitionsAt(run, frame.transitionCount)]).toEqual([...walked]);
    }
  });
});
