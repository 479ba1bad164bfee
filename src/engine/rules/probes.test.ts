/**
 * Probe workers: one per container and probe type, ticking every periodSeconds from the worker's
 * start (the kubelet's first sync, t = 0: SyncPod adds the pod to the prober manager before it
 * creates the sandbox), skipping runs within initialDelaySeconds (whole seconds, truncated)
 * of startedAt; thresholds; HTTP 200-399 succeed (3xx as a warning), tcpSocket and exec handlers.
 * Sources: pkg/kubelet/prober/worker.go (run, doProbe), pkg/kubelet/prober/prober.go (runProbe,
 * recordContainerEvent: Unhealthy, ProbeWarning), pkg/probe/http/http.go (DoHTTPProbe),
 * pkg/probe/tcp/tcp.go (DoTCPProbe), pkg/kubelet/kuberuntime/kuberuntime_manager.go
 * (computePodActions: "failed liveness probe, will be restarted"), kuberuntime_container.go killContainer.
 */
import { describe, expect, it } from 'vitest';
import type { CustomImageBehaviour } from '../../runtime/sandbox-types';
import { BUSYBOX_PULL_MS, SANDBOX_MS, conditionAt, containerAt, eventsOf, onePod, run, timesOf } from './builders';

const cached = ['busybox:1.36', 'web:1'];
const web = (paths: Record<string, Array<{ fromSeconds: number; status: number }>>): CustomImageBehaviour[] => [
  { image: 'web:1', listen: [{ port: 8080, paths }] },
];

describe('readiness is false until the first success (prober/worker.go newWorker initialValue Failure; prober_manager.go UpdatePodStatus)', () => {
  // The container starts at 1 s; the file appears 3 s later (t = 4 s); probe ticks at 0, 2, 4, 6 s.
  // At 4 s the script's timer (set at 1 s) fires before the tick (set at 2 s): the probe finds the file.
  const trace = run(
    onePod({
      body: '    command: ["sh", "-c", "sleep 3; touch /tmp/ready; sleep 3600"]\n    readinessProbe:\n      exec:\n        command: ["cat", "/tmp/ready"]\n      periodSeconds: 2',
    }),
    { cachedImages: cached, until: 20_000 },
  );
  it.each([
    { t: 2_000, ready: false },
    { t: 3_999, ready: false },
    { t: 4_000, ready: true },
    { t: 15_000, ready: true },
  ])('at $t ms ready is $ready', ({ t, ready }) => {
    expect(containerAt(trace, t)).toMatchObject({ ready, started: true });
    expect(conditionAt(trace, t, 'ContainersReady')?.status).toBe(ready ? 'True' : 'False');
  });
  it('exec failures are Unhealthy events with the command output', () => {
    // The worker's first run at 0 s finds no container yet; the run at 2 s fails.
    expect(eventsOf(trace, 'Unhealthy').map((e) => [e.t, e.type, e.message])).toEqual([
      [2_000, 'Warning', "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory\n"],
    ]);
  });
});

describe('initialDelaySeconds: whole seconds since startedAt, on the worker tick (prober/worker.go doProbe)', () => {
  it.each([
    // Started at 1.605 s (pulled). The status sync one relist later (2.605 s) triggers a run and resets
    // the ticker, so the next ticks are 6.605 s, 10.605 s. At 2.605 s only 1 whole second has passed.
    { rule: 'delay 0: the triggered run right after the start probes', delay: 0, first: 2_605 },
    { rule: 'delay 1: the triggered run probes (int32(1.0) = 1 is not < 1)', delay: 1, first: 2_605 },
    { rule: 'delay 2: the triggered run is skipped (1 < 2) and the reset ticker moves the first probe a period later', delay: 2, first: 6_605 },
  ])('$rule', ({ delay, first }) => {
    const trace = run(
      onePod({
        image: 'web:1',
        body: `    readinessProbe:\n      httpGet:\n        path: /\n        port: 8080\n      initialDelaySeconds: ${delay}\n      periodSeconds: 4`,
      }),
      { customImages: [{ image: 'web:1', sizeBytes: 2_200_000, listen: [{ port: 8080 }] }], until: 12_000 },
    );
    expect(timesOf(trace, 'Started')).toEqual([SANDBOX_MS + BUSYBOX_PULL_MS]);
    expect(trace.probes.map((p) => p.t)[0]).toBe(first);
    expect(containerAt(trace, first - 1).ready).toBe(false);
    expect(containerAt(trace, first).ready).toBe(true);
  });
});

