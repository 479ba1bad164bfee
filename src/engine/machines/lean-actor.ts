/**
 * LeanActor runs an XState v5 machine definition (the very StateNode tree, guards, delays and
 * actions that the UI draws) without XState's interpreter. It exists for the actors that step more
 * than everything else together: probe workers take two macrosteps per probe, ~3 200 per virtual
 * hour for one pod, and XState's general interpreter (actor system, mailbox, inspection, snapshot
 * cloning) spends ~15 µs on each, most of a run's time.
 *
 * It follows XState's own algorithm (stateUtils.ts: transitionNode, removeConflictingTransitions,
 * getTransitionDomain, computeExitSet, computeEntrySet, microstep, macrostep; Actor: mailbox,
 * deferred effects, scheduler), step for step, so that the same machine gives the same states,
 * context, emitted events and timers in the same order. It takes only the subset of features the
 * hot machines use, and refuses any other machine when it is compiled (see `compile`):
 * atomic, compound, parallel and final states; exact event names; named or inline guards;
 * assign, emit, raise (delayed or not: `after` is a delayed raise) and cancel.
 * lean-actor.test.ts walks machines with both interpreters and compares every step, and the
 * engine's equivalence test compares whole traces.
 */
import type { AnyStateMachine, EmittedFrom, EventFromLogic, EventObject, InputFrom, StateValue } from 'xstate';
import type { Timers } from '../../runtime/types';

/** The part of XState's StateNode this interpreter reads (public fields of xstate's StateNode). */
interface Node {
  id: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  order: number;
  parent?: Node;
  states: Record<string, Node>;
  transitions: Map<string, Transition[]>;
  always?: Transition[];
  entry: unknown[];
  exit: unknown[];
  initial: Transition;
  invoke: unknown[];
  output?: unknown;
}

interface Transition {
  source: Node;
  target?: readonly Node[];
  reenter: boolean;
  guard?: unknown;
  actions: readonly unknown[];
}

type Context = Record<string, unknown>;
type Args = { context: Context; event: EventObject };
type Guard = (args: Args, params: undefined) => boolean;

/** A built-in action, resolved once from the machine's implementations. */
type Assignment = ((args: Args, params: undefined) => Context) | Record<string, unknown>;
type Op =
  | { kind: 'assign'; assignment: Assignment }
  | { kind: 'emit'; event: EventObject | ((args: Args, params: undefined) => EventObject) }
  | { kind: 'raise'; event: EventObject | ((args: Args, params: undefined) => EventObject); delay: unknown; id?: string }
  | { kind: 'cancel'; id: string | ((args: Args, params: undefined) => string) };

/** What `compile` learns of a machine once: per transition its guard and actions, per node its entry and exit. */
interface Program {
  root: Node;
  guards: Map<unknown, Guard>;
  ops: Map<unknown, Op>;
  delays: Record<string, unknown>;
  children: Map<Node, Node[]>;
  domains: Map<Transition, Node | undefined>;
  values: Map<string, StateValue>;
  context: unknown;
}

const programs = new WeakMap<AnyStateMachine, Program>();

/** Refuse what this interpreter does not do the way XState does. */
function unsupported(machine: AnyStateMachine, what: string): never {
  throw new Error(`LeanActor cannot run machine '${machine.id}': ${what}`);
}

