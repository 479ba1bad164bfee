/**
 * Inter-pod (anti-)affinity and explicit topology spread constraints in the scheduler.
 * Sources: pkg/scheduler/framework/plugins/interpodaffinity/filtering.go and scoring.go,
 * pkg/scheduler/framework/plugins/podtopologyspread/filtering.go, scoring.go and common.go,
 * pkg/scheduler/apis/config/v1/default_plugins.go (filter order), framework/types.go FitError.Error;
 * docs: concepts/scheduling-eviction/assign-pod-node.md, topology-spread-constraints.md.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_NODE, seek, simulate, type NodeSettings, type SimAction, type Trace } from '..';
import { formatDiagnostic } from '../../k8s';

const ZONE = 'topology.kubernetes.io/zone';

const node = (name: string, zone?: string): NodeSettings => ({
  ...DEFAULT_NODE,
  name,
  labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...(zone && { [ZONE]: zone }) },
  cachedImages: ['busybox:1.36'],
});

const THREE = [node('node-1'), node('node-2'), node('node-3')];

const deployment = (replicas: number, podSpec: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
${podSpec}      containers:
      - name: app
        image: busybox:1.36
        command: ["sleep", "3600"]
`;

const pod = (name: string, labels: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { ${labels} } }
spec:
${extra}  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
`;

const ANTI_BY_HOSTNAME = `      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: { matchLabels: { app: web } }
            topologyKey: kubernetes.io/hostname
`;

function run(manifest: string, nodes: NodeSettings[], actions: SimAction[] = [], until = 20_000, seed = 1): Trace {
  const r = simulate({ manifest, node: nodes[0], nodes, actions, seed }, { until });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.trace;
}

const live = (trace: Trace, t: number): Pod[] => seek(trace, t).pods.filter((p) => !p.metadata?.deletionTimestamp);
const nodeOf = (trace: Trace, name: string) => live(trace, trace.until - 1).find((p) => p.metadata?.name === name)?.spec?.nodeName;
const decision = (trace: Trace, name: string) => trace.scheduling.filter((d) => d.pod === name).at(-1);
const reasons = (trace: Trace, name: string) => Object.fromEntries((decision(trace, name)?.nodes ?? []).map((n) => [n.node, n.reasons.join('; ')]));
const scores = (trace: Trace, name: string, plugin: 'InterPodAffinity' | 'PodTopologySpread') => decision(trace, name)?.nodes.map((n) => n.score?.plugins[plugin]);
const zones = (trace: Trace, nodes: NodeSettings[]) =>
  live(trace, trace.until - 1)
    .filter((p) => p.metadata?.labels?.app === 'web')
    .map((p) => nodes.find((n) => n.name === p.spec?.nodeName)?.labels[ZONE] ?? 'pending')
    .sort();

describe('InterPodAffinity Filter (interpodaffinity/filtering.go)', () => {
  it('required anti-affinity by hostname: 4 replicas on 3 nodes spread one per node, the 4th stays Pending with FitError.Error', () => {
    const trace = run(deployment(4, ANTI_BY_HOSTNAME), THREE);
    const pods = live(trace, 15_000);
    expect(pods).toHaveLength(4);
    const bound = pods.filter((p) => p.spec?.nodeName).map((p) => p.spec?.nodeName).sort();
    expect(bound).toEqual(['node-1', 'node-2', 'node-3']);
    const pending = pods.find((p) => !p.spec?.nodeName);
    expect(pending?.status?.phase).toBe('Pending');
    const failed = trace.events.filter((e) => e.reason === 'FailedScheduling');
    expect(failed.map((e) => e.message)).toEqual([
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    ]);
    expect(failed[0].object).toBe(`pod/${pending?.metadata?.name}`);
    expect(pending?.status?.conditions?.find((c) => c.type === 'PodScheduled')?.reason).toBe('Unschedulable');
  });

  it("required affinity: the pod joins the zone of an existing pod that matches the term (the other zone's nodes: didn't match pod affinity rules)", () => {
    const nodes = [node('node-1', 'zone-a'), node('node-2', 'zone-a'), node('node-3', 'zone-b'), node('node-4', 'zone-b')];
    const affinity = `  affinity:
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: { matchExpressions: [{ key: app, operator: In, values: [db] }] }
        topologyKey: ${ZONE}
`;
    const manifest = [pod('db', 'app: db', '  nodeName: node-3\n'), pod('client', 'app: client', affinity)].join('---\n');
    const trace = run(manifest, nodes);
    expect(['node-3', 'node-4']).toContain(nodeOf(trace, 'client'));
    expect(reasons(trace, 'client')).toEqual({
      'node-1': "node(s) didn't match pod affinity rules",
      'node-2': "node(s) didn't match pod affinity rules",
      'node-3': '',
      'node-4': '',
    });
  });

  it('required affinity with no matching pod anywhere: Pending, and preemption cannot help (UnschedulableAndUnresolvable)', () => {
    const affinity = `  affinity:
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: { matchLabels: { app: db } }
        topologyKey: kubernetes.io/hostname
`;
    const trace = run(pod('client', 'app: client', affinity), THREE);
    expect(trace.events.filter((e) => e.reason === 'FailedScheduling').map((e) => e.message)).toEqual([
      "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ]);
  });

  it('the first pod of a group with affinity to itself may land anywhere (satisfyPodAffinity), the next ones join it', () => {
    const affinity = `      affinity:
        podAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: { matchLabels: { app: web } }
            topologyKey: kubernetes.io/hostname
`;
    const trace = run(deployment(3, affinity), THREE);
    const placed = new Set(live(trace, 15_000).map((p) => p.spec?.nodeName));
    expect(placed.size).toBe(1);
    expect([...placed][0]).toBeDefined();
  });

  it("symmetry: an existing pod's required anti-affinity keeps a matching newcomer off its node (satisfyExistingPodsAntiAffinity)", () => {
    const loner = `  nodeName: node-1
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: { matchLabels: { app: web } }
        topologyKey: kubernetes.io/hostname
`;
    const manifest = [pod('loner', 'app: loner', loner), pod('web', 'app: web')].join('---\n');
    const trace = run(manifest, [node('node-1'), node('node-2')]);
    expect(nodeOf(trace, 'web')).toBe('node-2');
    expect(reasons(trace, 'web')).toEqual({ 'node-1': "node(s) didn't satisfy existing pods anti-affinity rules", 'node-2': '' });
  });

  it.each<[string, string, string]>([
    ["no namespaces, no namespaceSelector: the pod's own namespace only, so a web pod in `other` does not count", '', 'node-1'],
    ['namespaceSelector {} selects every namespace', '        namespaceSelector: {}\n', 'node-2'],
    ['namespaceSelector on kubernetes.io/metadata.name, the label every namespace carries', '        namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: other } }\n', 'node-2'],
    ['a namespaceSelector that selects another namespace leaves `other` out', '        namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: elsewhere } }\n', 'node-1'],
    ['namespaces names `other` directly', '        namespaces: [other]\n', 'node-2'],
  ])('the namespaces a term covers (GetNamespacesFromPodAffinityTerm, AffinityTerm.Matches): %s', (_rule, scope, expected) => {
    // A web pod in namespace `other` runs on node-1; the newcomer, in default, would rather be on
    // node-1 (nodeAffinity preference) but must avoid web pods in the namespaces its term covers.
    const existing = pod('web-other', 'app: web', '  nodeName: node-1\n').replace('metadata: { name: web-other,', 'metadata: { name: web-other, namespace: other,');
    const newcomer = pod(
      'newcomer',
      'app: new',
      `  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        preference: { matchExpressions: [{ key: kubernetes.io/hostname, operator: In, values: [node-1] }] }
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: { matchLabels: { app: web } }
        topologyKey: kubernetes.io/hostname
${scope}`,
    );
    const trace = run([existing, newcomer].join('---\n'), [node('node-1'), node('node-2')]);
    expect(nodeOf(trace, 'newcomer')).toBe(expected);
  });

  it('InterPodAffinity runs after NodeResourcesFit: a full node reports Insufficient memory, not the anti-affinity (default_plugins.go order)', () => {
    const nodes = [node('node-1'), { ...node('node-2'), capacity: { cpu: '2', memory: '64Mi', pods: '110' } }];
    const anti = `  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: { matchLabels: { app: web } }
        topologyKey: kubernetes.io/hostname
`;
    const big = (name: string, extra: string) => pod(name, 'app: web', extra).replace('command: ["sleep", "3600"]', 'command: ["sleep", "3600"]\n    resources: { requests: { memory: 128Mi } }');
    const trace = run([big('first', '  nodeName: node-1\n'), big('second', anti)].join('---\n'), nodes);
    expect(reasons(trace, 'second')).toEqual({ 'node-1': "node(s) didn't match pod anti-affinity rules", 'node-2': 'Insufficient memory' });
  });
});

describe('InterPodAffinity Score (interpodaffinity/scoring.go)', () => {
  it('preferred anti-affinity (weight 100) against an existing pod: its node scores 0, the others 100 (NormalizeScore min-max)', () => {
    const anti = `  affinity:
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          labelSelector: { matchLabels: { app: db } }
          topologyKey: kubernetes.io/hostname
`;
    const manifest = [pod('db', 'app: db', '  nodeName: node-1\n'), pod('client', 'app: client', anti)].join('---\n');
    const trace = run(manifest, THREE);
    expect(scores(trace, 'client', 'InterPodAffinity')).toEqual([0, 100, 100]);
    expect(nodeOf(trace, 'client')).not.toBe('node-1');
  });

  it('pods without any pod affinity score InterPodAffinity 0 on every node (PreScore skips)', () => {
    const trace = run(deployment(3, ''), THREE);
    const decisions = trace.scheduling.filter((d) => d.node && d.nodes.some((n) => n.score));
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) expect(d.nodes.map((n) => n.score?.plugins.InterPodAffinity)).toEqual([0, 0, 0]);
  });
});

describe('PodTopologySpread Filter (podtopologyspread/filtering.go)', () => {
  const spreadByZone = (when: string) => `      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: ${ZONE}
        whenUnsatisfiable: ${when}
        labelSelector: { matchLabels: { app: web } }
`;

  it('maxSkew 1 over two zones: 4 replicas on 3 zone-a nodes and 1 zone-b node split 2 and 2 (hostname spreading alone would give 3 and 1)', () => {
    const nodes = [node('a-1', 'zone-a'), node('a-2', 'zone-a'), node('a-3', 'zone-a'), node('b-1', 'zone-b')];
    expect(zones(run(deployment(4, spreadByZone('DoNotSchedule')), nodes), nodes)).toEqual(['zone-a', 'zone-a', 'zone-b', 'zone-b']);
  });

  it("a replica that would make the skew 2 stays Pending: node(s) didn't match pod topology spread constraints (Unschedulable, so preemption is tried)", () => {
    const nodes = [node('a-1', 'zone-a'), node('b-1', 'zone-b')];
    // zone-b fits only one pod: after a, b, a the 4th must go to zone-a (skew 2) or nowhere.
    nodes[1].capacity = { ...nodes[1].capacity, pods: '1' };
    const trace = run(deployment(4, spreadByZone('DoNotSchedule')), nodes);
    expect(zones(trace, nodes)).toEqual(['pending', 'zone-a', 'zone-a', 'zone-b']);
    const failed = trace.events.filter((e) => e.reason === 'FailedScheduling').map((e) => e.message);
    expect(failed.at(-1)).toBe(
      "0/2 nodes are available: 1 Too many pods, 1 node(s) didn't match pod topology spread constraints. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    );
  });

  it('a node without the topology key is rejected as UnschedulableAndUnresolvable: (missing required label)', () => {
    const nodes = [node('a-1', 'zone-a'), node('plain')];
    const trace = run(deployment(1, spreadByZone('DoNotSchedule')), nodes);
    const d = trace.scheduling.find((x) => x.node);
    expect(d?.node).toBe('a-1');
    expect(d?.nodes.map((n) => n.reasons)).toEqual([[], ["node(s) didn't match pod topology spread constraints (missing required label)"]]);
  });

  it('ScheduleAnyway only scores: the pod still schedules where the skew grows, and the emptier zone scores 100 (scoring.go)', () => {
    const nodes = [node('a-1', 'zone-a'), node('a-2', 'zone-a'), node('b-1', 'zone-b')];
    const anyway = spreadByZone('ScheduleAnyway').replace(/^ {4}/gm, '');
    const manifest = [pod('first', 'app: web', '  nodeName: a-1\n'), pod('second', 'app: web', anyway)].join('---\n');
    const trace = run(manifest, nodes);
    // Zone counts a=1, b=0; weight ln(2 + 2) ≈ 1.39 rounds a to 1, b to 0; normalized (max + min − s) / max.
    expect(scores(trace, 'second', 'PodTopologySpread')).toEqual([0, 0, 100]);
    expect(nodeOf(trace, 'second')).toBe('b-1');
    // With zone-b full, skew 2 is allowed: ScheduleAnyway never filters.
    const full = nodes.map((n) => (n.name === 'b-1' ? { ...n, capacity: { ...n.capacity, pods: '0' } } : n));
    expect(['a-1', 'a-2']).toContain(nodeOf(run(manifest, full), 'second'));
  });
});

describe('PodTopologySpread system defaults (common.go getConstraints)', () => {
  it('a Deployment without constraints still spreads by hostname (the system default, maxSkew 3 ScheduleAnyway)', () => {
    const trace = run(deployment(3, ''), THREE);
    expect(live(trace, 15_000).map((p) => p.spec?.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    const later = trace.scheduling.filter((d) => d.node && d.nodes.some((n) => n.score)).at(-1);
    expect(later?.nodes.some((n) => (n.score?.plugins.PodTopologySpread ?? 0) < 100)).toBe(true);
  });

  it('the default zone constraint (maxSkew 5) spreads a Deployment over zones too: 2 replicas on 2 zone-a nodes and 1 zone-b node never share a zone', () => {
    const nodes = [node('a-1', 'zone-a'), node('a-2', 'zone-a'), node('b-1', 'zone-b')];
    for (const seed of [1, 2, 3, 4, 5, 6]) expect(zones(run(deployment(2, ''), nodes, [], 10_000, seed), nodes)).toEqual(['zone-a', 'zone-b']);
  });

  it('a pod with only DoNotSchedule constraints gets no default spreading score: PodTopologySpread 0 on every node', () => {
    const nodes = [node('a-1', 'zone-a'), node('b-1', 'zone-b')];
    const trace = run(deployment(2, `      topologySpreadConstraints:
      - { maxSkew: 5, topologyKey: ${ZONE}, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }
`), nodes);
    const scored = trace.scheduling.filter((d) => d.nodes.some((n) => n.score));
    expect(scored.length).toBeGreaterThan(0);
    for (const d of scored) expect(d.nodes.map((n) => n.score?.plugins.PodTopologySpread)).toEqual([0, 0]);
  });
});
