/**
 * Collects what a run produces besides frames: Kubernetes Events, machine transitions and probe
 * answers. Also tracks each actor's active states for frames.
 *
 * Two ways to follow an actor, with the same records: XState's inspection stream (`track` +
 * `inspect`), and `follow` for hot actors (probe workers), which hears only each macrostep's
 * event and resulting snapshot: the inspection stream builds ~13 objects per probe round, a third
 * of the probe machine's own stepping time (`npm run bench` steps ~3 200 rounds per virtual hour).
 */
import { createActor, type AnyStateMachine, type EventObject, type InputFrom, type InspectionEvent } from 'xstate';
import { LeanActor, type Interpreter, type SteppedActor } from './machines/lean-actor';
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
  let label = labels.get(type);
  if (label === undefined) {
    label = labelOf(type);
    labels.set(type, label);
  }
  return label;
}

/** Event types are few (a machine's own events and delays): label each once. */
const labels = new Map<string, string>();

function labelOf(type: string): string {
  const m = /^xstate\.after\.([^.]+)\./.exec(type);
  if (!m) return type;
  const n = Number(m[1]);
  return Number.isFinite(n) ? `after ${n % 1000 === 0 ? `${n / 1000}s` : `${n}ms`}` : `after ${m[1]}`;
}

/** Keys of state values already seen: LeanActor hands out one value object per configuration. */
const keysOfValues = new WeakMap<object, string>();

/**
 * A string that is equal for equal state values. A parallel machine's value is mostly one level of
 * atomic states ({ ticker: 'ticking', prober: 'idle' }): joined by hand, several times cheaper than
 * JSON (a probe worker's every step asks). Deeper values fall back to JSON, which starts with `{`.
 */
function valueKey(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return JSON.stringify(value);
  let key = keysOfValues.get(value);
  if (key !== undefined) return key;
  key = '';
  for (const [region, child] of Object.entries(value as Record<string, unknown>)) {
    if (typeof child !== 'string') {
      key = JSON.stringify(value);
      break;
    }
    key += `${region}\u0000${child}\u0001`;
  }
  keysOfValues.set(value, key);
  return key;
}

/** An actor the recorder follows, and the entry it made for each state value it was in. */
interface Followed {
  id: string;
  machine: MachineKind;
  states: Map<string, MachineState>;
}

function followed(id: string, machine: MachineKind): Followed {
  return { id, machine, states: new Map() };
}

export class Recorder {
  readonly events: SimEvent[] = [];
  readonly transitions: TransitionRecord[] = [];
  readonly probes: ProbeRecord[] = [];
  private readonly machines = new Map<string, MachineState>();
  /** The state-value key of each actor's current entry in `machines`. */
  private readonly valueKeys = new Map<string, string>();
  /** One `active` array per machine kind and state value: transitions and frames share them. */
  private readonly activeByKey = new Map<string, string[]>();
  private readonly actorIds = new Map<string, Followed>();
  /** The list frames share, each entry's value key, and the actors whose state moved since. */
  private listed?: { list: MachineState[]; keys: Map<string, string> };
  private readonly moved = new Set<string>();
  /** Bumped on anything that can change a frame: a snapshot, an event, a probe. */
  version = 0;
  /**
   * Bumped on what the control plane can react to: a Pod object, a node, a controller, an action.
   * A probe that answers as before moves only `version`, so controllers and the scheduler skip it.
   */
  apiVersion = 0;

  /** A change the control plane may react to (and a frame shows). */
  changed(): void {
    this.version++;
    this.apiVersion++;
  }

  constructor(private readonly timers: Timers) {}

  event(e: Omit<SimEvent, 't'>): void {
    this.version++;
    this.events.push({ t: this.timers.now(), ...e });
  }

  probe(p: Omit<ProbeRecord, 't'>): void {
    this.version++;
    // A long run repeats the same few answers thousands of times: the trace keeps one copy of each.
    this.probes.push({ t: this.timers.now(), ...p, output: this.intern(p.output), detail: this.intern(p.detail) });
  }

