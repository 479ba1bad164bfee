/**
 * LeanActor runs an XState v5 machine definition (the very StateNode tree, guards, delays and
 * actions that the UI draws) without XState's interpreter. It exists for the actors that step more
 * than everything else together: probe workers take two macrosteps per probe, ~3 200 probes per virtual
 * hour for one pod, and XState's general interpreter (actor system, mailbox, inspection, snapshot
 * cloning) spends about 6 µs on each, most of a run's time; LeanActor about 0.4 µs (a probe round
 * alone on the virtual clock: 11–12 µs against 0.7 µs).
 *
 * It follows XState's own algorithm (stateUtils.ts macrostep and microstep, with the rules in
 * lean-algebra.ts; Actor: mailbox, deferred effects, scheduler) step for step, so that the same
 * machine gives the same states, context, emitted events and timers in the same order; what a
 * microstep does from a configuration is worked out once (lean-program.ts). It runs only the
 * subset of features our hot machines use, and refuses any other machine when it is compiled.
 * lean-actor.test.ts walks machines with both interpreters and compares every step, and the
 * engine's equivalence test compares whole traces.
 */
import type { AnyStateMachine, ContextFrom, EmittedFrom, EventFromLogic, EventObject, InputFrom, StateValue } from 'xstate';
import type { Timers } from '../../runtime/types';
import { compile, configOf, initialPlan, planFor, type Args, type Config, type Context, type NodeSteps, type Op, type Plan, type Program, type Selector, type Step } from './lean-program';

export interface LeanSnapshot<TContext> {
  value: StateValue;
  context: TContext;
  status: 'active' | 'done' | 'stopped';
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
  getSnapshot(): { status: string };
}

export class LeanActor<TMachine extends AnyStateMachine> implements SteppedActor<TMachine> {
  private readonly p: Program;
  private readonly clock: Timers;
  private config: Config;
  private context: Context;
  private status: 'notStarted' | 'running' | 'stopped' = 'notStarted';
  /** The machine reached a top-level final state (the actor then stops, as XState's does). */
  private done = false;
  /** Bumped whenever XState would make a new snapshot object (an assign, a new configuration). */
  private changes = 0;
  private snapshot?: { changes: number; status: Snapshot['status']; value: Snapshot };
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
    this.config = configOf([this.p.root], this.p);
    this.context =
      typeof context === 'function'
        ? { ...(context as (a: { input: unknown; self: undefined; spawn: undefined }) => Context)({ input: options.input, self: undefined, spawn: undefined }) }
        : { ...((context as Context | undefined) ?? {}) };
    const internal: EventObject[] = [];
    this.apply(initialPlan(this.p), initEvent, internal);
    this.macrostep(initEvent, internal);
  }

  getSnapshot(): LeanSnapshot<ContextFrom<TMachine>> {
    return this.current() as LeanSnapshot<ContextFrom<TMachine>>;
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
    const status = this.done ? 'done' : this.status === 'stopped' ? 'stopped' : 'active';
    if (this.snapshot?.changes !== this.changes || this.snapshot.status !== status) {
      this.snapshot = { changes: this.changes, status, value: { value: this.config.value, context: this.context, status } };
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
      this.stopProcedure();
      return;
    }
    this.macrostep(event, []);
    this.update(event);
  }

  /** Actor._stopProcedure and _complete: every delayed event of this actor is cancelled; listeners go. */
  private stopProcedure(): void {
    this.status = 'stopped';
    for (const id of [...this.timers.keys()]) this.cancel(id);
    this.observers.length = 0;
    this.listeners.length = 0;
    this.mailbox.length = 0;
  }

  /** Actor.update: the deferred effects, then the observers; a machine that is done then stops. */
  private update(event: EventObject): void {
    const deferred = this.deferred;
    this.deferred = [];
    for (const effect of deferred) effect();
    if (this.status !== 'running') return;
    const snapshot = this.current();
    for (const observer of this.observers) observer(snapshot, event);
    if (this.done) this.stopProcedure();
  }

  private macrostep(event: EventObject, internal: EventObject[]): void {
    if (event.type !== 'xstate.init') this.microstep(this.select(event), event, internal);
    let nextEvent = event;
    let selectEventless = true;
    while (!this.done) {
      let enabled: Step[] = selectEventless ? this.eventless(nextEvent) : [];
      const before: number | undefined = enabled.length > 0 ? this.changes : undefined;
      if (enabled.length === 0) {
        const queued = internal.shift();
        if (!queued) break;
        nextEvent = queued;
        enabled = this.select(nextEvent);
      }
      this.microstep(enabled, nextEvent, internal);
      selectEventless = this.changes !== before;
    }
  }

  /** StateMachine.getTransitionData: transitionNode from the root over the state value. */
  private select(event: EventObject): Step[] {
    return this.transitionNode(this.config.selector, event) ?? [];
  }

  private transitionNode(sel: Selector, event: EventObject): Step[] | undefined {
    switch (sel.kind) {
      case 'atomic':
        return this.next(sel.atomic, event) ?? this.next(sel.node, event);
      case 'compound':
        return this.transitionNode(sel.child, event) ?? this.next(sel.node, event);
      case 'parallel': {
        let all: Step[] | undefined;
        for (const child of sel.children) {
          const inner = this.transitionNode(child, event);
          if (inner) (all ??= []).push(...inner);
        }
        return all ?? this.next(sel.node, event);
      }
    }
  }

  /** StateNode.next: the first candidate whose guard passes. */
  private next(node: NodeSteps, event: EventObject): Step[] | undefined {
    const candidates = node.on.get(event.type);
    if (!candidates) return undefined;
    for (const t of candidates) if (this.passes(t, event)) return [t];
    return undefined;
  }

  private passes(t: Step, event: EventObject): boolean {
    return t.guard === undefined || t.guard({ context: this.context, event }, undefined);
  }


  /** selectEventlessTransitions; the conflicts are left to the microstep, which removes them anyway. */
  private eventless(event: EventObject): Step[] {
    const chains = this.config.always;
    if (chains.length === 0) return [];
    const enabled: Step[] = [];
    for (const chain of chains) {
      search: for (const list of chain) {
        for (const t of list) {
          if (!this.passes(t, event)) continue;
          if (!enabled.includes(t)) enabled.push(t);
          break search;
        }
      }
    }
    return enabled;
  }

  private microstep(transitions: readonly Step[], event: EventObject, internal: EventObject[]): void {
    if (transitions.length > 0) this.apply(planFor(this.config, transitions, this.p), event, internal);
  }

  /** A microstep: its actions in XState's order, then its configuration. */
  private apply(plan: Plan, event: EventObject, internal: EventObject[]): void {
    this.run(plan.ops, event, internal);
    if (plan.next !== this.config) {
      this.config = plan.next;
      this.changes++;
    }
    if (plan.done) this.done = true;
  }

  /** resolveAndExecuteActionsWithContext for the built-ins compile() accepted. */
  private run(ops: readonly Op[], event: EventObject, internal: EventObject[]): void {
    for (const op of ops) {
      const args: Args = { context: this.context, event };
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
          this.context = { ...this.context, ...partial };
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
        case 'done':
          internal.push(op.event);
          break;
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
