/**
 * ReplicaSets heal and scale; Pods do not. Sources: pkg/controller/replicaset/replica_set.go
 * (manageReplicas, getPodsToDelete; events SuccessfulCreate "Created pod: NAME", SuccessfulDelete),
 * pkg/apis/apps/validation ValidateReplicaSetSpec, pkg/scheduler TaintToleration.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, seek, simulate, type SimAction, type Trace } from '..';
import { admitManifests, formatDiagnostic } from '../../k8s';
import { KUBELET_WATCH_DELAY_MS } from '../timing';

const rs = (labels = 'app: web') => `apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { ${labels} } }
    spec:
      containers:
      - name: app
        image: busybox:1.36
        command: ["sleep", "3600"]
`;

function run(actions: SimAction[], until = 120_000): Trace {
  const r = simulate({ manifest: rs(), node: { ...DEFAULT_NODE, cachedImages: ['busybox:1.36'] }, actions, seed: 1 }, { until });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.trace;
}

const live = (trace: Trace, t: number) => seek(trace, t).pods.filter((p) => !p.metadata?.deletionTimestamp).map((p) => p.metadata?.name);
const created = (trace: Trace) => trace.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message.replace('Created pod: ', ''));

describe('the ReplicaSet controller keeps spec.replicas pods (manageReplicas)', () => {
  it('creates the pods from the template, named <rs>-<5 letters>, owned by the ReplicaSet', () => {
    const trace = run([]);
    const pods = seek(trace, 5_000).pods;
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', controller: true });
      expect(p.spec?.restartPolicy).toBe('Always');
    }
    expect(trace.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.object)).toEqual(['replicaset/web', 'replicaset/web']);
    expect(seek(trace, 5_000).replicaSets[0].status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  it('a deleted pod is replaced at once by a new pod with a new name (a Pod never comes back)', () => {
    const first = run([]);
    const victim = created(first)[0];
    const trace = run([{ at: 20, kind: 'deletePod', pod: victim }]);
    const replacement = created(trace)[2];
    expect(replacement).toBeDefined();
    expect(replacement).not.toBe(victim);
    expect(trace.events.find((e) => e.message === `Created pod: ${replacement}`)?.t).toBe(20_000);
    // The old pod terminates (sleep ignores TERM: 30 s from the kubelet's kill) while the new one already runs.
    expect(live(trace, 25_000)).toEqual(expect.arrayContaining([replacement]));
    expect(seek(trace, 25_000).pods.map((p) => p.metadata?.name)).toContain(victim);
    expect(trace.deletedAt[victim]).toBe(51_000 + KUBELET_WATCH_DELAY_MS);
  });

  it('a replacement is in the API Pending, with no node, before the scheduler binds it (a frame of the same instant)', () => {
    const victim = created(run([]))[0];
    const trace = run([{ at: 20, kind: 'deletePod', pod: victim }]);
    const replacement = created(trace)[2];
    const states = trace.frames
      .filter((f) => f.t === 20_000)
      .map((f) => f.pods.find((p) => p.metadata?.name === replacement))
      .filter((p) => p !== undefined)
      .map((p) => p.spec?.nodeName ?? 'unbound');
    expect(states).toEqual(['unbound', 'node-1']);
  });

  it('scaling down deletes the newest pod first (getPodsToDelete) with SuccessfulDelete', () => {
    const trace = run([{ at: 30, kind: 'scale', replicaSet: 'web', replicas: 1 }]);
    const [older, newer] = created(trace);
    expect(trace.events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message)).toEqual([`Deleted pod: ${newer}`]);
    expect(live(trace, 31_000)).toEqual([older]);
    expect(seek(trace, 31_000).replicaSets[0].spec?.replicas).toBe(1);
  });

  it('after a node is lost, the evicted pods are replaced, but the replacements cannot land on the tainted node', () => {
    const trace = run([{ at: 10, kind: 'setNodeState', state: 'Unreachable' }], 400_000);
    // 10 s + 50 s monitor grace + 300 s toleration.
    const evictions = trace.events.filter((e) => e.reason === 'TaintManagerEviction');
    expect(evictions.map((e) => e.t)).toEqual([360_000, 360_000]);
    expect(created(trace)).toHaveLength(4);
    const failed = trace.events.filter((e) => e.reason === 'FailedScheduling');
    expect(failed[0].message).toBe(
      "0/1 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
  });
});

describe('ValidateReplicaSetSpec', () => {
  it('the selector must match the template labels', () => {
    const r = admitManifests(rs('app: other'), 'rs.yaml');
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'rs.yaml:8:25: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    ]);
  });
});

describe("a template's pods go through Priority admission with the scenario's PriorityClasses (plugin/pkg/admission/priority/admission.go)", () => {
  const withClass = (className: string) =>
    `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: { name: batch }\nvalue: 5000\npreemptionPolicy: Never\n---\n` +
    rs().replace('    spec:\n', `    spec:\n${className ? `      priorityClassName: ${className}\n` : ''}`);
  it.each([
    { rule: 'a PriorityClass defined in the manifest gives its value and preemptionPolicy', className: 'batch', priority: 5000, policy: 'Never' },
    { rule: 'a system class resolves without a document', className: 'system-cluster-critical', priority: 2000000000, policy: 'PreemptLowerPriority' },
    { rule: 'no class: priority 0', className: '', priority: 0, policy: 'PreemptLowerPriority' },
  ])('$rule', ({ className, priority, policy }) => {
    const r = simulate({ manifest: withClass(className), node: { ...DEFAULT_NODE, cachedImages: ['busybox:1.36'] }, actions: [], seed: 1 }, { until: 5_000 });
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    const pods = seek(r.trace, 5_000).pods;
    expect(pods.map((p) => [p.spec?.priority, p.spec?.preemptionPolicy])).toEqual([
      [priority, policy],
      [priority, policy],
    ]);
  });
});
