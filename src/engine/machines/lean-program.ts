/**
 * What LeanActor knows of a machine before it runs: its definition compiled once (each guard and
 * action resolved from the machine's implementations to a plain function or built-in), and, as
 * configurations are met, each configuration's state value, its eventless candidates and the
 * microsteps taken from it. A microstep's plan is every action it runs, in XState's order (exits,
 * transitions, entries with their initial actions and done events), and the configuration it
 * leads to; so a step that was taken once costs a lookup and its actions afterwards.
 *
 * compile() refuses any machine outside the subset LeanActor runs the way XState does: atomic,
 * compound, parallel and final states; exact event names; plain guards; assign, emit, raise
 * (`after` is a delayed raise) and cancel; no invoke, history or output.
 */
import type { AnyStateMachine, EventObject, StateValue } from 'xstate';
import {
  computeEntrySet,
  computeExitSet,
  doneStateEvent,
  initialNodes,
  isAtomic,
  isInFinalState,
  removeConflictingTransitions,
  stateValueOf,
  type Node,
  type Transition,
} from './lean-algebra';

export type Context = Record<string, unknown>;
export type Args = { context: Context; event: EventObject };
type Guard = (args: Args, params: undefined) => boolean;
type Assignment = ((args: Args, params: undefined) => Context) | Record<string, unknown>;
type Expr<T> = T | ((args: Args, params: undefined) => T);

/** A built-in action resolved from the implementations, or a done event a microstep raises. */
export type Op =
  | { kind: 'assign'; assignment: Assignment }
  | { kind: 'emit'; event: Expr<EventObject> }
  | { kind: 'raise'; event: Expr<EventObject>; delay: unknown; id?: string }
  | { kind: 'cancel'; id: Expr<string> }
  | { kind: 'done'; event: EventObject };

/** A transition with its guard and actions resolved. */
export interface Step {
  def: Transition;
  id: number;
  guard?: Guard;
}

/** A state node's transitions by event, resolved. */
export interface NodeSteps {
  node: Node;
  on: Map<string, Step[]>;
}

/** How StateMachine.getTransitionData walks a configuration's state value, node by node. */
export type Selector =
  | { kind: 'atomic'; node: NodeSteps; atomic: NodeSteps }
  | { kind: 'compound'; node: NodeSteps; child: Selector }
  | { kind: 'parallel'; node: NodeSteps; children: Selector[] };

/**
 * A configuration (XState's `_nodes`, in their order) and what follows from it alone: its state
 * value, how events select transitions in it, the `always` lists its atomic states look through,
 * and the microsteps taken from it.
 */
export interface Config {
  nodes: readonly Node[];
  value: StateValue;
  selector: Selector;
  /** Per atomic state (in order), the `always` steps of it and its ancestors, nearest first. */
  always: Step[][][];
  plans: Map<unknown, Plan>;
}

/** One microstep from a configuration by a set of transitions. */
export interface Plan {
  ops: Op[];
  next: Config;
  /** The machine reached a top-level final state: the actor is done. */
  done: boolean;
}

export interface Program {
  root: Node;
  delays: Record<string, unknown>;
  /** The machine's `context`: an object, or a factory of the input. */
  context: unknown;
  steps: Map<Transition, Step>;
  nodes: Map<Node, NodeSteps>;
  ops: Map<unknown, Op>;
  configs: Map<string, Config>;
}

const programs = new WeakMap<AnyStateMachine, Program>();

/** Refuse what LeanActor does not do the way XState does. */
function unsupported(machine: AnyStateMachine, what: string): never {
  throw new Error(`LeanActor cannot run machine '${machine.id}': ${what}`);
}

