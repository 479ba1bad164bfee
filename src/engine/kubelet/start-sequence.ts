/**
 * Which container starts next (kuberuntime_manager.go computePodActions): init containers one at a
 * time, each once the previous is done (a sidecar once started), then the regular containers in
 * order, each once the previous one's pull, create, start and postStart are over.
 */
import type { Actor } from 'xstate';
import type { podMachine } from '../machines/pod';
import { KUBELET_SYNC_MS } from '../timing';
import { activeStates, hasProbe, isStarted, type ContainerSlot } from './container-slots';
import type { PodScope } from './pod-scope';

/** What sequencing needs from the rest of the pod's kubelet. */
export interface StartSequenceDeps {
  scope: PodScope;
  podActor: Actor<typeof podMachine>;
  slots: readonly ContainerSlot[];
  /** The sandbox exists and the pod is not being deleted. */
  mayStart(): boolean;
}

export class StartSequence {
  private startQueue: ContainerSlot[] = [];
  private starting?: ContainerSlot;

  constructor(private readonly deps: StartSequenceDeps) {}

  /** A sidecar counts once started; a regular init container once the kubelet's relist saw it exit 0. */
  private initDone(slot: ContainerSlot): boolean {
    const now = this.deps.scope.now();
    if (slot.role === 'sidecar') {
      // computeInitContainerActions moves on at the sync that sees the sidecar running: the relist
      // after its start, or the startup probe's success (which triggers a sync itself).
      if (!isStarted(slot)) return false;
      if (hasProbe(slot, 'startup')) return true;
      const startedAt = slot.actor.getSnapshot().context.startedAt ?? 0;
      return now - startedAt >= KUBELET_SYNC_MS;
    }
    const ctx = slot.actor.getSnapshot().context;
    const exit = ctx.current;
    return activeStates(slot).has('terminated') && exit?.exitCode === 0 && now - exit.finishedAt >= KUBELET_SYNC_MS;
  }

  /** Start the next init container, or, once all are done, the regular containers in order. */
  advance(): void {
    const { podActor, slots } = this.deps;
    const pod = podActor.getSnapshot();
    if (!pod.matches({ syncing: 'initializing' }) || !this.deps.mayStart()) return;
    for (const slot of slots.filter((s) => s.role !== 'regular')) {
      if (this.initDone(slot)) continue;
      if (activeStates(slot).has('waiting.blocked')) slot.actor.send({ type: 'START' });
      return;
    }
    podActor.send({ type: 'INITIALIZED' });
    this.startQueue = slots.filter((s) => s.role === 'regular');
    this.startNext();
  }

  /** SyncPod starts containers one after another: pull, create, start, postStart, then the next. */
  startNext(): void {
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
}
