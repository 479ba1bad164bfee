/**
 * The kubelet for one Pod: it starts the pod, container and probe actors, does the work their
 * effects ask for against the simulated runtime, records Events worded as the kubelet words them,
 * and builds the Pod object the API server would return.
 *
 * Sources: pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod, computePodActions),
 * kuberuntime_container.go (startContainer, killContainer), pkg/kubelet/prober, pkg/kubelet/pod_workers.go.
 */
import { createActor, type Actor } from 'xstate';
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { ContainerConfig } from '../../runtime/sandbox-types';
import { createPodNetwork, type SimPodSandbox, type SimRuntimeContainer } from '../../runtime';
import { probeHttp } from '../../runtime/probe-answers';
import type { SimAction } from '../input';
import type { ExitStatus, Listener } from '../../runtime/types';
import { containerMachine, wantsRestart, type ContainerEffect, type ContainerRole, type RestartPolicy } from '../machines/container';
import { podMachine, type PodEffect } from '../machines/pod';
import { probeMachine, type ProbeResult, type ProbeTarget, type ProbeType } from '../machines/probe';
import { activePaths } from '../recorder';
import { containerStatus, reportedRunning } from './container-status';
import { runHook, runProbe } from './handlers';
import type { NodeHost } from './node-host';
import { parseQuantity, podQosClass } from '../../k8s';
import type { KubeletFacts } from './api-view';
import type { KubeletEnv } from './kubelet-env';
import { PodScope } from './pod-scope';
import { ContainerConfigError, containerConfig, downwardFields } from './container-config';
import { podVolumes } from './volume-payload';
import { volumeHostPath, type PodVolumeFiles } from './env-file';
import { KUBELET_SYNC_MS } from '../timing';
import { imageDigest } from '../ids';

export type { KubeletEnv } from './kubelet-env';

interface ContainerSlot {
  spec: Container;
  role: ContainerRole;
  fieldPath: string;
  actor: Actor<typeof containerMachine>;
  probes: Array<{ type: ProbeType; actor: Actor<typeof probeMachine> }>;
  runtime?: SimRuntimeContainer;
  containerIds: string[];
  imageID: string;
  readiness: ProbeResult | undefined;
  startup: ProbeResult | undefined;
}

const PROBE_FIELDS: Record<ProbeType, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> = {
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
  startup: 'startupProbe',
};