function compile(machine: AnyStateMachine): Program {
  const known = programs.get(machine);
  if (known) return known;
  const impl = machine.implementations as { guards: Record<string, unknown>; actions: Record<string, unknown>; delays: Record<string, unknown> };
  const root = machine.root as unknown as Node;
  const program: Program = {
    root,
    guards: new Map(),
    ops: new Map(),
    delays: impl.delays,
    children: new Map(),
    domains: new Map(),
    values: new Map(),
    context: (machine.config as { context?: unknown }).context,
  };
  const guardOf = (ref: unknown): void => {
    if (ref === undefined || program.guards.has(ref)) return;
    const name = typeof ref === 'string' ? ref : (ref as { type?: unknown; params?: unknown }).type;
    if (typeof ref === 'object' && ref && 'params' in ref) unsupported(machine, `guard params (${String(name)})`);
    const fn = typeof ref === 'function' ? ref : impl.guards[name as string];
    if (typeof fn !== 'function' || 'check' in fn) unsupported(machine, `guard ${String(name)} is not a plain function`);
    program.guards.set(ref, fn as Guard);
  };
  const opOf = (ref: unknown): void => {
    if (program.ops.has(ref)) return;
    if (typeof ref === 'object' && ref && 'params' in ref) unsupported(machine, 'action params');
    const resolved = (typeof ref === 'string' ? impl.actions[ref] : typeof ref === 'object' && ref ? impl.actions[(ref as { type: string }).type] : ref) as
      | (Record<string, unknown> & { type?: string })
      | undefined;
    const builtin = resolved as { type?: string; assignment?: unknown; event?: unknown; delay?: unknown; id?: unknown; sendId?: unknown } | undefined;
    switch (builtin?.type) {
      case 'xstate.assign':
        program.ops.set(ref, { kind: 'assign', assignment: builtin.assignment as Assignment });
        return;
      case 'xstate.emit':
        program.ops.set(ref, { kind: 'emit', event: builtin.event as EventObject });
        return;
      case 'xstate.raise':
        program.ops.set(ref, { kind: 'raise', event: builtin.event as EventObject, delay: builtin.delay, id: builtin.id as string | undefined });
        return;
      case 'xstate.cancel':
        program.ops.set(ref, { kind: 'cancel', id: builtin.sendId as string });
        return;
      default:
        unsupported(machine, `action ${typeof ref === 'string' ? ref : String(builtin?.type ?? 'inline')} is not assign, emit, raise or cancel`);
    }
  };
  const visit = (node: Node): void => {
    if (node.type === 'history') unsupported(machine, `history state ${node.id}`);
    if (node.invoke.length > 0) unsupported(machine, `invoke in ${node.id}`);
    if (node.type === 'final' && node.output !== undefined) unsupported(machine, `output of ${node.id}`);
    program.children.set(node, Object.values(node.states));
    const transitions: Transition[] = [...(node.always ?? [])];
    for (const [descriptor, list] of node.transitions) {
      if (descriptor.includes('*')) unsupported(machine, `wildcard event ${descriptor} in ${node.id}`);
      transitions.push(...list);
    }
    if (node.type === 'compound') transitions.push(node.initial);
    for (const t of transitions) {
      guardOf(t.guard);
      t.actions.forEach(opOf);
    }
    node.entry.forEach(opOf);
    node.exit.forEach(opOf);
    Object.values(node.states).forEach(visit);
  };
  visit(root);
  // A machine that can finish would need XState's done handling (output, stopping): none of ours can.
  if (isInFinalStateReachable(root)) unsupported(machine, 'its root can reach a final configuration');
  programs.set(machine, program);
  return program;
}

/** Whether every region down from `node` has a final state (then the machine could be done). */
function isInFinalStateReachable(node: Node): boolean {
  const children = Object.values(node.states);
  if (node.type === 'compound') return children.some((c) => c.type === 'final');
  if (node.type === 'parallel') return children.every(isInFinalStateReachable);
  return node.type === 'final';
}

// ------------------------------------------------------------------ XState's state-node algebra

function isAtomic(node: Node): boolean {
  return node.type === 'atomic' || node.type === 'final';
}

function properAncestors(node: Node, upTo: Node | undefined): Node[] {
  const out: Node[] = [];
  if (upTo === node) return out;
  let m = node.parent;
  while (m && m !== upTo) {
    out.push(m);
    m = m.parent;
  }
  return out;
}

/** XState's isDescendant: every node is a descendant of `undefined` (the domain of a root re-entry). */
function isDescendant(child: Node, parent: Node | undefined): boolean {
  let marker = child;
  while (marker.parent && marker.parent !== parent) marker = marker.parent;
  return marker.parent === parent;
}

function isInFinalState(set: Set<Node>, node: Node, p: Program): boolean {
  const children = p.children.get(node) ?? [];
  if (node.type === 'compound') return children.some((s) => s.type === 'final' && set.has(s));
  if (node.type === 'parallel') return children.every((s) => isInFinalState(set, s, p));
  return node.type === 'final';
}

function findLeastCommonAncestor(nodes: Node[]): Node | undefined {
  const [head, ...tail] = nodes;
  for (const ancestor of properAncestors(head, undefined)) {
    if (tail.every((n) => isDescendant(n, ancestor))) return ancestor;
  }
  return undefined;
}

