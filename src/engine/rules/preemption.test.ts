/**
 * Preemption: a pod no node fits evicts lower-priority pods to make room (the DefaultPreemption
 * PostFilter plugin), and pending pods are tried higher priority first (PrioritySort).
 * Sources: pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go (SelectVictimsOnNode,
 * PodEligibleToPreemptOthers), pkg/scheduler/framework/preemption/preemption.go (Preempt,
 * DryRunPreemption, pickOneNodeForPreemption, PreemptPod), pkg/scheduler/util/utils.go
 * (MoreImportantPod, GetEarliestPodStartTime), pkg/scheduler/framework/types.go (FitError.Error),
 * pkg/scheduler/schedule_one.go (handleSchedulingFailure, evaluateNominatedNode),
 * pkg/scheduler/framework/plugins/queuesort/priority_sort.go.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_NODE, seek, type NodeSettings, type SimAction, type Trace } from '..';
import { podStatusReason } from '../../k8s';
import {
  eventsOf,
  priorityClassYaml,
  PRIORITY_CLASSES as CLASSES,
  priorityReplicaSet as rs,
  run,
} from './builders';

const node = (name: string): NodeSettings => ({
  ...DEFAULT_NODE,
  name,
  labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' },
  cachedImages: ['busybox:1.36'],
});
const ONE = [node('node-1')];
const TWO = [node('node-1'), node('node-2')];

/** The preemptor arrives at 10 s: its ReplicaSet `high` scales from 0 to 1. */
const ARRIVES: SimAction = { at: 10, kind: 'scale', replicaSet: 'high', replicas: 1 };

function simulateRun(
  manifest: string,
  nodes: NodeSettings[],
  actions: SimAction[] = [ARRIVES],
  until = 30_000,
): Trace {
  return run(manifest, { nodes, actions, until });
}

/** The pod a ReplicaSet created n-th (its SuccessfulCreate events, in order). */
function created(trace: Trace, owner: string, n = 0): string {
  const event = eventsOf(trace, 'SuccessfulCreate').filter((e) => e.object === `replicaset/${owner}`)[n];
  if (!event) throw new Error(`replicaset/${owner} created no pod #${n}`);
  return event.message.replace('Created pod: ', '');
}

/** The pod as the last frame at or before t shows it; undefined once gone. */
function pod(trace: Trace, name: string, t: number): Pod | undefined {
  return seek(trace, t).pods.find((p) => p.metadata?.name === name);
}

const failures = (trace: Trace, name: string) =>
  eventsOf(trace, 'FailedScheduling')
    .filter((e) => e.object === `pod/${name}`)
    .map((e) => [e.t, e.message]);
const preempted = (trace: Trace) => eventsOf(trace, 'Preempted').map((e) => [e.t, e.object, e.message]);

