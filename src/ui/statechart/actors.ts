/**
 * Recorded actors in words, whatever machine they run. Actor ids are `kind/name` pairs, nested
 * under their owner (`pod/web/container/app/probe/liveness`, `node/node-1`, `deployment/web`), so a
 * machine added to src/engine/machines shows in the pane without a case of its own here.
 */
import type { MachineState } from '../../engine/trace-types';

/** The `kind/name` pairs of an actor id, outermost first. */
export function pairsOf(id: string): Array<[string, string]> {
  const parts = id.split('/');
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < parts.length; i += 2) pairs.push([parts[i], parts[i + 1] ?? '']);
  return pairs;
}

/**
 * `container app`, `probe liveness (app)`, `deployment web`; with `qualify`, a nested actor also
 * names the object it runs in (`container app in pod web-x2f9k`), for runs with several pods.
 */
export function actorLabel(id: string, qualify = false): string {
  const pairs = pairsOf(id);
  const [kind, name] = pairs[pairs.length - 1];
  let label = `${kind} ${name}`;
  if (kind === 'probe' && pairs.length >= 2) label = `probe ${name} (${pairs[pairs.length - 2][1]})`;
  if (qualify && pairs.length > 1) label += ` in ${pairs[0][0]} ${pairs[0][1]}`;
  return label;
}

/** The actor's own name, for the diagram's accessible label. */
export function actorName(id: string): string {
  const pairs = pairsOf(id);
  return pairs[pairs.length - 1][1];
}

/** Whether nested actors need their owner named: several top-level objects of one kind hold them. */
export function needsQualifier(machines: readonly MachineState[]): boolean {
  const owners = new Set(machines.filter((m) => m.id.split('/').length > 2).map((m) => m.id.split('/').slice(0, 2).join('/')));
  return owners.size > 1;
}

/** `waiting.crashLoopBackOff` → `waiting › crashLoopBackOff` (the deepest active paths only). */
export function activeLeaves(active: string[]): string[] {
  return active
    .filter((p) => !active.some((q) => q !== p && q.startsWith(`${p}.`)))
    .map((p) => p.split('.').join(' › '));
}