function domainOf(t: Transition, p: Program): Node | undefined {
  if (p.domains.has(t)) return p.domains.get(t);
  const targets = t.target ?? [];
  let domain: Node | undefined;
  if (!t.reenter && targets.every((target) => target === t.source || isDescendant(target, t.source))) domain = t.source;
  else domain = findLeastCommonAncestor([...targets, t.source]) ?? (t.reenter ? undefined : p.root);
  p.domains.set(t, domain);
  return domain;
}

function computeExitSet(transitions: readonly Transition[], set: Set<Node>, p: Program): Node[] {
  const exit = new Set<Node>();
  for (const t of transitions) {
    if (!t.target?.length) continue;
    const domain = domainOf(t, p);
    if (t.reenter && t.source === domain && domain) exit.add(domain);
    for (const node of set) if (isDescendant(node, domain)) exit.add(node);
  }
  return [...exit];
}

function removeConflictingTransitions(enabled: readonly Transition[], set: Set<Node>, p: Program): Transition[] {
  if (enabled.length < 2) return [...enabled];
  const filtered = new Set<Transition>();
  for (const t1 of enabled) {
    let preempted = false;
    const remove = new Set<Transition>();
    for (const t2 of filtered) {
      const exit2 = new Set(computeExitSet([t2], set, p));
      if (computeExitSet([t1], set, p).some((n) => exit2.has(n))) {
        if (isDescendant(t1.source, t2.source)) remove.add(t2);
        else {
          preempted = true;
          break;
        }
      }
    }
    if (preempted) continue;
    for (const t of remove) filtered.delete(t);
    filtered.add(t1);
  }
  return [...filtered];
}

function addDescendantStatesToEnter(node: Node, defaults: Set<Node>, enter: Set<Node>, p: Program): void {
  if (node.type === 'compound') {
    const initial = node.initial.target?.[0] as Node;
    enter.add(initial);
    defaults.add(initial);
    addDescendantStatesToEnter(initial, defaults, enter, p);
    addAncestorStatesToEnter(enter, defaults, properAncestors(initial, node), undefined, p);
  } else if (node.type === 'parallel') {
    for (const child of p.children.get(node) ?? []) {
      if ([...enter].some((s) => isDescendant(s, child))) continue;
      enter.add(child);
      defaults.add(child);
      addDescendantStatesToEnter(child, defaults, enter, p);
    }
  }
}

function addAncestorStatesToEnter(enter: Set<Node>, defaults: Set<Node>, ancestors: Node[], reentrancyDomain: Node | undefined, p: Program): void {
  for (const anc of ancestors) {
    if (!reentrancyDomain || isDescendant(anc, reentrancyDomain)) enter.add(anc);
    if (anc.type !== 'parallel') continue;
    for (const child of p.children.get(anc) ?? []) {
      if ([...enter].some((s) => isDescendant(s, child))) continue;
      enter.add(child);
      addDescendantStatesToEnter(child, defaults, enter, p);
    }
  }
}

function computeEntrySet(transitions: readonly Transition[], defaults: Set<Node>, enter: Set<Node>, p: Program): void {
  for (const t of transitions) {
    const domain = domainOf(t, p);
    for (const s of t.target ?? []) {
      // The target is entered unless the transition stays inside its own source without re-entering.
      if (t.source !== s || t.source !== domain || t.reenter) {
        enter.add(s);
        defaults.add(s);
      }
      addDescendantStatesToEnter(s, defaults, enter, p);
    }
    for (const s of t.target ?? []) {
      const ancestors = properAncestors(s, domain);
      if (domain?.type === 'parallel') ancestors.push(domain);
      addAncestorStatesToEnter(enter, defaults, ancestors, !t.source.parent && t.reenter ? undefined : domain, p);
    }
  }
}

/** XState's getStateValue: the value of a configuration, in the configuration's own order. */
function valueOf(nodes: readonly Node[], p: Program): StateValue {
  const key = nodes.map((n) => n.order).join(',');
  let value = p.values.get(key);
  if (value === undefined) {
    const all = new Set(nodes);
    for (const s of all) for (let m = s.parent; m; m = m.parent) all.add(m);
    const adj = new Map<Node, Node[]>();
    for (const s of all) {
      if (!adj.has(s)) adj.set(s, []);
      if (s.parent) {
        if (!adj.has(s.parent)) adj.set(s.parent, []);
        adj.get(s.parent)?.push(s);
      }
    }
    const fromAdj = (base: Node): StateValue => {
      const kids = adj.get(base) ?? [];
      if (base.type === 'compound' && kids[0] && isAtomic(kids[0])) return kids[0].key;
      const out: Record<string, StateValue> = {};
      for (const kid of kids) out[kid.key] = fromAdj(kid);
      return out;
    };
    value = fromAdj(p.root);
    p.values.set(key, value);
  }
  return value;
}

