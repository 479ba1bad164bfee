import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { simulate, type Frame, type Trace } from '../../engine';
import type { SimEvent } from '../../k8s';
import type { StorageLike } from '../storage';
import { lessonScenario } from './define';
import { NO_POD, lessonTimeline, resolveAnchor, resolveAnchorPoint } from './anchors';
import { answerFor, checkAnswer } from './questions';
import { LESSON_SCORE_PREFIX, lessonScore, recordAnswer, resetLessonScore } from './score';
import { applyTryThis } from './try-this';
import type { Lesson, Question } from './types';

const pod = (phase: string, extra: Partial<NonNullable<Pod['status']>> = {}): Pod => ({
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'app' }] },
  status: { phase, ...extra },
});
const running = pod('Running', { containerStatuses: [{ name: 'app', image: 'x', imageID: '', ready: true, restartCount: 2, state: { running: {} } }] });
const frame = (t: number, pods: Pod[]): Frame => ({
  t,
  pods,
  services: [],
  endpointSlices: [],
  replicaSets: [],
  machines: [],
  deployments: [],
  statefulSets: [],
  daemonSets: [],
  nodes: [{ name: 'node-1', ready: 'True', unschedulable: false, taints: [], labels: {}, capacity: { cpu: '2', memory: '4Gi', pods: '110' } }],
  requestCount: 0,
  eventCount: 0,
  transitionCount: 0,
  probeCount: 0,
});
const event = (t: number, reason: string, container?: string, message = ''): SimEvent => ({
  t,
  type: 'Normal',
  reason,
  object: 'pod/p',
  ...(container && { fieldPath: `spec.containers{${container}}` }),
  message,
  source: 'kubelet',
});

/** A hand-made trace: Pending at 0, Running at 5 s, deleted at 20 s; until 30 s. */
const trace: Trace = {
  frames: [frame(0, [pod('Pending')]), frame(5000, [running]), frame(20000, [])],
  events: [
    event(0, 'Scheduled'),
    event(5000, 'Started', 'app'),
    event(5000, 'Unhealthy', 'app', 'Readiness probe failed'),
    event(10000, 'Unhealthy', 'app', 'Liveness probe failed'),
    event(10000, 'Killing', 'app'),
    event(12000, 'Started', 'side'),
  ],
  transitions: [],
  probes: [],
  requests: [],
  scheduling: [],
  logs: {},
  until: 30000,
  diagnostics: [],
  deletedAt: { p: 20000 },
};

const q = (kind: Question['kind'], more: Partial<Question> = {}): Question => ({ prompt: '?', kind, choices: [], explain: '', ...more });

describe('resolveAnchor', () => {
  it('resolves times, events (nth, container, message), statuses, phases and conditions', () => {
    expect(resolveAnchor({ t: 7000 }, trace)).toBe(7000);
    expect(resolveAnchor({ event: { reason: 'Started' } }, trace)).toBe(5000);
    expect(resolveAnchor({ event: { reason: 'Started', nth: 2 } }, trace)).toBe(12000);
    expect(resolveAnchor({ event: { reason: 'Started', container: 'side' } }, trace)).toBe(12000);
    expect(resolveAnchor({ event: { reason: 'Unhealthy', message: 'Liveness' } }, trace)).toBe(10000);
    expect(resolveAnchor({ status: 'Running' }, trace)).toBe(5000);
    expect(resolveAnchor({ status: NO_POD }, trace)).toBe(20000);
    expect(resolveAnchor({ phase: 'Pending' }, trace)).toBe(0);
    expect(resolveAnchor({ phase: 'Running', offsetMs: 1500 }, trace)).toBe(6500);
  });

  it('is undefined for moments the run never reaches, or outside 0..until', () => {
    expect(resolveAnchor({ event: { reason: 'Started', nth: 3 } }, trace)).toBeUndefined();
    expect(resolveAnchor({ phase: 'Succeeded' }, trace)).toBeUndefined();
    expect(resolveAnchor({ condition: { type: 'Ready', status: 'True' } }, trace)).toBeUndefined();
    expect(resolveAnchor({ t: 31000 }, trace)).toBeUndefined();
    expect(resolveAnchor({ t: 1000, offsetMs: -2000 }, trace)).toBeUndefined();
  });

  it('places the next event after the anchored event, even at the same instant', () => {
    expect(resolveAnchorPoint({ event: { reason: 'Unhealthy', message: 'Liveness' } }, trace)).toEqual({ t: 10000, nextEvent: 4 });
    expect(resolveAnchorPoint({ t: 5000 }, trace)).toEqual({ t: 5000, nextEvent: 3 });
  });
});

