/**
 * StatefulSets: ordered Pods with stable names, storage and DNS names. Sources:
 * pkg/controller/statefulset/stateful_set_control.go (updateStatefulSet, processReplica,
 * processCondemned, computeReplicaStatus), stateful_set_utils.go (newVersionedStatefulSetPod,
 * initIdentity, updateIdentity, updateStorage, isRunningAndReady), stateful_pod_control.go
 * (recordPodEvent "create Pod web-0 in StatefulSet web successful", recordClaimEvent).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_NODE, seek, simulate, type SimAction, type Trace } from '..';
import { admitManifests, formatDiagnostic } from '../../k8s';

interface Options {
  replicas?: number;
  policy?: 'OrderedReady' | 'Parallel';
  /** A readiness probe: `true` (Ready 5 s after start), `false` (never Ready), or none. */
  probe?: 'true' | 'false';
  minReadySeconds?: number;
  grace?: number;
  command?: string;
  claims?: boolean;
}

const manifest = (o: Options = {}) => `apiVersion: v1
kind: Service
metadata: { name: nginx }
spec:
  clusterIP: None
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web }
spec:
  serviceName: nginx
  replicas: ${o.replicas ?? 3}
${o.policy ? `  podManagementPolicy: ${o.policy}\n` : ''}${o.minReadySeconds ? `  minReadySeconds: ${o.minReadySeconds}\n` : ''}  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      terminationGracePeriodSeconds: ${o.grace ?? 30}
      containers:
      - name: app
        image: busybox:1.36
        command: ["sh", "-c", ${JSON.stringify(o.command ?? 'sleep 3600')}]
${o.probe ? `        readinessProbe: { exec: { command: ["${o.probe}"] }, initialDelaySeconds: 5, periodSeconds: 5 }\n` : ''}${o.claims ? '        volumeMounts: [{ name: data, mountPath: /data }]\n' : ''}${
  o.claims ? '  volumeClaimTemplates:\n  - metadata: { name: data }\n    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }\n' : ''
}`;

function run(o: Options, actions: SimAction[] = [], until = 120_000, nodeNames: string[] = []): Trace {
  const node = { ...DEFAULT_NODE, cachedImages: ['busybox:1.36'] };
  const nodes = nodeNames.map((name) => ({ ...node, name, labels: { 'kubernetes.io/hostname': name } }));
  const r = simulate({ manifest: manifest(o), node: nodes[0] ?? node, ...(nodes.length > 0 ? { nodes } : {}), actions, seed: 1 }, { until });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.trace;
}

const podsAt = (trace: Trace, t: number): Pod[] => seek(trace, t).pods;
const namesAt = (trace: Trace, t: number) => podsAt(trace, t).map((p) => p.metadata?.name).sort();
const ready = (p: Pod | undefined) => p?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
/** When each `create Pod` / `delete Pod` event happened, in order: [t, pod]. */
const controllerActs = (trace: Trace, verb: 'create' | 'delete') =>
  trace.events.flatMap((e) => {
    const m = new RegExp(`^${verb} Pod (\\S+) in StatefulSet web successful$`).exec(e.message);
    return m && e.object === 'statefulset/web' ? [[e.t, m[1]] as const] : [];
  });
/** The first instant at which the named Pod is Ready. */
const readyAt = (trace: Trace, name: string) => trace.frames.find((f) => ready(f.pods.find((p) => p.metadata?.name === name)))?.t;

describe('stateful_set_utils.go: each Pod has a stable identity', () => {
  it('web-0..2 with hostname, subdomain, the pod-name / pod-index / controller-revision-hash labels and the owner reference', () => {
    const trace = run({});
    const frame = seek(trace, 10_000);
    expect(namesAt(trace, 10_000)).toEqual(['web-0', 'web-1', 'web-2']);
    const revision = frame.statefulSets[0].status?.updateRevision;
    // ControllerRevisionName: `<set>-<hash>`; SafeEncodeString of decimal digits uses 4-9 and b, c, d, f only.
    expect(revision).toMatch(/^web-[4-9bcdf]{1,10}$/);
    for (const [i, pod] of frame.pods.entries()) {
      expect(pod.metadata).toMatchObject({
        name: `web-${i}`,
        generateName: 'web-',
        labels: { app: 'web', 'statefulset.kubernetes.io/pod-name': `web-${i}`, 'apps.kubernetes.io/pod-index': String(i), 'controller-revision-hash': revision },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', controller: true, blockOwnerDeletion: true }],
      });
      expect(pod.spec).toMatchObject({ hostname: `web-${i}`, subdomain: 'nginx' });
    }
  });

  it('the StatefulSet is returned with the API server defaults and the status its controller writes', () => {
    const sts = seek(run({}), 10_000).statefulSets[0];
    expect(sts.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(sts.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: sts.status?.updateRevision,
      updateRevision: sts.status?.updateRevision,
      collisionCount: 0,
      availableReplicas: 3,
    });
  });
});