// ------------------------------------------------------------------ the actor

export interface LeanSnapshot<TContext> {
  value: StateValue;
  context: TContext;
  status: 'active' | 'stopped';
}

type Snapshot = LeanSnapshot<Context>;

/** Which interpreter steps the hot actors: this one, or XState's own (the equivalence tests run both). */
export type Interpreter = 'lean' | 'xstate';

/** What the engine asks of an actor it steps (XState's Actor offers the same). */
export interface SteppedActor<TMachine extends AnyStateMachine> {
  start(): unknown;
  send(event: EventFromLogic<TMachine>): void;
  stop(): unknown;
  on(type: '*', handler: (emitted: EmittedFrom<TMachine>) => void): unknown;
}

export class LeanActor<TMachine extends AnyStateMachine> implements SteppedActor<TMachine> {
  private readonly p: Program;
  private readonly clock: Timers;
  private nodes: Node[];
  private value: StateValue;
  private context: Context;
  private status: 'notStarted' | 'running' | 'stopped' = 'notStarted';
  /** Bumped whenever XState would make a new snapshot object (an assign, a new configuration). */
  private changes = 0;
  private snapshot?: { changes: number; stopped: boolean; value: Snapshot };
  private readonly mailbox: EventObject[] = [];
  private processing = false;
  /** Effects XState defers to the end of a macrostep (scheduling, cancelling, emitting), in order. */
  private deferred: Array<() => void> = [];
  private readonly timers = new Map<string, number>();
  private readonly listeners: Array<(emitted: EmittedFrom<TMachine>) => void> = [];
  private readonly observers: Array<(snapshot: Snapshot, event: EventObject) => void> = [];
  private nextRaiseId = 0;

  constructor(machine: TMachine, options: { clock: Timers; input?: InputFrom<TMachine> }) {
    this.p = compile(machine);
    this.clock = options.clock;
    const initEvent = { type: 'xstate.init', input: options.input };
    const context = this.p.context;
    this.nodes = [this.p.root];
    this.value = {};
    this.context =
      typeof context === 'function'
        ? { ...(context as (a: { input: unknown; self: undefined; spawn: undefined }) => Context)({ input: options.input, self: undefined, spawn: undefined }) }
        : { ...((context as Context | undefined) ?? {}) };
    const internal: EventObject[] = [];
    const initial = { source: this.p.root, target: [...initialNodes(this.p.root, this.p)], reenter: true, actions: [] };
    this.microstep([initial], initEvent, internal, true);
    this.macrostep(initEvent, internal);
  }

  getSnapshot(): LeanSnapshot<TMachine extends { __TContext: infer C } ? C : Context> {
    return this.current() as LeanSnapshot<TMachine extends { __TContext: infer C } ? C : Context>;
  }

  /** Observers hear every snapshot after its macrostep's effects ran, with the event that caused it. */
  subscribe(observer: (snapshot: Snapshot, event: EventObject) => void): void {
    this.observers.push(observer);
  }

  on(_type: '*', handler: (emitted: EmittedFrom<TMachine>) => void): void {
    this.listeners.push(handler);
  }

  start(): this {
    if (this.status !== 'notStarted') return this;
    this.status = 'running';
    // Actor.start: events sent while the initial effects run wait in the mailbox until they are done.
    this.processing = true;
    try {
      this.update({ type: 'xstate.init' });
    } finally {
      this.processing = false;
    }
    this.flush();
    return this;
  }

  send(event: EventFromLogic<TMachine>): void {
    this.enqueue(event);
  }

  stop(): this {
    if (this.status === 'stopped') return this;
    this.mailbox.length = 0;
    if (this.status === 'notStarted') {
      this.status = 'stopped';
      return this;
    }
    this.enqueue({ type: 'xstate.stop' });
    return this;
  }