export function compile(machine: AnyStateMachine): Program {
  const known = programs.get(machine);
  if (known) return known;
  const impl = machine.implementations as { guards: Record<string, unknown>; actions: Record<string, unknown>; delays: Record<string, unknown> };
  const root = machine.root as unknown as Node;
  const p: Program = {
    root,
    delays: impl.delays,
    context: (machine.config as { context?: unknown }).context,
    steps: new Map(),
    nodes: new Map(),
    ops: new Map(),
    configs: new Map(),
  };
  const guardOf = (ref: unknown): Guard | undefined => {
    if (ref === undefined) return undefined;
    const name = typeof ref === 'string' ? ref : (ref as { type?: unknown }).type;
    if (typeof ref === 'object' && ref && 'params' in ref) unsupported(machine, `guard params (${String(name)})`);
    const fn = typeof ref === 'function' ? ref : impl.guards[name as string];
    if (typeof fn !== 'function' || 'check' in fn) unsupported(machine, `guard ${String(name)} is not a plain function`);
    return fn as Guard;
  };
  const opOf = (ref: unknown): void => {
    if (p.ops.has(ref)) return;
    if (typeof ref === 'object' && ref && 'params' in ref) unsupported(machine, 'action params');
    const resolved = typeof ref === 'string' ? impl.actions[ref] : typeof ref === 'object' && ref ? impl.actions[(ref as { type: string }).type] : ref;
    const builtin = resolved as { type?: string; assignment?: unknown; event?: unknown; delay?: unknown; id?: unknown; sendId?: unknown } | undefined;
    switch (builtin?.type) {
      case 'xstate.assign':
        p.ops.set(ref, { kind: 'assign', assignment: builtin.assignment as Assignment });
        return;
      case 'xstate.emit':
        p.ops.set(ref, { kind: 'emit', event: builtin.event as Expr<EventObject> });
        return;
      case 'xstate.raise':
        p.ops.set(ref, { kind: 'raise', event: builtin.event as Expr<EventObject>, delay: builtin.delay, id: builtin.id as string | undefined });
        return;
      case 'xstate.cancel':
        p.ops.set(ref, { kind: 'cancel', id: builtin.sendId as Expr<string> });
        return;
      default:
        unsupported(machine, `action ${typeof ref === 'string' ? ref : String(builtin?.type ?? 'inline')} is not assign, emit, raise or cancel`);
    }
  };
  const stepOf = (t: Transition): Step => {
    t.actions.forEach(opOf);
    const step = { def: t, id: p.steps.size, guard: guardOf(t.guard) };
    p.steps.set(t, step);
    return step;
  };
  const visit = (node: Node): void => {
    if (node.type === 'history') unsupported(machine, `history state ${node.id}`);
    if (node.invoke.length > 0) unsupported(machine, `invoke in ${node.id}`);
    if (node.type === 'final' && node.output !== undefined) unsupported(machine, `output of ${node.id}`);
    const on = new Map<string, Step[]>();
    for (const [descriptor, list] of node.transitions) {
      if (descriptor.includes('*')) unsupported(machine, `wildcard event ${descriptor} in ${node.id}`);
      on.set(descriptor, list.map(stepOf));
    }
    node.always?.forEach(stepOf);
    node.initial.actions.forEach(opOf);
    node.entry.forEach(opOf);
    node.exit.forEach(opOf);
    p.nodes.set(node, { node, on });
    Object.values(node.states).forEach(visit);
  };
  visit(root);
  programs.set(machine, p);
  return p;
}

/** The interned configuration of these nodes in this order. */
export function configOf(nodes: readonly Node[], p: Program): Config {
  const key = nodes.map((n) => n.order).join(',');
  let config = p.configs.get(key);
  if (config) return config;
  const always: Step[][][] = [];
  for (const atomic of nodes) {
    if (!isAtomic(atomic)) continue;
    const chain: Step[][] = [];
    for (let s: Node | undefined = atomic; s; s = s.parent) if (s.always) chain.push(s.always.map((t) => p.steps.get(t) as Step));
    if (chain.length > 0) always.push(chain);
  }
  const value = stateValueOf(nodes, p.root);
  config = { nodes, value, selector: selectorOf(p.root, value, p), always, plans: new Map() };
  p.configs.set(key, config);
  return config;
}

