/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go updateStatefulSet,
 * processReplica, processCondemned; stateful_set_utils.go newVersionedStatefulSetPod,
 * initIdentity, updateStorage; stateful_pod_control.go recordPodEvent, recordClaimEvent).
 *
 * Pods are named `<set>-<ordinal>` and carry their identity: hostname = the Pod's name,
 * subdomain = spec.serviceName, labels statefulset.kubernetes.io/pod-name,
 * apps.kubernetes.io/pod-index and controller-revision-hash. Under OrderedReady (the default) the
 * controller creates one Pod at a time and waits until it is Running and Ready (and available for
 * minReadySeconds) before the next; it deletes from the highest ordinal down, one at a time, and
 * waits for each to be gone. A deleted or failed Pod is created again with the same name once the
 * old one is gone. Parallel creates and deletes without waiting.
 *
 * volumeClaimTemplates: each claim `<template>-<set>-<ordinal>` is "created" once (with the
 * controller's event) and mounted as storage that outlives the Pod and follows it to any node (as
 * network-attached storage does), so a recreated Pod finds its data again. PersistentVolumes,
 * storage classes, binding and volume node affinity are not simulated (admission says so).
 */
import { createActor, type Actor } from 'xstate';
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { StatefulSet, StatefulSetSpec, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { ManifestObject } from '../../k8s';
import { kubeTime } from '../../k8s/time';
import type { VirtualClock } from '../clock';
import type { Cluster } from '../cluster/cluster';
import type { IdSource } from '../ids';
import type { PodRunner } from '../kubelet/pod-runner';
import { statefulSetMachine, type StatefulSetEvent } from '../machines/statefulset';
import type { Recorder } from '../recorder';
import { ControllerSyncs, isRunningAndReady } from './availability';
import { OwnedPods } from './owned-pods';
import { podFromTemplate } from './pod-from-template';
import { podTemplateHash } from './revision';
import { Keyed } from './keyed';

interface Member {
  runner: PodRunner;
  pod: Pod;
  ordinal: number;
}

/**
 * One pass: the set's pods, read once and kept current as the pass creates and deletes (as
 * updateStatefulSet keeps its status as it goes), and what it did (created, deleted) or waits for;
 * the machine is told the most telling one.
 */
interface Pass {
  members: Member[];
  acted?: StatefulSetEvent;
  waiting?: StatefulSetEvent;
}

export class StatefulSetController {
  readonly name: string;
  readonly namespace: string;
  private readonly uid: string;
  private replicas: number;
  private generation = 1;
  private readonly owned: OwnedPods;
  /** The claims created so far: PVCs outlive the Pods (persistentVolumeClaimRetentionPolicy Retain). */
  private readonly claims = new Set<string>();
  /** ControllerRevisions by name (`<set>-<hash>`): the templates pods were created from. */
  private readonly revisions = new Map<string, PodTemplateSpec>();
  private currentRevision: string;
  private updateRevision: string;
  /** Its latest sync, which availability is counted at, and its minReadySeconds re-syncs. */
  private readonly syncs: ControllerSyncs;
  private readonly actor: Actor<typeof statefulSetMachine>;
  private readonly cached = new Keyed<StatefulSet>();

  constructor(
    private readonly object: StatefulSet,
    private readonly cluster: Cluster,
    ids: IdSource,
    private readonly recorder: Recorder,
    clock: VirtualClock,
  ) {
    this.name = object.metadata?.name ?? 'sts';
    this.namespace = object.metadata?.namespace ?? 'default';
    this.uid = ids.uid();
    this.replicas = object.spec?.replicas ?? 1;
    this.owned = new OwnedPods(cluster);
    this.currentRevision = this.revisionOf(object.spec?.template ?? {});
    this.updateRevision = this.currentRevision;
    this.syncs = new ControllerSyncs(() => this.minReadySeconds, clock, () => recorder.changed());
    this.actor = createActor(statefulSetMachine, { clock, inspect: recorder.inspect });
    recorder.track(this.actor.sessionId, `statefulset/${this.name}`, 'statefulset');
    this.actor.start();
  }

  private get spec(): StatefulSetSpec {
    return this.object.spec ?? { selector: {}, serviceName: '', template: {} };
  }

  private get monotonic(): boolean {
    return this.spec.podManagementPolicy !== 'Parallel';
  }

  private get minReadySeconds(): number {
    return this.spec.minReadySeconds ?? 0;
  }

  private get partition(): number {
    return this.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  }

  private revisionOf(template: PodTemplateSpec): string {
    const name = `${this.name}-${podTemplateHash(template)}`;
    if (!this.revisions.has(name)) this.revisions.set(name, template);
    return name;
  }

  /** kubectl scale statefulset: spec.replicas changes (a new generation). */
  scale(replicas: number): void {
    this.replicas = Math.max(0, replicas);
    this.generation++;
  }

  /** kubectl set image: a new template, so a new update revision that RollingUpdate rolls out. */
  setImage(container: string, image: string): void {
    const template = this.revisions.get(this.updateRevision) ?? {};
    const containers = (template.spec?.containers ?? []).map((c) => (c.name === container ? { ...c, image } : c));
    this.updateRevision = this.revisionOf({ ...template, spec: { ...template.spec, containers } });
    this.generation++;
  }

  private members(): Member[] {
    // getOrdinal: the number after `<set>-`.
    return this.owned.live.flatMap((runner) => {
      const pod = runner.snapshot();
      const ordinal = runner.name.slice(this.name.length + 1);
      return pod && /^\d+$/.test(ordinal) ? [{ runner, pod, ordinal: Number(ordinal) }] : [];
    });
  }

  private claimNames(ordinal: number): Array<{ volume: string; claim: string }> {
    return (this.spec.volumeClaimTemplates ?? []).map((t) => ({
      volume: t.metadata?.name ?? '',
      claim: `${t.metadata?.name ?? ''}-${this.name}-${ordinal}`,
    }));
  }

  /** newVersionedStatefulSetPod: ordinals below the partition keep the current revision. */
  private newPod(ordinal: number): Pod | undefined {
    const revision = ordinal < this.partition ? this.currentRevision : this.updateRevision;
    const template = this.revisions.get(revision) ?? {};
    const name = `${this.name}-${ordinal}`;
    const claims = this.claimNames(ordinal);
    const claimed = new Set(claims.map((c) => c.volume));
    // updateStorage: one persistentVolumeClaim volume per template, then the template's other volumes.
    const volumes = [
      ...claims.map((c) => ({ name: c.volume, persistentVolumeClaim: { claimName: c.claim } })),
      ...(template.spec?.volumes ?? []).filter((v) => !claimed.has(v.name)),
    ];
    return podFromTemplate(
      template,
      { kind: 'StatefulSet', name: this.name, namespace: this.namespace, uid: this.uid },
      name,
      {
        labels: { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(ordinal) },
        // initIdentity: hostname and subdomain give the Pod its DNS name through the headless Service.
        spec: { ...template.spec, hostname: name, subdomain: this.spec.serviceName, ...(volumes.length > 0 ? { volumes } : {}) },
      },
      this.cluster.priorityClasses,
    );
  }

  /** CreateStatefulPod: the claims first (once), then the Pod. */
  private create(ordinal: number, now: number, pass: Pass): StatefulSetEvent | undefined {
    const pod = this.newPod(ordinal);
    if (!pod) return undefined;
    const name = pod.metadata?.name ?? '';
    for (const { claim } of this.claimNames(ordinal)) {
      if (this.claims.has(claim)) continue;
      this.claims.add(claim);
      this.event('SuccessfulCreate', `create Claim ${claim} Pod ${name} in StatefulSet ${this.name} success`);
    }
    const runner = this.owned.create(pod, now);
    const created = runner.snapshot();
    if (created) pass.members.push({ runner, pod: created, ordinal });
    this.event('SuccessfulCreate', `create Pod ${name} in StatefulSet ${this.name} successful`);
    return { type: 'CREATED', pod: name };
  }

  private remove(m: Member, pass: Pass): StatefulSetEvent {
    m.runner.delete();
    // The deleted Pod's object changed (deletionTimestamp), or it is gone at once (never bound).
    const i = pass.members.indexOf(m);
    const pod = m.runner.isRemoved ? undefined : m.runner.snapshot();
    if (i >= 0) {
      if (pod) pass.members[i] = { ...m, pod };
      else pass.members.splice(i, 1);
    }
    this.event('SuccessfulDelete', `delete Pod ${m.runner.name} in StatefulSet ${this.name} successful`);
    return { type: 'DELETED', pod: m.runner.name };
  }

  private available(m: Member): boolean {
    return this.syncs.isAvailable(m.pod);
  }

  /** processReplica for one ordinal: whether the pass must stop here (monotonic), and what happened. */
  private processReplica(ordinal: number, m: Member | undefined, now: number, pass: Pass): boolean {
    const wait = (type: 'WAIT_READY' | 'WAIT_GONE', pod: string) => {
      pass.waiting ??= { type, pod };
      return true;
    };
    const phase = m?.pod.status?.phase;
    if (m && (phase === 'Failed' || phase === 'Succeeded')) {
      // A finished Pod is deleted; its successor is created once it is gone (next sync).
      if (!m.runner.isDeleting) pass.acted = this.remove(m, pass);
      else wait('WAIT_GONE', m.runner.name);
      return true;
    }
    if (!m) {
      pass.acted = this.create(ordinal, now, pass) ?? pass.acted;
      return this.monotonic;
    }
    if (!this.monotonic) return false;
    if (m.runner.isDeleting) return wait('WAIT_GONE', m.runner.name);
    if (!isRunningAndReady(m.pod) || !this.available(m)) return wait('WAIT_READY', m.runner.name);
    return false;
  }

  /** processCondemned: ordinals at or above spec.replicas, highest first. */
  private processCondemned(condemned: Member[], firstUnhealthy: Member | undefined, pass: Pass): boolean {
    for (const m of condemned) {
      if (m.runner.isDeleting) {
        if (!this.monotonic) continue;
        pass.waiting ??= { type: 'WAIT_GONE', pod: m.runner.name };
        return true;
      }
      if (this.monotonic && m !== firstUnhealthy && (!isRunningAndReady(m.pod) || !this.available(m))) {
        pass.waiting ??= { type: 'WAIT_READY', pod: firstUnhealthy?.runner.name ?? m.runner.name };
        return true;
      }
      pass.acted = this.remove(m, pass);
      if (this.monotonic) return true;
    }
    return false;
  }

  /** RollingUpdate: the highest ordinal not at the update revision is deleted (and recreated at it). */
  private rollingUpdate(replicas: Array<Member | undefined>, pass: Pass): void {
    if (this.spec.updateStrategy?.type === 'OnDelete') return;
    for (let target = replicas.length - 1; target >= this.partition; target--) {
      const m = replicas[target];
      // Created in this very pass (Parallel): new, so not available yet.
      if (!m) return;
      if (m.pod.metadata?.labels?.['controller-revision-hash'] !== this.updateRevision && !m.runner.isDeleting) {
        pass.acted = this.remove(m, pass);
        return;
      }
      if (!isRunningAndReady(m.pod) || !this.available(m) || m.runner.isDeleting) {
        pass.waiting ??= { type: m.runner.isDeleting ? 'WAIT_GONE' : 'WAIT_READY', pod: m.runner.name };
        return;
      }
    }
  }

  /** updateStatefulSet: one sync. */
  reconcile(now: number): void {
    const members = this.members();
    this.syncs.observe(
      members.map((m) => m.pod),
      this.generation,
      now,
    );
    const replicas: Array<Member | undefined> = Array.from({ length: this.replicas }, () => undefined);
    const condemned: Member[] = [];
    for (const m of members) {
      if (m.ordinal < this.replicas) replicas[m.ordinal] = m;
      else condemned.push(m);
    }
    condemned.sort((a, b) => b.ordinal - a.ordinal);
    const unhealthy = (m: Member | undefined) => !m || !isRunningAndReady(m.pod) || !this.available(m);
    // The first unavailable Pod: the lowest replica, else the lowest condemned one.
    const firstUnhealthy = replicas.some(unhealthy) ? undefined : [...condemned].reverse().find(unhealthy);
    const pass: Pass = { members: [...members] };
    let exit = false;
    for (let i = 0; i < replicas.length && !exit; i++) {
      // runForAll: monotonic stops at the first Pod that blocks; Parallel goes through them all.
      exit = this.processReplica(i, replicas[i], now, pass) && this.monotonic;
    }
    if (!exit) exit = this.processCondemned(condemned, firstUnhealthy, pass);
    if (!exit) this.rollingUpdate(replicas, pass);
    this.completeRollingUpdate(pass.members);
    // syncStatefulSet: "one more sync to handle the clock skew" while replicas are not all available.
    if ((this.status(pass.members).availableReplicas ?? 0) !== this.replicas) this.syncs.requeueAfterMinReady(now);
    this.actor.send(pass.acted ?? pass.waiting ?? this.idle(pass.members));
  }

  /** With nothing to do, the machine still says what the set is waiting for (Parallel does not block on it). */
  private idle(members: Member[]): StatefulSetEvent {
    const gone = members.find((m) => m.runner.isDeleting);
    if (gone) return { type: 'WAIT_GONE', pod: gone.runner.name };
    const unready = members.find((m) => !isRunningAndReady(m.pod) || !this.available(m));
    if (unready) return { type: 'WAIT_READY', pod: unready.runner.name };
    return { type: 'SETTLED' };
  }

  /** updateStatefulSetStatus completeRollingUpdate: once every Pod is updated and ready, the update revision is current. */
  private completeRollingUpdate(members: Member[]): void {
    if (this.currentRevision === this.updateRevision || this.spec.updateStrategy?.type === 'OnDelete') return;
    const status = this.status(members);
    if ((status.updatedReplicas ?? 0) === status.replicas && (status.readyReplicas ?? 0) === status.replicas) {
      this.currentRevision = this.updateRevision;
    }
  }

  private event(reason: string, message: string): void {
    this.recorder.event({ type: 'Normal', reason, object: `statefulset/${this.name}`, message, source: 'statefulset-controller' });
  }

  /** computeReplicaStatus over every Pod of the set (terminating ones count in replicas, not in current/updated). */
  private status(members = this.members()): StatefulSetStatus {
    let ready = 0;
    let available = 0;
    let current = 0;
    let updated = 0;
    for (const m of members) {
      if (isRunningAndReady(m.pod)) {
        ready++;
        if (this.available(m)) available++;
      }
      if (m.runner.isDeleting) continue;
      const revision = m.pod.metadata?.labels?.['controller-revision-hash'];
      if (revision === this.currentRevision) current++;
      if (revision === this.updateRevision) updated++;
    }
    // Fields tagged omitempty in apps/v1 are left out at zero, as the API server prints them.
    return {
      observedGeneration: this.generation,
      replicas: members.length,
      ...(ready ? { readyReplicas: ready } : {}),
      ...(current ? { currentReplicas: current } : {}),
      ...(updated ? { updatedReplicas: updated } : {}),
      currentRevision: this.currentRevision,
      updateRevision: this.updateRevision,
      collisionCount: 0,
      availableReplicas: available,
    };
  }

  /** The StatefulSet as the API server returns it (SetDefaults_StatefulSet applied), with its status. */
  snapshot(): StatefulSet {
    // Only the status and the generation (replicas, template) change: the same object while they stay the same.
    const status = this.status();
    const spec = this.spec;
    return this.cached.get(`${this.generation} ${JSON.stringify(status)}`, () => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: {
        ...this.object.metadata,
        name: this.name,
        namespace: this.namespace,
        uid: this.uid,
        generation: this.generation,
        creationTimestamp: kubeTime(0),
      },
      spec: {
        podManagementPolicy: 'OrderedReady',
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        revisionHistoryLimit: 10,
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        ...spec,
        replicas: this.replicas,
        template: this.revisions.get(this.updateRevision) ?? spec.template,
      },
      status,
    }));
  }
}

export function statefulSetsOf(objects: ManifestObject[]): StatefulSet[] {
  return objects.filter((o) => o.kind === 'StatefulSet' && o.apiVersion === 'apps/v1').map((o) => o.object as StatefulSet);
}