describe('a higher-priority pod preempts on a full node (preemption.go Preempt, PreemptPod; schedule_one.go evaluateNominatedNode)', () => {
  const trace = simulateRun(
    CLASSES +
      rs('low', { memory: '1500Mi', priorityClass: 'low' }) +
      rs('mid', { memory: '1500Mi', priorityClass: 'mid' }) +
      rs('high', { replicas: 0, memory: '2Gi', priorityClass: 'high' }),
    ONE,
  );
  const victim = created(trace, 'low');
  const preemptor = created(trace, 'high');
  const uid = pod(trace, preemptor, 10_000)?.metadata?.uid;

  it('PriorityClass documents are taken without a "not simulated" warning: admission reads them', () => {
    expect(trace.diagnostics).toEqual([]);
  });

  it('the victim gets a Preempted event naming the preemptor by UID and the node, from default-scheduler', () => {
    expect(uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(eventsOf(trace, 'Preempted').map((e) => [e.t, e.type, e.object, e.message, e.source])).toEqual([
      [10_000, 'Normal', `pod/${victim}`, `Preempted by pod ${uid} on node node-1`, 'default-scheduler'],
    ]);
  });

  it('the victim gets DisruptionTarget=True reason PreemptionByScheduler and is deleted with its own grace period (Terminating, then gone)', () => {
    const terminating = pod(trace, victim, 10_000);
    expect(terminating?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
    expect(terminating?.metadata?.deletionGracePeriodSeconds).toBe(5);
    expect(podStatusReason(terminating as Pod)).toBe('Terminating');
    expect(pod(trace, victim, 20_000)).toBeUndefined();
  });

  it('reprieve: the more important lower-priority pod (mid) stays, as evicting low alone makes room (SelectVictimsOnNode)', () => {
    const mid = created(trace, 'mid');
    expect(pod(trace, mid, 30_000)?.status?.phase).toBe('Running');
    expect(trace.scheduling.filter((d) => d.preemption).map((d) => [d.t, d.pod, d.preemption])).toEqual([
      [10_000, preemptor, { node: 'node-1', victims: [victim] }],
    ]);
  });

  it("the scheduling decisions (the Scheduling card's record): the preemption, the wait on the nominated node, the binding", () => {
    expect(
      trace.scheduling
        .filter((d) => d.pod === preemptor)
        .map(({ t, node, preemption, nominated }) => ({ t, node, preemption, nominated })),
    ).toEqual([
      { t: 10_000, node: undefined, preemption: { node: 'node-1', victims: [victim] }, nominated: undefined },
      { t: 10_100, node: undefined, preemption: undefined, nominated: 'node-1' },
      { t: 15_100, node: 'node-1', preemption: undefined, nominated: undefined },
    ]);
  });

  it('the preemptor is nominated to the node while the victim terminates, then bound there; binding clears the nomination', () => {
    const waiting = pod(trace, preemptor, 12_000);
    expect(waiting?.status?.phase).toBe('Pending');
    expect(waiting?.status?.nominatedNodeName).toBe('node-1');
    expect(waiting?.spec?.nodeName).toBeUndefined();
    expect(
      eventsOf(trace, 'Scheduled')
        .filter((e) => e.object === `pod/${preemptor}`)
        .map((e) => [e.t, e.message]),
    ).toEqual([[15_100, `Successfully assigned default/${preemptor} to node-1`]]);
    const bound = pod(trace, preemptor, 20_000);
    expect(bound?.spec?.nodeName).toBe('node-1');
    expect(bound?.status?.nominatedNodeName).toBeUndefined();
    expect(bound?.status?.phase).toBe('Running');
  });

  it('FailedScheduling at each stage: FitError without a PostFilter message when preemption nominated a node, then "not eligible" while the victim terminates (FitError.Error, PodEligibleToPreemptOthers)', () => {
    expect(failures(trace, preemptor)).toEqual([
      [10_000, '0/1 nodes are available: 1 Insufficient memory.'],
      [
        10_100,
        '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: not eligible due to a terminating pod on the nominated node.',
      ],
    ]);
    expect(
      pod(trace, preemptor, 12_000)?.status?.conditions?.find((c) => c.type === 'PodScheduled'),
    ).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message:
        '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: not eligible due to a terminating pod on the nominated node.',
    });
  });

  it("the victim's replacement (priority 100) finds no victim: mid and high are not lower than it (isPreemptionAllowed)", () => {
    const replacement = created(trace, 'low', 1);
    expect(failures(trace, replacement)).toEqual([
      [
        10_100,
        '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
      ],
    ]);
    expect(preempted(trace)).toHaveLength(1);
  });
});

describe('SelectVictimsOnNode: remove every lower-priority pod, then reprieve from the most important down (default_preemption.go; util.MoreImportantPod)', () => {
  it.each([
    {
      rule: 'the preemptor needs the room of both lower-priority pods: both go, the more important first',
      manifest:
        rs('low', { memory: '1500Mi', priorityClass: 'low' }) +
        rs('mid', { memory: '1500Mi', priorityClass: 'mid' }) +
        rs('high', { replicas: 0, memory: '3584Mi', priorityClass: 'high' }),
      actions: [ARRIVES],
      victims: [
        ['mid', 0],
        ['low', 0],
      ] as const,
    },
    {
      rule: 'equal priorities: the pod that started later goes, the earlier one is more important',
      manifest:
        rs('low', { memory: '1500Mi', priorityClass: 'low' }) +
        rs('high', { replicas: 0, memory: '2Gi', priorityClass: 'high' }),
      actions: [{ at: 5, kind: 'scale', replicaSet: 'low', replicas: 2 } as const, ARRIVES],
      victims: [['low', 1]] as const,
    },
  ])('$rule', ({ manifest, actions, victims }) => {
    const trace = simulateRun(CLASSES + manifest, ONE, actions);
    expect(trace.scheduling.find((d) => d.preemption)?.preemption?.victims).toEqual(
      victims.map(([owner, n]) => created(trace, owner, n)),
    );
    expect(preempted(trace).map((e) => e[1])).toEqual(
      victims.map(([owner, n]) => `pod/${created(trace, owner, n)}`),
    );
  });

  it("a pod that does not fit even without every lower-priority pod stays Pending: the dry run prints that node's filter reasons", () => {
    const trace = simulateRun(
      CLASSES +
        rs('low', { memory: '1500Mi', priorityClass: 'low' }) +
        rs('high', { replicas: 0, memory: '5Gi', priorityClass: 'high' }),
      ONE,
    );
    expect(failures(trace, created(trace, 'high'))).toEqual([
      [
        10_000,
        '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Insufficient memory.',
      ],
    ]);
    expect(preempted(trace)).toEqual([]);
    expect(pod(trace, created(trace, 'high'), 30_000)?.status?.nominatedNodeName).toBeUndefined();
  });
});