describe('successThreshold and failureThreshold (prober/worker.go doProbe resultRun)', () => {
  it('readiness successThreshold 2: ready only after the second consecutive success', () => {
    const trace = run(
      onePod({ image: 'web:1', body: '    readinessProbe:\n      httpGet:\n        port: 8080\n      periodSeconds: 3\n      successThreshold: 2' }),
      { cachedImages: cached, customImages: [{ image: 'web:1', listen: [{ port: 8080 }] }], until: 12_000 },
    );
    // Started at 1 s; triggered run at 2 s, then ticks at 5, 8 s: successes at 2 and 5 s.
    expect(containerAt(trace, 2_000).ready).toBe(false);
    expect(containerAt(trace, 4_999).ready).toBe(false);
    expect(containerAt(trace, 5_000).ready).toBe(true);
  });

  it('readiness failureThreshold 3: ready goes false on the third consecutive failure, not before', () => {
    const trace = run(
      onePod({ image: 'web:1', body: '    readinessProbe:\n      httpGet:\n        path: /ok\n        port: 8080\n      periodSeconds: 2' }),
      { cachedImages: cached, customImages: web({ '/ok': [{ fromSeconds: 0, status: 200 }, { fromSeconds: 4, status: 500 }] }), until: 20_000 },
    );
    // Ticks 0, 2, 4, 6 s…: 500 from 5 s (4 s after the start at 1 s); failures at 6, 8, 10 s.
    expect(timesOf(trace, 'Unhealthy')).toEqual([6_000, 8_000, 10_000, 12_000, 14_000, 16_000, 18_000, 20_000]);
    expect(eventsOf(trace, 'Unhealthy')[0].message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 500');
    expect(containerAt(trace, 9_999).ready).toBe(true);
    expect(containerAt(trace, 10_000).ready).toBe(false);
    // Readiness never restarts.
    expect(eventsOf(trace, 'Killing')).toEqual([]);
  });
});

describe('HTTP probes: 200 <= status < 400 succeed; 3xx with a warning (pkg/probe/http/http.go DoHTTPProbe)', () => {
  it.each([
    { status: 200, ready: true, event: undefined },
    { status: 302, ready: true, event: ['ProbeWarning', 'Readiness probe warning: Probe terminated redirects, Response body: '] },
    { status: 399, ready: true, event: ['ProbeWarning', 'Readiness probe warning: Probe terminated redirects, Response body: '] },
    { status: 400, ready: false, event: ['Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 400'] },
    { status: 500, ready: false, event: ['Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 500'] },
  ])('status $status → ready $ready', ({ status, ready, event }) => {
    const trace = run(onePod({ image: 'web:1', body: '    readinessProbe:\n      httpGet:\n        path: /h\n        port: 8080' }), {
      cachedImages: cached,
      customImages: web({ '/h': [{ fromSeconds: 0, status }] }),
      until: 11_000,
    });
    // Default period 10 s: the run the kubelet triggers one relist after the start (2 s) is the only one by 11 s.
    expect(containerAt(trace, 11_000).ready).toBe(ready);
    const probeEvents = trace.events.filter((e) => e.reason === 'Unhealthy' || e.reason === 'ProbeWarning').map((e) => [e.reason, e.message]);
    expect(probeEvents).toEqual(event ? [event] : []);
    if (event) expect(trace.events.find((e) => e.reason === event[0])?.type).toBe('Warning');
  });
});

describe('tcpSocket probe (pkg/probe/tcp/tcp.go DoTCPProbe)', () => {
  it('a closed port: connection refused, worded with the pod IP', () => {
    const trace = run(onePod({ body: '    command: ["sleep", "3600"]\n    readinessProbe:\n      tcpSocket:\n        port: 9999' }), { cachedImages: cached, until: 12_000 });
    const ip = trace.frames[trace.frames.length - 1].pods[0].status?.podIP ?? '';
    expect(ip).toMatch(/^10\.244\.0\.\d+$/);
    expect(eventsOf(trace, 'Unhealthy')[0].message).toBe(`Readiness probe failed: dial tcp ${ip}:9999: connect: connection refused`);
    expect(containerAt(trace, 12_000).ready).toBe(false);
  });
});

describe('liveness failure kills and restarts (kuberuntime_manager.go computePodActions; kuberuntime_container.go killContainer)', () => {
  // /live answers 200 for 10 s after the process starts (at 1 s), then 500; ticks every 5 s from 0.
  const manifest = (probeGrace: string) =>
    onePod({
      image: 'web:1',
      body: `    livenessProbe:\n      httpGet:\n        path: /live\n        port: 8080\n      periodSeconds: 5\n      failureThreshold: 2${probeGrace}`,
    });
  const customImages = web({ '/live': [{ fromSeconds: 0, status: 200 }, { fromSeconds: 10, status: 500 }] });

  it.each([
    { rule: 'the pod grace period (30 s) applies by default', probeGrace: '', graceMs: 30_000 },
    { rule: 'the probe-level terminationGracePeriodSeconds (5 s) overrides it', probeGrace: '\n      terminationGracePeriodSeconds: 5', graceMs: 5_000 },
  ])('$rule', ({ probeGrace, graceMs }) => {
    const trace = run(manifest(probeGrace), { cachedImages: cached, customImages, until: 60_000 });
    // Failures at 15 s and 20 s: the second reaches failureThreshold 2.
    expect(timesOf(trace, 'Unhealthy').slice(0, 2)).toEqual([15_000, 20_000]);
    expect(eventsOf(trace, 'Unhealthy')[0].message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(eventsOf(trace, 'Killing')[0]).toMatchObject({ t: 20_000, type: 'Normal', message: 'Container app failed liveness probe, will be restarted' });
    // The image ignores TERM: KILL at the end of the grace period, then the same sync starts it again.
    const restart = timesOf(trace, 'Started')[1];
    expect(restart).toBe(20_000 + graceMs);
    const app = containerAt(trace, restart);
    expect(app.restartCount).toBe(1);
    expect(app.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('under restartPolicy Never the Killing message has no ", will be restarted"', () => {
    const trace = run(manifest('\n      terminationGracePeriodSeconds: 5').replace('spec:\n', 'spec:\n  restartPolicy: Never\n'), {
      cachedImages: cached,
      customImages,
      until: 40_000,
    });
    expect(eventsOf(trace, 'Killing').map((e) => e.message)).toEqual(['Container app failed liveness probe']);
    expect(timesOf(trace, 'Started')).toHaveLength(1);
    expect(trace.frames[trace.frames.length - 1].pods[0].status?.phase).toBe('Failed');
  });
});

describe('a worker whose loop ends stops ticking (prober/worker.go run: doProbe returns false, probeTicker.Stop)', () => {
  // restartPolicy Never: the container exits 0 at 1 s + 5 s; the worker's tick at that instant (every
  // 2 s from 0; the exit's timer was set first) finds it terminated for good and stops; no tick after
  // that, so the run has no frame long after the pod's end.
  const trace = run(
    onePod({
      restartPolicy: 'Never',
      body: '    command: ["sh", "-c", "sleep 5"]\n    readinessProbe:\n      exec:\n        command: ["true"]\n      periodSeconds: 2',
    }),
    { cachedImages: cached, until: 120_000 },
  );
  const worker = 'pod/demo/container/app/probe/readiness';
  const stops = trace.transitions.filter((tr) => tr.actor === worker && tr.to.includes('prober.stopped'));
  it('the prober and the ticker stop together, at the first tick that sees the exit', () => {
    expect(stops).toHaveLength(1);
    expect(stops[0].t).toBe(6_000);
    expect([...stops[0].to].sort()).toEqual(['prober', 'prober.stopped', 'ticker', 'ticker.stopped']);
  });
  it('no probe worker step after it: the last frame is the pod finishing, not a tick', () => {
    expect(trace.transitions.filter((tr) => tr.actor === worker && tr.t > stops[0].t)).toEqual([]);
    expect(trace.frames[trace.frames.length - 1].t).toBeLessThanOrEqual(stops[0].t + 2_000);
  });
});