  private current(): Snapshot {
    const stopped = this.status === 'stopped';
    if (this.snapshot?.changes !== this.changes || this.snapshot.stopped !== stopped) {
      this.snapshot = { changes: this.changes, stopped, value: { value: this.value, context: this.context, status: stopped ? 'stopped' : 'active' } };
    }
    return this.snapshot.value;
  }

  private enqueue(event: EventObject): void {
    if (this.status === 'stopped') return;
    this.mailbox.push(event);
    if (this.status === 'running' && !this.processing) this.flush();
  }

  private flush(): void {
    this.processing = true;
    try {
      for (let event = this.mailbox.shift(); event; event = this.mailbox.shift()) this.process(event);
    } finally {
      this.processing = false;
    }
  }

  private process(event: EventObject): void {
    if (event.type === 'xstate.stop') {
      // Actor._stopProcedure: every delayed event of this actor is cancelled; listeners go.
      this.status = 'stopped';
      for (const id of [...this.timers.keys()]) this.cancel(id);
      this.observers.length = 0;
      this.listeners.length = 0;
      this.mailbox.length = 0;
      return;
    }
    this.macrostep(event, []);
    this.update(event);
  }

  /** Actor.update: the deferred effects, then the observers. */
  private update(event: EventObject): void {
    const deferred = this.deferred;
    this.deferred = [];
    for (const effect of deferred) effect();
    if (this.status !== 'running') return;
    const snapshot = this.current();
    for (const observer of this.observers) observer(snapshot, event);
  }

  private macrostep(event: EventObject, internal: EventObject[]): void {
    if (event.type !== 'xstate.init') this.microstep(this.select(event), event, internal, false);
    let nextEvent = event;
    let selectEventless = true;
    for (;;) {
      let enabled: Transition[] = selectEventless ? this.eventless(nextEvent) : [];
      const before: number | undefined = enabled.length > 0 ? this.changes : undefined;
      if (enabled.length === 0) {
        const queued = internal.shift();
        if (!queued) break;
        nextEvent = queued;
        enabled = this.select(nextEvent);
      }
      this.microstep(enabled, nextEvent, internal, false);
      selectEventless = this.changes !== before;
    }
  }

  /** StateMachine.getTransitionData: transitionNode from the root over the state value. */
  private select(event: EventObject): Transition[] {
    return this.transitionNode(this.p.root, this.value, event) ?? [];
  }

  private transitionNode(node: Node, value: StateValue, event: EventObject): Transition[] | undefined {
    if (typeof value === 'string') return this.next(node.states[value], event) ?? this.next(node, event);
    const keys = Object.keys(value);
    if (keys.length === 1) return this.transitionNode(node.states[keys[0]], value[keys[0]] as StateValue, event) ?? this.next(node, event);
    const all: Transition[] = [];
    for (const key of keys) {
      const sub = value[key];
      if (!sub) continue;
      const inner = this.transitionNode(node.states[key], sub as StateValue, event);
      if (inner) all.push(...inner);
    }
    return all.length > 0 ? all : this.next(node, event);
  }

  /** StateNode.next: the first candidate whose guard passes. */
  private next(node: Node, event: EventObject): Transition[] | undefined {
    const candidates = node.transitions.get(event.type);
    if (!candidates) return undefined;
    for (const t of candidates) if (this.passes(t, event)) return [t];
    return undefined;
  }

  private passes(t: Transition, event: EventObject): boolean {
    if (t.guard === undefined) return true;
    return (this.p.guards.get(t.guard) as Guard)({ context: this.context, event }, undefined);
  }

  private eventless(event: EventObject): Transition[] {
    const enabled = new Set<Transition>();
    for (const atomic of this.nodes) {
      if (!isAtomic(atomic)) continue;
      search: for (let s: Node | undefined = atomic; s; s = s.parent) {
        if (!s.always) continue;
        for (const t of s.always) {
          if (this.passes(t, event)) {
            enabled.add(t);
            break search;
          }
        }
      }
    }
    return enabled.size > 0 ? removeConflictingTransitions([...enabled], new Set(this.nodes), this.p) : [];
  }

