/**
 * The kubelet's reason cache (pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses: a container
 * that will be restarted shows the last sync's error as its Waiting reason) and the BackOff event
 * cadence of 1.35 (pod_workers.go completeWork: requeue at the back-off's end, capped at the 1-minute
 * resync; an image pull back-off has no end time, so ~10 s retries each record BackOff).
 */
import { describe, expect, it } from 'vitest';
import { BUSYBOX, containerAt, eventsOf, onePod, run, statusChanges } from './builders';

describe('Waiting reasons from the reason cache', () => {
  it('a command that is not in the image: RunContainerError (lastState StartError), then CrashLoopBackOff', () => {
    const trace = run(onePod({ body: '    command: ["nosuchbinary"]' }), { cachedImages: [BUSYBOX], until: 20_000 });
    const statuses = statusChanges(trace).map(([, s]) => s);
    expect(statuses.slice(0, 4)).toEqual(['Pending', 'ContainerCreating', 'RunContainerError', 'CrashLoopBackOff']);
    const c = containerAt(trace, 2_000);
    expect(c.state?.waiting?.reason).toBe('RunContainerError');
    expect(c.state?.waiting?.message).toContain('executable file not found in $PATH');
    expect(c.lastState?.terminated).toMatchObject({ reason: 'StartError', exitCode: 128 });
  });

  it('a failing postStart hook: PostStartHookError once the kill is done', () => {
    const trace = run(onePod({ grace: 2, body: '    command: ["sleep", "3600"]\n    lifecycle:\n      postStart:\n        exec:\n          command: ["sh", "-c", "exit 1"]' }), { cachedImages: [BUSYBOX], until: 30_000 });
    expect(statusChanges(trace).map(([, s]) => s)).toContain('PostStartHookError');
  });

  it('while a failing image is pulled again, the status keeps ImagePullBackOff (never ContainerCreating again)', () => {
    const trace = run(onePod({ image: 'nginx:doesnotexist', body: '' }), { until: 60_000 });
    const statuses = statusChanges(trace).map(([, s]) => s);
    expect(statuses.slice(2)).toEqual(['ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff', 'ErrImagePull', 'ImagePullBackOff']);
  });
});

describe('BackOff event cadence', () => {
  it('crash loop: one BackOff per back-off wait (10 s, 20 s, 40 s waits are all shorter than the 1-minute cap)', () => {
    const trace = run(onePod({ body: '    command: ["sh", "-c", "exit 1"]' }), { cachedImages: [BUSYBOX], until: 80_000 });
    const backoffs = eventsOf(trace, 'BackOff').map((e) => e.t);
    const starts = eventsOf(trace, 'Started').map((e) => e.t);
    const between = starts.map((t, i) => backoffs.filter((b) => b > t && b < (starts[i + 1] ?? Infinity)).length);
    // The first restart is immediate (no back-off entry yet); every later wait records exactly one.
    expect(between).toEqual([0, ...starts.slice(1).map(() => 1)]);
  });

  it('image pull back-off: BackOff again at each ~10 s retry of the pod worker', () => {
    const trace = run(onePod({ image: 'nginx:doesnotexist', body: '' }), { until: 60_000 });
    const times = eventsOf(trace, 'BackOff').map((e) => e.t);
    // The 20 s wait between the 2nd and 3rd pull records BackOff at its start and 10 s later.
    expect(times).toEqual(expect.arrayContaining([13_000, 23_000]));
    expect(eventsOf(trace, 'BackOff').every((e) => e.type === 'Normal' && e.message === 'Back-off pulling image "nginx:doesnotexist"')).toBe(true);
  });
});
