/**
 * DaemonSets: one Pod per eligible node. Sources: pkg/controller/daemon/daemon_controller.go
 * (manage, podsShouldBeOnNode, syncNodes, NodeShouldRunDaemonPod, updateDaemonSetStatus),
 * pkg/controller/daemon/util/daemonset_util.go (AddOrUpdateDaemonPodTolerations,
 * CreatePodTemplate, ReplaceDaemonSetPodNodeNameNodeAffinity), pkg/controller/controller_utils.go
 * (events "Created pod: NAME", "Deleted pod: NAME").
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_NODE, seek, simulate, type NodeSettings, type SimAction, type Trace } from '..';
import { formatDiagnostic } from '../../k8s';

const manifest = (specExtra = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
${specExtra}      containers:
      - name: app
        image: busybox:1.36
        command: ["sleep", "3600"]
---
apiVersion: v1
kind: Pod
metadata: { name: plain }
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources: { requests: { memory: 10Mi } }
`;

const node = (name: string, labels: Record<string, string> = {}): NodeSettings => ({
  ...DEFAULT_NODE,
  name,
  labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...labels },
  cachedImages: ['busybox:1.36'],
});
const THREE = [node('node-1', { disk: 'ssd' }), node('node-2', { disk: 'ssd' }), node('node-3')];

function run(specExtra: string, actions: SimAction[] = [], nodes = THREE, until = 120_000): Trace {
  const r = simulate({ manifest: manifest(specExtra), node: nodes[0], nodes, actions, seed: 1 }, { until });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.trace;
}

const daemonPods = (trace: Trace, t: number): Pod[] => seek(trace, t).pods.filter((p) => p.metadata?.ownerReferences?.[0]?.kind === 'DaemonSet');
const statusAt = (trace: Trace, t: number) => seek(trace, t).daemonSets[0].status;
const created = (trace: Trace) => trace.events.filter((e) => e.object === 'daemonset/agent' && e.reason === 'SuccessfulCreate');

describe('manage / syncNodes: one Pod per eligible node, bound by the default scheduler', () => {
  it.each([
    // [rule, template spec lines, nodes that get a pod]
    ['every node by default', '', ['node-1', 'node-2', 'node-3']],
    ['nodeSelector narrows the nodes (NodeShouldRunDaemonPod: fitsNodeAffinity)', '      nodeSelector: { disk: ssd }\n', ['node-1', 'node-2']],
    [
      'required node affinity narrows them too',
      '      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: disk, operator: DoesNotExist }] }] } } }\n',
      ['node-3'],
    ],
  ])('%s', (_rule, spec, expected) => {
    const trace = run(spec);
    const pods = daemonPods(trace, 10_000);
    expect(pods.map((p) => p.spec?.nodeName).sort()).toEqual(expected);
    expect(created(trace).map((e) => [e.t, e.message])).toEqual(pods.map((p) => [0, `Created pod: ${p.metadata?.name}`]));
    expect(trace.events.filter((e) => e.reason === 'Scheduled' && e.object.startsWith('pod/agent-'))).toHaveLength(expected.length);
    expect(statusAt(trace, 10_000)).toEqual({
      currentNumberScheduled: expected.length,
      numberMisscheduled: 0,
      desiredNumberScheduled: expected.length,
      numberReady: expected.length,
      observedGeneration: 1,
      updatedNumberScheduled: expected.length,
      numberAvailable: expected.length,
    });
  });

  it('each Pod is generateName <ds>-, owned by the DaemonSet, labelled with the revision hash and template generation, and aimed at its node by matchFields metadata.name (ReplaceDaemonSetPodNodeNameNodeAffinity)', () => {
    const pods = daemonPods(run(''), 10_000);
    for (const pod of pods) {
      expect(pod.metadata?.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata).toMatchObject({
        generateName: 'agent-',
        labels: { app: 'agent', 'pod-template-generation': '1', 'controller-revision-hash': expect.stringMatching(/^[4-9bcdf]{1,10}$/) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', controller: true, blockOwnerDeletion: true }],
      });
      expect(pod.spec?.affinity).toEqual({
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [pod.spec?.nodeName] }] }] } },
      });
    }
  });
});

describe('AddOrUpdateDaemonPodTolerations', () => {
  const exists = (key: string, effect: string) => ({ key: `node.kubernetes.io/${key}`, operator: 'Exists', effect });
  const base = [
    exists('not-ready', 'NoExecute'),
    exists('unreachable', 'NoExecute'),
    exists('disk-pressure', 'NoSchedule'),
    exists('memory-pressure', 'NoSchedule'),
    exists('pid-pressure', 'NoSchedule'),
    exists('unschedulable', 'NoSchedule'),
  ];
  it.each([
    ['the six the controller adds, without tolerationSeconds (so DefaultTolerationSeconds adds none)', '', base],
    ['network-unavailable too for hostNetwork pods', '      hostNetwork: true\n', [...base, exists('network-unavailable', 'NoSchedule')]],
    [
      'a template toleration of the same key and effect is replaced in place (AddOrUpdateTolerationInPodSpec), others kept',
      '      tolerations: [{ key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 5 }, { key: gpu, operator: Exists }]\n',
      [base[1], { key: 'gpu', operator: 'Exists' }, base[0], ...base.slice(2)],
    ],
  ])('%s', (_rule, spec, expected) => {
    expect(daemonPods(run(spec), 10_000)[0].spec?.tolerations).toEqual(expected);
  });
});

describe('the daemon tolerations at work', () => {
  it('an unreachable node: the plain pod is evicted after its 300 s toleration, the daemon pod stays (NoExecute tolerated forever)', () => {
    const trace = run('', [{ at: 10, kind: 'setNodeState', node: 'node-1', state: 'Unreachable' }], THREE, 420_000);
    const evicted = trace.events.filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.object);
    expect(evicted).toEqual(['pod/plain']);
    const onNode1 = daemonPods(trace, 419_000).filter((p) => p.spec?.nodeName === 'node-1');
    expect(onNode1).toHaveLength(1);
    expect(onNode1[0].metadata?.deletionTimestamp).toBeUndefined();
  });

  it('a NotReady node: the daemon pod keeps running but the node is no longer desired (not-ready:NoSchedule is not tolerated), so it counts as misscheduled', () => {
    const trace = run('', [{ at: 10, kind: 'setNodeState', node: 'node-2', state: 'NotReady' }]);
    expect(statusAt(trace, 60_000)).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 1 });
    expect(daemonPods(trace, 60_000)).toHaveLength(3);
    expect(trace.events.filter((e) => e.object === 'daemonset/agent' && e.reason === 'SuccessfulDelete')).toEqual([]);
  });

  it('a cordoned node still gets its daemon pod: the replacement of a deleted one is scheduled there (NodeUnschedulable lets the toleration through)', () => {
    const trace = run('', [
      { at: 5, kind: 'cordon', node: 'node-1' },
      { at: 10, kind: 'deletePod', pod: daemonPods(run(''), 1_000).find((p) => p.spec?.nodeName === 'node-1')?.metadata?.name },
    ]);
    const onNode1 = daemonPods(trace, 119_000).filter((p) => p.spec?.nodeName === 'node-1');
    expect(onNode1).toHaveLength(1);
    expect(created(trace)).toHaveLength(4);
  });
});

describe('podsShouldBeOnNode: replacing a daemon pod', () => {
  it('a deleted pod is replaced only once it is gone or finished: a terminating pod still holds its node', () => {
    const first = daemonPods(run(''), 1_000).find((p) => p.spec?.nodeName === 'node-3')?.metadata?.name ?? '';
    // sleep ignores TERM: the pod is killed after the 30 s grace period.
    const trace = run('', [{ at: 10, kind: 'deletePod', pod: first }]);
    const replacement = created(trace)[3];
    expect(replacement.t).toBeGreaterThanOrEqual(40_000);
    const before = seek(trace, replacement.t - 1).pods.find((p) => p.metadata?.name === first);
    expect(before?.metadata?.deletionTimestamp).toBeDefined();
    expect(['Running', 'Pending']).toContain(before?.status?.phase);
    expect(daemonPods(trace, 39_000).filter((p) => p.spec?.nodeName === 'node-3')).toHaveLength(1);
  });

  it('a failed pod (evicted: BestEffort goes before the Burstable plain pod) is deleted with FailedDaemonPod and replaced', () => {
    const trace = run('', [{ at: 10, kind: 'nodePressure', node: 'node-2', resource: 'memory' }], [node('node-2')]);
    const evicted = trace.events.find((e) => e.reason === 'Evicted')?.object.replace('pod/', '') ?? '';
    const daemonEvents = trace.events.filter((e) => e.object === 'daemonset/agent').map((e) => [e.type, e.reason, e.message]);
    expect(evicted).toMatch(/^agent-/);
    expect(daemonEvents).toContainEqual(['Warning', 'FailedDaemonPod', `Found failed daemon pod default/${evicted} on node node-2, will try to kill it`]);
    expect(daemonEvents).toContainEqual(['Normal', 'SuccessfulDelete', `Deleted pod: ${evicted}`]);
    expect(created(trace)).toHaveLength(2);
  });
});

describe('nodes join and leave (manage runs over the node list)', () => {
  it('a removed node drops out of desiredNumberScheduled at once; its pod goes with PodGC, not with the DaemonSet controller, and is not replaced', () => {
    const trace = run('', [{ at: 20, kind: 'removeNode', node: 'node-2' }]);
    expect(statusAt(trace, 20_000)).toMatchObject({ desiredNumberScheduled: 2, currentNumberScheduled: 2, numberMisscheduled: 0 });
    expect(daemonPods(trace, 59_000).map((p) => p.spec?.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3']);
    expect(daemonPods(trace, 61_000).map((p) => p.spec?.nodeName).sort()).toEqual(['node-1', 'node-3']);
    expect(trace.events.filter((e) => e.object === 'daemonset/agent').map((e) => e.reason)).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate']);
  });

  it('a node that joins gets its daemon pod at once', () => {
    const trace = run('', [{ at: 20, kind: 'addNode', node: { name: 'node-4', cachedImages: ['busybox:1.36'] } }]);
    const added = created(trace)[3];
    expect(added.t).toBe(20_000);
    expect(daemonPods(trace, 30_000).map((p) => p.spec?.nodeName).sort()).toEqual(['node-1', 'node-2', 'node-3', 'node-4']);
    expect(statusAt(trace, 30_000)).toMatchObject({ desiredNumberScheduled: 4, numberReady: 4 });
  });
});

describe('updateDaemonSetStatus', () => {
  it('before the pods are Ready: desired and current count them, numberReady does not, numberUnavailable does', () => {
    const trace = run('');
    expect(statusAt(trace, 0)).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 0,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberUnavailable: 3,
    });
  });
});

describe('kubectl drain --ignore-daemonsets (pkg/kubectl/drain: DaemonSet pods are skipped)', () => {
  it('drain evicts the other pods of the node and leaves its daemon pod running', () => {
    // Drain the node the plain pod landed on.
    const where = run('', [], THREE, 5_000);
    const target = seek(where, 4_000).pods.find((p) => p.metadata?.name === 'plain')?.spec?.nodeName ?? '';
    const trace = run('', [{ at: 10, kind: 'drain', node: target }], THREE, 60_000);
    const daemonThere = daemonPods(trace, 9_000).find((p) => p.spec?.nodeName === target)?.metadata?.name;
    const evicted = seek(trace, 11_000).pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'DisruptionTarget')).map((p) => p.metadata?.name);
    expect(evicted).toEqual(['plain']);
    expect(daemonPods(trace, 50_000).map((p) => p.metadata?.name)).toContain(daemonThere);
    expect(created(trace)).toHaveLength(3);
  });
});
