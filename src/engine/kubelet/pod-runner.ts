/**
 * The kubelet for one Pod: it starts the pod, container and probe actors, does the work their
 * effects ask for against the simulated runtime, records Events worded as the kubelet words them,
 * and builds the Pod object the API server would return.
 *
 * This class is what the rest of the engine holds; it keeps the pod's placement (node, sandbox, IP)
 * and wires the parts that do the work: container-slots (a container's actors and state),
 * start-sequence (which container starts next), container-effects (image, create/start, hooks),
 * probe-workers (the prober), termination (deletion, eviction, the kill), scenario-actions and
 * endpoint-overrides (what a scenario does to the containers), kubelet-facts (the status input).
 *
 * Sources: pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod, computePodActions),
 * kuberuntime_container.go (startContainer, killContainer), pkg/kubelet/prober, pkg/kubelet/pod_workers.go.
 */
import { createActor, type Actor } from 'xstate';
import type { Pod } from 'kubernetes-types/core/v1';
import type { SimPodSandbox } from '../../runtime';
import type { SimAction } from '../input';
import type { Listener } from '../../runtime/types';
import { wantsRestart } from '../machines/container';
import { podMachine, type PodEffect } from '../machines/pod';
import { KUBELET_SYNC_MS } from '../timing';
import { parseQuantity, podQosClass } from '../../k8s';
import { downwardFields } from './container-config';
import { activeStates, createSlots, hasProbe, isDown, isStarted, type ContainerSlot } from './container-slots';
import { ContainerEffects } from './container-effects';
import { EndpointOverrides } from './endpoint-overrides';
import type { KubeletEnv } from './kubelet-env';
import { kubeletFacts } from './kubelet-facts';
import type { KubeletFacts } from './api-view';
import type { NodeHost } from './node-host';
import { createPodSandbox, podVolumeFiles } from './pod-sandbox';
import { PodScope } from './pod-scope';
import { ProbeWorkers } from './probe-workers';
import { applyScenarioAction } from './scenario-actions';

export type { KubeletEnv } from './kubelet-env';

export class PodRunner {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly podRef: string;
  private readonly scope: PodScope;
  private readonly createdAt: number;
  private readonly podActor: Actor<typeof podMachine>;
  private readonly slots: ContainerSlot[] = [];
  private sandbox?: SimPodSandbox;
  /** The node this pod is bound to (none while Pending). */
  private host?: NodeHost;
  private podIP?: string;
  private scheduled: { status: 'True' | 'False'; reason?: string; message?: string } | undefined;
  private startTime?: number;
  /** Endpoints the scenario made answer differently. */
  private readonly endpoints = new EndpointOverrides();
  private readonly probes: ProbeWorkers;
  private readonly effects: ContainerEffects;
  private deletion?: { at: number; graceMs: number; deadline: number };
  /** Set when the kubelet evicted the pod for node pressure: phase Failed, reason Evicted. */
  private eviction?: { message: string };
  private startQueue: ContainerSlot[] = [];
  private starting?: ContainerSlot;
  private removed = false;
  private sidecarsStopping = false;
  /** The stage (evicting, terminating) whose end the pod worker has already noticed. */
  private stopNoticed?: 'evicting' | 'terminating';

  constructor(
    private readonly pod: Pod,
    env: KubeletEnv,
    createdAt: number,
  ) {
    const scope = new PodScope(pod, env);
    this.scope = scope;
    this.name = scope.name;
    this.namespace = scope.namespace;
    this.uid = scope.uid;
    this.podRef = scope.podRef;
    this.createdAt = createdAt;
    this.podActor = createActor(podMachine, { clock: env.clock, inspect: env.recorder.inspect });
    env.recorder.track(this.podActor.sessionId, `pod/${this.name}`, 'pod');
    this.podActor.on('*', (effect) => this.onPodEffect(effect));
    this.podActor.subscribe(() => scope.touch());
    const sandbox = () => this.sandbox;
    const reconcile = () => this.reconcile();
    this.probes = new ProbeWorkers({ scope, endpoints: this.endpoints, sandbox, isDeleting: () => this.isDeleting, reconcile });
    this.effects = new ContainerEffects({
      scope,
      node: () => this.host,
      sandbox,
      fields: () => this.fields(),
      volumeFiles: () => podVolumeFiles(scope, sandbox),
      reconcile,
      triggerReadiness: (slot) => this.probes.triggerReadiness(slot),
    });
  }

  /** The pod's IP once its sandbox exists (for pod-to-pod traffic and Services). */
  get ip(): string | undefined {
    return this.isRemoved ? undefined : this.podIP;
  }

