/**
 * How a pod's containers stop and the pod goes away: deletion with its grace period, node-pressure
 * eviction, the kill of every container (killPodWithSyncResult), sidecars last and in reverse order,
 * the pod's end once its main containers are done for good, and the two ways the pod stops without
 * its kubelet's say: the node's machine gone (halt) and a force deletion (forceRemove).
 */
import type { Actor, SnapshotFrom } from 'xstate';
import type { SimPodSandbox } from '../../runtime';
import { parseQuantity } from '../../k8s';
import { wantsRestart } from '../machines/container';
import type { podMachine } from '../machines/pod';
import { KUBELET_SYNC_MS, KUBELET_WATCH_DELAY_MS } from '../timing';
import { activeStates, isDown, type ContainerSlot } from './container-slots';
import type { PodScope } from './pod-scope';

/** What termination needs from the rest of the pod's kubelet. */
export interface TerminationDeps {
  scope: PodScope;
  podActor: Actor<typeof podMachine>;
  slots: readonly ContainerSlot[];
  sandbox(): SimPodSandbox | undefined;
  setCondition(type: string, status: 'True' | 'False' | 'Unknown', reason?: string, message?: string): void;
  /** The API keeps the kubelet's last word. */
  freezeApi(): void;
  /** Let the pod worker sync. */
  reconcile(): void;
}

export class Termination {
  private deletionState?: { at: number; graceMs: number; deadline: number };
  /** Set when the kubelet evicted the pod for node pressure: phase Failed, reason Evicted. */
  private evictionState?: { message: string };
  private removedState = false;
  /** The kubelet's pod worker has heard of the deletion (UpdatePod saw deletionTimestamp). */
  private heardState = false;
  private sidecarsStopping = false;
  /** The stage (evicting, terminating) whose end the pod worker has already noticed. */
  private stopNoticed?: 'evicting' | 'terminating';

  constructor(private readonly deps: TerminationDeps) {}

  /** deletionTimestamp and the grace period, once deleted. */
  get deletion(): { at: number; graceMs: number; deadline: number } | undefined {
    return this.deletionState;
  }

  get eviction(): { message: string } | undefined {
    return this.evictionState;
  }

  /**
   * The kubelet knows the pod is being deleted: from here it starts no container and runs no
   * liveness or startup probe (SyncTerminatingPod stops them). Lags `deletion` by the watch delay.
   */
  get heard(): boolean {
    return this.heardState;
  }

  /** The API object is gone. */
  get removed(): boolean {
    return this.removedState;
  }

  /** The pod worker finished with the pod and the API server removed it. */
  markRemoved(): void {
    this.removedState = true;
  }

  /**
   * kubectl delete (and a controller's scale-down, a drain, the taint manager): the API server sets
   * deletionTimestamp = now + grace (rest.BeforeDelete); the kubelet hears of it through its watch
   * and only then kills the containers (see hearDeletion).
   */
  delete(graceSeconds?: number): void {
    const { scope, podActor } = this.deps;
    if (this.deletionState || this.removedState) return;
    scope.touch();
    const now = scope.now();
    const grace = graceSeconds ?? scope.graceSeconds;
    this.deletionState = { at: now, graceMs: grace * 1000, deadline: now + grace * 1000 };
    // A kubelet that cannot be reached never hears of the deletion: the pod stays Terminating.
    if (scope.api.isFrozen) return;
    const pod = podActor.getSnapshot();
    if (pod.matches('scheduling') || pod.matches('unschedulable') || pod.matches('finished')) {
      // Not running anywhere (or already finished): the API server removes it at once
      // (pod strategy CheckGracefulDelete gives such a pod grace period 0); no kubelet takes part.
      podActor.send({ type: 'DELETE' });
      if (!this.removedState) this.removedState = true;
      return;
    }
    this.notifyKubelet();
  }

  /** The node reports again: its kubelet's watch delivers the deletion it missed. */
  resume(): void {
    if (this.deletionState && !this.heardState) this.notifyKubelet();
  }

  /** The watch delivers the deletion to the kubelet KUBELET_WATCH_DELAY_MS after the API write. */
  private notifyKubelet(): void {
    this.deps.scope.env.clock.setTimeout(() => this.hearDeletion(), KUBELET_WATCH_DELAY_MS);
  }

  /**
   * pod_workers.go UpdatePod: a pod with deletionTimestamp becomes terminating (terminatingAt = the
   * kubelet's now) with the grace period from deletionGracePeriodSeconds; SyncTerminatingPod kills
   * every container, each killContainer counting that grace period from its own StopContainer call.
   */
  private hearDeletion(): void {
    const { scope, podActor } = this.deps;
    // Gone already, the node's machine halted, or the node stopped reporting meanwhile (resume retries).
    if (this.heardState || this.removedState || scope.api.isFrozen || podActor.getSnapshot().status !== 'active') return;
    this.heardState = true;
    scope.touch();
    podActor.send({ type: 'DELETE' });
  }

