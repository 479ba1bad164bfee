/**
 * Init-container readiness and relist timing, startup-probe gating and probe-worker start: rules the
 * engine once got wrong (each asserts Kubernetes' behaviour, source cited).
 */
import { describe, expect, it } from 'vitest';
import { KUBELET_SYNC_MS } from '../timing';
import { conditionAt, containerAt, eventsOf, initPod, onePod, run, sidecarPod, statusAt, timesOf } from './builders';

describe('init containers ', () => {
  const trace = run(initPod({}), { cachedImages: ['busybox:1.36'], until: 30_000 });

  it('Initialized lists every init container not yet done: containers with incomplete status: [init-a init-b] (pkg/kubelet/status/generate.go GeneratePodInitializedCondition, isInitContainerInitialized)', () => {
    expect(conditionAt(trace, 2_000, 'Initialized')).toMatchObject({
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init-a init-b]',
    });
  });

  it('a regular init container that exited 0 is ready: true (pkg/kubelet/prober/prober_manager.go UpdatePodStatus)', () => {
    expect(containerAt(trace, 15_000, 'init-a')).toMatchObject({ ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    expect(containerAt(trace, 15_000, 'init-b')).toMatchObject({ ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
  });

  it('the next init container starts when the kubelet notices the exit, at the next relist (finishedAt + KUBELET_SYNC_MS) (pkg/kubelet/pleg/generic.go relist; kuberuntime_manager.go computeInitContainerActions)', () => {
    // init-a runs 1 s..4 s; init-b is started at the relist after its exit; app's pull likewise.
    expect(timesOf(trace, 'Started', 'spec.initContainers{init-b}')).toEqual([4_000 + KUBELET_SYNC_MS]);
    expect(timesOf(trace, 'Pulling', 'spec.containers{app}')).toEqual([5_000 + 4_000 + KUBELET_SYNC_MS]);
  });
});

describe('a sidecar startup probe gates the next container  (pkg/kubelet/prober/worker.go newWorker: startup initialValue results.Unknown; prober_manager.go UpdatePodStatus: started only on Success)', () => {
  const manifest = sidecarPod('sleep 3600').replace(
    '    restartPolicy: Always\n    command: ["sleep", "3600"]\n  - name: proxy',
    '    restartPolicy: Always\n    command: ["sleep", "3600"]\n    startupProbe:\n      exec:\n        command: ["cat", "/tmp/up"]\n      periodSeconds: 2\n      failureThreshold: 10\n  - name: proxy',
  );
  const trace = run(manifest, {
    cachedImages: ['busybox:1.36'],
    until: 30_000,
    actions: [{ at: 6, kind: 'writeFile', container: 'log', path: '/tmp/up', content: '' }],
  });

  it('until the startup probe succeeds the sidecar is not started and the next one does not start', () => {
    expect(containerAt(trace, 4_000, 'log')).toMatchObject({ started: false, ready: false });
    expect(containerAt(trace, 4_000, 'proxy').state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(statusAt(trace, 4_000)).toBe('Init:0/2');
  });

  it('the next sidecar starts once the probe succeeds (the tick at 6 s: the file written at 6 s lands first, its action was queued before the tick)', () => {
    const unhealthy = eventsOf(trace, 'Unhealthy');
    expect(unhealthy.length).toBeGreaterThanOrEqual(2);
    expect(unhealthy[0].message).toBe("Startup probe failed: cat: can't open '/tmp/up': No such file or directory\n");
    expect(timesOf(trace, 'Started', 'spec.initContainers{proxy}')).toEqual([6_000]);
    expect(timesOf(trace, 'Started', 'spec.containers{app}')[0]).toBeGreaterThanOrEqual(6_000);
    expect(containerAt(trace, 10_000, 'log')).toMatchObject({ started: true, ready: true });
  });
});

describe('probes ', () => {
  it('a startup probe gates liveness: started false and no liveness probe until the startup probe succeeds (prober/worker.go newWorker startup initialValue Unknown, doProbe "Disable other probes until container has started")', () => {
    const trace = run(
      onePod({
        body: '    command: ["sleep", "3600"]\n    startupProbe:\n      exec:\n        command: ["cat", "/tmp/up"]\n      periodSeconds: 2\n      failureThreshold: 30\n    livenessProbe:\n      exec:\n        command: ["false"]\n      periodSeconds: 2\n      failureThreshold: 1',
      }),
      { cachedImages: ['busybox:1.36'], until: 20_000, actions: [{ at: 10, kind: 'writeFile', container: 'app', path: '/tmp/up', content: '' }] },
    );
    expect(containerAt(trace, 8_000)).toMatchObject({ started: false, ready: false });
    expect(eventsOf(trace, 'Unhealthy').filter((e) => e.t < 11_000).map((e) => e.message.split(':')[0])).toEqual(
      expect.arrayContaining(['Startup probe failed']),
    );
    expect(eventsOf(trace, 'Unhealthy').filter((e) => e.t < 11_000 && e.message.startsWith('Liveness'))).toEqual([]);
    expect(eventsOf(trace, 'Killing').filter((e) => e.t < 11_000)).toEqual([]);
  });

  it('probe workers start when the kubelet first syncs the pod (SyncPod → probeManager.AddPod, before the sandbox), so ticks fall on multiples of periodSeconds from t = 0 (pkg/kubelet/kubelet.go SyncPod; prober/worker.go run)', () => {
    const trace = run(
      // A liveness worker: the kubelet's manual trigger (which resets the ticker) is for readiness only.
      onePod({ image: 'web:1', body: '    livenessProbe:\n      httpGet:\n        port: 8080\n      periodSeconds: 4' }),
      { cachedImages: ['web:1'], customImages: [{ image: 'web:1', listen: [{ port: 8080 }] }], until: 13_000 },
    );
    expect(trace.probes.map((p) => p.t)).toEqual([4_000, 8_000, 12_000]);
  });

  it('a not-ready readiness worker is run at the status sync after the start, and its ticker restarts from there (prober_manager.go UpdatePodStatus manualTriggerCh; worker.go run probeTicker.Reset)', () => {
    const trace = run(
      onePod({ image: 'web:1', body: '    readinessProbe:\n      httpGet:\n        port: 8080\n      periodSeconds: 4' }),
      { cachedImages: ['web:1'], customImages: [{ image: 'web:1', listen: [{ port: 8080 }] }], until: 13_000 },
    );
    // Started at 1 s; the relist after it syncs the pod at 2 s: probe at once, then every 4 s from there.
    expect(trace.probes.map((p) => p.t)).toEqual([2_000, 6_000, 10_000]);
  });
});