const PROBE_NAMES: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export class PodRunner {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  readonly podRef: string;
  private readonly podActor: Actor<typeof podMachine>;
  private readonly slots: ContainerSlot[] = [];
  private sandbox?: SimPodSandbox;
  /** The node this pod is bound to (none while Pending). */
  private host?: NodeHost;
  /** Endpoints the scenario made answer differently: `port path` → status or a timeout. */
  private readonly endpointOverrides = new Map<string, { status?: number; timeout?: boolean }>();
  private podIP?: string;
  private scheduled: { status: 'True' | 'False'; reason?: string; message?: string } | undefined;
  private startTime?: number;
  private deletion?: { at: number; graceMs: number; deadline: number };
  /** Set when the kubelet evicted the pod for node pressure: phase Failed, reason Evicted. */
  private eviction?: { message: string };
  private startQueue: ContainerSlot[] = [];
  private starting?: ContainerSlot;
  private removed = false;
  private sidecarsStopping = false;
  /** The stage (evicting, terminating) whose end the pod worker has already noticed. */
  private stopNoticed?: 'evicting' | 'terminating';
  private readonly scope: PodScope;
  private readonly activeCache = new WeakMap<object, Set<string>>();
  private readonly targetCache = new WeakMap<object, { startup: ProbeResult | undefined; deleting: boolean; target: ProbeTarget }>();

  constructor(
    private readonly pod: Pod,
    private readonly env: KubeletEnv,
    createdAt: number,
  ) {
    this.scope = new PodScope(pod, env);
    this.name = this.scope.name;
    this.namespace = this.scope.namespace;
    this.uid = this.scope.uid;
    this.podRef = this.scope.podRef;
    this.createdAt = createdAt;
    this.podActor = this.track(createActor(podMachine, this.actorOptions()), `pod/${this.name}`, 'pod');
    this.podActor.on('*', (effect) => this.onPodEffect(effect));
    this.podActor.subscribe(() => this.scope.touch());
  }

  private readonly createdAt: number;

  private actorOptions() {
    return { clock: this.env.clock, inspect: this.env.recorder.inspect };
  }

  private track<T extends Actor<typeof podMachine> | Actor<typeof containerMachine> | Actor<typeof probeMachine>>(
    actor: T,
    id: string,
    kind: 'pod' | 'container' | 'probe',
  ): T {
    this.env.recorder.track(actor.sessionId, id, kind);
    return actor;
  }

  /** The pod's IP once its sandbox exists (for pod-to-pod traffic and Services). */
  get ip(): string | undefined {
    return this.removed ? undefined : this.podIP;
  }

  /** What answers on this pod's IP at `port`. */
  listener(port: number): Listener | undefined {
    return this.removed ? undefined : this.sandbox?.net.listener(port);
  }

  /** What a setEndpoint action made `port` + `path` answer (for clients outside the pod too). */
  endpointOverride(port: number, path: string): { status?: number; timeout?: boolean } | undefined {
    return this.endpointOverrides.get(`${port} ${path}`) ?? this.endpointOverrides.get(`${port} `);
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
    this.startTime = this.env.clock.now();
    this.createSlots();
    this.podActor.send({ type: 'BIND' });
  }

  unschedulable(message: string): void {
    this.scheduled = { status: 'False', reason: 'Unschedulable', message };
    this.scope.event('Warning', 'FailedScheduling', message, undefined, 'default-scheduler');
    this.podActor.send({ type: 'UNSCHEDULABLE' });
  }

  private restartPolicyFor(container: Container, role: ContainerRole): RestartPolicy {
    if (role === 'sidecar') return 'Always';
    const policy = (container.restartPolicy as RestartPolicy | undefined) ?? (this.pod.spec?.restartPolicy as RestartPolicy | undefined);
    return policy ?? 'Always';
  }

  private createSlots(): void {
    const spec = this.pod.spec;
    const add = (container: Container, role: ContainerRole, fieldPath: string) => {
      const actor = this.track(
        createActor(containerMachine, {
          ...this.actorOptions(),
          input: {
            name: container.name,
            role,
            restartPolicy: this.restartPolicyFor(container, role),
            hasPostStart: Boolean(container.lifecycle?.postStart),
            hasPreStop: Boolean(container.lifecycle?.preStop),
            podGraceMs: (this.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000,
          },
        }),
        `pod/${this.name}/container/${container.name}`,
        'container',
      );
      const slot: ContainerSlot = { spec: container, role, fieldPath, actor, probes: [], containerIds: [], imageID: '', readiness: undefined, startup: undefined };
      actor.on('*', (effect) => this.onContainerEffect(slot, effect));
      actor.subscribe(() => this.scope.touch());
      this.slots.push(slot);
      // Probe workers start when the kubelet first syncs the pod (prober manager AddPod).
      for (const type of ['startup', 'liveness', 'readiness'] as const) {
        const probe = container[PROBE_FIELDS[type]];
        if (!probe) continue;
        // Probe workers step most often: the recorder follows them without the inspection stream.
        const probeActor = this.env.recorder.follow(
          probeMachine,
          {
            clock: this.env.clock,
            input: {
              type,
              container: container.name,
              periodMs: (probe.periodSeconds ?? 10) * 1000,
              initialDelaySeconds: probe.initialDelaySeconds ?? 0,
              successThreshold: probe.successThreshold ?? 1,
              failureThreshold: probe.failureThreshold ?? 3,
              observe: () => this.probeTarget(slot),
              now: () => this.env.clock.now(),
            },
          },
          `pod/${this.name}/container/${container.name}/probe/${type}`,
          'probe',
        );
        probeActor.on('*', (effect) => this.onProbeEffect(slot, type, effect));
        slot.probes.push({ type, actor: probeActor });
      }
    };
    (spec?.initContainers ?? []).forEach((c) => add(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', `spec.initContainers{${c.name}}`));
    (spec?.containers ?? []).forEach((c) => add(c, 'regular', `spec.containers{${c.name}}`));
    for (const slot of this.slots) slot.actor.start();
    // SyncPod adds the pod to the prober manager before it creates the sandbox: workers tick from here.
    this.startProbeWorkers();
  }

  private startProbeWorkers(): void {
    for (const slot of this.slots) for (const p of slot.probes) p.actor.start();
  }

  // ---------------------------------------------------------------- pod effects

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
        this.stopProbeWorkers();
        break;
      case 'remove':
        this.stopProbeWorkers();
        this.sandbox?.destroy();
        this.removed = true;
        break;
    }
  }

  private createSandbox(): void {
    this.scope.touch();
    // Volumes are mounted before the sandbox exists; one that cannot be keeps the pod ContainerCreating.
    const host = this.host;
    if (!host) return;
    const { volumes, failures } = podVolumes(this.pod, { fields: this.fields(), store: this.env.store, allocatable: host.allocatable, now: this.env.clock.now(), uid: this.uid });
    if (failures.length > 0) {
      for (const message of failures) this.scope.event('Warning', 'FailedMount', message);
      return;
    }
    this.podIP = host.allocatePodIP();
    this.sandbox = this.env.runtime.createSandbox(
      {
        podName: this.name,
        namespace: this.namespace,
        hostname: this.pod.spec?.hostname ?? this.name,
        ip: this.podIP,
        volumes,
        shareProcessNamespace: Boolean(this.pod.spec?.shareProcessNamespace),
        ...this.env.sandboxExtras,
        hostFs: host.hostFs,
      },
      this.env.clock,
    );
  }

  /** The Pod's volumes on the node, for fileKeyRef (the sandbox holds their contents). */
  private volumeFiles(): PodVolumeFiles {
    return {
      hostPath: (volume) => (this.sandbox?.volume(volume) ? volumeHostPath(this.pod, this.uid, volume) : undefined),
      read: (volume, path) => this.sandbox?.volume(volume)?.read(`/${path.replace(/^\/+/, '')}`),
    };
  }

  private fields(): Record<string, string> {
    return downwardFields(this.pod, { uid: this.uid, nodeName: this.host?.name ?? '', podIP: this.podIP, hostIP: this.host?.ip ?? '' });
  }

  // ---------------------------------------------------------------- sequencing (computePodActions)

  private snapshotActive(slot: ContainerSlot): Set<string> {
    const snapshot = slot.actor.getSnapshot();
    let active = this.activeCache.get(snapshot);
    if (!active) {
      active = new Set(activePaths(snapshot.value));
      this.activeCache.set(snapshot, active);
    }
    return active;
  }

  private isStarted(slot: ContainerSlot): boolean {
    if (!reportedRunning(this.snapshotActive(slot), slot.actor.getSnapshot().context)) return false;
    const hasStartup = slot.probes.some((p) => p.type === 'startup');
    return !hasStartup || slot.startup === 'Success';
  }

  /** A sidecar counts once started; a regular init container once the kubelet's relist saw it exit 0. */
  private initDone(slot: ContainerSlot): boolean {
    if (slot.role === 'sidecar') {
      // computeInitContainerActions moves on at the sync that sees the sidecar running: the relist
      // after its start, or the startup probe's success (which triggers a sync itself).
      if (!this.isStarted(slot)) return false;
      if (slot.probes.some((p) => p.type === 'startup')) return true;
      const startedAt = slot.actor.getSnapshot().context.startedAt ?? 0;
      return this.env.clock.now() - startedAt >= KUBELET_SYNC_MS;
    }
    const ctx = slot.actor.getSnapshot().context;
    const exit = ctx.current;
    return this.snapshotActive(slot).has('terminated') && exit?.exitCode === 0 && this.env.clock.now() - exit.finishedAt >= KUBELET_SYNC_MS;
  }

  /** Start the next init container, or, once all are done, the regular containers in order. */
  private advance(): void {
    const pod = this.podActor.getSnapshot();
    if (!pod.matches({ syncing: 'initializing' }) || this.deletion || !this.sandbox) return;
    for (const slot of this.slots.filter((s) => s.role !== 'regular')) {
      if (this.initDone(slot)) continue;
      if (this.snapshotActive(slot).has('waiting.blocked')) slot.actor.send({ type: 'START' });
      return;
    }
    this.podActor.send({ type: 'INITIALIZED' });
    this.startQueue = this.slots.filter((s) => s.role === 'regular');
    this.startNext();
  }

  /** SyncPod starts containers one after another: pull, create, start, postStart, then the next. */
  private startNext(): void {
    if (this.starting) {
      const active = this.snapshotActive(this.starting);
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

  // ---------------------------------------------------------------- container effects

  private onContainerEffect(slot: ContainerSlot, effect: ContainerEffect): void {
    const clock = this.env.clock;
    const spec = slot.spec;
    switch (effect.type) {
      case 'ensureImage':
        this.host?.puller.ensure(spec.image ?? '', spec.imagePullPolicy ?? 'IfNotPresent', { event: (t, r, m) => this.scope.event(t, r, m, slot) }, (outcome) => {
          if (outcome.kind === 'present' || outcome.kind === 'pulled') {
            slot.imageID = `${outcome.info.ref.registry}/${outcome.info.ref.repository}@${imageDigest(outcome.info.ref.normalized)}`;
            slot.actor.send({ type: 'IMAGE_READY' });
          } else if (outcome.kind === 'failed') slot.actor.send({ type: 'IMAGE_FAILED', message: outcome.message, now: clock.now() });
          else if (outcome.kind === 'invalid') slot.actor.send({ type: 'IMAGE_INVALID', message: outcome.message });
          else slot.actor.send({ type: 'IMAGE_NEVER_PULL', message: outcome.message });
        });
        break;
      case 'createAndStart':
        clock.setTimeout(() => this.createAndStart(slot), 0);
        break;
      case 'runPostStart':
      case 'runPreStop': {
        const handler = effect.type === 'runPostStart' ? spec.lifecycle?.postStart : spec.lifecycle?.preStop;
        if (!handler || !this.sandbox) break;
        runHook(handler, spec, this.sandbox, slot.runtime, clock, this.podRef, (outcome) => {
          if (outcome.ok) slot.actor.send({ type: 'HOOK_DONE', now: clock.now() });
          else {
            if (effect.type === 'runPostStart') this.scope.event('Warning', 'FailedPostStartHook', 'PostStartHook failed', slot);
            else this.scope.event('Warning', 'FailedPreStopHook', 'PreStopHook failed', slot);
            slot.actor.send({ type: 'HOOK_FAILED', message: outcome.message, now: clock.now() });
          }
        });
        break;
      }
      case 'postStartFailed':
        this.scope.event('Normal', 'Killing', 'FailedPostStartHook', slot);
        break;
      case 'signal':
        // StopContainer sends the image's STOPSIGNAL (TERM unless the image says otherwise), then KILL.
        slot.runtime?.signal(effect.signal === 'TERM' ? slot.runtime.stopSignal : 'KILL');
        break;
      case 'backOff':
        if (effect.kind === 'crash') {
          this.scope.event('Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${this.podRef}`, slot);
        } else {
          this.scope.event('Normal', 'BackOff', `Back-off pulling image "${spec.image}"`, slot);
          this.scope.event('Warning', 'Failed', 'Error: ImagePullBackOff', slot);
        }
        break;
      case 'terminated':
        // The next step (next init container, the pod's end) waits for the relist that sees the exit.
        clock.setTimeout(() => this.reconcile(), KUBELET_SYNC_MS);
        break;
      case 'ready':
        // The status sync after the start (the next relist) asks a not-ready readiness worker to run now.
        clock.setTimeout(() => {
          this.triggerReadiness(slot);
          this.reconcile();
        }, KUBELET_SYNC_MS);
        break;
    }
    // Any container change can unblock the start sequence, init, or the pod's end.
    clock.setTimeout(() => this.reconcile(), 0);
  }

  private createAndStart(slot: ContainerSlot): void {
    const clock = this.env.clock;
    if (!this.sandbox) return;
    const resolved = this.env.runtime.catalogue.resolve(slot.spec.image ?? '');
    if (!('ref' in resolved)) return;
    let config: ContainerConfig;
    try {
      config = containerConfig(slot.spec, resolved, {
        fields: this.fields(),
        allocatable: this.host?.allocatable ?? {},
        store: this.env.store,
        namespace: this.namespace,
        volumes: this.volumeFiles(),
      });
    } catch (err) {
      if (!(err instanceof ContainerConfigError)) throw err;
      this.scope.event('Warning', 'Failed', `Error: ${err.message}`, slot);
      slot.actor.send({ type: 'CONFIG_ERROR', message: err.message });
      return;
    }
    const runtimeContainer = this.sandbox.createContainer(config);
    slot.runtime = runtimeContainer;
    slot.containerIds.push(`containerd://${this.env.ids.hex(64)}`);
    const instance = slot.containerIds.length;
    // Since 1.35 the messages no longer repeat the name: describe prefixes the fieldPath instead.
    this.scope.event('Normal', 'Created', 'Container created', slot);
    const result = runtimeContainer.start((status: ExitStatus) => {
      this.collectLogs(slot, runtimeContainer, instance);
      // An exit of an instance that was already replaced tells the kubelet nothing new.
      if (slot.containerIds.length !== instance) return;
      slot.actor.send({ type: 'EXITED', status, now: clock.now() });
    });
    if (!result.ok) {
      this.scope.event('Warning', 'Failed', `Error: ${result.message}`, slot);
      slot.actor.send({ type: 'START_FAILED', exitCode: result.exitCode, message: result.message, now: clock.now() });
      return;
    }
    this.scope.event('Normal', 'Started', 'Container started', slot);
    slot.actor.send({ type: 'PROCESS_STARTED', now: clock.now() });
  }

  private collectLogs(slot: ContainerSlot, runtimeContainer: SimRuntimeContainer, instance: number): void {
    const key = `${this.name}/${slot.spec.name}`;
    const list = (this.env.logs[key] ??= []);
    for (const line of runtimeContainer.logs()) list.push({ ...line, instance });
  }

  /** Logs of running containers, collected when the run ends. */
  flushLogs(): void {
    for (const slot of this.slots) {
      if (slot.runtime?.running()) this.collectLogs(slot, slot.runtime, slot.containerIds.length);
    }
  }

  // ---------------------------------------------------------------- probes

  private probeTarget(slot: ContainerSlot): ProbeTarget {
    // A probe worker asks several times per decision; the answer only changes with the container's
    // snapshot, its startup result or the pod's deletion.
    const snapshot = slot.actor.getSnapshot();
    const deleting = this.deletion !== undefined;
    const cached = this.targetCache.get(snapshot);
    if (cached && cached.startup === slot.startup && cached.deleting === deleting) return cached.target;
    const target = this.computeProbeTarget(slot);
    this.targetCache.set(snapshot, { startup: slot.startup, deleting, target });
    return target;
  }

  private computeProbeTarget(slot: ContainerSlot): ProbeTarget {
    const active = this.snapshotActive(slot);
    const ctx = slot.actor.getSnapshot().context;
    return {
      instance: ctx.instances,
      running: reportedRunning(active, ctx),
      terminated: active.has('terminated'),
      startedAt: ctx.startedAt,
      started: this.isStarted(slot),
      podDeleting: Boolean(this.deletion),
      restartPolicyNever: ctx.restartPolicy === 'Never',
    };
  }

  private onProbeEffect(slot: ContainerSlot, type: ProbeType, effect: { type: 'probe' } | { type: 'result'; result: ProbeResult }): void {
    const probe = slot.spec[PROBE_FIELDS[type]];
    const clock = this.env.clock;
    const worker = slot.probes.find((p) => p.type === type);
    if (!probe || !worker) return;
    if (effect.type === 'probe') {
      if (!this.sandbox) return;
      const sentAt = clock.now();
      runProbe(probe, slot.spec, this.overriddenSandbox(probe.httpGet), slot.runtime, (answer) => {
        this.env.recorder.probe({
          pod: this.name,
          container: slot.spec.name,
          probe: type,
          result: answer.result,
          output: answer.output,
          detail: answer.detail,
          tookMs: clock.now() - sentAt,
        });
        if (answer.result === 'failure') this.scope.event('Warning', 'Unhealthy', `${PROBE_NAMES[type]} probe failed: ${answer.output}`, slot);
        if (answer.result === 'warning') this.scope.event('Warning', 'ProbeWarning', `${PROBE_NAMES[type]} probe warning: ${answer.output}`, slot);
        worker.actor.send({ type: 'PROBE_RESULT', result: answer.result === 'failure' ? 'Failure' : 'Success', output: answer.output });
      });
      return;
    }
    // The results manager only tells the kubelet when a result changes. The Pod object shows
    // readiness and startup results; a liveness result shows only through the kill it causes.
    const before = type === 'readiness' ? slot.readiness : type === 'startup' ? slot.startup : effect.result;
    if (type === 'readiness') slot.readiness = effect.result;
    if (type === 'startup') slot.startup = effect.result;
    const kill = effect.result === 'Failure' && type !== 'readiness';
    // A result the manager already had (every healthy probe) does not make the pod worker sync.
    if (before === effect.result && !kill) return;
    this.scope.touch();
    if (kill) this.killForProbe(slot, type, probe.terminationGracePeriodSeconds);
    clock.setTimeout(() => this.reconcile(), 0);
  }

  private killForProbe(slot: ContainerSlot, type: ProbeType, probeGrace: number | undefined): void {
    const active = this.snapshotActive(slot);
    if (!active.has('running') || this.deletion) return;
    const ctx = slot.actor.getSnapshot().context;
    const restart = ctx.restartPolicy !== 'Never';
    // computeInitContainerActions words a sidecar's kill its own way, without ", will be restarted".
    const message =
      slot.role === 'sidecar'
        ? `Init container ${slot.spec.name} failed ${type} probe`
        : `Container ${slot.spec.name} failed ${type} probe${restart ? ', will be restarted' : ''}`;
    this.scope.event('Normal', 'Killing', message, slot);
    const graceSeconds = probeGrace ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30;
    slot.actor.send({ type: 'STOP', graceMs: graceSeconds * 1000, restart, now: this.env.clock.now(), cause: 'probe' });
  }

  private triggerReadiness(slot: ContainerSlot): void {
    const worker = slot.probes.find((p) => p.type === 'readiness');
    if (!worker || slot.readiness === 'Success' || !this.snapshotActive(slot).has('running.main')) return;
    worker.actor.send({ type: 'TRIGGER' });
  }

  private stopProbeWorkers(): void {
    for (const slot of this.slots) for (const p of slot.probes) p.actor.send({ type: 'STOP_WORKER' });
  }

  /**
   * A scenario can make an endpoint answer differently from what the container serves ("make
   * /healthz answer 500 at 20 s"): the probe then meets that answer, worded by the same prober.
   */
  private overriddenSandbox(httpGet: { port: number | string; path?: string } | undefined): SimPodSandbox {
    const sandbox = this.sandbox as SimPodSandbox;
    if (!httpGet || this.endpointOverrides.size === 0) return sandbox;
    const key = (path?: string) => `${String(httpGet.port)} ${path ?? ''}`;
    const override = this.endpointOverrides.get(key(httpGet.path ?? '/')) ?? this.endpointOverrides.get(key());
    if (!override) return sandbox;
    const net = createPodNetwork(sandbox.ip);
    return {
      ...sandbox,
      httpGet: (request, timeoutMs, done) => {
        net.bind(
          request.port,
          { description: 'scenario override', http: () => ({ status: override.status ?? 200, delayMs: override.timeout ? Number.MAX_SAFE_INTEGER : 0 }) },
          'scenario',
        );
        probeHttp(net, this.env.clock, request, timeoutMs, done);
      },
    };
  }

  /** Scenario actions aimed at this pod's containers. */
  act(action: SimAction): void {
    const slot = 'container' in action ? this.slots.find((s) => s.spec.name === action.container) : undefined;
    switch (action.kind) {
      case 'killContainer':
        if (action.how === 'oom') slot?.runtime?.oomKill();
        else slot?.runtime?.crash(action.exitCode ?? 1);
        break;
      case 'setEndpoint': {
        const port = String(slot?.spec.ports?.find((p) => p.containerPort === action.port)?.containerPort ?? action.port);
        const named = slot?.spec.ports?.find((p) => p.containerPort === action.port)?.name;
        for (const k of [port, named].filter(Boolean)) {
          this.endpointOverrides.set(`${k} ${action.path ?? ''}`, { status: action.status, timeout: action.timeout });
        }
        break;
      }
      case 'writeFile':
        slot?.runtime?.fs.write(action.path, action.content ?? '');
        break;
      case 'removeFile':
        slot?.runtime?.fs.remove(action.path, true);
        break;
      default:
        break;
    }
  }

  // ---------------------------------------------------------------- termination

  /** kubectl delete: deletionTimestamp = now + grace; the kubelet then kills every container. */
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

  delete(graceSeconds?: number): void {
    if (this.deletion || this.removed) return;
    this.scope.touch();
    const now = this.env.clock.now();
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
    const now = this.env.clock.now();
    // eviction_manager: immediateEvictionGracePeriodSeconds = 1 for hard thresholds.
    const graceMs = this.eviction ? 1_000 : this.deletion?.graceMs ?? 30_000;
    // killContainersWithSyncResult stops every container at once: Killing and preStop for all;
    // a sidecar's TERM then waits for its turn (see releaseSidecars).
    for (const slot of this.slots) this.stopSlot(slot, graceMs, now, slot.role === 'sidecar');
    this.env.clock.setTimeout(() => this.reconcile(), 0);
  }

  /**
   * newTerminationOrdering: main containers first, then sidecars in reverse order. The last sidecar
   * still waiting gets its turn once every main container and every later sidecar is down.
   */
  private releaseSidecars(): void {
    const now = this.env.clock.now();
    if (!this.slots.filter((s) => s.role === 'regular').every((s) => this.isDown(s))) return;
    const sidecars = this.slots.filter((s) => s.role === 'sidecar');
    for (let i = sidecars.length - 1; i >= 0; i--) {
      const slot = sidecars[i];
      if (this.isDown(slot)) continue;
      if (this.snapshotActive(slot).has('stopping.waitingForTurn')) slot.actor.send({ type: 'TURN', now });
      return;
    }
  }

  private stopSlot(slot: ContainerSlot, graceMs: number, now: number, waitForTurn = false): void {
    const active = this.snapshotActive(slot);
    if (active.has('running')) {
      this.scope.event('Normal', 'Killing', `Stopping container ${slot.spec.name}`, slot);
    }
    slot.actor.send({ type: 'STOP', graceMs: Math.max(graceMs, 0), restart: false, now, waitForTurn });
  }

  private isDown(slot: ContainerSlot): boolean {
    const active = this.snapshotActive(slot);
    return !active.has('running') && !active.has('stopping');
  }

  /** Called after every container or probe change: moves sequencing and the pod's end along. */
  private reconcile(): void {
    if (this.removed) return;
    const pod = this.podActor.getSnapshot();
    const now = this.env.clock.now();
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
      if (regulars.every((s) => this.isDown(s))) {
        const running = sidecars.filter((s) => !this.isDown(s));
        // The pod worker sees every container gone at its next relist (once, however many changes led here).
        const stage = pod.matches('evicting') ? 'evicting' : 'terminating';
        if (running.length === 0 && this.stopNoticed !== stage) {
          this.stopNoticed = stage;
          this.env.clock.setTimeout(() => this.podActor.send({ type: 'ALL_STOPPED' }), KUBELET_SYNC_MS);
        }
      }
      return;
    }
    if (pod.matches({ syncing: 'running' }) && regulars.length > 0) {
      const done = regulars.every((s) => this.snapshotActive(s).has('terminated') && !wantsRestart(s.actor.getSnapshot().context));
      if (done) {
        const running = sidecars.filter((s) => !this.isDown(s));
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
    this.scope.api.setCondition(type, status, this.env.clock.now(), reason, message);
    this.scope.touch();
  }

  /** The Pod as the API server returns it now; the same object while nothing changed. */
  snapshot(): Pod | undefined {
    if (this.removed) return undefined;
    return this.scope.api.snapshot(() => this.facts(), { deletion: this.deletion, eviction: this.eviction });
  }

  /** The node stopped reporting: the API keeps the kubelet's last word; the kubelet keeps running. */
  freezeApi(): void {
    if (!this.removed) this.scope.api.freeze(this.facts());
    this.scope.touch();
  }

  /** The node reports again: the kubelet's status flows again (and it sees a pending deletion). */
  thawApi(): void {
    if (!this.scope.api.isFrozen) return;
    this.scope.api.thaw();
    this.scope.touch();
    if (this.deletion && !this.podActor.getSnapshot().matches('terminating')) this.podActor.send({ type: 'DELETE' });
  }

  markNotReady(): void {
    this.scope.api.markNotReady(this.env.clock.now());
    this.scope.touch();
  }

  qos(): string {
    return podQosClass(this.pod);
  }

  private containerStatusOf(slot: ContainerSlot, hasInit: boolean): ContainerStatus {
    const active = this.snapshotActive(slot);
    const context = slot.actor.getSnapshot().context;
    const running = reportedRunning(active, context);
    const hasReadiness = slot.probes.some((p) => p.type === 'readiness');
    const started = this.isStarted(slot);
    // prober_manager UpdatePodStatus: a regular init container is ready once it exited 0.
    const ready =
      slot.role === 'init'
        ? active.has('terminated') && context.current?.exitCode === 0
        : running && started && (!hasReadiness || slot.readiness === 'Success');
    return containerStatus({
      active,
      context,
      image: slot.spec.image ?? '',
      imageID: slot.imageID,
      containerIds: slot.containerIds,
      ready,
      started,
      // convertToAPIContainerStatuses: PodInitializing for every container of a pod with init containers.
      defaultWaitingReason: hasInit ? 'PodInitializing' : 'ContainerCreating',
      podRef: this.podRef,
    });
  }

  private facts(): KubeletFacts {
    const pod = this.podActor.getSnapshot();
    const hasInit = (this.pod.spec?.initContainers ?? []).length > 0;
    const bound = this.scheduled?.status === 'True' && !pod.matches('scheduling');
    return {
      pod: this.pod,
      uid: this.uid,
      createdAt: this.createdAt,
      now: this.env.clock.now(),
      nodeName: this.host?.name ?? '',
      nodeIP: this.host?.ip ?? '',
      scheduled: this.scheduled,
      bound,
      startTime: this.startTime,
      podIP: this.podIP,
      sandboxReady: Boolean(this.sandbox) && !pod.matches('finished'),
      terminal: pod.matches('finished') || ((pod.matches('terminating') || pod.matches('evicting')) && this.slots.every((s) => this.isDown(s))),
      initStatuses: bound ? this.slots.filter((s) => s.role !== 'regular').map((s) => this.containerStatusOf(s, hasInit)) : [],
      statuses: bound ? this.slots.filter((s) => s.role === 'regular').map((s) => this.containerStatusOf(s, hasInit)) : [],
    };
  }
}