describe('two preemptors for one node: the second counts the first as nominated there, and names the victim already terminating again (framework.go RunFilterPluginsWithNominatedPods; preemption.go prepareCandidate)', () => {
  const trace = simulateRun(
    CLASSES +
      rs('low', { memory: '3Gi', priorityClass: 'low' }) +
      rs('high', { replicas: 0, memory: '2Gi', priorityClass: 'high' }) +
      rs('mid', { replicas: 0, memory: '1Gi', priorityClass: 'mid' }),
    ONE,
    [ARRIVES, { at: 10, kind: 'scale', replicaSet: 'mid', replicas: 1 }],
  );
  const victim = created(trace, 'low');

  it('both are nominated with the same victim; a victim being deleted gets no second condition write or Preempted event', () => {
    expect(trace.scheduling.filter((d) => d.preemption).map((d) => [d.t, d.pod, d.preemption])).toEqual([
      [10_000, created(trace, 'high'), { node: 'node-1', victims: [victim] }],
      [10_000, created(trace, 'mid'), { node: 'node-1', victims: [victim] }],
    ]);
    expect(preempted(trace).map((e) => e[1])).toEqual([`pod/${victim}`]);
    expect(failures(trace, created(trace, 'mid'))[0]).toEqual([
      10_000,
      '0/1 nodes are available: 1 Insufficient memory.',
    ]);
  });

  it('once the victim is gone both bind to the node, higher priority first', () => {
    const scheduled = eventsOf(trace, 'Scheduled').filter((e) => e.t > 10_000);
    expect(scheduled.map((e) => [e.t, e.object])).toEqual([
      [15_100, `pod/${created(trace, 'high')}`],
      [15_100, `pod/${created(trace, 'mid')}`],
    ]);
  });
});

describe('pickOneNodeForPreemption: the criteria in order, each among the nodes tied on the ones before (preemption.go)', () => {
  it.each([
    {
      rule: 'lowest highest-victim priority: node-2 (victim priority 100) over node-1 (500)',
      manifest:
        rs('a', { memory: '3Gi', priorityClass: 'mid', node: 'node-1' }) +
        rs('b', { memory: '3Gi', priorityClass: 'low', node: 'node-2' }),
      needs: '2Gi',
      actions: [ARRIVES],
      node: 'node-2',
      victims: ['b'],
    },
    {
      rule: 'lowest sum of victim priorities: one victim of 100 on node-2 over two on node-1',
      manifest:
        rs('a', { replicas: 2, memory: '1500Mi', priorityClass: 'low', node: 'node-1' }) +
        rs('b', { memory: '3Gi', priorityClass: 'low', node: 'node-2' }),
      needs: '3Gi',
      actions: [ARRIVES],
      node: 'node-2',
      victims: ['b'],
    },
    {
      rule: 'latest start among the highest-priority victims: node-2, whose victim started at 5 s, over node-1 (0 s)',
      manifest:
        rs('a', { memory: '3Gi', priorityClass: 'low', node: 'node-1' }) +
        rs('b', { replicas: 0, memory: '3Gi', priorityClass: 'low', node: 'node-2' }),
      needs: '2Gi',
      actions: [{ at: 5, kind: 'scale', replicaSet: 'b', replicas: 1 } as const, ARRIVES],
      node: 'node-2',
      victims: ['b'],
    },
    {
      rule: 'start times compare as status.startTime stores them, to the second: victims started at 0 s and 0.5 s tie, so the first node',
      manifest:
        rs('a', { memory: '3Gi', priorityClass: 'low', node: 'node-1' }) +
        rs('b', { replicas: 0, memory: '3Gi', priorityClass: 'low', node: 'node-2' }),
      needs: '2Gi',
      actions: [{ at: 0.5, kind: 'scale', replicaSet: 'b', replicas: 1 } as const, ARRIVES],
      node: 'node-1',
      victims: ['a'],
    },
    {
      rule: 'every criterion tied: the first node',
      manifest:
        rs('a', { memory: '3Gi', priorityClass: 'low', node: 'node-1' }) +
        rs('b', { memory: '3Gi', priorityClass: 'low', node: 'node-2' }),
      needs: '2Gi',
      actions: [ARRIVES],
      node: 'node-1',
      victims: ['a'],
    },
  ])('$rule', ({ manifest, needs, actions, node: chosen, victims }) => {
    const preemptorSet = rs('high', { replicas: 0, memory: needs, priorityClass: 'high' });
    const trace = simulateRun(CLASSES + manifest + preemptorSet, TWO, actions);
    const preemptor = created(trace, 'high');
    expect(trace.scheduling.find((d) => d.preemption)?.preemption).toEqual({
      node: chosen,
      victims: victims.map((owner) => created(trace, owner)),
    });
    expect(pod(trace, preemptor, 12_000)?.status?.nominatedNodeName).toBe(chosen);
    expect(pod(trace, preemptor, 30_000)?.spec?.nodeName).toBe(chosen);
    expect(failures(trace, preemptor)[0]).toEqual([
      10_000,
      '0/2 nodes are available: 2 Insufficient memory.',
    ]);
  });
});

