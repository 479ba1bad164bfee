/**
 * Every `choice` question's given answer, proven against its lesson's trace. A question added
 * without a proof here fails the last test.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { seek, simulate, type Trace } from '../../engine';
import { podRowCells, printPodRow, virtualMs } from '../../k8s';
import { lessonUntil, resolveAnchor } from './anchors';
import { LESSONS, lessonById } from './library';
import type { Lesson } from './types';

function run(id: string): { lesson: Lesson; trace: Trace } {
  const lesson = lessonById(id);
  if (!lesson) throw new Error(id);
  const result = simulate(lesson.scenario, { until: lessonUntil(lesson) });
  if (!result.ok) throw new Error(id);
  return { lesson, trace: result.trace };
}

const answerOf = (lesson: Lesson, stepId: string) => lesson.steps.find((s) => s.id === stepId)?.question?.answer;
const logText = (trace: Trace, key: string, instance?: number) =>
  (trace.logs[key] ?? []).filter((l) => instance === undefined || l.instance === instance).map((l) => l.text);
/** The last state the API server held for the first Pod (the frame before it was deleted, if it was). */
const lastPod = (trace: Trace): Pod => [...trace.frames].reverse().find((f) => f.pods.length > 0)!.pods[0];
const cs = (pod: Pod, name: string) => pod.status!.containerStatuses!.find((c) => c.name === name)!;

