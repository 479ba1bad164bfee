/**
 * Rules a review against the kubelet and scheduler source turned up. Sources per case.
 */
import { describe, expect, it } from 'vitest';
import { admitManifests, formatDiagnostic } from '../../k8s';
import { KUBELET_WATCH_DELAY_MS } from '../timing';
import { BUSYBOX, conditionAt, containerAt, eventsOf, onePod, podAt, run, statusAt } from './builders';

describe('spec.nodeName skips the scheduler (pkg/scheduler: only pods without nodeName are queued)', () => {
  it('naming this node: the kubelet takes it, with no Scheduled event; PodScheduled is still True', () => {
    const trace = run(onePod({ body: '    command: ["sleep", "3600"]', specExtra: '  nodeName: node-1' }), { cachedImages: [BUSYBOX], until: 5_000 });
    expect(eventsOf(trace, 'Scheduled')).toEqual([]);
    expect(statusAt(trace, 4_000)).toBe('Running');
    expect(conditionAt(trace, 4_000, 'PodScheduled')?.status).toBe('True');
  });
  it('naming another node: Pending for ever, no FailedScheduling', () => {
    const trace = run(onePod({ body: '    command: ["sleep", "3600"]', specExtra: '  nodeName: elsewhere' }), { cachedImages: [BUSYBOX], until: 5_000 });
    expect(eventsOf(trace, 'FailedScheduling')).toEqual([]);
    expect(statusAt(trace, 4_000)).toBe('Pending');
  });
});

describe('extended resources (scheduler NodeResourcesFit)', () => {
  it('a request for a resource the node does not advertise: Insufficient example.com/dongle', () => {
    const trace = run(onePod({ body: '    command: ["sleep", "3600"]\n    resources:\n      requests: { example.com/dongle: 3 }\n      limits: { example.com/dongle: 3 }' }), { cachedImages: [BUSYBOX], until: 5_000 });
    expect(eventsOf(trace, 'FailedScheduling')[0]?.message).toMatch(/^0\/1 nodes are available: 1 Insufficient example\.com\/dongle\./);
  });
});

describe('a sidecar killed by its probe (kuberuntime_container.go computeInitContainerActions)', () => {
  it('is worded "Init container NAME failed liveness probe", without ", will be restarted"', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: { name: app }
spec:
  initContainers:
  - name: proxy
    image: busybox:1.36
    restartPolicy: Always
    command: ["sleep", "3600"]
    livenessProbe: { exec: { command: ["false"] }, periodSeconds: 2, failureThreshold: 1 }
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
`;
    const trace = run(manifest, { cachedImages: [BUSYBOX], until: 20_000 });
    expect(eventsOf(trace, 'Killing')[0]?.message).toBe('Init container proxy failed liveness probe');
  });
});

describe('after an init container fails under restartPolicy Never the pod worker is done', () => {
  it('phase Failed and the sandbox is gone: PodReadyToStartContainers False', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: { name: app }
spec:
  restartPolicy: Never
  initContainers:
  - name: init
    image: busybox:1.36
    command: ["sh", "-c", "exit 1"]
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
`;
    const trace = run(manifest, { cachedImages: [BUSYBOX], until: 10_000 });
    expect(podAt(trace, 9_000).status?.phase).toBe('Failed');
    expect(conditionAt(trace, 9_000, 'PodReadyToStartContainers')?.status).toBe('False');
  });
});

describe('a crash-looping container of a deleted pod is not shown in CrashLoopBackOff (ShouldContainerBeRestarted)', () => {
  it('it shows its last termination instead', () => {
    const trace = run(onePod({ body: '    command: ["sh", "-c", "exit 1"]' }), { cachedImages: [BUSYBOX], until: 20_000, actions: [{ at: 8, kind: 'deletePod' }] });
    expect(containerAt(trace, 7_000).state?.waiting?.reason).toBe('CrashLoopBackOff');
    // Once the kubelet's watch delivers the deletion (until then the API keeps its last status).
    expect(containerAt(trace, 8_000 + KUBELET_WATCH_DELAY_MS).state?.terminated?.exitCode).toBe(1);
  });
});

