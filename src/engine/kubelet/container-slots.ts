/**
 * A container slot: one container of the pod spec with its lifecycle actor, its probe workers and
 * what the kubelet remembers about it (runtime instance, container IDs, image ID, probe results),
 * and the questions about its state that sequencing, probes, termination and the status all ask.
 */
import { createActor, type Actor } from 'xstate';
import type { Container } from 'kubernetes-types/core/v1';
import type { SimRuntimeContainer } from '../../runtime';
import { containerMachine, type ContainerEffect, type ContainerRole, type RestartPolicy } from '../machines/container';
import type { ProbeResult, ProbeType, probeMachine } from '../machines/probe';
import type { SteppedActor } from '../machines/lean-actor';
import { activePaths } from '../recorder';
import { reportedRunning } from './container-status';
import type { PodScope } from './pod-scope';

export interface ProbeWorker {
  type: ProbeType;
  actor: SteppedActor<typeof probeMachine>;
}

export interface ContainerSlot {
  spec: Container;
  role: ContainerRole;
  fieldPath: string;
  actor: Actor<typeof containerMachine>;
  probes: ProbeWorker[];
  runtime?: SimRuntimeContainer;
  containerIds: string[];
  imageID: string;
  readiness: ProbeResult | undefined;
  startup: ProbeResult | undefined;
}

/** Who handles what a new slot's actors ask for. */
export interface SlotWiring {
  onContainerEffect(slot: ContainerSlot, effect: ContainerEffect): void;
  /** Create the slot's probe workers (not started). */
  addProbeWorkers(slot: ContainerSlot): void;
}

function restartPolicyFor(pod: PodScope['pod'], container: Container, role: ContainerRole): RestartPolicy {
  if (role === 'sidecar') return 'Always';
  const policy = (container.restartPolicy as RestartPolicy | undefined) ?? (pod.spec?.restartPolicy as RestartPolicy | undefined);
  return policy ?? 'Always';
}

/** A slot per init container (a sidecar when its restartPolicy is Always), then per container; no actor started. */
export function createSlots(scope: PodScope, wiring: SlotWiring): ContainerSlot[] {
  const { env, pod } = scope;
  const slots: ContainerSlot[] = [];
  const add = (container: Container, role: ContainerRole, fieldPath: string) => {
    const actor = createActor(containerMachine, {
      clock: env.clock,
      inspect: env.recorder.inspect,
      input: {
        name: container.name,
        role,
        restartPolicy: restartPolicyFor(pod, container, role),
        hasPostStart: Boolean(container.lifecycle?.postStart),
        hasPreStop: Boolean(container.lifecycle?.preStop),
        podGraceMs: scope.graceSeconds * 1000,
      },
    });
    env.recorder.track(actor.sessionId, `pod/${scope.name}/container/${container.name}`, 'container');
    const slot: ContainerSlot = { spec: container, role, fieldPath, actor, probes: [], containerIds: [], imageID: '', readiness: undefined, startup: undefined };
    actor.on('*', (effect) => wiring.onContainerEffect(slot, effect));
    actor.subscribe(() => scope.touch());
    slots.push(slot);
    wiring.addProbeWorkers(slot);
  };
  (pod.spec?.initContainers ?? []).forEach((c) => add(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', `spec.initContainers{${c.name}}`));
  (pod.spec?.containers ?? []).forEach((c) => add(c, 'regular', `spec.containers{${c.name}}`));
  return slots;
}

/**
 * The container actor's active state paths. Asked many times per instant; the answer only changes
 * with the snapshot, and snapshots are immutable, so one cache keyed by snapshot serves every pod.
 */
const activeCache = new WeakMap<object, Set<string>>();

export function activeStates(slot: ContainerSlot): Set<string> {
  const snapshot = slot.actor.getSnapshot();
  let active = activeCache.get(snapshot);
  if (!active) {
    active = new Set(activePaths(snapshot.value));
    activeCache.set(snapshot, active);
  }
  return active;
}

export function hasProbe(slot: ContainerSlot, type: ProbeType): boolean {
  return slot.probes.some((p) => p.type === type);
}

/** The status's `started`: reported running, and past its startup probe if it has one. */
export function isStarted(slot: ContainerSlot): boolean {
  if (!reportedRunning(activeStates(slot), slot.actor.getSnapshot().context)) return false;
  return !hasProbe(slot, 'startup') || slot.startup === 'Success';
}

/** Neither running nor stopping: nothing left for the kubelet to kill. */
export function isDown(slot: ContainerSlot): boolean {
  const active = activeStates(slot);
  return !active.has('running') && !active.has('stopping');
}
