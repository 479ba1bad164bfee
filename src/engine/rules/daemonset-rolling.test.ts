/**
 * DaemonSet updates (pkg/controller/daemon/update.go rollingUpdate without surge,
 * findUpdatedPodsOnNode; daemon_controller.go updateDaemonSet, updateDaemonSetStatus). No scenario
 * action changes a DaemonSet's template yet, so the controller is driven directly, against a
 * stand-in for the cluster whose "scheduler and kubelet" bind new Pods to the node their affinity
 * names and make them Ready, and remove deleted ones, between syncs.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { DaemonSet, DaemonSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import { kubeTime } from '../../k8s/time';
import { VirtualClock } from '../clock';
import type { Cluster } from '../cluster/cluster';
import { DaemonSetController } from '../controllers/daemonset';
import { IdSource } from '../ids';
import { Recorder } from '../recorder';

class StandInPod {
  isRemoved = false;
  isDeleting = false;
  isBound = true;
  ready = false;
  readonly name: string;
  constructor(readonly pod: Pod) {
    this.name = pod.metadata?.name ?? '';
  }
  get node(): string {
    return pod0(this.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0].matchFields?.[0].values);
  }
  snapshot(): Pod | undefined {
    if (this.isRemoved) return undefined;
    const status = { phase: 'Running', conditions: [{ type: 'Ready', status: this.ready ? 'True' : 'False', lastTransitionTime: kubeTime(0) }] };
    const metadata = { ...this.pod.metadata, ...(this.isDeleting ? { deletionTimestamp: kubeTime(0) } : {}) };
    return { ...this.pod, metadata, spec: { ...this.pod.spec, containers: this.pod.spec?.containers ?? [], nodeName: this.node }, status };
  }
  delete(): void {
    this.isDeleting = true;
  }
}

const pod0 = (values: string[] | undefined) => values?.[0] ?? '';

const daemonSet = (updateStrategy?: DaemonSetUpdateStrategy): DaemonSet => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    ...(updateStrategy ? { updateStrategy } : {}),
    template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } },
  },
});

const NODES = ['node-1', 'node-2', 'node-3', 'node-4'].map((name) => ({ name, labels: { 'kubernetes.io/hostname': name }, taints: [] }));

function harness(object: DaemonSet, becomesReady: (pod: Pod) => boolean = () => true) {
  const clock = new VirtualClock();
  const recorder = new Recorder(clock);
  const runners: StandInPod[] = [];
  const cluster = { runners, addPod: (pod: Pod) => runners[runners.push(new StandInPod(pod)) - 1] };
  const ds = new DaemonSetController(object, cluster as unknown as Cluster, new IdSource(1), recorder, clock, () => NODES);
  /** Each sync is followed by the kubelets: deleted Pods go, new ones become Ready (if they can). Returns the Pods deleted by that sync, by node. */
  const sync = () => {
    const before = recorder.events.length;
    ds.reconcile(clock.now());
    for (const r of runners) {
      if (r.isDeleting) r.isRemoved = true;
      else r.ready = becomesReady(r.pod);
    }
    const deleted = recorder.events.slice(before).filter((e) => e.reason === 'SuccessfulDelete');
    return deleted.map((e) => runners.find((r) => `Deleted pod: ${r.name}` === e.message)?.node).sort();
  };
  const images = () => runners.filter((r) => !r.isRemoved).map((r) => [r.node, r.pod.spec?.containers[0].image]).sort();
  const labels = () => runners.filter((r) => !r.isRemoved).map((r) => r.pod.metadata?.labels ?? {});
  return { ds, sync, images, labels };
}

describe('rollingUpdate (maxSurge 0): old Pods go while at most maxUnavailable nodes lack an available Pod', () => {
  it.each<[string, DaemonSetUpdateStrategy | undefined, string[][]]>([
    // [rule, strategy, nodes whose Pod each sync deletes]
    ['maxUnavailable 1 (the default): one node at a time', undefined, [['node-1'], [], ['node-2'], [], ['node-3'], [], ['node-4'], []]],
    ['maxUnavailable 2: two nodes at a time', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } }, [['node-1', 'node-2'], [], ['node-3', 'node-4'], [], [], [], [], []]],
    ['maxUnavailable 50% of 4 desired nodes: two at a time', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%' } }, [['node-1', 'node-2'], [], ['node-3', 'node-4'], [], [], [], [], []]],
    ['OnDelete: nothing is replaced', { type: 'OnDelete' }, [[], [], [], [], [], [], [], []]],
  ])('%s', (_rule, strategy, expected) => {
    const h = harness(daemonSet(strategy));
    h.sync();
    h.sync();
    h.ds.setImage('app', 'busybox:1.37');
    // A deleting sync, then the sync that creates the replacements (manage) and does not roll further.
    expect(Array.from({ length: 8 }, () => h.sync())).toEqual(expected);
    const done = strategy?.type === 'OnDelete' ? 'busybox:1.36' : 'busybox:1.37';
    expect(h.images()).toEqual(NODES.map((n) => [n.name, done]));
    expect(h.ds.snapshot().status).toMatchObject({
      desiredNumberScheduled: 4,
      observedGeneration: 2,
      ...(strategy?.type === 'OnDelete' ? {} : { updatedNumberScheduled: 4, numberAvailable: 4 }),
    });
    expect(h.ds.snapshot().metadata).toMatchObject({ generation: 2, annotations: { 'deprecated.daemonset.template.generation': '2' } });
  });

  it('a new Pod that never becomes available stops the rollout', () => {
    const h = harness(daemonSet(), (pod) => pod.spec?.containers[0].image === 'busybox:1.36');
    h.sync();
    h.sync();
    h.ds.setImage('app', 'busybox:1.37');
    expect(Array.from({ length: 6 }, () => h.sync())).toEqual([['node-1'], [], [], [], [], []]);
    expect(h.ds.snapshot().status).toMatchObject({ updatedNumberScheduled: 1, numberReady: 3, numberUnavailable: 1 });
  });

  it('new Pods carry the new hash and pod-template-generation', () => {
    const h = harness(daemonSet());
    h.sync();
    const [old] = h.labels();
    h.ds.setImage('app', 'busybox:1.37');
    h.sync();
    h.sync();
    expect(h.ds.snapshot().spec?.template.spec?.containers[0].image).toBe('busybox:1.37');
    expect(h.images()[0]).toEqual(['node-1', 'busybox:1.37']);
    const fresh = h.labels()[3];
    expect(old).toMatchObject({ 'pod-template-generation': '1' });
    expect(fresh).toMatchObject({ app: 'agent', 'pod-template-generation': '2' });
    expect(fresh['controller-revision-hash']).not.toBe(old['controller-revision-hash']);
  });
});
