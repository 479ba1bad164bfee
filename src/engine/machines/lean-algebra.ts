/**
 * The part of XState v5's stateUtils.ts that LeanActor needs, over XState's own StateNode objects:
 * which transitions conflict, what a set of transitions exits and enters, a configuration's state
 * value. Function for function the same rules as XState's (same names), so that a configuration
 * and a set of transitions give XState's result; LeanActor caches the results per configuration.
 */
import type { EventObject, StateValue } from 'xstate';

/** The part of XState's StateNode these rules read (public fields of xstate's StateNode). */
export interface Node {
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

/** XState's TransitionDefinition, as far as these rules read it. */
export interface Transition {
  source: Node;
  target?: readonly Node[];
  reenter: boolean;
  guard?: unknown;
  actions: readonly unknown[];
}

/** A transition's domain depends on nothing else (PodPlay's machines have no history states). */
const domains = new WeakMap<Transition, Node | undefined>();

function rootOf(node: Node): Node {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

function childrenOf(node: Node): Node[] {
  return Object.values(node.states);
}

export function isAtomic(node: Node): boolean {
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

export function isInFinalState(set: Set<Node>, node: Node): boolean {
  const children = childrenOf(node);
  if (node.type === 'compound') return children.some((s) => s.type === 'final' && set.has(s));
  if (node.type === 'parallel') return children.every((s) => isInFinalState(set, s));
  return node.type === 'final';
}

function findLeastCommonAncestor(nodes: Node[]): Node | undefined {
  const [head, ...tail] = nodes;
  for (const ancestor of properAncestors(head, undefined)) {
    if (tail.every((n) => isDescendant(n, ancestor))) return ancestor;
  }
  return undefined;
}

function domainOf(t: Transition): Node | undefined {
  if (domains.has(t)) return domains.get(t);
  const targets = t.target ?? [];
  let domain: Node | undefined;
  if (!t.reenter && targets.every((target) => target === t.source || isDescendant(target, t.source))) domain = t.source;
  else domain = findLeastCommonAncestor([...targets, t.source]) ?? (t.reenter ? undefined : rootOf(t.source));
  domains.set(t, domain);
  return domain;
}

export function computeExitSet(transitions: readonly Transition[], set: Set<Node>): Node[] {
  const exit = new Set<Node>();
  for (const t of transitions) {
    if (!t.target?.length) continue;
    const domain = domainOf(t);
    if (t.reenter && t.source === domain && domain) exit.add(domain);
    for (const node of set) if (isDescendant(node, domain)) exit.add(node);
  }
  return [...exit];
}

export function removeConflictingTransitions(enabled: readonly Transition[], set: Set<Node>): Transition[] {
  if (enabled.length < 2) return [...enabled];
  const filtered = new Set<Transition>();
  for (const t1 of enabled) {
    let preempted = false;
    const remove = new Set<Transition>();
    for (const t2 of filtered) {
      const exit2 = new Set(computeExitSet([t2], set));
      if (computeExitSet([t1], set).some((n) => exit2.has(n))) {
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

function addDescendantStatesToEnter(node: Node, defaults: Set<Node>, enter: Set<Node>): void {
  if (node.type === 'compound') {
    const initial = node.initial.target?.[0] as Node;
    enter.add(initial);
    defaults.add(initial);
    addDescendantStatesToEnter(initial, defaults, enter);
    addAncestorStatesToEnter(enter, defaults, properAncestors(initial, node), undefined);
  } else if (node.type === 'parallel') {
    for (const child of childrenOf(node)) {
      if ([...enter].some((s) => isDescendant(s, child))) continue;
      enter.add(child);
      defaults.add(child);
      addDescendantStatesToEnter(child, defaults, enter);
    }
  }
}

function addAncestorStatesToEnter(enter: Set<Node>, defaults: Set<Node>, ancestors: Node[], reentrancyDomain: Node | undefined): void {
  for (const anc of ancestors) {
    if (!reentrancyDomain || isDescendant(anc, reentrancyDomain)) enter.add(anc);
    if (anc.type !== 'parallel') continue;
    for (const child of childrenOf(anc)) {
      if ([...enter].some((s) => isDescendant(s, child))) continue;
      enter.add(child);
      addDescendantStatesToEnter(child, defaults, enter);
    }
  }
}

export function computeEntrySet(transitions: readonly Transition[], defaults: Set<Node>, enter: Set<Node>): void {
  for (const t of transitions) {
    const domain = domainOf(t);
    for (const s of t.target ?? []) {
      // The target is entered unless the transition stays inside its own source without re-entering.
      if (t.source !== s || t.source !== domain || t.reenter) {
        enter.add(s);
        defaults.add(s);
      }
      addDescendantStatesToEnter(s, defaults, enter);
    }
    for (const s of t.target ?? []) {
      const ancestors = properAncestors(s, domain);
      if (domain?.type === 'parallel') ancestors.push(domain);
      addAncestorStatesToEnter(enter, defaults, ancestors, !t.source.parent && t.reenter ? undefined : domain);
    }
  }
}

/** XState's getStateValue: the value of a configuration, in the configuration's own order. */
export function stateValueOf(nodes: readonly Node[], root: Node): StateValue {
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
  return fromAdj(root);
}

/** getInitialStateNodes: the node and its initial descendants. */
export function initialNodes(node: Node): Set<Node> {
  const set = new Set<Node>();
  const visit = (n: Node): void => {
    if (set.has(n)) return;
    set.add(n);
    if (n.type === 'compound') visit(n.initial.target?.[0] as Node);
    else if (n.type === 'parallel') for (const child of childrenOf(n)) visit(child);
  };
  visit(node);
  return set;
}

/** createDoneStateEvent: what entering a final state raises for a finished parent. */
export function doneStateEvent(node: Node): EventObject {
  return { type: `xstate.done.state.${node.id}`, output: undefined } as EventObject;
}
