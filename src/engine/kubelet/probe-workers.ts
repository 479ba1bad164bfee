/**
 * The kubelet's prober for one pod (pkg/kubelet/prober): a worker per container and probe type,
 * what each worker reads of its container, running the probe against the sandbox (or a scenario's
 * override), and what a changed result does: readiness and startup show in the status, a liveness
 * or startup failure kills the container.
 */
import type { SimPodSandbox } from '../../runtime';
import { probeMachine, type ProbeEvent, type ProbeResult, type ProbeTarget, type ProbeType } from '../machines/probe';
import { reportedRunning } from './container-status';
import { activeStates, isStarted, type ContainerSlot, type ProbeWorker } from './container-slots';
import type { EndpointOverrides } from './endpoint-overrides';
import { runProbe } from './handlers';
import type { PodScope } from './pod-scope';

const PROBE_FIELDS: Record<ProbeType, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> = {
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
  startup: 'startupProbe',
};

const PROBE_NAMES: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

/** An event for a worker still running: one whose loop ended is gone (an answer still out is dropped). */
function tell(worker: ProbeWorker, event: ProbeEvent): void {
  if (worker.actor.getSnapshot().status === 'active') worker.actor.send(event);
}

/** What the prober needs from the rest of the pod's kubelet. */
export interface ProbeWorkersDeps {
  scope: PodScope;
  endpoints: EndpointOverrides;
  sandbox(): SimPodSandbox | undefined;
  isDeleting(): boolean;
  /** Let the pod worker sync (a result changed). */
  reconcile(): void;
}

export class ProbeWorkers {
  private readonly targetCache = new WeakMap<object, { startup: ProbeResult | undefined; deleting: boolean; target: ProbeTarget }>();

  constructor(private readonly deps: ProbeWorkersDeps) {}

  /** The slot's workers, one per probe its container declares (not started). */
  add(slot: ContainerSlot): void {
    const { env, name } = this.deps.scope;
    const container = slot.spec;
    // Probe workers start when the kubelet first syncs the pod (prober manager AddPod).
    for (const type of ['startup', 'liveness', 'readiness'] as const) {
      const probe = container[PROBE_FIELDS[type]];
      if (!probe) continue;
      // Probe workers step most often: LeanActor runs them and the recorder follows their snapshots.
      const probeActor = env.recorder.follow(
        probeMachine,
        {
          clock: env.clock,
          input: {
            type,
            container: container.name,
            periodMs: (probe.periodSeconds ?? 10) * 1000,
            initialDelaySeconds: probe.initialDelaySeconds ?? 0,
            successThreshold: probe.successThreshold ?? 1,
            failureThreshold: probe.failureThreshold ?? 3,
            observe: () => this.target(slot),
            now: () => env.clock.now(),
          },
        },
        `pod/${name}/container/${container.name}/probe/${type}`,
        'probe',
        env.interpreter,
      );
      probeActor.on('*', (effect) => this.onEffect(slot, type, effect));
      slot.probes.push({ type, actor: probeActor });
    }
  }

  start(slots: readonly ContainerSlot[]): void {
    for (const slot of slots) for (const p of slot.probes) p.actor.start();
  }

  /** prober_manager RemovePod: every worker still running stops (one whose loop ended is gone already). */
  stop(slots: readonly ContainerSlot[]): void {
    for (const slot of slots) for (const p of slot.probes) tell(p, { type: 'STOP_WORKER' });
  }

  /** prober_manager UpdatePodStatus: a running container not yet ready gets a readiness run now. */
  triggerReadiness(slot: ContainerSlot): void {
    const worker = slot.probes.find((p) => p.type === 'readiness');
    if (!worker || slot.readiness === 'Success' || !activeStates(slot).has('running.main')) return;
    tell(worker, { type: 'TRIGGER' });
  }

  private target(slot: ContainerSlot): ProbeTarget {
    // A probe worker asks several times per decision; the answer only changes with the container's
    // snapshot, its startup result or the pod's deletion.
    const snapshot = slot.actor.getSnapshot();
    const deleting = this.deps.isDeleting();
    const cached = this.targetCache.get(snapshot);
    if (cached && cached.startup === slot.startup && cached.deleting === deleting) return cached.target;
    const target = this.computeTarget(slot);
    this.targetCache.set(snapshot, { startup: slot.startup, deleting, target });
    return target;
  }

  private computeTarget(slot: ContainerSlot): ProbeTarget {
    const active = activeStates(slot);
    const ctx = slot.actor.getSnapshot().context;
    return {
      instance: ctx.instances,
      running: reportedRunning(active, ctx),
      terminated: active.has('terminated'),
      startedAt: ctx.startedAt,
      started: isStarted(slot),
      podDeleting: this.deps.isDeleting(),
      restartPolicyNever: ctx.restartPolicy === 'Never',
    };
  }

  private onEffect(slot: ContainerSlot, type: ProbeType, effect: { type: 'probe' } | { type: 'result'; result: ProbeResult }): void {
    const { scope, endpoints } = this.deps;
    const probe = slot.spec[PROBE_FIELDS[type]];
    const clock = scope.env.clock;
    const worker = slot.probes.find((p) => p.type === type);
    if (!probe || !worker) return;
    if (effect.type === 'probe') {
      const sandbox = this.deps.sandbox();
      if (!sandbox) return;
      const sentAt = clock.now();
      // A scenario can make an endpoint answer differently: the probe then meets that answer.
      runProbe(probe, slot.spec, endpoints.sandboxFor(sandbox, probe.httpGet, clock), slot.runtime, (answer) => {
        scope.env.recorder.probe({
          pod: scope.name,
          container: slot.spec.name,
          probe: type,
          result: answer.result,
          output: answer.output,
          detail: answer.detail,
          tookMs: clock.now() - sentAt,
        });
        if (answer.result === 'failure') scope.event('Warning', 'Unhealthy', `${PROBE_NAMES[type]} probe failed: ${answer.output}`, slot);
        if (answer.result === 'warning') scope.event('Warning', 'ProbeWarning', `${PROBE_NAMES[type]} probe warning: ${answer.output}`, slot);
        tell(worker, { type: 'PROBE_RESULT', result: answer.result === 'failure' ? 'Failure' : 'Success', output: answer.output });
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
    scope.touch();
    if (kill) this.killForProbe(slot, type, probe.terminationGracePeriodSeconds);
    clock.setTimeout(() => this.deps.reconcile(), 0);
  }

  private killForProbe(slot: ContainerSlot, type: ProbeType, probeGrace: number | undefined): void {
    const { scope } = this.deps;
    const active = activeStates(slot);
    if (!active.has('running') || this.deps.isDeleting()) return;
    const ctx = slot.actor.getSnapshot().context;
    const restart = ctx.restartPolicy !== 'Never';
    // computeInitContainerActions words a sidecar's kill its own way, without ", will be restarted".
    const message =
      slot.role === 'sidecar'
        ? `Init container ${slot.spec.name} failed ${type} probe`
        : `Container ${slot.spec.name} failed ${type} probe${restart ? ', will be restarted' : ''}`;
    scope.event('Normal', 'Killing', message, slot);
    const graceSeconds = probeGrace ?? scope.graceSeconds;
    slot.actor.send({ type: 'STOP', graceMs: graceSeconds * 1000, restart, now: scope.now(), cause: 'probe' });
  }
}