describe('who may preempt whom (PodEligibleToPreemptOthers, isPreemptionAllowed)', () => {
  const NO_VICTIMS =
    '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
  it.each([
    {
      rule: 'preemptionPolicy Never: the pod waits, never preempts',
      manifest:
        priorityClassYaml('never', 1000, 'preemptionPolicy: Never\n') +
        rs('low', { memory: '3Gi', priorityClass: 'low' }) +
        rs('high', { replicas: 0, memory: '2Gi', priorityClass: 'never' }),
      message:
        '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.',
    },
    {
      rule: 'an equal-priority pod is never a victim',
      manifest:
        rs('low', { memory: '3Gi', priorityClass: 'high' }) +
        rs('high', { replicas: 0, memory: '2Gi', priorityClass: 'high' }),
      message: NO_VICTIMS,
    },
    {
      rule: 'a higher-priority pod is never a victim',
      manifest:
        rs('low', { memory: '3Gi', priorityClass: 'high' }) +
        rs('high', { replicas: 0, memory: '2Gi', priorityClass: 'mid' }),
      message: NO_VICTIMS,
    },
    {
      rule: 'a pod without a PriorityClass (priority 0) does not preempt another priority-0 pod',
      manifest: rs('low', { memory: '3Gi' }) + rs('high', { replicas: 0, memory: '2Gi' }),
      message: NO_VICTIMS,
    },
  ])('$rule', ({ manifest, message }) => {
    const trace = simulateRun(CLASSES + manifest, ONE);
    const waiting = created(trace, 'high');
    expect(failures(trace, waiting)).toEqual([[10_000, message]]);
    expect(preempted(trace)).toEqual([]);
    expect(pod(trace, created(trace, 'low'), 30_000)?.status?.phase).toBe('Running');
    expect(pod(trace, waiting, 30_000)?.status?.nominatedNodeName).toBeUndefined();
  });
});

describe('PrioritySort: pending pods are tried higher priority first, then in creation order (queuesort/priority_sort.go Less)', () => {
  const bare = (name: string, priorityClass?: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name} }\nspec:\n${priorityClass ? `  priorityClassName: ${priorityClass}\n` : ''}  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n    resources: { requests: { memory: 3Gi } }\n---\n`;
  it.each([
    {
      rule: 'the high-priority pod, created second, takes the node the first cannot share',
      manifest: bare('first', 'low') + bare('second', 'high'),
      bound: 'second',
      waiting: 'first',
    },
    {
      rule: 'equal priorities keep creation order',
      manifest: bare('first', 'mid') + bare('second', 'mid'),
      bound: 'first',
      waiting: 'second',
    },
  ])('$rule', ({ manifest, bound, waiting }) => {
    const trace = simulateRun(CLASSES + manifest, ONE, []);
    expect(eventsOf(trace, 'Scheduled').map((e) => e.object)).toEqual([`pod/${bound}`]);
    expect(failures(trace, waiting)).toEqual([
      [
        0,
        '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
      ],
    ]);
  });
});
