/**
 * Restart policy and crash-loop back-off. The first restart is immediate (at the relist that notices
 * the exit); later ones wait 10 s, 20 s, 40 s, ... capped at 300 s, measured from the exited
 * container's finishedAt.
 * Simplification (src/engine/timing.ts KUBELET_SYNC_MS): the relist takes exactly 1 s.
 * Sources: pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions, doBackOff),
 * pkg/kubelet/container/helpers.go (ShouldContainerBeRestarted), pkg/util/flowcontrol/backoff.go
 * (Next, IsInBackOffSince), pkg/kubelet/kubelet.go (backOffPeriod, MaxContainerBackOff),
 * pkg/kubelet/kubelet_pods.go (getPhase), kubectl printers.go printPod.
 */
import { describe, expect, it } from 'vitest';
import { CONTAINER_BACKOFF_MAX_MS, KUBELET_SYNC_MS } from '../timing';
import { containerAt, eventsOf, gaps, onePod, podAt, podRef, run, statusAt, timesOf } from './builders';

const cached = ['busybox:1.36'];
const exiting = (restartPolicy: string | undefined, code: number) =>
  onePod({ name: 'crash', restartPolicy, body: `    command: ["sh", "-c", "sleep 2; exit ${code}"]` });

describe('shouldRestartOnFailure by restartPolicy (pkg/kubelet/container/helpers.go ShouldContainerBeRestarted; kubelet_pods.go getPhase)', () => {
  it.each([
    { rule: 'Always restarts after exit 0', policy: undefined, code: 0, restarts: true, phase: 'Running', status: 'CrashLoopBackOff' },
    { rule: 'Always restarts after a non-zero exit', policy: 'Always', code: 1, restarts: true, phase: 'Running', status: 'CrashLoopBackOff' },
    { rule: 'OnFailure restarts after a non-zero exit', policy: 'OnFailure', code: 1, restarts: true, phase: 'Running', status: 'CrashLoopBackOff' },
    { rule: 'OnFailure leaves exit 0 Completed: phase Succeeded', policy: 'OnFailure', code: 0, restarts: false, phase: 'Succeeded', status: 'Completed' },
    { rule: 'Never leaves a non-zero exit: phase Failed, STATUS Error', policy: 'Never', code: 1, restarts: false, phase: 'Failed', status: 'Error' },
    { rule: 'Never leaves exit 0: phase Succeeded, STATUS Completed', policy: 'Never', code: 0, restarts: false, phase: 'Succeeded', status: 'Completed' },
  ])('$rule', ({ policy, code, restarts, phase, status }) => {
    const trace = run(exiting(policy, code), { cachedImages: cached, until: 60_000 });
    const app = containerAt(trace, 60_000);
    expect(podAt(trace, 60_000).status?.phase).toBe(phase);
    expect(timesOf(trace, 'Started').length > 1).toBe(restarts);
    if (restarts) {
      expect(app.restartCount).toBeGreaterThanOrEqual(2);
      expect(app.lastState?.terminated).toMatchObject({ exitCode: code, reason: code === 0 ? 'Completed' : 'Error' });
      expect(statusAt(trace, eventsOf(trace, 'BackOff')[0].t)).toBe(status);
    } else {
      expect(app).toMatchObject({ restartCount: 0, ready: false, lastState: {}, state: { terminated: { exitCode: code, reason: code === 0 ? 'Completed' : 'Error' } } });
      expect(statusAt(trace, 60_000)).toBe(status);
      expect(eventsOf(trace, 'BackOff')).toEqual([]);
    }
  });
});

describe('crash-loop back-off timing (kuberuntime_manager.go doBackOff; flowcontrol/backoff.go Next; kubelet.go MaxContainerBackOff)', () => {
  // Starts at 1 s (sandbox), runs 2 s, exits 1; restarts as the back-off allows.
  const trace = run(exiting('Always', 1), { cachedImages: cached, until: 1_400_000 });
  const started = timesOf(trace, 'Started');
  const finished = started.map((t) => t + 2_000);

  it('the first restart is immediate: at the relist after the first exit', () => {
    expect(started.slice(0, 2)).toEqual([1_000, 3_000 + KUBELET_SYNC_MS]);
  });

  it('later restarts wait 10 s, 20 s, 40 s, 80 s, 160 s, then 300 s (the cap), counted from finishedAt', () => {
    const waits = started.slice(2).map((t, i) => t - finished[i + 1]);
    expect(waits.slice(0, 7)).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, CONTAINER_BACKOFF_MAX_MS, CONTAINER_BACKOFF_MAX_MS]);
  });

  it('BackOff event worded as the kubelet words it: Back-off restarting failed container app in pod NAME_default(UID)', () => {
    const backOff = eventsOf(trace, 'BackOff');
    expect(backOff[0]).toMatchObject({
      t: finished[1] + KUBELET_SYNC_MS,
      type: 'Warning',
      fieldPath: 'spec.containers{app}',
      message: `Back-off restarting failed container app in pod ${podRef(trace)}`,
    });
    expect(podRef(trace)).toMatch(/^crash_default\([0-9a-f-]{36}\)$/);
  });

  it.each([
    { wait: '10s', index: 1 },
    { wait: '20s', index: 2 },
    { wait: '40s', index: 3 },
    { wait: '1m20s', index: 4 },
    { wait: '2m40s', index: 5 },
    { wait: '5m0s', index: 6 },
  ])('Waiting CrashLoopBackOff message says back-off $wait while waiting', ({ wait, index }) => {
    const t = finished[index] + KUBELET_SYNC_MS + 500;
    const app = containerAt(trace, t);
    expect(app.state?.waiting).toEqual({
      reason: 'CrashLoopBackOff',
      message: `back-off ${wait} restarting failed container=app pod=${podRef(trace)}`,
    });
    expect(app.restartCount).toBe(index);
    expect(app.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(statusAt(trace, t)).toBe('CrashLoopBackOff');
    expect(podAt(trace, t).status?.phase).toBe('Running');
  });

  it('between the exit and the relist the container shows Terminated Error (kubectl STATUS Error)', () => {
    const t = finished[1] + 500;
    expect(containerAt(trace, t).state?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(statusAt(trace, t)).toBe('Error');
  });

  it('restart times differ by run time + back-off: 2 s + 10 s, 2 s + 20 s, 2 s + 40 s', () => {
    expect(gaps(started).slice(1, 4)).toEqual([12_000, 22_000, 42_000]);
  });
});
