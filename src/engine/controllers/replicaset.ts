/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go manageReplicas): it counts
 * the active pods it owns (not terminal, not being deleted) and creates or deletes pods until the
 * count matches spec.replicas. A pod that is deleted, evicted or lost with its node is replaced at
 * once; the replacement is a new Pod with a new name: Pods are never moved or revived.
 */
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { renameAdmittedPod, type ManifestObject } from '../../k8s';
import { kubeTime } from '../../k8s/time';
import type { Cluster } from '../cluster/cluster';
import { isPodReady } from '../cluster/endpoint-slices';
import type { IdSource } from '../ids';
import type { PodRunner } from '../kubelet/pod-runner';
import type { Recorder } from '../recorder';
import type { Timers } from '../../runtime/types';
import { ControllerSyncs } from './availability';
import { templateKey, type RsCounts } from './deployment-util';
import { OwnedPods } from './owned-pods';
import { generatedPodName, podFromTemplate } from './pod-from-template';

/** What a ReplicaSet needs besides its object: a clock (minReadySeconds re-syncs), and when it was created. */
export interface ReplicaSetOptions {
  createdAt?: number;
  timers: Timers;
}

export class ReplicaSetController {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly createdAt: number;
  private replicas: number;
  /** metadata.generation: bumped by every spec change (status.observedGeneration follows at once). */
  private generation = 1;
  private annotations: Record<string, string>;
  private readonly owned: OwnedPods;
  /** Its latest sync, which availability is counted at, and its minReadySeconds re-syncs. */
  private readonly syncs: ControllerSyncs;
  /** Deleted by its Deployment's revision history cleanup: no longer in the API. */
  private gone = false;
  /** The last snapshot and the values it was made from. */
  private cached?: { annotations: Record<string, string>; generation: number; replicas: number; pods: number; ready: number; available: number; rs: ReplicaSet };
  /** Status counts at one recorder version and instant (the deployment controller reads them often). */
  /** The template admitted as a Pod, the first time one is created. */
  private admitted?: Pod;
  private counted?: { version: number; t: number; syncedAt: number; counts: Omit<RsCounts, 'spec'> };

  constructor(
    private readonly object: ReplicaSet,
    private readonly cluster: Cluster,
    private readonly ids: IdSource,
    private readonly recorder: Recorder,
    private readonly options: ReplicaSetOptions,
  ) {
    this.name = object.metadata?.name ?? 'rs';
    this.namespace = object.metadata?.namespace ?? 'default';
    this.uid = ids.uid();
    this.replicas = object.spec?.replicas ?? 1;
    this.annotations = { ...object.metadata?.annotations };
    this.createdAt = options.createdAt ?? 0;
    this.owned = new OwnedPods(cluster);
    this.syncs = new ControllerSyncs(() => this.minReadySeconds, options.timers, () => recorder.changed());
  }

  get specReplicas(): number {
    return this.replicas;
  }

  get template(): PodTemplateSpec | undefined {
    return this.object.spec?.template;
  }

  private ownTemplateKey?: string;
  /** The template as EqualIgnoreHash compares it (it never changes: a new template is a new ReplicaSet). */
  get templateKey(): string {
    return (this.ownTemplateKey ??= templateKey(this.template));
  }

  get isGone(): boolean {
    return this.gone;
  }

  scale(replicas: number): void {
    const next = Math.max(0, replicas);
    if (next !== this.replicas) this.generation++;
    this.replicas = next;
  }

  annotation(key: string): string | undefined {
    return this.annotations[key];
  }

  /** Sets metadata.annotations entries; returns whether any changed. */
  annotate(values: Record<string, string>): boolean {
    const changed = Object.entries(values).some(([k, v]) => this.annotations[k] !== v);
    if (changed) this.annotations = { ...this.annotations, ...values };
    return changed;
  }

  /** The ReplicaSet is deleted from the API (only ever at 0 replicas with no pods left). */
  remove(): void {
    this.gone = true;
  }

  private active(): PodRunner[] {
    return this.owned.live.filter((r) => !r.isDeleting && !r.isTerminal);
  }

  /** Pods it owns that the API still holds, terminating ones included (the deployment's podMap). */
  pods(): readonly PodRunner[] {
    return this.owned.live;
  }