describe('processReplica: OrderedReady creates one Pod at a time, Parallel all at once', () => {
  it.each<[string, Options, string[]]>([
    // [rule, options, pods at 60 s]
    ['OrderedReady: the next ordinal only once the previous Pod is Running and Ready', { probe: 'true' }, ['web-0', 'web-1', 'web-2']],
    ['OrderedReady: a Pod that never becomes Ready blocks every later ordinal', { probe: 'false' }, ['web-0']],
    ['Parallel: no waiting, even for a Pod that never becomes Ready', { probe: 'false', policy: 'Parallel' }, ['web-0', 'web-1', 'web-2']],
  ])('%s', (_rule, options, expected) => {
    const trace = run(options);
    expect(namesAt(trace, 60_000)).toEqual(expected);
    const created = controllerActs(trace, 'create');
    expect(created.map(([, pod]) => pod)).toEqual(expected);
    if (options.policy === 'Parallel') expect(created.map(([t]) => t)).toEqual([0, 0, 0]);
    else {
      // Each creation happens at the instant its predecessor turned Ready, never before.
      for (let i = 1; i < created.length; i++) expect(created[i][0]).toBe(readyAt(trace, `web-${i - 1}`));
      if (created.length > 1) expect(created[1][0]).toBeGreaterThanOrEqual(5_000);
    }
  });

  it('minReadySeconds: the next Pod waits until its predecessor has been Ready that long (isRunningAndAvailable), as seen at a sync; availableReplicas lags readyReplicas', () => {
    const trace = run({ replicas: 2, minReadySeconds: 10 });
    const [, second] = controllerActs(trace, 'create');
    const readyZero = readyAt(trace, 'web-0') ?? NaN;
    // web-0 is available from 11 s (Ready at 1 s). Its first sync (0 s) left availableReplicas short
    // and queued a look 10 s later; each look does the same, and the work queue keeps the earliest
    // one waiting (the 12 s look asked for when web-0 turned Ready is dropped): 10 s, then 20 s.
    expect(readyZero).toBe(1_000);
    expect(second[0]).toBe(20_000);
    expect(seek(trace, second[0] - 1).statefulSets[0].status).toMatchObject({ replicas: 1, readyReplicas: 1, availableReplicas: 0 });
    expect(seek(trace, second[0]).statefulSets[0].status).toMatchObject({ replicas: 2, readyReplicas: 1, availableReplicas: 1 });
  });
});

describe('processReplica: a deleted Pod comes back with the same name, once the old one is gone', () => {
  it.each([['OrderedReady' as const], ['Parallel' as const]])('%s', (policy) => {
    // sleep ignores TERM: the old web-1 terminates for the full 30 s grace period.
    const trace = run({ policy }, [{ at: 20, kind: 'deletePod', pod: 'web-1' }]);
    const gone = trace.deletedAt['web-1'];
    expect(gone).toBeGreaterThanOrEqual(50_000);
    expect(controllerActs(trace, 'create').filter(([, pod]) => pod === 'web-1').map(([t]) => t)).toEqual([policy === 'Parallel' ? 0 : expect.any(Number), gone]);
    const before = podsAt(trace, gone - 1).find((p) => p.metadata?.name === 'web-1');
    const after = podsAt(trace, gone).find((p) => p.metadata?.name === 'web-1');
    expect(before?.metadata?.deletionTimestamp).toBeDefined();
    expect(after?.metadata?.deletionTimestamp).toBeUndefined();
    expect(after?.metadata?.uid).not.toBe(before?.metadata?.uid);
  });

  it('a Failed Pod (evicted) is deleted by the controller and created again under its name (RecreatingFailedPod is no longer emitted since 1.31)', () => {
    const trace = run({ grace: 2 }, [{ at: 20, kind: 'nodePressure', resource: 'memory' }]);
    const evicted = trace.events.find((e) => e.reason === 'Evicted')?.object.replace('pod/', '') ?? '';
    expect(evicted).toMatch(/^web-\d$/);
    const deleted = controllerActs(trace, 'delete');
    expect(deleted).toEqual([[expect.any(Number), evicted]]);
    const recreated = controllerActs(trace, 'create').filter(([, pod]) => pod === evicted);
    expect(recreated).toHaveLength(2);
    expect(recreated[1][0]).toBe(trace.deletedAt[evicted]);
    expect(trace.events.some((e) => e.reason === 'RecreatingFailedPod')).toBe(false);
  });
});