const proofs: Record<string, () => void> = {
  'shared-network/web-up': () => {
    const { lesson, trace } = run('shared-network');
    expect(answerOf(lesson, 'web-up')).toMatch(/^web/);
    expect(logText(trace, 'net/client')).toContain('<title>Welcome to nginx!</title>');
  },
  'shared-network/ports': () => {
    const { lesson, trace } = run('shared-network');
    const pod = lastPod(trace);
    expect(answerOf(lesson, 'ports')).toBe('One');
    expect(pod.status?.podIPs).toHaveLength(1);
    expect(pod.status?.containerStatuses).toHaveLength(2);
  },
  'shared-storage/crash': () => {
    const { lesson, trace } = run('shared-storage');
    const second = logText(trace, 'scratch/writer', 2).filter((l) => l.startsWith('boot'));
    expect(String(second.length)).toBe(answerOf(lesson, 'crash'));
  },
  'shared-memory/producer': () => {
    const { lesson, trace } = run('shared-memory');
    expect(logText(trace, 'shm-pair/consumer')[0]).toBe(answerOf(lesson, 'producer'));
  },
  'priority-preemption/scaled': () => {
    const { lesson, trace } = run('priority-preemption');
    expect(answerOf(lesson, 'scaled')).toBe('It is deleted to make room');
    const preempted = trace.events.find((e) => e.reason === 'Preempted');
    expect(preempted?.object).toBe('pod/batch');
    const marked = trace.frames.flatMap((f) => f.pods).find((p) => p.metadata?.name === 'batch' && p.metadata.deletionTimestamp);
    expect(marked?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'PreemptionByScheduler' });
    expect(trace.deletedAt.batch).toBeGreaterThan(preempted?.t ?? Infinity);
    // Never moved: once bound, every batch object the API held was on node-1.
    const nodes = trace.frames.flatMap((f) => f.pods).filter((p) => p.metadata?.name === 'batch' && p.spec?.nodeName);
    expect(new Set(nodes.map((p) => p.spec?.nodeName))).toEqual(new Set(['node-1']));
  },
  'graceful-termination/delete': () => {
    const { lesson, trace } = run('graceful-termination');
    const pod = lastPod(trace);
    const polite = virtualMs(cs(pod, 'polite').state!.terminated!.finishedAt!);
    const stubborn = virtualMs(cs(pod, 'stubborn').state!.terminated!.finishedAt!);
    expect(polite).toBeLessThan(stubborn);
    expect(answerOf(lesson, 'delete')).toBe('polite');
  },
  'graceful-termination/polite-done': () => {
    const { lesson, trace } = run('graceful-termination');
    expect(String(cs(lastPod(trace), 'stubborn').state!.terminated!.exitCode)).toBe(answerOf(lesson, 'polite-done'));
  },
  'privileged/starts': () => {
    const { lesson, trace } = run('privileged');
    const pod = seek(trace, trace.until).pods[0];
    expect(printPodRow(pod)).toMatchObject({ ready: '2/2', status: 'Running' });
    expect(pod.spec?.containers?.[1].securityContext?.privileged).toBe(true);
    expect(answerOf(lesson, 'starts')).toMatch(/^No: both run, READY 2\/2/);
  },
  'unschedulable/condition': () => {
    const { lesson, trace } = run('unschedulable');
    const conditions = seek(trace, trace.until).pods[0].status?.conditions ?? [];
    expect(conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }));
    expect(conditions.map((c) => c.type)).not.toContain('Unschedulable');
    expect(answerOf(lesson, 'condition')).toBe('PodScheduled');
  },
  'crashloop-backoff/twenty': () => {
    const { lesson, trace } = run('crashloop-backoff');
    const starts = trace.events.filter((e) => e.reason === 'Started').map((e) => e.t);
    // The wait before the 5th start, measured from when the 4th run finished (as the kubelet does;
    // finishedAt has whole seconds, so the frames give the exact instant).
    const exited = trace.frames.find((f) => f.t > starts[3] && cs(f.pods[0], 'app').state?.terminated)!.t;
    expect(`${(starts[4] - exited) / 1000} s`).toBe(answerOf(lesson, 'twenty'));
  },
  'readiness-gates/ready': () => {
    const { lesson, trace } = run('readiness-gates');
    const t = resolveAnchor({ condition: { type: 'Ready', status: 'True' } }, trace)!;
    const cells = podRowCells(seek(trace, t).pods[0], t, true);
    expect(cells[cells.length - 1]).toBe(answerOf(lesson, 'ready'));
  },
  'readiness-service/spread': () => {
    const { lesson, trace } = run('readiness-service');
    const t = resolveAnchor(lesson.steps[0].at, trace)!;
    // Both ready Pods answered a fair share of checkout's requests so far (random, not one of them).
    const answered = (pod: string) => trace.requests.filter((q) => q.t <= t && q.pod === pod).length;
    const all = trace.requests.filter((q) => q.t <= t && q.service === 'checkout').length;
    for (const pod of ['checkout-1', 'checkout-2']) expect(answered(pod) / all).toBeGreaterThan(0.3);
    expect(answerOf(lesson, 'spread')).toMatch(/^Either/);
  },
  'readiness-service/not-ready': () => {
    const { lesson, trace } = run('readiness-service');
    const t = resolveAnchor(lesson.steps[1].at, trace)!;
    expect(trace.requests.filter((q) => q.t > t && q.pod === 'checkout-2')).toEqual([]);
    expect(answerOf(lesson, 'not-ready')).toBe('None');
  },
  'readiness-service/broken': () => {
    const { lesson, trace } = run('readiness-service');
    const t = resolveAnchor(lesson.steps[2].at, trace)!;
    const failed = (service: string) => trace.requests.filter((q) => q.t <= t && q.service === service && q.outcome !== 'ok').length;
    expect(String(failed('checkout'))).toBe(answerOf(lesson, 'broken'));
    expect(failed('legacy')).toBeGreaterThan(10);
  },
  'controllers-heal/lonely-deleted': () => {
    const { lesson, trace } = run('controllers-heal');
    // Between the two deletions nothing is created, and lonely never comes back.
    expect(trace.events.filter((e) => e.reason === 'SuccessfulCreate' && e.t > 0 && e.t < 40_000)).toEqual([]);
    expect(trace.frames.filter((f) => f.t > trace.deletedAt.lonely).some((f) => f.pods.some((p) => p.metadata?.name === 'lonely'))).toBe(false);
    expect(answerOf(lesson, 'lonely-deleted')).toBe('Nobody');
  },
  'controllers-heal/rolling': () => {
    const { lesson, trace } = run('controllers-heal');
    const [, scaleUp, next] = trace.events.filter((e) => e.reason === 'ScalingReplicaSet');
    const oldRS = seek(trace, 60_000).replicaSets[0].metadata?.name;
    expect(scaleUp.message).toMatch(/from 0 to 1$/);
    expect(next.message).toBe(`Scaled down replica set ${oldRS} from 3 to 2`);
    // ... once the new Pod is Ready (it is the only Pod of the new ReplicaSet).
    const newPod = seek(trace, next.t).pods.find((p) => p.metadata?.name?.startsWith(`${seek(trace, next.t).replicaSets[1].metadata?.name}-`));
    expect(newPod?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(answerOf(lesson, 'rolling')).toBe('Scales the old ReplicaSet down from 3 to 2');
  },
  'controllers-heal/complete': () => {
    const { lesson, trace } = run('controllers-heal');
    const t = resolveAnchor(lesson.steps.find((s) => s.id === 'complete')!.at, trace)!;
    expect(String(seek(trace, t).replicaSets.length)).toBe(answerOf(lesson, 'complete'));
    expect(seek(trace, t).machines.find((m) => m.id === 'deployment/web')?.value).toBe('complete');
  },
  'lost-node/spread': () => {
    const { lesson, trace } = run('lost-node');
    expect(seek(trace, 10_000).pods.map((p) => p.spec?.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(answerOf(lesson, 'spread')).toBe('One on each node');
  },
  'lost-node/silent': () => {
    const { lesson, trace } = run('lost-node');
    const creates = trace.events.filter((e) => e.reason === 'SuccessfulCreate');
    // Three at the start, then the replacement at 30 + 50 + 300 s.
    expect(creates.map((e) => e.t)).toEqual([0, 0, 0, 380_000]);
    expect(answerOf(lesson, 'silent')).toBe('After about 350 s');
  },
  'lost-node/evicted': () => {
    const { lesson, trace } = run('lost-node');
    const replacement = trace.events.filter((e) => e.reason === 'SuccessfulCreate')[3].message.replace('Created pod: ', '');
    const node = seek(trace, 400_000).pods.find((p) => p.metadata?.name === replacement)?.spec?.nodeName;
    expect(['node-1', 'node-3']).toContain(node);
    expect(answerOf(lesson, 'evicted')).toBe('node-1 or node-3');
  },
};

describe('choice questions match their traces', () => {
  for (const [name, proof] of Object.entries(proofs)) it(name, proof);

  it('every choice question has a proof', () => {
    const choiceSteps = LESSONS.flatMap((l) => l.steps.filter((s) => s.question?.kind === 'choice').map((s) => `${l.id}/${s.id}`));
    expect(choiceSteps.sort()).toEqual(Object.keys(proofs).sort());
  });
});
