/**
 * The Deployment controller (pkg/controller/deployment): it owns ReplicaSets named
 * `<deployment>-<pod-template-hash>`, one per revision of the pod template, and moves pods from the
 * old ones to the new one: RollingUpdate within maxSurge / maxUnavailable (rolling.go), Recreate
 * all old pods gone first (recreate.go), proportional scaling while a rollout is under way and
 * revision history cleanup (sync.go), the Progressing and Available conditions (progress.go).
 * The ReplicaSets themselves are ReplicaSetControllers: they create and delete the pods.
 */
import { createActor, type Actor } from 'xstate';
import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { defaultDeployment, kubeTime, type ManifestObject } from '../../k8s';
import type { VirtualClock } from '../clock';
import type { Cluster } from '../cluster/cluster';
import type { IdSource } from '../ids';
import { deploymentMachine, ROLLOUT_EVENT_OF_REASON } from '../machines/deployment';
import type { Recorder } from '../recorder';
import {
  calculateStatus,
  deploymentComplete,
  FOUND_NEW_RS_REASON,
  getCondition,
  hasProgressDeadline,
  NEW_RS_AVAILABLE_REASON,
  NEW_RS_REASON,
  newCondition,
  PAUSED_REASON,
  progressDeadlineAt,
  RESUMED_REASON,
  rolloutStatus,
  setCondition,
  TIMED_OUT_REASON,
} from './deployment-status';
import {
  availableTotal,
  DESIRED_REPLICAS,
  equalIgnoreHash,
  templateKey,
  MAX_REPLICAS,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  POD_TEMPLATE_HASH,
  podTemplateHash,
  REVISION,
  REVISION_HISTORY,
  specTotal,
  type RsCounts,
} from './deployment-util';
import { ReplicaSetController } from './replicaset';

/** Annotations a Deployment does not pass on to its ReplicaSets (skipCopyAnnotation). */
const NOT_COPIED = new Set([REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, 'kubectl.kubernetes.io/last-applied-configuration']);
/** How far a sync may cascade in one instant (scale up, the pods appear, scale down, ...). */
const MAX_SYNCS_PER_INSTANT = 8;

const revisionOf = (rs: ReplicaSetController) => Number(rs.annotation(REVISION) ?? 0) || 0;
const isActive = (rs: ReplicaSetController) => rs.specReplicas > 0;

export class DeploymentController {
  readonly name: string;
  readonly namespace: string;
  private readonly uid: string;
  /** The object as stored: spec (changed by actions), annotations, and the status this controller writes. */
  private d: Deployment;
  private generation = 1;
  private readonly rss: ReplicaSetController[] = [];
  private readonly actor: Actor<typeof deploymentMachine>;
  private lastReason?: string;
  /** Progress checks already queued (requeueStuckDeployment), by virtual ms. */
  private readonly wakes = new Set<number>();
  private cached?: { key: string; d: Deployment };
  private ownTemplateKey?: { generation: number; key: string };

  constructor(
    object: Record<string, unknown>,
    private readonly cluster: Cluster,
    private readonly ids: IdSource,
    private readonly recorder: Recorder,
    private readonly clock: VirtualClock,
  ) {
    this.d = defaultDeployment(object);
    this.d.status = {};
    this.name = this.d.metadata?.name ?? 'deployment';
    this.namespace = this.d.metadata?.namespace ?? 'default';
    this.uid = ids.uid();
    this.actor = createActor(deploymentMachine, { clock, inspect: recorder.inspect });
    recorder.track(this.actor.sessionId, `deployment/${this.name}`, 'deployment');
    this.actor.start();
  }

  /** Its ReplicaSets that the API still holds, oldest first. */
  replicaSets(): ReplicaSetController[] {
    return this.rss.filter((rs) => !rs.isGone);
  }

  private get replicas(): number {
    return this.d.spec?.replicas ?? 1;
  }

  private get spec(): NonNullable<Deployment['spec']> {
    return this.d.spec as NonNullable<Deployment['spec']>;
  }

  /** A spec change: a new generation for the controller to observe. */
  private changeSpec(change: (spec: NonNullable<Deployment['spec']>) => void): void {
    const before = JSON.stringify(this.spec);
    change(this.spec);
    if (JSON.stringify(this.spec) !== before) {
      this.generation++;
      this.recorder.changed();
    }
  }