describe('the downward API writes labels and annotations sorted by key (fieldpath.FormatMap)', () => {
  it('zone, cluster, rack → cluster, rack, zone', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: dapi
  labels: { zone: us-est-coast, cluster: test-cluster1, rack: rack-22 }
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: ["cat", "/etc/podinfo/labels"]
    volumeMounts: [{ name: podinfo, mountPath: /etc/podinfo }]
  volumes:
  - name: podinfo
    downwardAPI: { items: [{ path: labels, fieldRef: { fieldPath: metadata.labels } }] }
`;
    const trace = run(manifest, { cachedImages: [BUSYBOX], until: 5_000 });
    expect((trace.logs['dapi/c'] ?? []).map((l) => l.text).join('\n')).toBe('cluster="test-cluster1"\nrack="rack-22"\nzone="us-est-coast"');
  });
});

describe('fields a real node acts on but PodPlay does not are reported, not silently dropped', () => {
  it.each([
    ['the AppArmor beta annotation', 'metadata:\n  name: p\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/c: localhost/k8s-apparmor-example-deny-write\n', 'container.apparmor.security.beta.kubernetes.io/c: not simulated by PodPlay, ignored'],
  ])('%s', (_rule, meta, message) => {
    const text = `apiVersion: v1\nkind: Pod\n${meta}spec:\n  containers:\n  - name: c\n    image: busybox:1.36\n`;
    expect(admitManifests(text).diagnostics.map(formatDiagnostic).join('\n')).toContain(message);
  });
});

describe('deleting a pod with sidecars (kuberuntime_container.go killContainersWithSyncResult, kuberuntime_termination_order.go)', () => {
  const manifest = `apiVersion: v1
kind: Pod
metadata: { name: sc }
spec:
  initContainers:
  - name: log
    image: busybox:1.36
    restartPolicy: Always
    command: ["sleep", "3600"]
    lifecycle: { preStop: { exec: { command: ["sleep", "3"] } } }
  - name: proxy
    image: busybox:1.36
    restartPolicy: Always
    command: ["sleep", "3600"]
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
`;
  const trace = run(manifest, { cachedImages: [BUSYBOX], until: 80_000, actions: [{ at: 20, kind: 'deletePod' }] });
  it('every container gets Killing at once (when the kubelet hears of the deletion) and runs its preStop at once', () => {
    const kill = 20_000 + KUBELET_WATCH_DELAY_MS;
    expect(eventsOf(trace, 'Killing').map((e) => [e.t, e.fieldPath])).toEqual([
      [kill, 'spec.initContainers{log}'],
      [kill, 'spec.initContainers{proxy}'],
      [kill, 'spec.containers{app}'],
    ]);
  });
  it('TERM goes to the main container first, then the sidecars in reverse order, each with what is left of the grace period', () => {
    // Read just before the object goes (53 s: the relist after the last exit).
    const finished = (name: string) => Date.parse(containerAt(trace, 52_500, name).state?.terminated?.finishedAt ?? '');
    // app exits on TERM at once; proxy (last sidecar) gets TERM then, ignores it, KILL at 50 s;
    // log's turn comes at 50 s with nothing left: the 2 s minimum.
    expect(finished('proxy') - finished('app')).toBe(30_000);
    expect(finished('log') - finished('proxy')).toBe(2_000);
  });
});

describe('an image name that does not parse (images/image_manager.go applyDefaultImageTag → ErrInvalidImageName)', () => {
  it('InspectFailed and Failed "Error: InvalidImageName", Waiting InvalidImageName; no registry is asked', () => {
    const trace = run(onePod({ image: '<your-private-image>', body: '' }), { until: 15_000 });
    expect(eventsOf(trace, 'InspectFailed')[0]?.message).toBe(
      'Failed to apply default image tag "<your-private-image>": couldn\'t parse image name "<your-private-image>": invalid reference format',
    );
    expect(eventsOf(trace, 'Failed').map((e) => e.message)).toContain('Error: InvalidImageName');
    expect(eventsOf(trace, 'Pulling')).toEqual([]);
    expect(statusAt(trace, 5_000)).toBe('InvalidImageName');
  });
});

describe('downwardAPI volume items with resourceFieldRef (the downward API volume plugin)', () => {
  it('limits.cpu 250m with divisor 1m is 250; limits.memory 64Mi with divisor 1Mi is 64', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: { name: dapi }
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", "cat /etc/podinfo/cpu_limit; echo; cat /etc/podinfo/mem_limit"]
    resources: { limits: { cpu: 250m, memory: 64Mi } }
    volumeMounts: [{ name: podinfo, mountPath: /etc/podinfo }]
  volumes:
  - name: podinfo
    downwardAPI:
      items:
      - { path: cpu_limit, resourceFieldRef: { containerName: c, resource: limits.cpu, divisor: 1m } }
      - { path: mem_limit, resourceFieldRef: { containerName: c, resource: limits.memory, divisor: 1Mi } }
`;
    const trace = run(manifest, { cachedImages: [BUSYBOX], until: 5_000 });
    expect((trace.logs['dapi/c'] ?? []).map((l) => l.text)).toEqual(['250', '64']);
  });
});

describe('a sidecar without a startup probe lets the next container start at the relist that sees it running (computeInitContainerActions)', () => {
  it('the main container starts one relist after the sidecar', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: { name: app }
spec:
  initContainers:
  - name: proxy
    image: busybox:1.36
    restartPolicy: Always
    command: ["sleep", "3600"]
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
`;
    const trace = run(manifest, { cachedImages: [BUSYBOX], until: 10_000 });
    const started = (f: string) => eventsOf(trace, 'Started', f)[0]?.t ?? NaN;
    expect(started('spec.containers{app}') - started('spec.initContainers{proxy}')).toBe(1_000);
  });
});
