/**
 * Init containers run one at a time, in order, each to success before the next; regular containers
 * start once all are done. Sidecars (init containers with restartPolicy Always) start in order, keep
 * running next to the main containers, gate the next one on their startup probe, and are stopped
 * after the main containers.
 * Simplification (src/engine/timing.ts KUBELET_SYNC_MS): the kubelet notices an exit at its next PLEG
 * relist, exactly 1 s later, and acts then.
 * Sources: pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions, computeInitContainerActions),
 * pkg/kubelet/kubelet_pods.go (getPhase), pkg/kubelet/prober/worker.go (newWorker initialValue),
 * pkg/kubelet/prober/prober_manager.go (UpdatePodStatus: started), kubectl printers.go (printPod).
 */
import { describe, expect, it } from 'vitest';
import { conditionAt, containerAt, eventsOf, initPod, podAt, run, sidecarPod, statusAt, timesOf } from './builders';

describe('init containers run in order, to completion (kuberuntime_manager.go computeInitContainerActions; printers.go printPod Init:N/M)', () => {
  const trace = run(initPod({}), { cachedImages: ['busybox:1.36'], until: 30_000 });

  it('start order: init-a, then init-b, then app', () => {
    expect(eventsOf(trace, 'Started').map((e) => e.fieldPath)).toEqual(['spec.initContainers{init-a}', 'spec.initContainers{init-b}', 'spec.containers{app}']);
    const [a, b, app] = timesOf(trace, 'Started');
    expect(b).toBeGreaterThanOrEqual(a + 3_000);
    expect(app).toBeGreaterThanOrEqual(b + 4_000);
  });

  it.each([
    { t: 500, status: 'Init:0/2', phase: 'Pending' },
    { t: 2_000, status: 'Init:0/2', phase: 'Pending' },
    { t: 6_000, status: 'Init:1/2', phase: 'Pending' },
    // All init containers done; app's image is being pulled: Waiting PodInitializing.
    { t: 10_500, status: 'PodInitializing', phase: 'Pending' },
    { t: 15_000, status: 'Running', phase: 'Running' },
  ])('kubectl STATUS at $t ms is $status (phase $phase)', ({ t, status, phase }) => {
    expect(statusAt(trace, t)).toBe(status);
    expect(podAt(trace, t).status?.phase).toBe(phase);
  });
});

describe('a failing init container (kubelet_pods.go getPhase; kuberuntime_manager.go computeInitContainerActions)', () => {
  it.each([
    { rule: 'restartPolicy Never: the pod fails, STATUS Init:Error, nothing else starts', restartPolicy: 'Never', phase: 'Failed', status: 'Init:Error' },
    { rule: 'restartPolicy OnFailure: the init container is restarted, STATUS Init:CrashLoopBackOff', restartPolicy: 'OnFailure', phase: 'Pending', status: 'Init:CrashLoopBackOff' },
    { rule: 'restartPolicy Always: the init container is restarted, STATUS Init:CrashLoopBackOff', restartPolicy: 'Always', phase: 'Pending', status: 'Init:CrashLoopBackOff' },
  ])('$rule', ({ restartPolicy, phase, status }) => {
    const trace = run(initPod({ restartPolicy, initA: 'sleep 1; exit 3', app: 'busybox:1.36' }), { cachedImages: ['busybox:1.36'], until: 60_000 });
    expect(podAt(trace, 60_000).status?.phase).toBe(phase);
    expect(statusAt(trace, 2_500)).toBe('Init:Error');
    expect(eventsOf(trace, 'Started').filter((e) => e.fieldPath !== 'spec.initContainers{init-a}')).toEqual([]);
    const initA = containerAt(trace, 60_000, 'init-a');
    if (restartPolicy === 'Never') {
      expect(initA).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 3, reason: 'Error' } } });
      expect(statusAt(trace, 60_000)).toBe(status);
      expect(eventsOf(trace, 'BackOff')).toEqual([]);
    } else {
      expect(initA.restartCount).toBeGreaterThanOrEqual(2);
      expect(initA.lastState?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
      const backOff = eventsOf(trace, 'BackOff')[0];
      expect(statusAt(trace, backOff.t)).toBe(status);
      expect(backOff.fieldPath).toBe('spec.initContainers{init-a}');
    }
    expect(containerAt(trace, 60_000, 'app').state).toEqual({ waiting: { reason: 'PodInitializing' } });
  });
});

describe('sidecars (KEP-753; kuberuntime_manager.go computeInitContainerActions, killContainersWithSyncResult)', () => {
  const trace = run(sidecarPod('sleep 10'), { cachedImages: ['busybox:1.36'], until: 60_000 });

  it('start in order, before the main container, and keep running next to it', () => {
    expect(eventsOf(trace, 'Started').map((e) => e.fieldPath)).toEqual(['spec.initContainers{log}', 'spec.initContainers{proxy}', 'spec.containers{app}']);
    const appStarted = timesOf(trace, 'Started', 'spec.containers{app}')[0];
    const mid = appStarted + 5_000;
    for (const name of ['log', 'proxy']) {
      expect(containerAt(trace, mid, name)).toMatchObject({ ready: true, started: true, restartCount: 0 });
      expect(containerAt(trace, mid, name).state?.running).toBeDefined();
    }
    expect(statusAt(trace, mid)).toBe('Running');
    expect(conditionAt(trace, mid, 'Initialized')?.status).toBe('True');
  });

  it('are stopped after the main containers exit, in reverse order, and the pod then Succeeds', () => {
    const appExit = containerAt(trace, 60_000, 'app').state?.terminated;
    expect(appExit).toMatchObject({ exitCode: 0, reason: 'Completed' });
    // Both are told to stop at once (Killing, preStop); TERM goes in reverse order (waitForTurn).
    const killing = eventsOf(trace, 'Killing').map((e) => [e.fieldPath, e.message]);
    expect(killing).toEqual([
      ['spec.initContainers{log}', 'Stopping container log'],
      ['spec.initContainers{proxy}', 'Stopping container proxy'],
    ]);
    const appFinished = timesOf(trace, 'Started', 'spec.containers{app}')[0] + 10_000;
    expect(eventsOf(trace, 'Killing').every((e) => e.t >= appFinished)).toBe(true);
    // `sleep 3600` as PID 1 ignores TERM: proxy is KILLed when the 5 s grace period ends (137), and
    // log, whose turn comes only then, gets the kubelet's 2 s minimum.
    const proxy = containerAt(trace, 60_000, 'proxy').state?.terminated;
    const log = containerAt(trace, 60_000, 'log').state?.terminated;
    expect(proxy?.exitCode).toBe(137);
    expect(log?.exitCode).toBe(137);
    expect(Date.parse(log?.finishedAt ?? '') - Date.parse(proxy?.finishedAt ?? '')).toBe(2_000);
    expect(podAt(trace, 60_000).status?.phase).toBe('Succeeded');
  });
});
