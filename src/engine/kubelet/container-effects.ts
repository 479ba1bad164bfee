/**
 * The work a container actor asks the kubelet for, done against the simulated runtime: ensure the
 * image, create and start the container (kuberuntime_container.go startContainer), run its hooks,
 * signal it, and the Events each step records; plus its logs, kept per instance.
 */
import type { SimPodSandbox, SimRuntimeContainer } from '../../runtime';
import type { ContainerConfig } from '../../runtime/sandbox-types';
import type { ExitStatus } from '../../runtime/types';
import type { ContainerEffect } from '../machines/container';
import { imageDigest } from '../ids';
import { KUBELET_SYNC_MS } from '../timing';
import { ContainerConfigError, containerConfig } from './container-config';
import type { ContainerSlot } from './container-slots';
import type { PodVolumeFiles } from './env-file';
import { runHook } from './handlers';
import type { NodeHost } from './node-host';
import type { PodScope } from './pod-scope';

/** What doing a container's work needs from the rest of the pod's kubelet. */
export interface ContainerEffectsDeps {
  scope: PodScope;
  node(): NodeHost | undefined;
  sandbox(): SimPodSandbox | undefined;
  /** The downward API's values (fieldRef). */
  fields(): Record<string, string>;
  volumeFiles(): PodVolumeFiles;
  /** Let the pod worker sync. */
  reconcile(): void;
  triggerReadiness(slot: ContainerSlot): void;
}

export class ContainerEffects {
  constructor(private readonly deps: ContainerEffectsDeps) {}

  handle(slot: ContainerSlot, effect: ContainerEffect): void {
    const { scope } = this.deps;
    const clock = scope.env.clock;
    const spec = slot.spec;
    switch (effect.type) {
      case 'ensureImage':
        this.deps.node()?.puller.ensure(spec.image ?? '', spec.imagePullPolicy ?? 'IfNotPresent', { event: (t, r, m) => scope.event(t, r, m, slot) }, (outcome) => {
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
        const sandbox = this.deps.sandbox();
        if (!handler || !sandbox) break;
        runHook(handler, spec, sandbox, slot.runtime, clock, scope.podRef, (outcome) => {
          if (outcome.ok) slot.actor.send({ type: 'HOOK_DONE', now: clock.now() });
          else {
            if (effect.type === 'runPostStart') scope.event('Warning', 'FailedPostStartHook', 'PostStartHook failed', slot);
            else scope.event('Warning', 'FailedPreStopHook', 'PreStopHook failed', slot);
            slot.actor.send({ type: 'HOOK_FAILED', message: outcome.message, now: clock.now() });
          }
        });
        break;
      }
      case 'postStartFailed':
        scope.event('Normal', 'Killing', 'FailedPostStartHook', slot);
        break;
      case 'signal':
        // StopContainer sends the image's STOPSIGNAL (TERM unless the image says otherwise), then KILL.
        slot.runtime?.signal(effect.signal === 'TERM' ? slot.runtime.stopSignal : 'KILL');
        break;
      case 'backOff':
        if (effect.kind === 'crash') {
          scope.event('Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${scope.podRef}`, slot);
        } else {
          scope.event('Normal', 'BackOff', `Back-off pulling image "${spec.image}"`, slot);
          scope.event('Warning', 'Failed', 'Error: ImagePullBackOff', slot);
        }
        break;
      case 'terminated':
        // The next step (next init container, the pod's end) waits for the relist that sees the exit.
        clock.setTimeout(() => this.deps.reconcile(), KUBELET_SYNC_MS);
        break;
      case 'ready':
        // The status sync after the start (the next relist) asks a not-ready readiness worker to run now.
        clock.setTimeout(() => {
          this.deps.triggerReadiness(slot);
          this.deps.reconcile();
        }, KUBELET_SYNC_MS);
        break;
    }
    // Any container change can unblock the start sequence, init, or the pod's end.
    clock.setTimeout(() => this.deps.reconcile(), 0);
  }

  private createAndStart(slot: ContainerSlot): void {
    const { scope } = this.deps;
    const { env } = scope;
    const clock = env.clock;
    const sandbox = this.deps.sandbox();
    if (!sandbox) return;
    const resolved = env.runtime.catalogue.resolve(slot.spec.image ?? '');
    if (!('ref' in resolved)) return;
    let config: ContainerConfig;
    try {
      config = containerConfig(slot.spec, resolved, {
        fields: this.deps.fields(),
        allocatable: this.deps.node()?.allocatable ?? {},
        store: env.store,
        namespace: scope.namespace,
        volumes: this.deps.volumeFiles(),
      });
    } catch (err) {
      if (!(err instanceof ContainerConfigError)) throw err;
      scope.event('Warning', 'Failed', `Error: ${err.message}`, slot);
      slot.actor.send({ type: 'CONFIG_ERROR', message: err.message });
      return;
    }
    const runtimeContainer = sandbox.createContainer(config);
    slot.runtime = runtimeContainer;
    slot.containerIds.push(`containerd://${env.ids.hex(64)}`);
    const instance = slot.containerIds.length;
    // Since 1.35 the messages no longer repeat the name: describe prefixes the fieldPath instead.
    scope.event('Normal', 'Created', 'Container created', slot);
    const result = runtimeContainer.start((status: ExitStatus) => {
      this.collectLogs(slot, runtimeContainer, instance);
      // An exit of an instance that was already replaced tells the kubelet nothing new.
      if (slot.containerIds.length !== instance) return;
      // Nor does one after the node's machine is gone: no kubelet is left to hear it.
      if (slot.actor.getSnapshot().status !== 'active') return;
      slot.actor.send({ type: 'EXITED', status, now: clock.now() });
    });
    if (!result.ok) {
      scope.event('Warning', 'Failed', `Error: ${result.message}`, slot);
      slot.actor.send({ type: 'START_FAILED', exitCode: result.exitCode, message: result.message, now: clock.now() });
      return;
    }
    scope.event('Normal', 'Started', 'Container started', slot);
    slot.actor.send({ type: 'PROCESS_STARTED', now: clock.now() });
  }

  private collectLogs(slot: ContainerSlot, runtimeContainer: SimRuntimeContainer, instance: number): void {
    const key = `${this.deps.scope.name}/${slot.spec.name}`;
    const list = (this.deps.scope.env.logs[key] ??= []);
    for (const line of runtimeContainer.logs()) list.push({ ...line, instance });
  }

  /** Logs of running containers, collected when the run ends. */
  flushLogs(slots: readonly ContainerSlot[]): void {
    for (const slot of slots) {
      if (slot.runtime?.running()) this.collectLogs(slot, slot.runtime, slot.containerIds.length);
    }
  }
}
