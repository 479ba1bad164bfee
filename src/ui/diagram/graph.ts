/**
 * The statechart as a graph, read from the machine definition that runs: its state nodes (compound,
 * parallel, final) and transitions (events with guards, `after` delays by name or duration,
 * `always` with guards). Used at build time by scripts/layout-machines.ts and by the staleness
 * test; the browser reads only the generated layout JSON, never this module.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { DiagramEdgeKind, DiagramStateType } from './layout-types';

export interface GraphState {
  /** Dotted state path ('' for the machine itself), as MachineState.active lists it. */
  path: string;
  /** Parent path; null for the machine's root. */
  parent: string | null;
  /** The state's key in the definition ('crashLoopBackOff'; the machine id for the root). */
  key: string;
  /** What the diagram prints ('CrashLoopBackOff'). */
  label: string;
  type: DiagramStateType;
  /** A region of a parallel state (drawn dashed). */
  region: boolean;
  /** Path of the initial child, for compound states. */
  initial?: string;
  /** Events handled here without leaving the state (targetless transitions), labelled. */
  internal: string[];
}

export interface GraphEdge {
  /** Source and target state paths. */
  source: string;
  target: string;
  kind: DiagramEdgeKind;
  /** XState's event type (`EXITED`, `xstate.after.kubeletSync.container.terminated`; '' for always). */
  event: string;
  /** One line per transition merged into this edge (same source, target and event). */
  label: string[];
}

export interface MachineGraph {
  id: string;
  states: GraphState[];
  edges: GraphEdge[];
}

/** 'crashLoopBackOff' → 'CrashLoopBackOff': the container reasons the kubelet reports read as they do in kubectl. */
export function stateLabel(key: string): string {
  return key.length === 0 ? key : key[0].toUpperCase() + key.slice(1);
}

/** 1000 → '1s', 1500 → '1.5s', 90000 → '90s', 300000 → '5m', 250 → '250ms'. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 100) / 10}s`;
}

interface GuardLike {
  type?: unknown;
  name?: unknown;
  guards?: unknown;
}

/** A guard as the definition names it: 'restartNow', 'not(onHold)', or 'condition' when it is inline. */
export function guardName(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' || typeof guard === 'function') {
    const g = guard as GuardLike;
    // Higher-order guards (and/or/not) are functions named after their operator, carrying their parts.
    if (Array.isArray(g.guards) && typeof g.name === 'string') {
      return `${g.name}(${g.guards.map((part) => guardName(part) ?? 'condition').join(', ')})`;
    }
    if (typeof g.type === 'string') return g.type;
    // An inline function: its own name when it was given one, else a generic word.
    if (typeof guard === 'function' && typeof g.name === 'string' && g.name !== '' && g.name !== 'guard') return g.name;
    return 'condition';
  }
  return undefined;
}

interface TransitionLike {
  eventType: string;
  guard?: unknown;
  target?: ReadonlyArray<AnyStateNode>;
  delay?: unknown;
}

function delayLabel(machine: AnyStateMachine, delay: unknown): string {
  if (typeof delay === 'number') return `after ${formatDuration(delay)}`;
  if (typeof delay === 'string') {
    const delays = (machine.implementations.delays ?? {}) as Record<string, unknown>;
    const value = delays[delay];
    if (typeof value === 'number') return `after ${delay} (${formatDuration(value)})`;
    return `after ${delay}`;
  }
  return 'after';
}

function pathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

function typeOf(node: AnyStateNode): DiagramStateType {
  switch (node.type) {
    case 'parallel':
      return 'parallel';
    case 'final':
      return 'final';
    case 'history':
      return 'history';
    case 'compound':
      return 'compound';
    default:
      return 'atomic';
  }
}