describe('a lost node (removeNode): the Pod is created again under its name only after PodGC deleted the old one', () => {
  it('web-1 stays on the vanished node (frozen, not Terminating) for the 40 s quarantine, then comes back elsewhere with its claim\u2019s data', () => {
    const options: Options = { claims: true, command: 'cat /data/note 2>/dev/null; sleep 3600' };
    const nodes = ['node-a', 'node-b', 'node-c'];
    const lost = podsAt(run(options, [], 20_000, nodes), 10_000).find((p) => p.metadata?.name === 'web-1')?.spec?.nodeName ?? '';
    const trace = run(
      options,
      [
        { at: 10, kind: 'writeFile', pod: 'web-1', container: 'app', path: '/data/note', content: 'kept\n' },
        { at: 20, kind: 'removeNode', node: lost },
      ],
      120_000,
      nodes,
    );
    const lines = Object.entries(trace.logs).filter(([key]) => key.startsWith('web-1/')).flatMap(([, l]) => l.map((x) => x.text));
    expect(lines.join('')).toContain('kept');
    expect(controllerActs(trace, 'create').filter(([, pod]) => pod === 'web-1').map(([t]) => t)).toEqual([expect.any(Number), 60_000]);
    expect(controllerActs(trace, 'delete')).toEqual([]);
    const again = podsAt(trace, 61_000).find((p) => p.metadata?.name === 'web-1');
    expect(again?.spec?.nodeName).not.toBe(lost);
    expect(seek(trace, 59_000).statefulSets[0].status).toMatchObject({ replicas: 3 });
  });
});

describe('processCondemned: scaling down removes the highest ordinal first', () => {
  it.each([
    ['OrderedReady: one at a time, each gone before the next is deleted', 'OrderedReady' as const],
    ['Parallel: all at once, highest first', 'Parallel' as const],
  ])('%s', (_rule, policy) => {
    const trace = run({ policy, grace: 2 }, [{ at: 20, kind: 'scale', statefulSet: 'web', replicas: 0 }]);
    const deleted = controllerActs(trace, 'delete');
    expect(deleted.map(([, pod]) => pod)).toEqual(['web-2', 'web-1', 'web-0']);
    if (policy === 'Parallel') expect(deleted.map(([t]) => t)).toEqual([20_000, 20_000, 20_000]);
    else {
      expect(deleted[0][0]).toBe(20_000);
      expect(deleted[1][0]).toBe(trace.deletedAt['web-2']);
      expect(deleted[2][0]).toBe(trace.deletedAt['web-1']);
    }
    expect(seek(trace, 60_000).pods).toEqual([]);
    expect(seek(trace, 60_000).statefulSets[0]).toMatchObject({ metadata: { generation: 2 }, spec: { replicas: 0 }, status: { observedGeneration: 2, replicas: 0 } });
  });

  it('scaling up again reuses the lowest free ordinals', () => {
    const trace = run({ replicas: 1 }, [{ at: 20, kind: 'scale', statefulSet: 'web', replicas: 3 }]);
    expect(controllerActs(trace, 'create').map(([, pod]) => pod)).toEqual(['web-0', 'web-1', 'web-2']);
    expect(namesAt(trace, 60_000)).toEqual(['web-0', 'web-1', 'web-2']);
  });
});

