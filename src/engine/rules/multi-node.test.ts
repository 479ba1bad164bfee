/**
 * Several nodes: the scheduler filters every node (first failing plugin per node) and scores the
 * feasible ones; each node has its own health, taints, image cache and pod CIDR.
 * Sources: pkg/scheduler/schedule_one.go (findNodesThatFitPod, prioritizeNodes, selectHost),
 * pkg/scheduler/framework/runtime/framework.go RunFilterPlugins, framework/types.go FitError.Error,
 * plugins/noderesources/least_allocated.go, plugins/podtopologyspread/scoring.go,
 * pkg/controller/nodelifecycle (taints), pkg/controller/tainteviction.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_NODE, seek, simulate, type NodeSettings, type SimAction, type Trace } from '..';
import { formatDiagnostic } from '../../k8s';

const node = (name: string, extra: Partial<NodeSettings> = {}): NodeSettings => ({
  ...DEFAULT_NODE,
  name,
  labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' },
  cachedImages: ['busybox:1.36'],
  ...extra,
});

const THREE = [node('node-1'), node('node-2'), node('node-3')];

const rs = (replicas: number, memory = '64Mi') => `apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: app
        image: busybox:1.36
        command: ["sleep", "3600"]
        resources: { requests: { memory: ${memory} } }
`;

const pod = (name: string, memory: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources: { requests: { memory: ${memory} } }
${extra}
`;

function run(manifest: string, nodes: NodeSettings[], actions: SimAction[] = [], until = 60_000, seed = 1): Trace {
  const r = simulate({ manifest, node: nodes[0], nodes, actions, seed }, { until });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.trace;
}

const live = (trace: Trace, t: number): Pod[] => seek(trace, t).pods.filter((p) => !p.metadata?.deletionTimestamp);
const perNode = (pods: Pod[]) => pods.map((p) => p.spec?.nodeName).sort();

describe('FailedScheduling over several nodes (FitError.Error)', () => {
  it.each([
    {
      rule: 'reasons are counted per node and sorted as strings; preemption is judged per node',
      nodes: [node('node-1'), node('node-2', { capacity: { cpu: '2', memory: '1Gi', pods: '110' } }), node('node-3')],
      actions: [{ at: 0, kind: 'cordon', node: 'node-1' }] as SimAction[],
      want:
        "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient memory. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    },
    {
      rule: 'a node reports only its first failing filter (NodeUnschedulable before NodeResourcesFit)',
      nodes: [node('node-1')],
      actions: [{ at: 0, kind: 'cordon' }] as SimAction[],
      want: '0/1 nodes are available: 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    },
  ])('$rule', ({ nodes, actions, want }) => {
    // Cordon at 0 s happens before the first scheduling pass retries; the pod asks for 6Gi.
    const trace = run(pod('big', '6Gi'), nodes, actions, 5_000);
    const messages = trace.events.filter((e) => e.reason === 'FailedScheduling').map((e) => e.message);
    expect(messages[messages.length - 1]).toBe(want);
  });
});

describe('scoring spreads and balances (prioritizeNodes, selectHost)', () => {
  it('a ReplicaSet of 3 on 3 equal nodes lands one pod per node (PodTopologySpread, LeastAllocated)', () => {
    const trace = run(rs(3), THREE);
    expect(perNode(live(trace, 10_000))).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it('6 replicas on 3 nodes: two per node', () => {
    const trace = run(rs(6), THREE);
    expect(perNode(live(trace, 10_000))).toEqual(['node-1', 'node-1', 'node-2', 'node-2', 'node-3', 'node-3']);
  });

  it('a pod goes to the node with the most free memory (LeastAllocated counts the non-zero requests)', () => {
    const manifest = [pod('hog', '3Gi', '  nodeName: node-1'), pod('next', '256Mi')].join('---\n');
    const trace = run(manifest, [node('node-1'), node('node-2')]);
    expect(live(trace, 5_000).find((p) => p.metadata?.name === 'next')?.spec?.nodeName).toBe('node-2');
  });

  it('preferred node affinity wins over an emptier node (NodeAffinity weight 2)', () => {
    const affinity = `  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 80
        preference: { matchExpressions: [{ key: disktype, operator: In, values: [ssd] }] }
`;
    const nodes = [node('node-1'), node('node-2', { labels: { 'kubernetes.io/hostname': 'node-2', disktype: 'ssd' } })];
    const trace = run(pod('p', '64Mi', affinity), nodes);
    expect(live(trace, 5_000)[0].spec?.nodeName).toBe('node-2');
    const decision = trace.scheduling.find((d) => d.pod === 'p');
    expect(decision?.node).toBe('node-2');
    expect(decision?.nodes.map((n) => n.score?.plugins.NodeAffinity)).toEqual([0, 100]);
  });

  it('ties between equal nodes are broken by the seed, the same way every run', () => {
    const a = run(pod('p', '64Mi'), THREE, [], 5_000, 7);
    const b = run(pod('p', '64Mi'), THREE, [], 5_000, 7);
    expect(live(a, 4_000)[0].spec?.nodeName).toBe(live(b, 4_000)[0].spec?.nodeName);
    const chosen = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => live(run(pod('p', '64Mi'), THREE, [], 3_000, seed), 2_000)[0].spec?.nodeName));
    expect(chosen.size).toBeGreaterThan(1);
  });
});

describe('each node has its own address space, image cache and health', () => {
  it('pods get an address in their node’s pod CIDR and the node’s hostIP', () => {
    const trace = run(rs(3), THREE);
    for (const p of live(trace, 10_000)) {
      const i = Number(p.spec?.nodeName?.slice(-1)) - 1;
      expect(p.status?.podIP).toMatch(new RegExp(`^10\\.244\\.${i}\\.\\d+$`));
      expect(p.status?.hostIP).toBe(`10.0.0.${10 + i}`);
    }
  });

  it('an image cached on one node is pulled on another (each kubelet has its own image manager)', () => {
    const nodes = [node('node-1'), node('node-2', { cachedImages: [] })];
    const manifest = [pod('a', '64Mi', '  nodeName: node-1'), pod('b', '64Mi', '  nodeName: node-2')].join('---\n');
    const trace = run(manifest, nodes);
    const pulled = trace.events.filter((e) => e.reason === 'Pulled').map((e) => `${e.object} ${e.message.startsWith('Successfully') ? 'pulled' : 'present'}`);
    expect(pulled.sort()).toEqual(['pod/a present', 'pod/b pulled']);
  });

  it('a node that stops reporting: only its pods get NodeNotReady and are evicted after 300 s; replacements land elsewhere', () => {
    const trace = run(rs(3), THREE, [{ at: 10, kind: 'setNodeState', node: 'node-2', state: 'Unreachable' }], 420_000);
    const lost = live(trace, 9_000).find((p) => p.spec?.nodeName === 'node-2')?.metadata?.name;
    expect(trace.events.filter((e) => e.reason === 'NodeNotReady').map((e) => e.object)).toEqual([`pod/${lost}`]);
    expect(seek(trace, 60_000 + 10_000).nodes.find((n) => n.name === 'node-2')?.ready).toBe('Unknown');
    expect(seek(trace, 60_000 + 10_000).nodes.find((n) => n.name === 'node-1')?.ready).toBe('True');
    const eviction = trace.events.find((e) => e.reason === 'TaintManagerEviction');
    expect(eviction?.t).toBe(10_000 + 50_000 + 300_000);
    const after = live(trace, 400_000);
    expect(after.map((p) => p.metadata?.name)).not.toContain(lost);
    expect(perNode(after).filter((n) => n === 'node-2')).toEqual([]);
    expect(after).toHaveLength(3);
  });

  it('drain evicts the node’s pods only; the controller’s replacements avoid the cordoned node', () => {
    const trace = run(rs(3), THREE, [{ at: 10, kind: 'drain', node: 'node-3' }], 60_000);
    const drained = live(trace, 9_000).find((p) => p.spec?.nodeName === 'node-3')?.metadata?.name;
    const evicted = seek(trace, 11_000).pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'DisruptionTarget'));
    expect(evicted.map((p) => p.metadata?.name)).toEqual([drained]);
    expect(live(trace, 15_000)).toHaveLength(3);
    expect(perNode(live(trace, 15_000))).not.toContain('node-3');
    expect(seek(trace, 15_000).nodes.find((n) => n.name === 'node-3')).toMatchObject({ unschedulable: true, taints: ['node.kubernetes.io/unschedulable:NoSchedule'] });
  });
});

describe('nodes join and leave', () => {
  it('a pod that fits nowhere is scheduled when a big enough node joins (the scheduler retries on node add)', () => {
    const trace = run(pod('big', '6Gi'), [node('node-1')], [{ at: 20, kind: 'addNode', node: { name: 'big-node', capacity: { cpu: '4', memory: '16Gi', pods: '110' } } }]);
    expect(seek(trace, 19_000).pods[0].status?.phase).toBe('Pending');
    expect(trace.events.find((e) => e.reason === 'Scheduled')).toMatchObject({ t: 20_000, message: 'Successfully assigned default/big to big-node' });
    expect(seek(trace, 25_000).nodes.map((n) => n.name)).toEqual(['node-1', 'big-node']);
    expect(seek(trace, 25_000).nodes.map((n) => n.createdAt)).toEqual([undefined, 20_000]);
    expect(seek(trace, 25_000).pods[0].status?.hostIP).toBe('10.0.0.11');
  });

  it('a deleted node: its pods stay as last reported, then PodGC force-deletes them after the 40 s quarantine; the ReplicaSet replaces them', () => {
    const trace = run(rs(3), THREE, [{ at: 10, kind: 'removeNode', node: 'node-2' }], 80_000);
    const lost = live(trace, 9_000).find((p) => p.spec?.nodeName === 'node-2')?.metadata?.name ?? '';
    expect(seek(trace, 11_000).nodes.map((n) => n.name)).toEqual(['node-1', 'node-3']);
    expect(seek(trace, 49_000).pods.find((p) => p.metadata?.name === lost)?.status?.phase).toBe('Running');
    expect(trace.deletedAt[lost]).toBe(50_000);
    const after = live(trace, 55_000);
    expect(after).toHaveLength(3);
    expect(perNode(after)).not.toContain('node-2');
  });
});