  /** What answers on this pod's IP at `port`. */
  listener(port: number): Listener | undefined {
    return this.isRemoved ? undefined : this.sandbox?.net.listener(port);
  }

  /** What a setEndpoint action made `port` + `path` answer (for clients outside the pod too). */
  endpointOverride(port: number, path: string): { status?: number; timeout?: boolean } | undefined {
    return this.endpoints.get(port, path);
  }

  /** Bound to the node by the scheduler. */
  get isBound(): boolean {
    return this.scheduled?.status === 'True';
  }

  /** Deleted (deletionTimestamp set) but maybe not gone yet. */
  get isDeleting(): boolean {
    return this.deletion !== undefined;
  }

  /** Succeeded or Failed: it holds no node resources and no controller counts it as active. */
  get isTerminal(): boolean {
    const phase = this.snapshot()?.status?.phase;
    return phase === 'Succeeded' || phase === 'Failed';
  }

  get isRemoved(): boolean {
    return this.removed;
  }

  get spec(): Pod {
    return this.pod;
  }

  start(): void {
    this.podActor.start();
  }

  // ---------------------------------------------------------------- scheduling

  /** The node this pod is bound to. */
  get nodeName(): string | undefined {
    return this.host?.name;
  }

  /** Bound by the scheduler (a Scheduled event), or taken directly because spec.nodeName names this node. */
  bind(host: NodeHost, options: { viaScheduler: boolean } = { viaScheduler: true }): void {
    this.scope.touch();
    this.host = host;
    this.scheduled = { status: 'True' };
    if (options.viaScheduler) {
      this.scope.event('Normal', 'Scheduled', `Successfully assigned ${this.namespace}/${this.name} to ${host.name}`, undefined, 'default-scheduler');
    }
    this.startTime = this.scope.now();
    this.slots.push(...createSlots(this.scope, { onContainerEffect: (slot, effect) => this.effects.handle(slot, effect), addProbeWorkers: (slot) => this.probes.add(slot) }));
    for (const slot of this.slots) slot.actor.start();
    // SyncPod adds the pod to the prober manager before it creates the sandbox: workers tick from here.
    this.probes.start(this.slots);
    this.podActor.send({ type: 'BIND' });
  }

  unschedulable(message: string): void {
    this.scheduled = { status: 'False', reason: 'Unschedulable', message };
    this.scope.event('Warning', 'FailedScheduling', message, undefined, 'default-scheduler');
    this.podActor.send({ type: 'UNSCHEDULABLE' });
  }

  // ---------------------------------------------------------------- the pod worker

  private onPodEffect(effect: PodEffect): void {
    switch (effect.type) {
      case 'sandboxReady':
        this.createSandbox();
        break;
      case 'startInit':
        this.advance();
        break;
      case 'killAll':
        this.killAll();
        break;
      case 'teardown':
        this.probes.stop(this.slots);
        break;
      case 'remove':
        this.probes.stop(this.slots);
        this.sandbox?.destroy();
        this.removed = true;
        break;
    }
  }

  private createSandbox(): void {
    this.scope.touch();
    if (!this.host) return;
    const created = createPodSandbox(this.scope, this.host, this.fields());
    if (!created) return;
    this.podIP = created.ip;
    this.sandbox = created.sandbox;
  }

  private fields(): Record<string, string> {
    return downwardFields(this.pod, { uid: this.uid, nodeName: this.host?.name ?? '', podIP: this.podIP, hostIP: this.host?.ip ?? '' });
  }

  /** Logs of running containers, collected when the run ends. */
  flushLogs(): void {
    this.effects.flushLogs(this.slots);
  }

  /** Scenario actions aimed at this pod's containers. */
  act(action: SimAction): void {
    applyScenarioAction(action, this.slots, this.endpoints);
  }

  // ---------------------------------------------------------------- sequencing (computePodActions)

  /** A sidecar counts once started; a regular init container once the kubelet's relist saw it exit 0. */
  private initDone(slot: ContainerSlot): boolean {
    if (slot.role === 'sidecar') {
      // computeInitContainerActions moves on at the sync that sees the sidecar running: the relist
      // after its start, or the startup probe's success (which triggers a sync itself).
      if (!isStarted(slot)) return false;
      if (hasProbe(slot, 'startup')) return true;
      const startedAt = slot.actor.getSnapshot().context.startedAt ?? 0;
      return this.scope.env.clock.now() - startedAt >= KUBELET_SYNC_MS;
    }
    const ctx = slot.actor.getSnapshot().context;
    const exit = ctx.current;
    return activeStates(slot).has('terminated') && exit?.exitCode === 0 && this.scope.env.clock.now() - exit.finishedAt >= KUBELET_SYNC_MS;
  }