  private readonly texts = new Map<string, string>();

  private intern(text: string): string {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    this.texts.set(text, text);
    return text;
  }

  /** Register an actor under a stable id before it starts; `inspect` then follows it. */
  track(sessionId: string, id: string, machine: MachineKind): void {
    this.actorIds.set(sessionId, followed(id, machine));
  }

  readonly inspect = (ev: InspectionEvent): void => {
    if (ev.type !== '@xstate.snapshot') return;
    const known = this.actorIds.get(ev.actorRef.sessionId);
    if (!known) return;
    this.snapshot(known, (ev.snapshot as { value?: unknown }).value, ev.event.type);
  };

  /**
   * An actor that steps often, recorded as `track` + `inspect` would record it. `lean` (the
   * default) runs the machine's definition with LeanActor; `xstate` with XState's createActor, and
   * a view of the machine (same definition, same implementations) notes each macrostep's event so
   * the snapshot that follows can be labelled with it.
   */
  follow<TMachine extends AnyStateMachine>(
    machine: TMachine,
    options: { clock: Timers; input: InputFrom<TMachine> },
    id: string,
    kind: MachineKind,
    interpreter: Interpreter = 'lean',
  ): SteppedActor<TMachine> {
    const actor = followed(id, kind);
    if (interpreter === 'lean') {
      const lean = new LeanActor(machine, options);
      lean.subscribe((snapshot, event) => this.snapshot(actor, snapshot.value, event.type));
      return lean;
    }
    let event: EventObject | undefined;
    const logic = Object.create(machine) as TMachine;
    logic.transition = (snapshot, ev, scope) => {
      event = ev;
      return machine.transition(snapshot, ev, scope);
    };
    const xstate = createActor(logic, options as never);
    xstate.subscribe((snapshot: { value: unknown }) => this.snapshot(actor, snapshot.value, event?.type ?? 'xstate.init'));
    return xstate as unknown as SteppedActor<TMachine>;
  }

  private snapshot(actor: Followed, value: unknown, eventType: string): void {
    this.version++;
    const { id, machine } = actor;
    // A probe worker's steps reach the API only through the kubelet (which then touches the Pod).
    if (machine !== 'probe') this.apiVersion++;
    // Most snapshots (a probe tick, a context update) keep the same states: compare cheaply first.
    const key = valueKey(value);
    if (this.valueKeys.get(id) === key) return;
    this.valueKeys.set(id, key);
    // An actor goes back and forth between a few states (a probe: idle, probing): one entry for each.
    let state = actor.states.get(key);
    if (!state) {
      const activeKey = `${machine} ${key}`;
      let active = this.activeByKey.get(activeKey);
      if (!active) {
        active = activePaths(value);
        this.activeByKey.set(activeKey, active);
      }
      state = { id, machine, value, active };
      actor.states.set(key, state);
    }
    const before = this.machines.get(id);
    this.machines.set(id, state);
    this.moved.add(id);
    if (before) {
      this.transitions.push({ t: this.timers.now(), actor: id, event: eventLabel(eventType), from: before.active, to: state.active });
    }
  }

  /**
   * The same array for every frame until some machine is in another state than that array says
   * (frames share it). A probe goes idle → probing → idle within one instant: its frame keeps the list.
   */
  machineStates(): MachineState[] {
    const listed = this.listed;
    if (listed && listed.list.length === this.machines.size && this.movedBack(listed.keys)) {
      this.moved.clear();
      return listed.list;
    }
    const list = [...this.machines.values()];
    this.listed = { list, keys: new Map(this.valueKeys) };
    this.moved.clear();
    return list;
  }

  /** Every actor that moved since the list was made is back in the state the list shows. */
  private movedBack(keys: Map<string, string>): boolean {
    for (const id of this.moved) if (keys.get(id) !== this.valueKeys.get(id)) return false;
    return true;
  }
}
