/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go manageReplicas): it counts
 * the active pods it owns (not terminal, not being deleted) and creates or deletes pods until the
 * count matches spec.replicas. A pod that is deleted, evicted or lost with its node is replaced at
 * once; the replacement is a new Pod with a new name: Pods are never moved or revived.
 */
import { stringify } from 'yaml';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { admitManifests, type ManifestObject } from '../../k8s';
import { kubeTime } from '../../k8s/time';
import type { Cluster } from '../cluster/cluster';
import { isPodReady } from '../cluster/endpoint-slices';
import type { IdSource } from '../ids';
import type { PodRunner } from '../kubelet/pod-runner';
import type { Recorder } from '../recorder';

/** The random suffix alphabet of generateName (k8s.io/apimachinery/pkg/util/rand, no vowels). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

export class ReplicaSetController {
  readonly name: string;
  readonly namespace: string;
  private readonly uid: string;
  private replicas: number;
  private readonly owned: PodRunner[] = [];
  private cached?: { key: string; rs: ReplicaSet };

  constructor(
    private readonly object: ReplicaSet,
    private readonly cluster: Cluster,
    private readonly ids: IdSource,
    private readonly recorder: Recorder,
  ) {
    this.name = object.metadata?.name ?? 'rs';
    this.namespace = object.metadata?.namespace ?? 'default';
    this.uid = ids.uid();
    this.replicas = object.spec?.replicas ?? 1;
  }

  scale(replicas: number): void {
    this.replicas = Math.max(0, replicas);
  }

  private active(): PodRunner[] {
    return this.owned.filter((r) => !r.isRemoved && !r.isDeleting && !r.isTerminal);
  }

  private podFromTemplate(): Pod | undefined {
    let name = '';
    do {
      name = `${this.name}-${Array.from({ length: 5 }, () => ALPHANUMS[this.ids.int(ALPHANUMS.length)]).join('')}`;
    } while (this.cluster.runners.some((r) => r.name === name));
    const template = this.object.spec?.template ?? {};
    const manifest = stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...template.metadata,
        name,
        generateName: `${this.name}-`,
        namespace: this.namespace,
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: this.name, uid: this.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: template.spec,
    });
    // The template goes through the same admission as any Pod (defaults, service account, tolerations).
    return admitManifests(manifest, `${this.name}.template.yaml`).pods[0]?.pod;
  }

  /** manageReplicas: one pass. Creates (slow-start batches collapse into one instant here) or deletes. */
  reconcile(now: number): void {
    const active = this.active();
    const diff = active.length - this.replicas;
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        const pod = this.podFromTemplate();
        if (!pod) return;
        this.owned.push(this.cluster.addPod(pod, now));
        this.event('SuccessfulCreate', `Created pod: ${pod.metadata?.name}`);
      }
    } else if (diff > 0) {
      // getPodsToDelete: unscheduled before scheduled, pending before running, not ready before ready, newest first.
      const rank = (r: PodRunner) => {
        const pod = r.snapshot();
        const ready = pod !== undefined && isPodReady(pod);
        return (r.isBound ? 4 : 0) + (pod?.status?.phase === 'Running' ? 2 : 0) + (ready ? 1 : 0);
      };
      const victims = [...active].sort((a, b) => rank(a) - rank(b) || active.indexOf(b) - active.indexOf(a)).slice(0, diff);
      for (const victim of victims) {
        victim.delete();
        this.event('SuccessfulDelete', `Deleted pod: ${victim.name}`);
      }
    }
  }

  private event(reason: string, message: string): void {
    this.recorder.event({ type: 'Normal', reason, object: `replicaset/${this.name}`, message, source: 'replicaset-controller' });
  }

  /** The ReplicaSet as the API server returns it, with the status the controller writes. */
  snapshot(): ReplicaSet {
    const pods = this.active().map((r) => r.snapshot()).filter((p): p is Pod => p !== undefined);
    const ready = pods.filter(isPodReady).length;
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { ...this.object.metadata, name: this.name, namespace: this.namespace, uid: this.uid, creationTimestamp: kubeTime(0) },
      spec: { ...this.object.spec, replicas: this.replicas, selector: this.object.spec?.selector ?? {} },
      status: {
        replicas: pods.length,
        fullyLabeledReplicas: pods.length,
        readyReplicas: ready,
        // minReadySeconds 0: a ready pod is available at once.
        availableReplicas: this.object.spec?.minReadySeconds ? undefined : ready,
        observedGeneration: 1,
      },
    };
    const key = JSON.stringify(rs);
    if (this.cached?.key === key) return this.cached.rs;
    this.cached = { key, rs };
    return rs;
  }
}

export function replicaSetsOf(objects: ManifestObject[]): ReplicaSet[] {
  return objects.filter((o) => o.kind === 'ReplicaSet' && o.apiVersion === 'apps/v1').map((o) => o.object as ReplicaSet);
}
