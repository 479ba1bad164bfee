/**
 * StatefulSet updates (pkg/controller/statefulset/stateful_set_control.go updateStatefulSet after
 * the invariant is established; newVersionedStatefulSetPod; updateStatefulSetStatus
 * completeRollingUpdate). No scenario action changes a StatefulSet's template yet, so the
 * controller is driven directly here, against a stand-in for the cluster whose "kubelet" makes new
 * Pods Running and Ready and removes deleted ones between syncs.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { StatefulSet, StatefulSetUpdateStrategy } from 'kubernetes-types/apps/v1';
import { kubeTime } from '../../k8s/time';
import { VirtualClock } from '../clock';
import type { Cluster } from '../cluster/cluster';
import { StatefulSetController } from '../controllers/statefulset';
import { IdSource } from '../ids';
import { Recorder } from '../recorder';

class StandInPod {
  isRemoved = false;
  isDeleting = false;
  ready = false;
  readonly name: string;
  constructor(readonly pod: Pod) {
    this.name = pod.metadata?.name ?? '';
  }
  snapshot(): Pod | undefined {
    if (this.isRemoved) return undefined;
    const status = { phase: 'Running', conditions: [{ type: 'Ready', status: this.ready ? 'True' : 'False', lastTransitionTime: kubeTime(0) }] };
    return { ...this.pod, metadata: { ...this.pod.metadata, ...(this.isDeleting ? { deletionTimestamp: kubeTime(0) } : {}) }, status };
  }
  delete(): void {
    this.isDeleting = true;
  }
}

const set = (updateStrategy?: StatefulSetUpdateStrategy): StatefulSet => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 3,
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'web' } },
    ...(updateStrategy ? { updateStrategy } : {}),
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } },
  },
});

function harness(object: StatefulSet, becomesReady: (pod: Pod) => boolean = () => true) {
  const clock = new VirtualClock();
  const recorder = new Recorder(clock);
  const runners: StandInPod[] = [];
  const cluster = { runners, addPod: (pod: Pod) => runners[runners.push(new StandInPod(pod)) - 1] };
  const sts = new StatefulSetController(object, cluster as unknown as Cluster, new IdSource(1), recorder, clock);
  /** One sync, then the kubelet's part: deleted Pods go, new ones become Ready (if they can). */
  const sync = (times = 1) => {
    for (let i = 0; i < times; i++) {
      sts.reconcile(clock.now());
      for (const r of runners) {
        if (r.isDeleting) r.isRemoved = true;
        else r.ready = becomesReady(r.pod);
      }
    }
  };
  const acts = () => recorder.events.map((e) => e.message.replace(/ in StatefulSet web successful$/, ''));
  const live = () => runners.filter((r) => !r.isRemoved).map((r) => r.snapshot() as Pod);
  const image = (p: Pod) => p.spec?.containers[0].image;
  /** kubectl delete pod NAME */
  const deletePod = (name: string) => runners.find((r) => r.name === name && !r.isRemoved)?.delete();
  return { sts, sync, acts, live, image, deletePod };
}

describe('RollingUpdate: Pods are replaced from the highest ordinal down, each Ready before the next', () => {
  it('a new image replaces web-2, then web-1, then web-0; then the update revision becomes current', () => {
    const h = harness(set());
    h.sync(4);
    const before = h.sts.snapshot().status?.currentRevision;
    h.sts.setImage('app', 'busybox:1.37');
    const update = h.sts.snapshot().status?.updateRevision;
    expect(update).not.toBe(before);
    h.sync(8);
    expect(h.acts().slice(3)).toEqual(['delete Pod web-2', 'create Pod web-2', 'delete Pod web-1', 'create Pod web-1', 'delete Pod web-0', 'create Pod web-0']);
    expect(h.live().map((p) => [p.metadata?.name, h.image(p), p.metadata?.labels?.['controller-revision-hash']])).toEqual([
      ['web-2', 'busybox:1.37', update],
      ['web-1', 'busybox:1.37', update],
      ['web-0', 'busybox:1.37', update],
    ]);
    expect(h.sts.snapshot().status).toMatchObject({ observedGeneration: 2, currentRevision: update, updateRevision: update, currentReplicas: 3, updatedReplicas: 3 });
  });

  it.each([['OrderedReady' as const], ['Parallel' as const]])('%s: an updated Pod that never becomes Ready stops the rollout (isUnavailable: wait)', (policy) => {
    const h = harness({ ...set(), spec: { ...set().spec!, podManagementPolicy: policy } }, (pod) => pod.spec?.containers[0].image === 'busybox:1.36');
    h.sync(4);
    h.sts.setImage('app', 'busybox:1.37');
    h.sync(10);
    expect(h.acts().slice(3)).toEqual(['delete Pod web-2', 'create Pod web-2']);
    expect(h.sts.snapshot().status).toMatchObject({ replicas: 3, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 1 });
  });

  it('partition: ordinals below it keep the current revision, and it does not become the current one', () => {
    const h = harness(set({ type: 'RollingUpdate', rollingUpdate: { partition: 2 } }));
    h.sync(4);
    const current = h.sts.snapshot().status?.currentRevision;
    h.sts.setImage('app', 'busybox:1.37');
    h.sync(8);
    expect(h.acts().slice(3)).toEqual(['delete Pod web-2', 'create Pod web-2']);
    expect(h.live().map((p) => h.image(p))).toEqual(['busybox:1.36', 'busybox:1.36', 'busybox:1.37']);
    expect(h.sts.snapshot().status?.currentRevision).toBe(current);
  });

  it('OnDelete: nothing is replaced until a Pod is deleted, which then comes back at the update revision', () => {
    const h = harness(set({ type: 'OnDelete' }));
    h.sync(4);
    h.sts.setImage('app', 'busybox:1.37');
    h.sync(4);
    expect(h.acts()).toHaveLength(3);
    h.deletePod('web-1');
    h.sync(2);
    expect(h.live().map((p) => [p.metadata?.name, h.image(p)])).toEqual([
      ['web-0', 'busybox:1.36'],
      ['web-2', 'busybox:1.36'],
      ['web-1', 'busybox:1.37'],
    ]);
  });
});