  private microstep(transitions: readonly Transition[], event: EventObject, internal: EventObject[], isInitial: boolean): void {
    if (transitions.length === 0) return;
    const p = this.p;
    const set = new Set(this.nodes);
    const filtered = removeConflictingTransitions(transitions, set, p);
    if (!isInitial) {
      const exit = computeExitSet(filtered, set, p).sort((a, b) => b.order - a.order);
      for (const node of exit) {
        this.run(node.exit, event, internal);
        set.delete(node);
      }
    }
    for (const t of filtered) this.run(t.actions, event, internal);
    const enter = new Set<Node>();
    const defaults = new Set<Node>();
    computeEntrySet(filtered, defaults, enter, p);
    if (isInitial) defaults.add(p.root);
    const completed = new Set<Node>();
    for (const node of [...enter].sort((a, b) => a.order - b.order)) {
      set.add(node);
      this.run(node.entry, event, internal);
      if (defaults.has(node) && node.type === 'compound') this.run(node.initial.actions, event, internal);
      if (node.type !== 'final') continue;
      const parent = node.parent;
      let marker = parent?.type === 'parallel' ? parent : parent?.parent;
      if (parent?.type === 'compound') internal.push({ type: `xstate.done.state.${parent.id}`, output: undefined } as EventObject);
      while (marker?.type === 'parallel' && !completed.has(marker) && isInFinalState(set, marker, p)) {
        completed.add(marker);
        internal.push({ type: `xstate.done.state.${marker.id}`, output: undefined } as EventObject);
        marker = marker.parent;
      }
      // compile() refused machines whose root can be done, so some ancestor is still running.
    }
    if (set.size !== this.nodes.length || this.nodes.some((n) => !set.has(n))) {
      this.nodes = [...set];
      this.value = valueOf(this.nodes, p);
      this.changes++;
    }
  }

  /** resolveAndExecuteActionsWithContext for the built-ins compile() accepted. */
  private run(actions: readonly unknown[], event: EventObject, internal: EventObject[]): void {
    for (const ref of actions) {
      const op = this.p.ops.get(ref) as Op;
      const args = { context: this.context, event };
      switch (op.kind) {
        case 'assign': {
          const a = op.assignment;
          let partial: Context;
          if (typeof a === 'function') partial = a(args, undefined);
          else {
            partial = {};
            for (const key of Object.keys(a)) {
              const v = a[key];
              partial[key] = typeof v === 'function' ? (v as (x: Args, y: undefined) => unknown)(args, undefined) : v;
            }
          }
          this.context = Object.assign({}, this.context, partial);
          this.changes++;
          break;
        }
        case 'emit': {
          const emitted = (typeof op.event === 'function' ? op.event(args, undefined) : op.event) as EmittedFrom<TMachine>;
          this.deferred.push(() => {
            for (const listener of this.listeners) listener(emitted);
          });
          break;
        }
        case 'raise': {
          const raised = typeof op.event === 'function' ? op.event(args, undefined) : op.event;
          const ref = typeof op.delay === 'string' ? this.p.delays[op.delay] : op.delay;
          const delay = typeof ref === 'function' ? (ref as (x: Args, y: undefined) => unknown)(args, undefined) : ref;
          if (typeof delay !== 'number') {
            internal.push(raised);
            break;
          }
          const id = op.id ?? `lean.${this.nextRaiseId++}`;
          this.deferred.push(() => this.schedule(id, raised, delay));
          break;
        }
        case 'cancel': {
          const id = typeof op.id === 'function' ? op.id(args, undefined) : op.id;
          this.deferred.push(() => this.cancel(id));
          break;
        }
      }
    }
  }

  /** XState's scheduler: one timer per id (a second schedule under the same id forgets the first). */
  private schedule(id: string, event: EventObject, delay: number): void {
    const timer = this.clock.setTimeout(() => {
      this.timers.delete(id);
      this.enqueue(event);
    }, delay);
    this.timers.set(id, timer);
  }

  private cancel(id: string): void {
    const timer = this.timers.get(id);
    this.timers.delete(id);
    if (timer !== undefined) this.clock.clearTimeout(timer);
  }
}

/** getInitialStateNodes: the node and its initial descendants. */
function initialNodes(node: Node, p: Program): Set<Node> {
  const set = new Set<Node>();
  const visit = (n: Node): void => {
    if (set.has(n)) return;
    set.add(n);
    if (n.type === 'compound') visit(n.initial.target?.[0] as Node);
    else if (n.type === 'parallel') for (const child of p.children.get(n) ?? []) visit(child);
  };
  visit(node);
  return set;
}