/**
 * Walks the machine's state nodes in definition order (the order ELK keeps) and collects its
 * transitions. Transitions with the same source, target and event merge into one edge whose label
 * has a line per guard, in the order XState tries them; an unguarded fallback after guarded
 * siblings reads `[else]`.
 */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const states: GraphState[] = [];
  const edges: GraphEdge[] = [];
  const timers = delayOwners(machine);

  const visit = (node: AnyStateNode, parent: AnyStateNode | null): void => {
    const path = pathOf(node);
    const internal: string[] = [];
    const children = Object.values(node.states) as AnyStateNode[];
    const initialTarget = node.type === 'compound' ? node.initial?.target?.[0] : undefined;
    const state: GraphState = {
      path,
      parent: parent ? pathOf(parent) : null,
      key: parent ? node.key : machine.id,
      label: stateLabel(parent ? node.key : machine.id),
      type: typeOf(node),
      region: parent?.type === 'parallel',
      internal,
    };
    if (initialTarget) state.initial = pathOf(initialTarget);
    states.push(state);

    // Another region's timer heard here (the probe's prober on the ticker's tick) says whose it is.
    const afterLabel = (t: TransitionLike): string => {
      const owner = t.delay === undefined ? timers.get(t.eventType) : undefined;
      return owner ? `${delayLabel(machine, owner.delay)} (${owner.path})` : delayLabel(machine, t.delay);
    };
    const addGroup = (kind: DiagramEdgeKind, event: string, transitions: ReadonlyArray<TransitionLike>): void => {
      const anyGuarded = transitions.some((t) => t.guard !== undefined);
      transitions.forEach((t) => {
        const guard = guardName(t.guard);
        const guardText = guard ? `[${guard}]` : anyGuarded ? '[else]' : '';
        const head = kind === 'always' ? '' : kind === 'after' ? afterLabel(t) : event;
        const line = [head, guardText].filter((s) => s !== '').join(' ') || 'always';
        const targets = t.target ?? [];
        if (targets.length === 0) {
          if (!internal.includes(line)) internal.push(line);
          return;
        }
        for (const target of targets) {
          const targetPath = pathOf(target);
          const existing = edges.find((e) => e.source === path && e.target === targetPath && e.kind === kind && e.event === event);
          if (existing) existing.label.push(line);
          else edges.push({ source: path, target: targetPath, kind, event, label: [line] });
        }
      });
    };

    for (const [eventType, transitions] of node.transitions) {
      const list = transitions as ReadonlyArray<TransitionLike>;
      const delayed = eventType.startsWith('xstate.after.');
      addGroup(delayed ? 'after' : 'event', eventType, list);
    }
    const always = (node.always ?? []) as ReadonlyArray<TransitionLike>;
    if (always.length > 0) addGroup('always', '', always);

    for (const child of children) visit(child, node);
  };

  visit(machine.root, null);
  return { id: machine.id, states, edges };
}

/** Each `after` event of the machine → its delay and the state whose timer it is. */
function delayOwners(machine: AnyStateMachine): Map<string, { delay: unknown; path: string }> {
  const owners = new Map<string, { delay: unknown; path: string }>();
  const visit = (node: AnyStateNode): void => {
    for (const t of node.after as ReadonlyArray<TransitionLike>) owners.set(t.eventType, { delay: t.delay, path: pathOf(node) });
    for (const child of Object.values(node.states) as AnyStateNode[]) visit(child);
  };
  visit(machine.root);
  return owners;
}

/** Anything a module exports that is an XState machine (duck-typed: root state node, transition function). */
export function isStateMachine(value: unknown): value is AnyStateMachine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { root?: unknown; transition?: unknown; implementations?: unknown; id?: unknown };
  return typeof v.transition === 'function' && typeof v.root === 'object' && v.root !== null && typeof v.implementations === 'object' && typeof v.id === 'string';
}

/** Every machine exported by the given modules, by id, sorted (a machine exported twice counts once). */
export function collectMachines(modules: ReadonlyArray<Record<string, unknown>>): AnyStateMachine[] {
  const byId = new Map<string, AnyStateMachine>();
  for (const mod of modules) {
    for (const value of Object.values(mod)) {
      if (isStateMachine(value) && !byId.has(value.id)) byId.set(value.id, value);
    }
  }
  return [...byId.keys()].sort().map((id) => byId.get(id) as AnyStateMachine);
}
