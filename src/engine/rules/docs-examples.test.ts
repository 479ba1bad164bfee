/**
 * The kubernetes.io examples (src/k8s/fixtures/docs) run through simulate, checked against what
 * their pages say happens (repository kubernetes/website, content/en/docs/...). Each page's claim is
 * quoted next to its assertion. One example also goes through the CLI (`--json`, design.md "The CLI").
 * Not here: restart-policy/restart-all-containers.yaml (RestartAllContainers is an alpha feature, off
 * by default; the engine ignores restartPolicyRules), and the examples whose behaviour the engine gets
 * wrong today (init-containers.yaml, inject/dapi-envars-pod.yaml, inject/dependent-envars.yaml):
 * those are asserted in pending-failures.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../cli/report';
import { KUBELET_WATCH_DELAY_MS } from '../timing';
import { conditionAt, containerAt, eventsOf, podAt, run, statusAt, statusChanges } from './builders';

const DOCS = join(__dirname, '../../k8s/fixtures/docs');
const fixture = (path: string) => readFileSync(join(DOCS, path), 'utf8');
const restarts = (trace: ReturnType<typeof run>, t: number, name: string) => containerAt(trace, t, name).restartCount;

describe('probe/exec-liveness.yaml (tasks/configure-pod-container/configure-liveness-readiness-startup-probes.md)', () => {
  const trace = run(fixture('probe/exec-liveness.yaml'), { until: 100_000 });
  const field = 'spec.containers{liveness}';

  it('"Within 30 seconds ... The output indicates that no liveness probes have failed yet"', () => {
    expect(eventsOf(trace, 'Unhealthy').filter((e) => e.t <= 30_000)).toEqual([]);
    expect(eventsOf(trace, 'Pulling', field)[0].message).toBe('Pulling image "registry.k8s.io/busybox:1.27.2"');
  });

  it('"After 35 seconds ... Liveness probe failed: cat: can\'t open \'/tmp/healthy\': No such file or directory" (x3)', () => {
    const unhealthy = eventsOf(trace, 'Unhealthy', field).filter((e) => e.t <= 60_000);
    expect(unhealthy).toHaveLength(3);
    expect(unhealthy[0].t).toBeGreaterThanOrEqual(30_000);
    expect(unhealthy[0].t).toBeLessThanOrEqual(40_000);
    for (const e of unhealthy) {
      expect(e.type).toBe('Warning');
      expect(e.message.trimEnd()).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    }
  });

  it('"Killing ... Container liveness failed liveness probe, will be restarted"', () => {
    const killing = eventsOf(trace, 'Killing', field);
    expect(killing[0]).toMatchObject({ type: 'Normal', message: 'Container liveness failed liveness probe, will be restarted' });
    // The third failure triggers the kill (failureThreshold 3).
    expect(killing[0].t).toBe(eventsOf(trace, 'Unhealthy', field)[2].t);
  });

  it('"Wait another 30 seconds, and verify that the container has been restarted ... RESTARTS 1, Running 1/1"', () => {
    expect(restarts(trace, 95_000, 'liveness')).toBe(1);
    expect(statusAt(trace, 95_000)).toBe('Running');
    expect(containerAt(trace, 95_000, 'liveness').ready).toBe(true);
  });
});

describe('probe/http-liveness.yaml (same page, "Define a liveness HTTP request")', () => {
  const trace = run(fixture('probe/http-liveness.yaml'), { until: 120_000 });
  const started = eventsOf(trace, 'Started')[0].t;

  it('"the first couple of health checks will succeed. But after 10 seconds, the health checks will fail"', () => {
    const probes = trace.probes.filter((p) => p.container === 'liveness');
    expect(probes.filter((p) => p.t - started <= 10_000).every((p) => p.result === 'success')).toBe(true);
    const firstFailure = eventsOf(trace, 'Unhealthy')[0];
    expect(firstFailure.t - started).toBeGreaterThan(10_000);
    expect(firstFailure.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
  });

  it('"and the kubelet will kill and restart the container"', () => {
    expect(eventsOf(trace, 'Killing')[0].message).toBe('Container liveness failed liveness probe, will be restarted');
    expect(restarts(trace, 119_000, 'liveness')).toBeGreaterThanOrEqual(1);
  });
});

describe('probe/tcp-liveness-readiness.yaml (same page, "Define a TCP liveness probe")', () => {
  const trace = run(fixture('probe/tcp-liveness-readiness.yaml'), { until: 120_000 });
  const started = eventsOf(trace, 'Started')[0].t;

  it('"The kubelet will send the first readiness probe 15 seconds after the container starts ... If the probe succeeds, the Pod will be marked as ready"', () => {
    const readiness = trace.probes.filter((p) => p.probe === 'readiness');
    expect(readiness[0].t - started).toBeGreaterThanOrEqual(15_000);
    expect(readiness[0].result).toBe('success');
    expect(containerAt(trace, readiness[0].t - 1, 'goproxy').ready).toBe(false);
    expect(conditionAt(trace, readiness[0].t, 'Ready')?.status).toBe('True');
  });

  it('"If the liveness probe fails, the container will be restarted": goproxy keeps accepting, so it never is', () => {
    expect(eventsOf(trace, 'Unhealthy')).toEqual([]);
    expect(restarts(trace, 119_000, 'goproxy')).toBe(0);
  });
});

describe('probe/grpc-liveness.yaml (same page, "Define a gRPC liveness probe")', () => {
  const trace = run(fixture('probe/grpc-liveness.yaml'), { until: 120_000 });

  it('"After 15 seconds, view Pod events to verify that the liveness check has not failed"', () => {
    const liveness = trace.probes.filter((p) => p.probe === 'liveness');
    expect(liveness.length).toBeGreaterThan(0);
    expect(liveness.every((p) => p.result === 'success')).toBe(true);
    expect(eventsOf(trace, 'Unhealthy')).toEqual([]);
    expect(statusAt(trace, 119_000)).toBe('Running');
    expect(restarts(trace, 119_000, 'etcd')).toBe(0);
  });
});

describe('lifecycle-events.yaml (tasks/configure-pod-container/attach-handler-lifecycle-event.md)', () => {
  it('"Verify that the Container in the Pod is running" with no hook failure', () => {
    const trace = run(fixture('lifecycle-events.yaml'), { until: 60_000 });
    expect(statusAt(trace, 59_000)).toBe('Running');
    expect(eventsOf(trace, 'FailedPostStartHook')).toEqual([]);
  });

  it('"The output shows the text written by the postStart handler: Hello from the postStart handler"', () => {
    // The example plus a readiness probe that reads the file the hook wrote.
    const manifest = fixture('lifecycle-events.yaml').replace(
      'lifecycle: {',
      'readinessProbe: { exec: { command: ["grep", "-q", "Hello from the postStart handler", "/usr/share/message"] }, periodSeconds: 2 },\n      lifecycle: {',
    );
    const trace = run(manifest, { until: 30_000 });
    expect(eventsOf(trace, 'Unhealthy')).toEqual([]);
    expect(containerAt(trace, 29_000, 'lifecycle-demo-container').ready).toBe(true);
  });

  it('"The preStop command shuts down nginx gracefully": deleted, nginx quits with 0 well within the grace period', () => {
    const trace = run(fixture('lifecycle-events.yaml'), { until: 60_000, actions: [{ at: 20, kind: 'deletePod' }] });
    const gone = trace.deletedAt['lifecycle-demo'];
    expect(gone).toBeGreaterThan(20_000);
    expect(gone).toBeLessThan(50_000);
    const last = trace.frames.filter((f) => f.pods.length > 0).at(-1)?.pods[0];
    expect(last?.status?.containerStatuses?.[0].state?.terminated?.exitCode).toBe(0);
    expect(trace.logs['lifecycle-demo/lifecycle-demo-container']?.map((l) => l.text)).toContainEqual(expect.stringContaining('signal 3 (SIGQUIT) received, shutting down'));
    // nginx -s quit returns at once; the hook's wait loop dies with the container when the master
    // exits, so the hook "fails" (137), as users of this example see (kubernetes/website#12563,
    // canonical/microk8s#138): nginx still quit gracefully, at once (once the kubelet heard of the deletion).
    expect(eventsOf(trace, 'FailedPreStopHook').map((e) => e.t)).toEqual([20_000 + KUBELET_WATCH_DELAY_MS]);
  });
});

describe('multi-container/shared-volume.yaml (an init container writes the page nginx serves)', () => {
  const trace = run(fixture('multi-container/shared-volume.yaml'), { until: 60_000 });

  it('the init container runs to completion first (Init:0/1, PodInitializing), then nginx runs (concepts/workloads/pods/init-containers.md: "Init containers always run to completion")', () => {
    const statuses = statusChanges(trace).map(([, s]) => s);
    expect(statuses).toEqual(['Pending', 'Init:0/1', 'PodInitializing', 'Running']);
    expect(containerAt(trace, 59_000, 'content-writer').state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(containerAt(trace, 59_000, 'web').state?.running).toBeDefined();
  });

  it('nginx serves the file the init container wrote to the shared emptyDir', () => {
    const manifest = fixture('multi-container/shared-volume.yaml').replace(
      '    volumeMounts:\n    - name: content\n      mountPath: /usr/share/nginx/html',
      '    readinessProbe:\n      exec:\n        command: ["grep", "-q", "Hello from the init container", "/usr/share/nginx/html/index.html"]\n      periodSeconds: 2\n    volumeMounts:\n    - name: content\n      mountPath: /usr/share/nginx/html',
    );
    const traced = run(manifest, { until: 30_000 });
    expect(containerAt(traced, 29_000, 'web').ready).toBe(true);
  });
});

describe('resource/memory-request-limit.yaml (tasks/configure-pod-container/assign-memory-resource.md)', () => {
  it('"The Container is running": 150M allocated under a 200Mi limit, no OOM kill', () => {
    const trace = run(fixture('resource/memory-request-limit.yaml'), { until: 120_000 });
    expect(statusAt(trace, 119_000)).toBe('Running');
    expect(restarts(trace, 119_000, 'memory-demo-ctr')).toBe(0);
    expect(podAt(trace, 119_000).status?.qosClass).toBe('Burstable');
  });

  it('memory-request-limit-2 (same page: --vm-bytes 250M, limit 100Mi): "The Container is being killed because it is out of memory (OOM)", "reason: OOMKilled", then restarted', () => {
    // The page's second example, pods/resource/memory-request-limit-2.yaml (not among the fixtures).
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: memory-demo-2',
      '  namespace: mem-example',
      'spec:',
      '  containers:',
      '  - name: memory-demo-2-ctr',
      '    image: polinux/stress',
      '    resources:',
      '      requests:',
      '        memory: "50Mi"',
      '      limits:',
      '        memory: "100Mi"',
      '    command: ["stress"]',
      '    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]',
      '',
    ].join('\n');
    const trace = run(manifest, { until: 120_000 });
    const c = containerAt(trace, 119_000, 'memory-demo-2-ctr');
    expect(c.lastState?.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
    expect(c.restartCount).toBeGreaterThanOrEqual(1);
    expect(statusChanges(trace).map(([, s]) => s)).toContain('OOMKilled');
    expect(statusChanges(trace).map(([, s]) => s)).toContain('CrashLoopBackOff');
  });
});

describe('resource/cpu-request-limit.yaml (tasks/configure-pod-container/assign-cpu-resource.md)', () => {
  it('"-cpus 2 ... tells the Container to attempt to use 2 CPUs": it runs on, throttled to its limit, never restarted', () => {
    const trace = run(fixture('resource/cpu-request-limit.yaml'), { until: 300_000 });
    expect(statusAt(trace, 299_000)).toBe('Running');
    expect(restarts(trace, 299_000, 'cpu-demo-ctr')).toBe(0);
    const logs = trace.logs['cpu-demo/cpu-demo-ctr'].map((l) => l.text);
    expect(logs.filter((l) => l.endsWith('Spawning a thread to consume CPU'))).toHaveLength(2);
  });
});

describe('qos/qos-pod.yaml (tasks/configure-pod-container/quality-service-pod.md)', () => {
  it('"The output shows that Kubernetes gave the Pod a QoS class of Guaranteed"', () => {
    const trace = run(fixture('qos/qos-pod.yaml'), { until: 30_000 });
    expect(podAt(trace, 29_000).status?.qosClass).toBe('Guaranteed');
    expect(statusAt(trace, 29_000)).toBe('Running');
  });
});

describe('pod-nginx-required-affinity.yaml (tasks/configure-pod-container/assign-pods-nodes-using-node-affinity.md)', () => {
  it('"Verify that the pod is running on your chosen node" (a node labelled disktype=ssd)', () => {
    const trace = run(fixture('pod-nginx-required-affinity.yaml'), { until: 30_000, node: { labels: { 'kubernetes.io/hostname': 'node-1', disktype: 'ssd' } } });
    expect(podAt(trace, 29_000).spec?.nodeName).toBe('node-1');
    expect(statusAt(trace, 29_000)).toBe('Running');
  });
});

describe('simple-pod.yaml (concepts/workloads/pods/_index.md: "To create the Pod shown above")', () => {
  it('nginx:1.14.2 runs, 1/1', () => {
    const trace = run(fixture('simple-pod.yaml'), { until: 30_000 });
    expect(statusAt(trace, 29_000)).toBe('Running');
    expect(containerAt(trace, 29_000, 'nginx').ready).toBe(true);
  });
});

describe('commands.yaml (tasks/inject-data-application/define-command-argument-container.md)', () => {
  const trace = run(fixture('commands.yaml'), { until: 30_000 });

  it('"The output shows the values of the HOSTNAME and KUBERNETES_PORT environment variables: command-demo, tcp://10.3.240.1:443"', () => {
    const logs = trace.logs['command-demo/command-demo-container'].map((l) => l.text);
    expect(logs[0]).toBe('command-demo');
    expect(logs[1]).toMatch(/^tcp:\/\/10\.\d+\.\d+\.\d+:443$/);
  });

  it('printenv exits 0: the container is Completed and, under OnFailure, not restarted', () => {
    expect(statusAt(trace, 29_000)).toBe('Completed');
    expect(restarts(trace, 29_000, 'command-demo-container')).toBe(0);
  });
});

// Each CLI run starts a Node process with a TypeScript loader: seconds on a busy 2-core machine.
describe('the CLI on a docs example (design.md "The CLI": the JSON contract)', { timeout: 60_000 }, () => {
  it('npx tsx src/cli/main.ts probe/exec-liveness.yaml --json --until 100', () => {
    const root = join(__dirname, '../../..');
    const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', join(DOCS, 'probe/exec-liveness.yaml'), '--json', '--until', '100'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const report = JSON.parse(out) as Report;
    expect(Object.keys(report).sort()).toEqual(['events', 'final', 'timeline']);
    for (const e of report.events) {
      expect(typeof e.t).toBe('number');
      expect(['Normal', 'Warning']).toContain(e.type);
      expect(typeof e.reason).toBe('string');
      expect(e.object).toBe('pod/liveness-exec');
      expect(typeof e.message).toBe('string');
    }
    expect(report.events.find((e) => e.reason === 'Killing')).toMatchObject({
      fieldPath: 'spec.containers{liveness}',
      message: 'Container liveness failed liveness probe, will be restarted',
    });
    expect(report.timeline[0]).toEqual({ t: 0, status: 'Pending', ready: '0/1', restarts: 0 });
    for (const row of report.timeline) expect(Object.keys(row).sort()).toEqual(['ready', 'restarts', 'status', 't']);
    expect(report.final).toMatchObject({ status: 'Running', ready: '1/1', restarts: 1 });
    expect(report.final.podStatus.phase).toBe('Running');
    expect(report.final.podStatus.containerStatuses?.[0].restartCount).toBe(1);
  }, 60_000);
});