  /** Start the next init container, or, once all are done, the regular containers in order. */
  private advance(): void {
    const pod = this.podActor.getSnapshot();
    if (!pod.matches({ syncing: 'initializing' }) || this.deletion || !this.sandbox) return;
    for (const slot of this.slots.filter((s) => s.role !== 'regular')) {
      if (this.initDone(slot)) continue;
      if (activeStates(slot).has('waiting.blocked')) slot.actor.send({ type: 'START' });
      return;
    }
    this.podActor.send({ type: 'INITIALIZED' });
    this.startQueue = this.slots.filter((s) => s.role === 'regular');
    this.startNext();
  }

  /** SyncPod starts containers one after another: pull, create, start, postStart, then the next. */
  private startNext(): void {
    if (this.starting) {
      const active = activeStates(this.starting);
      const busy = active.has('waiting.pulling') || active.has('waiting.creating') || active.has('running.postStart');
      if (busy) return;
      this.starting = undefined;
    }
    const next = this.startQueue.shift();
    if (!next) return;
    this.starting = next;
    next.actor.send({ type: 'START' });
    this.startNext();
  }

  // ---------------------------------------------------------------- termination

  /**
   * The node's machine is gone: its kubelet, containers and probes stop where they are, and the API
   * keeps the last status the kubelet posted until someone deletes the object.
   */
  halt(): void {
    if (this.removed) return;
    this.freezeApi();
    for (const slot of this.slots) {
      for (const p of slot.probes) p.actor.stop();
      slot.actor.stop();
    }
    this.podActor.stop();
    this.sandbox?.destroy();
  }

  /**
   * A force deletion (grace period 0) by the control plane when no kubelet will ever confirm it,
   * as PodGC does for a pod whose node no longer exists: the object is gone at once.
   */
  forceRemove(): void {
    if (this.removed) return;
    this.scope.touch();
    this.removed = true;
  }

  /** kubectl delete: deletionTimestamp = now + grace; the kubelet then kills every container. */
  delete(graceSeconds?: number): void {
    if (this.deletion || this.removed) return;
    this.scope.touch();
    const now = this.scope.env.clock.now();
    const grace = graceSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30;
    this.deletion = { at: now, graceMs: grace * 1000, deadline: now + grace * 1000 };
    // A kubelet that cannot be reached never hears of the deletion: the pod stays Terminating.
    if (this.scope.api.isFrozen) return;
    const pod = this.podActor.getSnapshot();
    if (pod.matches('scheduling') || pod.matches('unschedulable') || pod.matches('finished')) {
      // Not running anywhere (or already finished): the API server removes it at once.
      this.podActor.send({ type: 'DELETE' });
      if (!this.removed) this.removed = true;
      return;
    }
    this.podActor.send({ type: 'DELETE' });
  }

  /**
   * Node-pressure eviction (pkg/kubelet/eviction/eviction_manager.go evictPod): event Evicted, the
   * DisruptionTarget condition, every container killed with grace period 0, phase Failed.
   */
  evict(resource: string, threshold: string, available: string): boolean {
    const pod = this.podActor.getSnapshot();
    if (this.removed || this.deletion || this.eviction || !pod.matches('syncing')) return false;
    // evictionMessage lists only the containers using more than they requested.
    const usage = this.slots
      .filter((s) => s.runtime?.running())
      .map((s) => ({ s, used: s.runtime?.memory() ?? 0, request: s.spec.resources?.requests?.[resource] }))
      .filter(({ used, request }) => used > (request === undefined ? 0 : parseQuantity(request)))
      .map(({ s, used, request }) => `Container ${s.spec.name} was using ${Math.round(used / 1024)}Ki, request is ${request ?? '0'}, has larger consumption of ${resource}. `)
      .join('');
    const message = `The node was low on resource: ${resource}. Threshold quantity: ${threshold}, available: ${available}. ${resource === 'memory' ? usage : ''}`;
    this.eviction = { message };
    this.scope.event('Warning', 'Evicted', message);
    this.setCondition('DisruptionTarget', 'True', 'TerminationByKubelet', message);
    this.podActor.send({ type: 'EVICT' });
    return true;
  }

  private killAll(): void {
    const now = this.scope.env.clock.now();
    // eviction_manager: immediateEvictionGracePeriodSeconds = 1 for hard thresholds.
    const graceMs = this.eviction ? 1_000 : this.deletion?.graceMs ?? 30_000;
    // killContainersWithSyncResult stops every container at once: Killing and preStop for all;
    // a sidecar's TERM then waits for its turn (see releaseSidecars).
    for (const slot of this.slots) this.stopSlot(slot, graceMs, now, slot.role === 'sidecar');
    this.scope.env.clock.setTimeout(() => this.reconcile(), 0);
  }

