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
import { podMachine, type PodEffect } from '../machines/pod';
import { KUBELET_WATCH_DELAY_MS } from '../timing';
import { podQosClass } from '../../k8s';
import { downwardFields } from './container-config';
import { createSlots, type ContainerSlot } from './container-slots';
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
import { StartSequence } from './start-sequence';
import { Termination } from './termination';

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
  /** status.nominatedNodeName: where DefaultPreemption made room for it (cleared once bound). */
  private nominated?: string;
  /** Endpoints the scenario made answer differently. */
  private readonly endpoints = new EndpointOverrides();
  private readonly probes: ProbeWorkers;
  private readonly effects: ContainerEffects;
  private readonly sequence: StartSequence;
  private readonly termination: Termination;

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
    const { podActor, slots } = this;
    // The kubelet's own parts act on the deletion once its watch delivered it, not at the API write.
    const kubeletTerminating = () => this.termination.heard;
    this.probes = new ProbeWorkers({ scope, endpoints: this.endpoints, sandbox, isDeleting: kubeletTerminating, reconcile });
    this.effects = new ContainerEffects({
      scope,
      node: () => this.host,
      sandbox,
      fields: () => this.fields(),
      volumeFiles: () => podVolumeFiles(scope, sandbox),
      reconcile,
      triggerReadiness: (slot) => this.probes.triggerReadiness(slot),
    });
    this.sequence = new StartSequence({ scope, podActor, slots, mayStart: () => !kubeletTerminating() && Boolean(this.sandbox) });
    this.termination = new Termination({
      scope,
      podActor,
      slots,
      sandbox,
      setCondition: (type, status, reason, message) => this.setCondition(type, status, reason, message),
      freezeApi: () => this.freezeApi(),
      reconcile,
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
    return this.termination.deletion !== undefined;
  }

  /** Succeeded or Failed: it holds no node resources and no controller counts it as active. */
  get isTerminal(): boolean {
    const phase = this.snapshot()?.status?.phase;
    return phase === 'Succeeded' || phase === 'Failed';
  }

  get isRemoved(): boolean {
    return this.termination.removed;
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

  /**
   * status.startTime as the API stores it, to the second (metav1.Time): when it was bound. Preemption
   * spares pods that started earlier (util.MoreImportantPod); two started in the same second tie.
   */
  get startedAt(): number | undefined {
    return this.startTime === undefined ? undefined : Math.floor(this.startTime / 1000) * 1000;
  }

  /** The node DefaultPreemption nominated it to (schedule_one.go handleSchedulingFailure writes status.nominatedNodeName). */
  get nominatedNodeName(): string | undefined {
    return this.nominated;
  }

  /** Set or clear status.nominatedNodeName. */
  nominate(node: string | undefined): void {
    if (this.nominated === node) return;
    this.nominated = node;
    this.scope.touch();
  }

  /** Bound by the scheduler (a Scheduled event), or taken directly because spec.nodeName names this node. */
  bind(host: NodeHost, options: { viaScheduler: boolean } = { viaScheduler: true }): void {
    this.scope.touch();
    this.host = host;
    this.scheduled = { status: 'True' };
    // The binding clears the nomination (ClearingNominatedNodeNameAfterBinding, beta and on in 1.35).
    this.nominated = undefined;
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
        this.sequence.advance();
        break;
      case 'killAll':
        this.termination.killAll();
        break;
      case 'teardown':
        this.probes.stop(this.slots);
        break;
      case 'remove':
        this.probes.stop(this.slots);
        this.sandbox?.destroy();
        this.termination.markRemoved();
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

  /** Called after every container or probe change: moves sequencing and the pod's end along. */
  private reconcile(): void {
    if (this.isRemoved) return;
    const pod = this.podActor.getSnapshot();
    // A terminal phase (an init container failed under Never) ends the pod worker's sync: the sandbox goes.
    if (pod.matches('syncing') && this.isTerminal) {
      this.podActor.send({ type: 'ALL_EXITED' });
      return;
    }
    if (pod.matches({ syncing: 'initializing' })) this.sequence.advance();
    if (pod.matches({ syncing: 'running' })) this.sequence.startNext();
    if (pod.matches('terminating') || pod.matches('evicting')) {
      this.termination.whileStopping(pod);
      return;
    }
    // `pod` is the state this sync began in: a pod that finished initializing just now is checked for its end at the next sync.
    if (pod.matches({ syncing: 'running' })) this.termination.endWhenMainContainersDone();
  }

  /** Logs of running containers, collected when the run ends. */
  flushLogs(): void {
    this.effects.flushLogs(this.slots);
  }

  /** Scenario actions aimed at this pod's containers. */
  act(action: SimAction): void {
    applyScenarioAction(action, this.slots, this.endpoints);
  }

  // ---------------------------------------------------------------- termination

  /**
   * The node's machine is gone: its kubelet, containers and probes stop where they are, and the API
   * keeps the last status the kubelet posted until someone deletes the object.
   */
  halt(): void {
    this.termination.halt();
  }

  /** A force deletion by the control plane when no kubelet will ever confirm it (PodGC): gone at once. */
  forceRemove(): void {
    this.termination.forceRemove();
  }

  /** kubectl delete: deletionTimestamp = now + grace; the kubelet, once its watch tells it, kills every container. */
  delete(graceSeconds?: number): void {
    this.termination.delete(graceSeconds);
  }

  /** Node-pressure eviction: false when the pod is not one the kubelet can evict now. */
  evict(resource: string, threshold: string, available: string): boolean {
    return this.termination.evict(resource, threshold, available);
  }

  // ---------------------------------------------------------------- the API object

  /**
   * Set a condition from outside the kubelet (readiness gates, DisruptionTarget): in the API at once;
   * the kubelet reads a readiness gate from its own copy, which its watch updates KUBELET_WATCH_DELAY_MS later.
   */
  setCondition(type: string, status: 'True' | 'False' | 'Unknown', reason?: string, message?: string): void {
    const { api, env } = this.scope;
    api.setCondition(type, status, this.scope.now(), reason, message);
    this.scope.touch();
    const written = api.writtenConditions;
    env.clock.setTimeout(() => {
      api.kubeletSees(written);
      this.scope.touch();
    }, KUBELET_WATCH_DELAY_MS);
  }

  /** The Pod as the API server returns it now; the same object while nothing changed. */
  snapshot(): Pod | undefined {
    if (this.isRemoved) return undefined;
    const { deletion, eviction } = this.termination;
    return this.scope.api.snapshot(() => this.facts(), { deletion, eviction, nominatedNodeName: this.nominated });
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
    this.termination.resume();
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