  /**
   * Node-pressure eviction (pkg/kubelet/eviction/eviction_manager.go evictPod): event Evicted, the
   * DisruptionTarget condition, every container killed with grace period 0, phase Failed.
   */
  evict(resource: string, threshold: string, available: string): boolean {
    const { scope, podActor, slots } = this.deps;
    const pod = podActor.getSnapshot();
    if (this.removedState || this.deletionState || this.evictionState || !pod.matches('syncing')) return false;
    // evictionMessage lists only the containers using more than they requested.
    const usage = slots
      .filter((s) => s.runtime?.running())
      .map((s) => ({ s, used: s.runtime?.memory() ?? 0, request: s.spec.resources?.requests?.[resource] }))
      .filter(({ used, request }) => used > (request === undefined ? 0 : parseQuantity(request)))
      .map(({ s, used, request }) => `Container ${s.spec.name} was using ${Math.round(used / 1024)}Ki, request is ${request ?? '0'}, has larger consumption of ${resource}. `)
      .join('');
    const message = `The node was low on resource: ${resource}. Threshold quantity: ${threshold}, available: ${available}. ${resource === 'memory' ? usage : ''}`;
    this.evictionState = { message };
    scope.event('Warning', 'Evicted', message);
    this.deps.setCondition('DisruptionTarget', 'True', 'TerminationByKubelet', message);
    podActor.send({ type: 'EVICT' });
    return true;
  }

  /** The pod machine entered terminating or evicting: stop every container. */
  killAll(): void {
    const { scope, slots } = this.deps;
    const now = scope.now();
    // eviction_manager: immediateEvictionGracePeriodSeconds = 1 for hard thresholds.
    const graceMs = this.evictionState ? 1_000 : this.deletionState?.graceMs ?? 30_000;
    // killContainersWithSyncResult stops every container at once: Killing and preStop for all;
    // a sidecar's TERM then waits for its turn (see releaseSidecars).
    for (const slot of slots) this.stopSlot(slot, graceMs, now, slot.role === 'sidecar');
    scope.env.clock.setTimeout(() => this.deps.reconcile(), 0);
  }

  /**
   * The node's machine is gone: its kubelet, containers and probes stop where they are, and the API
   * keeps the last status the kubelet posted until someone deletes the object.
   */
  halt(): void {
    if (this.removedState) return;
    this.deps.freezeApi();
    for (const slot of this.deps.slots) {
      for (const p of slot.probes) p.actor.stop();
      slot.actor.stop();
    }
    this.deps.podActor.stop();
    this.deps.sandbox()?.destroy();
  }

  /**
   * A force deletion (grace period 0) by the control plane when no kubelet will ever confirm it,
   * as PodGC does for a pod whose node no longer exists: the object is gone at once.
   */
  forceRemove(): void {
    if (this.removedState) return;
    this.deps.scope.touch();
    this.removedState = true;
  }

  /** A sync while terminating or evicting: sidecars in their turn, then the pod worker sees every container gone. */
  whileStopping(pod: SnapshotFrom<typeof podMachine>): void {
    const { scope, podActor, slots } = this.deps;
    this.releaseSidecars();
    if (slots.filter((s) => s.role === 'regular').every((s) => isDown(s))) {
      const running = slots.filter((s) => s.role === 'sidecar' && !isDown(s));
      // The pod worker sees every container gone at its next relist (once, however many changes led here).
      const stage = pod.matches('evicting') ? 'evicting' : 'terminating';
      if (running.length === 0 && this.stopNoticed !== stage) {
        this.stopNoticed = stage;
        scope.env.clock.setTimeout(() => podActor.send({ type: 'ALL_STOPPED' }), KUBELET_SYNC_MS);
      }
    }
  }

  /** A sync while running: once every main container is done for good, the sidecars go, then the pod ends. */
  endWhenMainContainersDone(): void {
    const { scope, podActor, slots } = this.deps;
    const regulars = slots.filter((s) => s.role === 'regular');
    if (regulars.length === 0) return;
    const done = regulars.every((s) => activeStates(s).has('terminated') && !wantsRestart(s.actor.getSnapshot().context));
    if (!done) return;
    const running = slots.filter((s) => s.role === 'sidecar' && !isDown(s));
    // Every main container is done for good: the sidecars go, in the same reverse order.
    if (running.length > 0 && !this.sidecarsStopping) {
      this.sidecarsStopping = true;
      const grace = scope.graceSeconds * 1000;
      const now = scope.now();
      for (const s of running) this.stopSlot(s, grace, now, true);
    }
    this.releaseSidecars();
    if (running.length === 0) podActor.send({ type: 'ALL_EXITED' });
  }

  /**
   * newTerminationOrdering: main containers first, then sidecars in reverse order. The last sidecar
   * still waiting gets its turn once every main container and every later sidecar is down.
   */
  private releaseSidecars(): void {
    const { scope, slots } = this.deps;
    const now = scope.now();
    if (!slots.filter((s) => s.role === 'regular').every((s) => isDown(s))) return;
    const sidecars = slots.filter((s) => s.role === 'sidecar');
    for (let i = sidecars.length - 1; i >= 0; i--) {
      const slot = sidecars[i];
      if (isDown(slot)) continue;
      if (activeStates(slot).has('stopping.waitingForTurn')) slot.actor.send({ type: 'TURN', now });
      return;
    }
  }

  private stopSlot(slot: ContainerSlot, graceMs: number, now: number, waitForTurn = false): void {
    const active = activeStates(slot);
    if (active.has('running')) {
      this.deps.scope.event('Normal', 'Killing', `Stopping container ${slot.spec.name}`, slot);
    }
    slot.actor.send({ type: 'STOP', graceMs: Math.max(graceMs, 0), restart: false, now, waitForTurn });
  }
}
