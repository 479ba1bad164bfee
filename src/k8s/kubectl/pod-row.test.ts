/**
 * STATUS / READY / RESTARTS of `kubectl get pods`, rule by rule, against printPod in
 * pkg/printers/internalversion/printers.go (kubernetes/kubernetes).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podReadyColumn, podRestartsColumn, podStatusReason } from './pod-row';
import { c, cond, pod, running, T, terminated, waiting } from './test-fixtures';

const sidecar = (name: string) => c(name, { restartPolicy: 'Always' });
const initialized = [cond('Initialized', 'True')];

const cases: Array<{ rule: string; pod: Pod; status: string; ready: string }> = [
  {
    rule: 'printPod: no container status yet → phase (Pending)',
    pod: pod({}),
    status: 'Pending',
    ready: '0/1',
  },
  {
    rule: 'printPod: regular container waiting reason wins (ContainerCreating)',
    pod: pod({ statuses: [waiting('app', 'ContainerCreating')] }),
    status: 'ContainerCreating',
    ready: '0/1',
  },
  {
    rule: 'printPod: init done, regular container waiting PodInitializing',
    pod: pod({
      initContainers: [c('init')],
      initStatuses: [terminated('init', 0, 'Completed')],
      statuses: [waiting('app', 'PodInitializing')],
      conditions: initialized,
    }),
    status: 'PodInitializing',
    ready: '0/1',
  },
  {
    rule: 'printPod: first init container running → Init:0/2',
    pod: pod({
      initContainers: [c('a'), c('b')],
      initStatuses: [running('a', false), waiting('b', 'PodInitializing')],
      statuses: [waiting('app', 'PodInitializing')],
    }),
    status: 'Init:0/2',
    ready: '0/1',
  },
  {
    rule: 'printPod: init waiting PodInitializing is not a reason → Init:0/2',
    pod: pod({
      initContainers: [c('a'), c('b')],
      initStatuses: [waiting('a', 'PodInitializing'), waiting('b', 'PodInitializing')],
    }),
    status: 'Init:0/2',
    ready: '0/1',
  },
  {
    rule: 'printPod: first init done, second running → Init:1/2',
    pod: pod({
      initContainers: [c('a'), c('b')],
      initStatuses: [terminated('a', 0, 'Completed'), running('b', false)],
    }),
    status: 'Init:1/2',
    ready: '0/1',
  },
  {
    rule: 'printPod: failed init container → Init:<terminated reason> (Init:Error)',
    pod: pod({ initContainers: [c('a')], initStatuses: [terminated('a', 1, 'Error')] }),
    status: 'Init:Error',
    ready: '0/1',
  },
  {
    rule: 'printPod: init waiting reason → Init:CrashLoopBackOff',
    pod: pod({
      initContainers: [c('a')],
      initStatuses: [waiting('a', 'CrashLoopBackOff', { restartCount: 2 })],
    }),
    status: 'Init:CrashLoopBackOff',
    ready: '0/1',
  },
  {
    rule: 'printPod: init terminated without reason, with signal → Init:Signal:9',
    pod: pod({ initContainers: [c('a')], initStatuses: [terminated('a', 137, undefined, {}, 9)] }),
    status: 'Init:Signal:9',
    ready: '0/1',
  },
  {
    rule: 'printPod: init terminated without reason or signal → Init:ExitCode:3',
    pod: pod({ initContainers: [c('a')], initStatuses: [terminated('a', 3)] }),
    status: 'Init:ExitCode:3',
    ready: '0/1',
  },
  {
    rule: 'printPod: sidecar (restartPolicy Always) not started yet → Init:0/1, counted in READY total',
    pod: pod({
      initContainers: [sidecar('proxy')],
      initStatuses: [running('proxy', false, 5, { started: false })],
    }),
    status: 'Init:0/1',
    ready: '0/2',
  },
  {
    rule: 'printPod: sidecar started, app still creating → ContainerCreating',
    pod: pod({
      initContainers: [sidecar('proxy')],
      initStatuses: [running('proxy', false)],
      statuses: [waiting('app', 'ContainerCreating')],
      conditions: initialized,
    }),
    status: 'ContainerCreating',
    ready: '0/2',
  },
  {
    rule: 'printPod: sidecar started and ready, app running ready → Running 2/2',
    pod: pod({
      phase: 'Running',
      initContainers: [sidecar('proxy')],
      initStatuses: [running('proxy', true)],
      statuses: [running('app', true)],
      conditions: [...initialized, cond('Ready', 'True')],
    }),
    status: 'Running',
    ready: '2/2',
  },
  {
    rule: 'printPod: running containers keep the phase (Running)',
    pod: pod({ phase: 'Running', statuses: [running('app', true)], conditions: [cond('Ready', 'True')] }),
    status: 'Running',
    ready: '1/1',
  },
  {
    rule: 'printPod: running but not ready still shows the phase, READY 0/1',
    pod: pod({ phase: 'Running', statuses: [running('app', false)] }),
    status: 'Running',
    ready: '0/1',
  },
  {
    rule: 'printPod: Completed + a running container, Ready False → NotReady',
    pod: pod({
      phase: 'Running',
      containers: [c('job'), c('app')],
      statuses: [terminated('job', 0, 'Completed'), running('app', true)],
      conditions: [cond('Ready', 'False')],
    }),
    status: 'NotReady',
    ready: '1/2',
  },
  {
    rule: 'printPod: Completed + a running container, Ready True → Running',
    pod: pod({
      phase: 'Running',
      containers: [c('job'), c('app')],
      statuses: [terminated('job', 0, 'Completed'), running('app', true)],
      conditions: [cond('Ready', 'True')],
    }),
    status: 'Running',
    ready: '1/2',
  },
  {
    rule: 'printPod: terminated reason (Completed)',
    pod: pod({ phase: 'Succeeded', statuses: [terminated('app', 0, 'Completed')] }),
    status: 'Completed',
    ready: '0/1',
  },
  {
    rule: 'printPod: terminated reason (Error)',
    pod: pod({ phase: 'Failed', statuses: [terminated('app', 1, 'Error')] }),
    status: 'Error',
    ready: '0/1',
  },
  {
    rule: 'printPod: terminated reason (OOMKilled)',
    pod: pod({ phase: 'Running', statuses: [terminated('app', 137, 'OOMKilled')] }),
    status: 'OOMKilled',
    ready: '0/1',
  },
  {
    rule: 'printPod: waiting reason (CrashLoopBackOff)',
    pod: pod({ phase: 'Running', statuses: [waiting('app', 'CrashLoopBackOff', { restartCount: 3 })] }),
    status: 'CrashLoopBackOff',
    ready: '0/1',
  },
  {
    rule: 'printPod: waiting reason (ImagePullBackOff)',
    pod: pod({ statuses: [waiting('app', 'ImagePullBackOff')] }),
    status: 'ImagePullBackOff',
    ready: '0/1',
  },
  {
    rule: 'printPod: waiting reason (ErrImagePull)',
    pod: pod({ statuses: [waiting('app', 'ErrImagePull')] }),
    status: 'ErrImagePull',
    ready: '0/1',
  },
  {
    rule: 'printPod: containers are read last to first, so the first container has the last word',
    pod: pod({
      phase: 'Running',
      containers: [c('a'), c('b')],
      statuses: [waiting('a', 'CrashLoopBackOff'), waiting('b', 'ImagePullBackOff')],
    }),
    status: 'CrashLoopBackOff',
    ready: '0/2',
  },
  {
    rule: 'printPod: terminated without reason, with signal → Signal:9',
    pod: pod({ phase: 'Running', statuses: [terminated('app', 137, undefined, {}, 9)] }),
    status: 'Signal:9',
    ready: '0/1',
  },
  {
    rule: 'printPod: terminated without reason or signal → ExitCode:3',
    pod: pod({ phase: 'Failed', statuses: [terminated('app', 3)] }),
    status: 'ExitCode:3',
    ready: '0/1',
  },
  {
    rule: 'printPod: deletionTimestamp on a non-terminal pod → Terminating',
    pod: pod({ phase: 'Running', statuses: [running('app', true)], deletionS: 40 }),
    status: 'Terminating',
    ready: '1/1',
  },
  {
    rule: 'printPod: deletionTimestamp on a terminal pod keeps its status (IsPodPhaseTerminal)',
    pod: pod({ phase: 'Succeeded', statuses: [terminated('app', 0, 'Completed')], deletionS: 40 }),
    status: 'Completed',
    ready: '0/1',
  },
  {
    rule: 'printPod: status.reason NodeLost with deletionTimestamp → Unknown',
    pod: pod({ phase: 'Running', reason: 'NodeLost', statuses: [running('app', true)], deletionS: 40 }),
    status: 'Unknown',
    ready: '1/1',
  },
  {
    rule: 'printPod: status.reason replaces the phase (Evicted)',
    pod: pod({ phase: 'Failed', reason: 'Evicted' }),
    status: 'Evicted',
    ready: '0/1',
  },
  {
    rule: 'printPod: PodScheduled reason SchedulingGated → SchedulingGated',
    pod: pod({ conditions: [cond('PodScheduled', 'False', 'SchedulingGated')] }),
    status: 'SchedulingGated',
    ready: '0/1',
  },
];

describe('podStatusReason / podReadyColumn (printPod)', () => {
  it.each(cases)('$rule', ({ pod: p, status, ready }) => {
    expect(podStatusReason(p)).toBe(status);
    expect(podReadyColumn(p)).toBe(ready);
  });
});

const lastTerminated = (finishedS: number) => ({
  terminated: { exitCode: 1, reason: 'Error', startedAt: T(finishedS - 1), finishedAt: T(finishedS) },
});

describe('podRestartsColumn (printPod restarts and lastRestartDate)', () => {
  const rows: Array<{ rule: string; pod: Pod; now: number; want: string }> = [
    {
      rule: 'printPod: no restarts → "0"',
      pod: pod({ phase: 'Running', statuses: [running('app', true)] }),
      now: 60,
      want: '0',
    },
    {
      rule: 'printPod: restarts with lastState.terminated.finishedAt → "N (age ago)"',
      pod: pod({
        phase: 'Running',
        statuses: [waiting('app', 'CrashLoopBackOff', { restartCount: 3, lastState: lastTerminated(48) })],
      }),
      now: 60,
      want: '3 (12s ago)',
    },
    {
      rule: 'printPod: restarts without a last termination time → plain count',
      pod: pod({ phase: 'Running', statuses: [running('app', true, 5, { restartCount: 2 })] }),
      now: 60,
      want: '2',
    },
    {
      rule: 'printPod: sums over containers and takes the latest finishedAt',
      pod: pod({
        phase: 'Running',
        containers: [c('a'), c('b')],
        statuses: [
          running('a', true, 5, { restartCount: 1, lastState: lastTerminated(100) }),
          running('b', true, 5, { restartCount: 4, lastState: lastTerminated(30) }),
        ],
      }),
      now: 400,
      want: '5 (5m ago)',
    },
    {
      rule: 'printPod: while initializing, init container restarts count',
      pod: pod({
        initContainers: [c('init')],
        initStatuses: [
          waiting('init', 'CrashLoopBackOff', { restartCount: 2, lastState: lastTerminated(10) }),
        ],
      }),
      now: 60,
      want: '2 (50s ago)',
    },
    {
      rule: 'printPod: once initialized, only sidecar and regular restarts count',
      pod: pod({
        phase: 'Running',
        initContainers: [c('init'), sidecar('proxy')],
        initStatuses: [
          terminated('init', 0, 'Completed', { restartCount: 1, lastState: lastTerminated(3) }),
          running('proxy', true, 20, { restartCount: 2, lastState: lastTerminated(19) }),
        ],
        statuses: [running('app', true, 25, { restartCount: 1, lastState: lastTerminated(24) })],
        conditions: [...initialized, cond('Ready', 'True')],
      }),
      now: 204,
      want: '3 (3m ago)',
    },
  ];
  it.each(rows)('$rule', ({ pod: p, now, want }) => {
    expect(podRestartsColumn(p, now * 1000)).toBe(want);
  });
});