/** transitionNode's walk over a state value, fixed once per configuration. */
function selectorOf(node: Node, value: StateValue, p: Program): Selector {
  const steps = p.nodes.get(node) as NodeSteps;
  if (typeof value === 'string') return { kind: 'atomic', node: steps, atomic: p.nodes.get(node.states[value]) as NodeSteps };
  const keys = Object.keys(value);
  if (keys.length === 1) return { kind: 'compound', node: steps, child: selectorOf(node.states[keys[0]], value[keys[0]] as StateValue, p) };
  const children = keys.filter((k) => value[k]).map((k) => selectorOf(node.states[k], value[k] as StateValue, p));
  return { kind: 'parallel', node: steps, children };
}

/** The plan for these transitions from this configuration, made once. */
export function planFor(config: Config, transitions: readonly Step[], p: Program): Plan {
  // One transition, or two (a parallel machine's regions both taking the event), key by number.
  const key =
    transitions.length === 1
      ? transitions[0].id
      : transitions.length === 2
        ? (transitions[0].id + 1) * 0x10000 + transitions[1].id
        : transitions.map((t) => t.id).join(' ');
  let plan = config.plans.get(key);
  if (!plan) {
    plan = planOf(config, transitions.map((t) => t.def), false, p);
    config.plans.set(key, plan);
  }
  return plan;
}

/** The initial microstep: every initial state entered from the root. */
export function initialPlan(p: Program): Plan {
  const initial = { source: p.root, target: [...initialNodes(p.root)], reenter: true, actions: [] };
  return planOf(configOf([p.root], p), [initial], true, p);
}

/** microstep without running anything: which actions run in which order, and where it ends. */
function planOf(config: Config, transitions: readonly Transition[], isInitial: boolean, p: Program): Plan {
  const set = new Set(config.nodes);
  const filtered = removeConflictingTransitions(transitions, set);
  const opsOf = (refs: readonly unknown[]) => refs.map((ref) => p.ops.get(ref) as Op);
  const ops: Op[] = [];
  const exit = isInitial ? [] : computeExitSet(filtered, set).sort((a, b) => b.order - a.order);
  for (const node of exit) {
    ops.push(...opsOf(node.exit));
    set.delete(node);
  }
  for (const t of filtered) ops.push(...opsOf(t.actions));
  const enter = new Set<Node>();
  const defaults = new Set<Node>();
  computeEntrySet(filtered, defaults, enter);
  if (isInitial) defaults.add(p.root);
  const completed = new Set<Node>();
  let done = false;
  for (const node of [...enter].sort((a, b) => a.order - b.order)) {
    set.add(node);
    ops.push(...opsOf(node.entry));
    if (defaults.has(node)) ops.push(...opsOf(node.initial.actions));
    if (node.type !== 'final') continue;
    const parent = node.parent;
    let marker = parent?.type === 'parallel' ? parent : parent?.parent;
    if (parent?.type === 'compound') ops.push({ kind: 'done', event: doneStateEvent(parent) });
    while (marker?.type === 'parallel' && !completed.has(marker) && isInFinalState(set, marker)) {
      completed.add(marker);
      ops.push({ kind: 'done', event: doneStateEvent(marker) });
      marker = marker.parent;
    }
    // No ancestor left running: the machine is done (enterStates sets status 'done').
    if (!marker) done = true;
  }
  let nodes = [...set];
  if (done) {
    // A machine that is done exits every state it is in, deepest first; microstep sorts the node
    // list itself to do so, and the snapshot keeps that order.
    nodes = nodes.sort((a, b) => b.order - a.order);
    for (const node of nodes) ops.push(...opsOf(node.exit));
  }
  // XState keeps the old node list (and its order) when the members did not change.
  const same = set.size === config.nodes.length && config.nodes.every((n) => set.has(n));
  return { ops, next: same ? config : configOf(nodes, p), done };
}