  /**
   * newTerminationOrdering: main containers first, then sidecars in reverse order. The last sidecar
   * still waiting gets its turn once every main container and every later sidecar is down.
   */
  private releaseSidecars(): void {
    const now = this.scope.env.clock.now();
    if (!this.slots.filter((s) => s.role === 'regular').every((s) => isDown(s))) return;
    const sidecars = this.slots.filter((s) => s.role === 'sidecar');
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
      this.scope.event('Normal', 'Killing', `Stopping container ${slot.spec.name}`, slot);
    }
    slot.actor.send({ type: 'STOP', graceMs: Math.max(graceMs, 0), restart: false, now, waitForTurn });
  }

  /** Called after every container or probe change: moves sequencing and the pod's end along. */
  private reconcile(): void {
    if (this.removed) return;
    const pod = this.podActor.getSnapshot();
    const now = this.scope.env.clock.now();
    // A terminal phase (an init container failed under Never) ends the pod worker's sync: the sandbox goes.
    if (pod.matches('syncing') && this.isTerminal) {
      this.podActor.send({ type: 'ALL_EXITED' });
      return;
    }
    if (pod.matches({ syncing: 'initializing' })) this.advance();
    if (pod.matches({ syncing: 'running' })) this.startNext();
    const regulars = this.slots.filter((s) => s.role === 'regular');
    const sidecars = this.slots.filter((s) => s.role === 'sidecar');
    if (pod.matches('terminating') || pod.matches('evicting')) {
      this.releaseSidecars();
      if (regulars.every((s) => isDown(s))) {
        const running = sidecars.filter((s) => !isDown(s));
        // The pod worker sees every container gone at its next relist (once, however many changes led here).
        const stage = pod.matches('evicting') ? 'evicting' : 'terminating';
        if (running.length === 0 && this.stopNoticed !== stage) {
          this.stopNoticed = stage;
          this.scope.env.clock.setTimeout(() => this.podActor.send({ type: 'ALL_STOPPED' }), KUBELET_SYNC_MS);
        }
      }
      return;
    }
    if (pod.matches({ syncing: 'running' }) && regulars.length > 0) {
      const done = regulars.every((s) => activeStates(s).has('terminated') && !wantsRestart(s.actor.getSnapshot().context));
      if (done) {
        const running = sidecars.filter((s) => !isDown(s));
        // Every main container is done for good: the sidecars go, in the same reverse order.
        if (running.length > 0 && !this.sidecarsStopping) {
          this.sidecarsStopping = true;
          const grace = (this.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
          for (const s of running) this.stopSlot(s, grace, now, true);
        }
        this.releaseSidecars();
        if (running.length === 0) this.podActor.send({ type: 'ALL_EXITED' });
      }
    }
  }

  // ---------------------------------------------------------------- the API object

  /** Set a condition from outside the kubelet (readiness gates, DisruptionTarget). */
  setCondition(type: string, status: 'True' | 'False' | 'Unknown', reason?: string, message?: string): void {
    this.scope.api.setCondition(type, status, this.scope.now(), reason, message);
    this.scope.touch();
  }

  /** The Pod as the API server returns it now; the same object while nothing changed. */
  snapshot(): Pod | undefined {
    if (this.isRemoved) return undefined;
    return this.scope.api.snapshot(() => this.facts(), { deletion: this.deletion, eviction: this.eviction });
  }

  /** The node stopped reporting: the API keeps the kubelet's last word; the kubelet keeps running. */
  freezeApi(): void {
    if (!this.isRemoved) this.scope.api.freeze(this.facts());
    this.scope.touch();
  }

  /** The node reports again: the kubelet's status flows again (and it sees a pending deletion). */
  thawApi(): void {
    if (!this.scope.api.isFrozen) return;
    this.scope.api.thaw();
    this.scope.touch();
    if (this.isDeleting && !this.podActor.getSnapshot().matches('terminating')) this.podActor.send({ type: 'DELETE' });
  }

  markNotReady(): void {
    this.scope.api.markNotReady(this.scope.now());
    this.scope.touch();
  }

  qos(): string {
    return podQosClass(this.pod);
  }

  private facts(): KubeletFacts {
    return kubeletFacts({
      scope: this.scope,
      pod: this.podActor.getSnapshot(),
      slots: this.slots,
      createdAt: this.createdAt,
      node: this.host,
      scheduled: this.scheduled,
      startTime: this.startTime,
      podIP: this.podIP,
      hasSandbox: Boolean(this.sandbox),
    });
  }
}