describe('answerFor', () => {
  const liveness = resolveAnchorPoint({ event: { reason: 'Unhealthy', message: 'Liveness' } }, trace)!;
  it('reads the next event, filtered by container', () => {
    expect(answerFor(q('nextEventReason'), trace, liveness)).toBe('Killing');
    expect(answerFor(q('nextEventReason', { container: 'side' }), trace, liveness)).toBe('Started');
    expect(answerFor(q('nextEventReason'), trace, 12000)).toBeUndefined();
  });
  it('reads the phase once the next event happened', () => {
    expect(answerFor(q('phaseAfterNextEvent'), trace, 0)).toBe('Running');
  });
  it('reads STATUS, READY and RESTARTS at the anchor plus atOffsetMs', () => {
    expect(answerFor(q('statusAt'), trace, 0)).toBe('Pending');
    expect(answerFor(q('statusAt', { atOffsetMs: 5000 }), trace, 0)).toBe('Running');
    expect(answerFor(q('statusAt'), trace, 25000)).toBe(NO_POD);
    expect(answerFor(q('readyAt'), trace, 6000)).toBe('1/1');
    expect(answerFor(q('readyAt', { container: 'app' }), trace, 6000)).toBe('true');
    expect(answerFor(q('readyAt', { container: 'nope' }), trace, 6000)).toBeUndefined();
    expect(answerFor(q('restartCountAt'), trace, 6000)).toBe('2');
    expect(answerFor(q('restartCountAt', { container: 'app' }), trace, 6000)).toBe('2');
  });
  it('gives the explicit answer of a choice question', () => {
    expect(answerFor(q('choice', { answer: 'B' }), trace, 0)).toBe('B');
    expect(answerFor(q('choice'), trace, 0)).toBeUndefined();
  });
  it('grades a choice', () => {
    expect(checkAnswer(q('statusAt', { explain: 'why' }), trace, 6000, 'Running')).toEqual({ correct: true, expected: 'Running', explain: 'why' });
    expect(checkAnswer(q('statusAt'), trace, 6000, 'Pending').correct).toBe(false);
    expect(checkAnswer(q('choice'), trace, 6000, 'x').correct).toBe(false);
  });
});

describe('lessonTimeline', () => {
  it('sorts steps by resolved time and puts unresolved ones last', () => {
    const lesson: Lesson = {
      id: 'x',
      title: 'x',
      topic: 'x',
      goal: 'x',
      scenario: lessonScenario('x', ''),
      steps: [
        { id: 'late', at: { t: 9000 }, narration: '' },
        { id: 'never', at: { phase: 'Failed' }, narration: '' },
        { id: 'early', at: { event: { reason: 'Scheduled' } }, narration: '' },
      ],
      tryThis: [],
    };
    expect(lessonTimeline(lesson, trace).map((s) => [s.step.id, s.t])).toEqual([
      ['early', 0],
      ['late', 9000],
      ['never', undefined],
    ]);
  });

  it('works on a real run (the docs-style crash loop)', () => {
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: c\nspec:\n  containers:\n  - name: app\n    image: busybox:1.37\n    command: ["sh", "-c", "sleep 2; exit 1"]\n';
    const result = simulate(lessonScenario('c', manifest), { until: 60000 });
    if (!result.ok) throw new Error('simulate');
    const t = resolveAnchor({ status: 'CrashLoopBackOff' }, result.trace)!;
    expect(answerFor(q('restartCountAt'), result.trace, t)).toBe('1');
    expect(answerFor(q('statusAt', { atOffsetMs: 5000 }), result.trace, t)).toBe('CrashLoopBackOff');
  });
});

describe('applyTryThis', () => {
  const base = { ...lessonScenario('x', 'a: 1\nb: 1\n', [{ at: 5, kind: 'deletePod' }]), view: { t: 12 } };
  it('replaces text, swaps actions and patches the node without touching the input', () => {
    const out = applyTryThis(base, {
      label: 'l',
      apply: { manifestReplace: [['1', '2']], removeActionKinds: ['deletePod'], addActions: [{ at: 9, kind: 'cordon' }], setNode: { name: 'node-2' } },
    });
    expect(out.manifest).toBe('a: 2\nb: 2\n');
    expect(out.actions).toEqual([{ at: 9, kind: 'cordon' }]);
    expect(out.node.name).toBe('node-2');
    expect(out.view.t).toBeUndefined();
    expect(base.manifest).toBe('a: 1\nb: 1\n');
    expect(base.actions).toHaveLength(1);
  });
});

class MemoryStorage implements StorageLike {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const throwing: StorageLike = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

describe('lesson score store', () => {
  it('records answers under a namespaced key; the latest answer to a step wins', () => {
    const storage = new MemoryStorage();
    expect(lessonScore(storage, 'l1')).toEqual({ steps: {}, answered: 0, correct: 0 });
    recordAnswer(storage, 'l1', 'a', false);
    recordAnswer(storage, 'l1', 'b', true);
    const { write, score } = recordAnswer(storage, 'l1', 'a', true);
    expect(write.ok).toBe(true);
    expect(score).toEqual({ steps: { a: true, b: true }, answered: 2, correct: 2 });
    expect(lessonScore(storage, 'l1')).toEqual(score);
    expect([...storage.items.keys()]).toEqual([`${LESSON_SCORE_PREFIX}l1`]);
    expect(lessonScore(storage, 'l2').answered).toBe(0);
    expect(resetLessonScore(storage, 'l1').ok).toBe(true);
    expect(lessonScore(storage, 'l1').answered).toBe(0);
  });

  it('degrades gracefully: no storage, storage that throws, corrupt records', () => {
    expect(lessonScore(null, 'l1').answered).toBe(0);
    const none = recordAnswer(null, 'l1', 'a', true);
    expect(none.write.ok).toBe(false);
    expect(none.score.correct).toBe(1);
    expect(lessonScore(throwing, 'l1').answered).toBe(0);
    const full = recordAnswer(throwing, 'l1', 'a', true);
    expect(full.write).toMatchObject({ ok: false, problem: { kind: 'full' } });
    expect(resetLessonScore(throwing, 'l1').ok).toBe(false);
    const storage = new MemoryStorage();
    for (const junk of ['{', '[]', '{"v":2,"steps":{"a":true}}', '{"v":1,"steps":7}', 'null']) {
      storage.items.set(`${LESSON_SCORE_PREFIX}l1`, junk);
      expect(lessonScore(storage, 'l1').answered, junk).toBe(0);
    }
    storage.items.set(`${LESSON_SCORE_PREFIX}l1`, '{"v":1,"steps":{"a":true,"b":"yes"}}');
    expect(lessonScore(storage, 'l1').steps).toEqual({ a: true });
  });
});