  /** The template as EqualIgnoreHash compares it, once per generation. */
  private templateKey(): string {
    if (this.ownTemplateKey?.generation !== this.generation) this.ownTemplateKey = { generation: this.generation, key: templateKey(this.spec.template) };
    return this.ownTemplateKey.key;
  }

  /** `kubectl scale deployment NAME --replicas=N`. */
  scale(replicas: number): void {
    this.changeSpec((spec) => (spec.replicas = Math.max(0, replicas)));
  }

  /** `kubectl set image deployment/NAME CONTAINER=IMAGE`: a new pod template, so a new revision. */
  setImage(container: string, image: string): void {
    this.changeSpec((spec) => {
      const podSpec = spec.template.spec;
      for (const c of [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])]) if (c.name === container) c.image = image;
    });
  }

  /** `kubectl rollout pause` / `resume`. */
  setPaused(paused: boolean): void {
    this.changeSpec((spec) => (spec.paused = paused || undefined));
  }

  /**
   * `kubectl rollout undo [--to-revision=N]` (kubectl's DeploymentRollbacker): the template of that
   * revision's ReplicaSet, without its pod-template-hash, becomes the Deployment's; the controller
   * then finds that ReplicaSet as the new one and gives it the next revision number. kubectl refuses
   * a paused Deployment, an unknown revision, or a template that already matches.
   */
  rollback(toRevision?: number): void {
    if (this.spec.paused) return;
    const byRevision = [...this.replicaSets()].sort((a, b) => revisionOf(b) - revisionOf(a));
    const target = toRevision ? byRevision.find((rs) => revisionOf(rs) === toRevision) : byRevision[1];
    if (!target?.template || equalIgnoreHash(target.template, this.spec.template)) return;
    const template = structuredClone(target.template);
    if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH];
    this.changeSpec((spec) => (spec.template = template));
  }

  /**
   * One pass of the control loop at this instant, repeated while it changes something (the real
   * controller resyncs at once when its ReplicaSets change). `reconcileReplicaSets` lets the
   * ReplicaSets create and delete pods between passes.
   */
  reconcile(reconcileReplicaSets: () => void): void {
    for (let i = 0; i < MAX_SYNCS_PER_INSTANT; i++) {
      const status = JSON.stringify(this.d.status);
      const counts = this.countsFingerprint();
      this.syncDeployment();
      reconcileReplicaSets();
      if (JSON.stringify(this.d.status) === status && sameNumbers(this.countsFingerprint(), counts)) break;
    }
  }

  /** Each ReplicaSet's spec.replicas, whether it is gone, and its status counts, as numbers. */
  private countsFingerprint(): number[] {
    const out: number[] = [];
    for (const rs of this.rss) {
      const c = rs.counts();
      out.push(rs.specReplicas, rs.isGone ? 1 : 0, c.spec, c.replicas, c.ready, c.available);
    }
    return out;
  }

  /** syncDeployment: paused or scaling → sync; otherwise the strategy's rollout. */
  private syncDeployment(): void {
    this.checkPausedConditions();
    this.driveMachine();
    if (this.spec.paused || this.isScalingEvent()) this.sync();
    else if (this.spec.strategy?.type === 'Recreate') this.rolloutRecreate();
    else this.rolloutRolling();
    this.driveMachine();
  }

  private event(message: string): void {
    this.recorder.event({ type: 'Normal', reason: 'ScalingReplicaSet', object: `deployment/${this.name}`, message, source: 'deployment-controller' });
  }

  private get status(): DeploymentStatus {
    return (this.d.status ??= {});
  }

  private checkPausedConditions(): void {
    if (!hasProgressDeadline(this.d)) return;
    const cond = getCondition(this.status, 'Progressing');
    // A reported lack of progress is not overwritten by a paused condition.
    if (cond?.reason === TIMED_OUT_REASON) return;
    const pausedCondExists = cond?.reason === PAUSED_REASON;
    const now = this.clock.now();
    if (this.spec.paused && !pausedCondExists) {
      setCondition(this.status, newCondition('Progressing', 'Unknown', PAUSED_REASON, 'Deployment is paused', now));
    } else if (!this.spec.paused && pausedCondExists) {
      setCondition(this.status, newCondition('Progressing', 'Unknown', RESUMED_REASON, 'Deployment is resumed', now));
    }
  }

  /** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
  private isScalingEvent(): boolean {
    const { newRS, old } = this.getAllReplicaSetsAndSyncRevision(false);
    return [...old, ...(newRS ? [newRS] : [])].filter(isActive).some((rs) => {
      const desired = rs.annotation(DESIRED_REPLICAS);
      return desired !== undefined && Number(desired) !== this.replicas;
    });
  }

  /** sync: scale (proportionally while a rollout is under way), clean up when paused, write status. */
  private sync(): void {
    const { newRS, old } = this.getAllReplicaSetsAndSyncRevision(false);
    this.scaleForScalingEvent(newRS, old);
    if (this.spec.paused) this.cleanupDeployment(old);
    const all = [...old, ...(newRS ? [newRS] : [])];
    this.d.status = calculateStatus(all.map((rs) => rs.counts()), newRS?.counts(), this.d, this.generation, this.clock.now());
  }

  /**
   * getAllReplicaSetsAndSyncRevision / getNewReplicaSet: the new ReplicaSet is the oldest whose
   * template equals the Deployment's (ignoring the hash); every other one is old. With `create`,
   * a missing new ReplicaSet is created at the size NewRSNewReplicas allows.
   */
  private getAllReplicaSetsAndSyncRevision(create: boolean): { newRS?: ReplicaSetController; old: ReplicaSetController[] } {
    const alive = this.replicaSets();
    const key = this.templateKey();
    const existing = alive.find((rs) => rs.templateKey === key);
    const old = alive.filter((rs) => rs !== existing);
    const newRevision = Math.max(0, ...old.map(revisionOf)) + 1;
    const now = this.clock.now();
    if (existing) {
      this.setNewReplicaSetAnnotations(existing, newRevision, true);
      this.setDeploymentRevision(existing.annotation(REVISION) ?? String(newRevision));
      if (hasProgressDeadline(this.d) && !getCondition(this.status, 'Progressing')) {
        setCondition(this.status, newCondition('Progressing', 'True', FOUND_NEW_RS_REASON, `Found new replica set "${existing.name}"`, now));
      }
      return { newRS: existing, old };
    }
    if (!create) return { old };
    const newRS = this.createReplicaSet(old, newRevision);
    if (newRS.specReplicas > 0) this.event(`Scaled up replica set ${newRS.name} from 0 to ${newRS.specReplicas}`);
    this.setDeploymentRevision(String(newRevision));
    if (hasProgressDeadline(this.d)) {
      setCondition(this.status, newCondition('Progressing', 'True', NEW_RS_REASON, `Created new replica set "${newRS.name}"`, now));
    }
    return { newRS, old };
  }

  private createReplicaSet(old: ReplicaSetController[], revision: number): ReplicaSetController {
    const hash = podTemplateHash(this.spec.template);
    const labels = { ...this.spec.template.metadata?.labels, [POD_TEMPLATE_HASH]: hash };
    const template: PodTemplateSpec = { ...structuredClone(this.spec.template), metadata: { ...this.spec.template.metadata, labels } };
    const zero: RsCounts = { spec: 0, replicas: 0, ready: 0, available: 0 };
    const replicas = newRSNewReplicas(this.d, [...old.map((rs) => rs.counts()), zero], zero);
    const object: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        // The name is deterministic, so a second sync cannot create a second ReplicaSet.
        name: `${this.name}-${hash}`,
        namespace: this.namespace,
        labels,
        annotations: { ...this.copiedAnnotations(), [REVISION]: String(revision), ...this.replicasAnnotations() },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: this.name, uid: this.uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        replicas,
        minReadySeconds: this.spec.minReadySeconds,
        selector: { ...this.spec.selector, matchLabels: { ...this.spec.selector.matchLabels, [POD_TEMPLATE_HASH]: hash } },
        template,
      },
    };
    const rs = new ReplicaSetController(object, this.cluster, this.ids, this.recorder, { createdAt: this.clock.now(), timers: this.clock });
    this.rss.push(rs);
    return rs;
  }

  private copiedAnnotations(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.d.metadata?.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)));
  }

  /** desired-replicas and max-replicas (SetReplicasAnnotations): what proportional scaling starts from. */
  private replicasAnnotations(): Record<string, string> {
    return { [DESIRED_REPLICAS]: String(this.replicas), [MAX_REPLICAS]: String(this.replicas + maxSurge(this.d)) };
  }

  /**
   * SetNewReplicaSetAnnotations for an existing new ReplicaSet: it takes the next revision number
   * when it has a lower one (a rollback to it), keeping the old numbers in revision-history.
   */
  private setNewReplicaSetAnnotations(rs: ReplicaSetController, newRevision: number, exists: boolean): void {
    const values: Record<string, string> = this.copiedAnnotations();
    const oldRevision = rs.annotation(REVISION);
    if (Number(oldRevision ?? 0) < newRevision) {
      values[REVISION] = String(newRevision);
      if (oldRevision !== undefined) {
        const history = rs.annotation(REVISION_HISTORY);
        values[REVISION_HISTORY] = history ? `${history},${oldRevision}` : oldRevision;
      }
    }
    if (!exists) Object.assign(values, this.replicasAnnotations());
    rs.annotate(values);
  }

  private setDeploymentRevision(revision: string): void {
    const metadata = (this.d.metadata ??= {});
    if (metadata.annotations?.[REVISION] !== revision) metadata.annotations = { ...metadata.annotations, [REVISION]: revision };
  }

  /** scaleReplicaSetAndRecordEvent: nothing to do at the same size. */
  private scaleReplicaSetAndRecordEvent(rs: ReplicaSetController, newScale: number): boolean {
    if (rs.specReplicas === newScale) return false;
    return this.scaleReplicaSet(rs, newScale, newScale > rs.specReplicas ? 'up' : 'down');
  }

  /** scaleReplicaSet: the size and the replicas annotations; ScalingReplicaSet when the size changed. */
  private scaleReplicaSet(rs: ReplicaSetController, newScale: number, operation: 'up' | 'down'): boolean {
    const oldScale = rs.specReplicas;
    const sizeNeedsUpdate = oldScale !== newScale;
    rs.annotate(this.replicasAnnotations());
    if (!sizeNeedsUpdate) return false;
    rs.scale(newScale);
    this.event(`Scaled ${operation} replica set ${rs.name} from ${oldScale} to ${newScale}`);
    return true;
  }

  /** rolloutRolling: scale up if we can, else scale down if we can, then status. */
  private rolloutRolling(): void {
    const { newRS, old } = this.getAllReplicaSetsAndSyncRevision(true);
    if (!newRS) return;
    const all = [...old, newRS];
    if (this.reconcileNewReplicaSet(all, newRS)) return this.syncRolloutStatus(all, newRS);
    if (this.reconcileOldReplicaSets(all, old.filter(isActive), newRS)) return this.syncRolloutStatus(all, newRS);
    if (deploymentComplete(this.d, this.status, this.generation)) this.cleanupDeployment(old);
    this.syncRolloutStatus(all, newRS);
  }

  private reconcileNewReplicaSet(all: ReplicaSetController[], newRS: ReplicaSetController): boolean {
    if (newRS.specReplicas === this.replicas) return false;
    if (newRS.specReplicas > this.replicas) return this.scaleReplicaSetAndRecordEvent(newRS, this.replicas);
    const next = newRSNewReplicas(this.d, all.map((rs) => rs.counts()), newRS.counts());
    return this.scaleReplicaSetAndRecordEvent(newRS, next);
  }

  /**
   * reconcileOldReplicaSets: scale down at most allPods - minAvailable - (new pods not yet
   * available): first old pods that are not available anyway, then available ones down to
   * replicas - maxUnavailable.
   */
  private reconcileOldReplicaSets(all: ReplicaSetController[], old: ReplicaSetController[], newRS: ReplicaSetController): boolean {
    if (specTotal(old.map((rs) => rs.counts())) === 0) return false;
    const allPods = specTotal(all.map((rs) => rs.counts()));
    const minAvailable = this.replicas - maxUnavailable(this.d);
    const newCounts = newRS.counts();
    const maxScaledDown = allPods - minAvailable - (newCounts.spec - newCounts.available);
    if (maxScaledDown <= 0) return false;
    const cleaned = this.cleanupUnhealthyReplicas(old, maxScaledDown);
    const scaled = this.scaleDownOldReplicaSetsForRollingUpdate([...old, newRS], old);
    return cleaned + scaled > 0;
  }

  /** cleanupUnhealthyReplicas: old replicas that are not available go first, oldest ReplicaSet first. */
  private cleanupUnhealthyReplicas(old: ReplicaSetController[], maxCleanup: number): number {
    let total = 0;
    for (const rs of old) {
      if (total >= maxCleanup) break;
      const c = rs.counts();
      if (c.spec === 0 || c.spec <= c.available) continue;
      const down = Math.min(maxCleanup - total, c.spec - c.available);
      this.scaleReplicaSetAndRecordEvent(rs, c.spec - down);
      total += down;
    }
    return total;
  }

  /** scaleDownOldReplicaSetsForRollingUpdate: down to replicas - maxUnavailable available pods. */
  private scaleDownOldReplicaSetsForRollingUpdate(all: ReplicaSetController[], old: ReplicaSetController[]): number {
    const minAvailable = this.replicas - maxUnavailable(this.d);
    const available = availableTotal(all.map((rs) => rs.counts()));
    if (available <= minAvailable) return 0;
    const target = available - minAvailable;
    let total = 0;
    for (const rs of old) {
      if (total >= target) break;
      if (rs.specReplicas === 0) continue;
      const down = Math.min(rs.specReplicas, target - total);
      this.scaleReplicaSetAndRecordEvent(rs, rs.specReplicas - down);
      total += down;
    }
    return total;
  }

  /**
   * rolloutRecreate: scale every old ReplicaSet to 0, wait until none of their pods is left (even
   * terminating), and only then create or scale up the new one.
   */
  private rolloutRecreate(): void {
    let { newRS, old } = this.getAllReplicaSetsAndSyncRevision(false);
    const all = () => [...old, ...(newRS ? [newRS] : [])];
    let scaledDown = false;
    for (const rs of old.filter(isActive)) if (this.scaleReplicaSetAndRecordEvent(rs, 0)) scaledDown = true;
    if (scaledDown || this.oldPodsRunning(newRS, old)) return this.syncRolloutStatus(all(), newRS);
    if (!newRS) ({ newRS, old } = this.getAllReplicaSetsAndSyncRevision(true));
    if (newRS) this.scaleReplicaSetAndRecordEvent(newRS, this.replicas);
    if (deploymentComplete(this.d, this.status, this.generation)) this.cleanupDeployment(old);
    this.syncRolloutStatus(all(), newRS);
  }

  /** oldPodsRunning: old ReplicaSets still count pods, or any pod not of the new one is not terminal. */
  private oldPodsRunning(newRS: ReplicaSetController | undefined, old: ReplicaSetController[]): boolean {
    if (old.some((rs) => rs.counts().replicas > 0)) return true;
    return this.replicaSets().some((rs) => rs !== newRS && rs.pods().some((p) => !p.isTerminal));
  }

  /**
   * scale (sync.go) on a scaling event: the only active ReplicaSet (or the newest) takes the new
   * size; a saturated new ReplicaSet takes everything; otherwise the change is shared out in
   * proportion to each ReplicaSet's size, leftovers to the largest.
   */
  private scaleForScalingEvent(newRS: ReplicaSetController | undefined, old: ReplicaSetController[]): void {
    const active = [...old, ...(newRS ? [newRS] : [])].filter(isActive);
    const only = active.length === 1 ? active[0] : active.length === 0 ? (newRS ?? old[old.length - 1]) : undefined;
    if (only) {
      this.scaleReplicaSetAndRecordEvent(only, this.replicas);
      return;
    }
    if (newRS && this.isSaturated(newRS)) {
      for (const rs of old.filter(isActive)) this.scaleReplicaSetAndRecordEvent(rs, 0);
      return;
    }
    if (this.spec.strategy?.type === 'Recreate') return;
    const allowed = this.replicas > 0 ? this.replicas + maxSurge(this.d) : 0;
    const toAdd = allowed - specTotal(active.map((rs) => rs.counts()));
    const order = new Map(this.rss.map((rs, i) => [rs, i]));
    // Larger first; between equals, newer first when scaling up and older first when scaling down.
    const sorted = [...active].sort((a, b) => b.specReplicas - a.specReplicas || (toAdd > 0 ? 1 : -1) * ((order.get(b) ?? 0) - (order.get(a) ?? 0)));
    const sizes = new Map<ReplicaSetController, number>();
    let added = 0;
    for (const rs of sorted) {
      const proportion = toAdd === 0 ? 0 : this.proportion(rs, toAdd, added);
      sizes.set(rs, rs.specReplicas + proportion);
      added += proportion;
    }
    sorted.forEach((rs, i) => {
      let size = sizes.get(rs) ?? rs.specReplicas;
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
      this.scaleReplicaSet(rs, size, toAdd > 0 ? 'up' : 'down');
    });
  }

  /** GetProportion / getReplicaSetFraction: the share by the max-replicas annotation the ReplicaSet was last sized for. */
  private proportion(rs: ReplicaSetController, toAdd: number, added: number): number {
    if (rs.specReplicas === 0 || toAdd === added) return 0;
    let fraction: number;
    if (this.replicas === 0) fraction = -rs.specReplicas;
    else {
      const before = Number(rs.annotation(MAX_REPLICAS) ?? 0) || (this.status.replicas ?? 0);
      fraction = before === 0 ? 0 : Math.round((rs.specReplicas * (this.replicas + maxSurge(this.d))) / before) - rs.specReplicas;
    }
    const allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  /** IsSaturated: the new ReplicaSet is sized for the Deployment and every pod is available. */
  private isSaturated(rs: ReplicaSetController): boolean {
    const c = rs.counts();
    return Number(rs.annotation(DESIRED_REPLICAS)) === this.replicas && c.spec === this.replicas && c.available === this.replicas;
  }

  /**
   * cleanupDeployment: beyond revisionHistoryLimit old ReplicaSets, the lowest revisions that are
   * scaled to 0 and count no pods are deleted (pods still terminating finish on their own).
   */
  private cleanupDeployment(old: ReplicaSetController[]): void {
    const limit = this.spec.revisionHistoryLimit ?? 10;
    const cleanable = old.filter((rs) => !rs.isGone);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    const byRevision = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of byRevision.slice(0, diff)) {
      if (rs.counts().replicas !== 0 || rs.specReplicas !== 0) continue;
      rs.remove();
      this.recorder.changed();
    }
  }

  /** syncRolloutStatus, and requeueStuckDeployment's progress check one second after the deadline. */
  private syncRolloutStatus(all: ReplicaSetController[], newRS: ReplicaSetController | undefined): void {
    const now = this.clock.now();
    const next = calculateStatus(all.map((rs) => rs.counts()), newRS?.counts(), this.d, this.generation, now);
    this.d.status = rolloutStatus(this.d, next, newRS?.name, this.generation, now);
    const cond = getCondition(this.d.status, 'Progressing');
    if (!cond || !hasProgressDeadline(this.d) || cond.reason === TIMED_OUT_REASON || deploymentComplete(this.d, this.d.status, this.generation)) return;
    const at = progressDeadlineAt(this.d, cond) + 1000;
    if (at > now && !this.wakes.has(at)) {
      this.wakes.add(at);
      this.clock.setTimeout(() => this.recorder.changed(), at - now);
    }
  }

  /** The rollout machine follows the Progressing condition's reason, each one it takes (Resumed, then Updated). */
  private driveMachine(): void {
    const reason = getCondition(this.status, 'Progressing')?.reason;
    if (reason === this.lastReason) return;
    this.lastReason = reason;
    const type = reason ? ROLLOUT_EVENT_OF_REASON[reason] : undefined;
    if (type) this.actor.send({ type });
  }

  /** The Deployment as the API server returns it (the same object while nothing changed). */
  snapshot(): Deployment {
    // The spec only changes through changeSpec, which bumps the generation: key on that, not on the
    // spec's JSON (its pod template is most of the object and a frame asks at nearly every instant).
    const key = `${this.generation} ${JSON.stringify(this.d.metadata)} ${JSON.stringify(this.status)}`;
    if (this.cached?.key === key) return this.cached.d;
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...this.d.metadata, name: this.name, namespace: this.namespace, uid: this.uid, generation: this.generation, creationTimestamp: kubeTime(0) },
      spec: this.spec,
      status: this.status,
    };
    const copy = structuredClone(d);
    this.cached = { key, d: copy };
    return copy;
  }

  /** Whether the rollout is complete (for tests and views). */
  get complete(): boolean {
    return getCondition(this.status, 'Progressing')?.reason === NEW_RS_AVAILABLE_REASON;
  }
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function deploymentsOf(objects: ManifestObject[]): Array<Record<string, unknown>> {
  return objects.filter((o) => o.kind === 'Deployment' && o.apiVersion === 'apps/v1').map((o) => o.object);
}