describe('volumeClaimTemplates (updateStorage, createPersistentVolumeClaims)', () => {
  it('each Pod mounts its own claim <template>-<set>-<ordinal>, created once with its own event; admission says what is simplified', () => {
    const trace = run({ claims: true, replicas: 2 });
    expect(podsAt(trace, 10_000).map((p) => p.spec?.volumes?.[0])).toEqual([
      { name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data-web-1' } },
    ]);
    expect(trace.events.filter((e) => e.object === 'statefulset/web').map((e) => e.message)).toEqual([
      'create Claim data-web-0 Pod web-0 in StatefulSet web success',
      'create Pod web-0 in StatefulSet web successful',
      'create Claim data-web-1 Pod web-1 in StatefulSet web success',
      'create Pod web-1 in StatefulSet web successful',
    ]);
    expect(trace.diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringContaining('spec.volumeClaimTemplates: PersistentVolumeClaims are simplified by PodPlay'));
  });

  it('the data a Pod wrote is there for the Pod created again under its name, and the claim is not created twice', () => {
    const trace = run({ claims: true, replicas: 1, grace: 2, command: 'cat /data/note 2>/dev/null; sleep 3600' }, [
      { at: 10, kind: 'writeFile', pod: 'web-0', container: 'app', path: '/data/note', content: 'kept\n' },
      { at: 20, kind: 'deletePod', pod: 'web-0' },
    ]);
    expect(controllerActs(trace, 'create')).toHaveLength(2);
    expect(trace.events.filter((e) => e.message.startsWith('create Claim'))).toHaveLength(1);
    const lines = Object.entries(trace.logs).filter(([key]) => key.startsWith('web-0/')).flatMap(([, l]) => l.map((x) => x.text));
    expect(lines.join('')).toContain('kept');
  });
});

describe('DNS through the headless Service: <pod>.<serviceName>.<ns>.svc.cluster.local (CoreDNS; endpointslice utils)', () => {
  it('web-1, created once web-0 is Ready, resolves web-0.nginx to web-0\u2019s IP; the Service gets no ClusterIP', () => {
    const trace = run({ replicas: 2, command: 'nslookup web-0.nginx; sleep 3600' });
    const ip = podsAt(trace, 10_000).find((p) => p.metadata?.name === 'web-0')?.status?.podIP;
    const lines = Object.entries(trace.logs).filter(([key]) => key.startsWith('web-1/')).flatMap(([, l]) => l.map((x) => x.text));
    expect(ip).toBeDefined();
    expect(lines).toEqual(expect.arrayContaining(['Name:\tweb-0.nginx.default.svc.cluster.local', `Address: ${ip}`]));
    expect(seek(trace, 0).services[0].spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'] });
  });

  it('the headless Service\u2019s EndpointSlice is labelled headless and names each Pod\u2019s hostname (podToEndpoint)', () => {
    const slice = seek(run({ replicas: 2 }), 10_000).endpointSlices[0];
    expect(slice.metadata?.labels).toMatchObject({ 'service.kubernetes.io/headless': '' });
    expect(slice.endpoints.map((e) => [e.hostname, e.targetRef?.name])).toEqual([
      ['web-0', 'web-0'],
      ['web-1', 'web-1'],
    ]);
  });
});

describe('the statefulset machine follows the controller (statefulset/NAME)', () => {
  it('creating → waitingForReady → creating … → stable; scale down: deleting → waitingForTermination → … → stable', () => {
    const trace = run({ replicas: 2, probe: 'true', grace: 2 }, [{ at: 40, kind: 'scale', statefulSet: 'web', replicas: 0 }]);
    const path = trace.transitions.filter((x) => x.actor === 'statefulset/web').map((x) => x.to.join(','));
    expect(path).toEqual(['creating', 'waitingForReady', 'creating', 'waitingForReady', 'stable', 'deleting', 'waitingForTermination', 'deleting', 'waitingForTermination', 'stable']);
    expect(seek(trace, 60_000).machines.find((m) => m.id === 'statefulset/web')).toMatchObject({ machine: 'statefulset', value: 'stable' });
  });
});

describe('ValidateStatefulSetSpec', () => {
  it('the selector must match the template labels', () => {
    const r = admitManifests(manifest().replace('labels: { app: web }', 'labels: { app: other }'), 'sts.yaml');
    expect(r.diagnostics.map(formatDiagnostic)).toContainEqual(
      'sts.yaml:17:25: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
  });
});

describe('kubectl set image statefulset/web (RollingUpdate: highest ordinal first, each Ready before the next)', () => {
  it('the setImage action rolls the Pods from web-2 down to web-0, each recreated under its own name', () => {
    const trace = run({ probe: 'true', grace: 1 }, [{ at: 60, kind: 'setImage', statefulSet: 'web', container: 'app', image: 'busybox:1.37' }], 240_000);
    const deletions = trace.events.filter((e) => e.object === 'statefulset/web' && e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deletions).toEqual(['delete Pod web-2 in StatefulSet web successful', 'delete Pod web-1 in StatefulSet web successful', 'delete Pod web-0 in StatefulSet web successful']);
    const images = podsAt(trace, 239_000).map((p) => [p.metadata?.name, p.spec?.containers[0].image]);
    expect(images.sort()).toEqual([['web-0', 'busybox:1.37'], ['web-1', 'busybox:1.37'], ['web-2', 'busybox:1.37']]);
    expect(seek(trace, 239_000).statefulSets[0].status).toMatchObject({ updatedReplicas: 3, readyReplicas: 3 });
  });
});