  private get minReadySeconds(): number {
    return this.object.spec?.minReadySeconds ?? 0;
  }

  private get now(): number {
    return this.options.timers.now();
  }

  /**
   * syncReplicaSet's view of its pods: a sync when one changed, and, when every replica is Ready but
   * not all are available, a re-sync minReadySeconds later.
   */
  private sync(now: number): void {
    this.syncs.observe(
      this.owned.live.flatMap((r) => r.snapshot() ?? []),
      this.generation,
      now,
    );
    const c = this.counts();
    if (c.ready === this.replicas && c.available !== this.replicas) this.syncs.requeueAfterMinReady(now);
  }

  /** spec.replicas and the status counts the deployment controller reads. */
  counts(): RsCounts {
    const version = this.recorder.version;
    const t = this.now;
    const syncedAt = this.syncs.syncedAt;
    if (this.counted?.version !== version || this.counted.t !== t || this.counted.syncedAt !== syncedAt) {
      // active(), counted in one pass without the array (the deployment controller asks at every pass).
      let replicas = 0;
      let ready = 0;
      let available = 0;
      for (const r of this.owned.live) {
        if (r.isDeleting || r.isTerminal) continue;
        replicas++;
        const pod = r.snapshot();
        if (pod === undefined || !isPodReady(pod)) continue;
        ready++;
        if (this.syncs.isAvailable(pod)) available++;
      }
      this.counted = { version, t, syncedAt, counts: { replicas, ready, available } };
    }
    return { spec: this.replicas, ...this.counted.counts };
  }

  private newPod(): Pod | undefined {
    const name = generatedPodName(this, this.ids, this.cluster);
    if (this.admitted) return renameAdmittedPod(this.admitted, name, 'doc0');
    // The template is admitted once: later pods are that Pod renamed ('doc0' is the seed
    // admitManifests gives its only document).
    this.admitted = podFromTemplate(this.object.spec?.template ?? {}, { kind: 'ReplicaSet', name: this.name, namespace: this.namespace, uid: this.uid }, name, {}, this.cluster.priorityClasses);
    return this.admitted && structuredClone(this.admitted);
  }

  /** manageReplicas: one pass. Creates (slow-start batches collapse into one instant here) or deletes. */
  reconcile(now: number): void {
    this.sync(now);
    if (this.gone) return;
    const active = this.active();
    const diff = active.length - this.replicas;
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        const pod = this.newPod();
        if (!pod) return;
        this.owned.create(pod, now);
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
    const active = this.active();
    const pods = active.map((r) => r.snapshot()).filter((p): p is Pod => p !== undefined);
    const ready = pods.filter(isPodReady).length;
    const available = pods.filter((pod) => this.syncs.isAvailable(pod)).length;
    // Everything else in the object is fixed, or replaced whole when it changes (annotations):
    // compare these few values, not the object's JSON (a frame asks at nearly every instant).
    const cached = this.cached;
    if (
      cached &&
      cached.annotations === this.annotations &&
      cached.generation === this.generation &&
      cached.replicas === this.replicas &&
      cached.pods === pods.length &&
      cached.ready === ready &&
      cached.available === available
    ) {
      return cached.rs;
    }
    const annotations = Object.keys(this.annotations).length > 0 ? { annotations: this.annotations } : {};
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        ...this.object.metadata,
        ...annotations,
        name: this.name,
        namespace: this.namespace,
        uid: this.uid,
        generation: this.generation,
        creationTimestamp: kubeTime(this.createdAt),
      },
      spec: { ...this.object.spec, replicas: this.replicas, selector: this.object.spec?.selector ?? {} },
      status: {
        replicas: pods.length,
        fullyLabeledReplicas: pods.length,
        readyReplicas: ready,
        availableReplicas: available,
        observedGeneration: this.generation,
      },
    };
    this.cached = { annotations: this.annotations, generation: this.generation, replicas: this.replicas, pods: pods.length, ready, available, rs };
    return rs;
  }
}

export function replicaSetsOf(objects: ManifestObject[]): ReplicaSet[] {
  return objects.filter((o) => o.kind === 'ReplicaSet' && o.apiVersion === 'apps/v1').map((o) => o.object as ReplicaSet);
}
