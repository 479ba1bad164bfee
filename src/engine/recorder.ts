/**
 * Collects what a run produces besides frames: Kubernetes Events, machine transitions (from
 * XState's inspection stream) and probe answers. Also tracks each actor's active states for frames.
 */
import type { InspectionEvent } from 'xstate';
import type { SimEvent } from '../k8s/events';
import type { Timers } from '../runtime/types';
import type { MachineKind, MachineState, ProbeRecord, TransitionRecord } from './trace-types';

/** Flatten an XState state value into dotted paths of every active node. */
export function activePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  if (value && typeof value === 'object') {
    const out: string[] = [];
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.push(path, ...activePaths(child, path));
    }
    return out;
  }
  return [];
}

/** `xstate.after.kubeletSync.container.terminated` → `after kubeletSync`; `xstate.after.1000.x` → `after 1s`. */
export function eventLabel(type: string): string {
  const m = /^xstate\.after\.([^.]+)\./.exec(type);
  if (!m) return type;
  const n = Number(m[1]);
  return Number.isFinite(n) ? `after ${n % 1000 === 0 ? `${n / 1000}s` : `${n}ms`}` : `after ${m[1]}`;
}

export class Recorder {
  readonly events: SimEvent[] = [];
  readonly transitions: TransitionRecord[] = [];
  readonly probes: ProbeRecord[] = [];
  private readonly machines = new Map<string, MachineState>();
  private readonly valueKeys = new Map<string, string>();
  private machineList?: MachineState[];
  private readonly actorIds = new Map<string, { id: string; machine: MachineKind }>();
  /** Bumped on anything that can change a frame: a snapshot, an event, a probe. */
  version = 0;

  constructor(private readonly timers: Timers) {}

  event(e: Omit<SimEvent, 't'>): void {
    this.version++;
    this.events.push({ t: this.timers.now(), ...e });
  }

  probe(p: Omit<ProbeRecord, 't'>): void {
    this.version++;
    this.probes.push({ t: this.timers.now(), ...p });
  }

  /** Register an actor under a stable id before it starts; `inspect` then follows it. */
  track(sessionId: string, id: string, machine: MachineKind): void {
    this.actorIds.set(sessionId, { id, machine });
  }

  readonly inspect = (ev: InspectionEvent): void => {
    if (ev.type !== '@xstate.snapshot') return;
    const known = this.actorIds.get(ev.actorRef.sessionId);
    if (!known) return;
    this.version++;
    const snapshot = ev.snapshot as { value?: unknown };
    // Most snapshots (a probe tick, a context update) keep the same states: compare cheaply first.
    const key = typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value);
    if (this.valueKeys.get(known.id) === key) return;
    this.valueKeys.set(known.id, key);
    const active = activePaths(snapshot.value);
    const before = this.machines.get(known.id);
    this.machines.set(known.id, { id: known.id, machine: known.machine, value: snapshot.value, active });
    this.machineList = undefined;
    if (before) {
      this.transitions.push({ t: this.timers.now(), actor: known.id, event: eventLabel(ev.event.type), from: before.active, to: active });
    }
  };

  /** The same array for every frame until some machine changes state (frames share it). */
  machineStates(): MachineState[] {
    this.machineList ??= [...this.machines.values()];
    return this.machineList;
  }
}
