/**
 * What the diagram component needs besides drawing: the generated layouts, which states are active,
 * which edge the last transition took, and the words for the active state. No React, no ELK.
 */
import type { MachineKind } from '../../engine/trace-types';
import layoutsJson from './layouts.generated.json';
import type { LayoutEdge, Layouts, MachineLayout } from './layout-types';

export const layouts = layoutsJson as unknown as Layouts;

/**
 * The machine kinds that have a diagram: every machine the engine defines, laid out by npm run
 * layout (a new machine in src/engine/machines shows once its layout is generated).
 */
export const machineKinds: readonly MachineKind[] = Object.keys(layouts) as MachineKind[];

export function layoutOf(machine: string): MachineLayout | undefined {
  return Object.prototype.hasOwnProperty.call(layouts, machine) ? layouts[machine] : undefined;
}

export interface LastTransition {
  from: readonly string[];
  to: readonly string[];
  /** The event type as XState names it (`EXITED`, `xstate.after.kubeletSync.container.terminated`) or its label (`after 1s`). */
  event: string;
}

/** 'crashLoopBackOff' → 'CrashLoopBackOff'. */
function capitalise(key: string): string {
  return key.length === 0 ? key : key[0].toUpperCase() + key.slice(1);
}

/** Active paths without an active descendant: the innermost active state of each region. */
export function activeLeaves(active: readonly string[]): string[] {
  const paths = active.filter((p) => p !== '');
  return paths.filter((p) => !paths.some((q) => q.startsWith(`${p}.`)));
}

/** 'Waiting › CrashLoopBackOff'; parallel regions joined with '; '; 'none' when nothing is active. */
export function describeActive(machine: string, active: readonly string[]): string {
  const layout = layoutOf(machine);
  const labels = new Map(layout?.states.map((s) => [s.path, s.label]) ?? []);
  const leaves = activeLeaves(active);
  if (leaves.length === 0) return 'none';
  return leaves
    .map((leaf) => {
      const keys = leaf.split('.');
      return keys.map((key, i) => labels.get(keys.slice(0, i + 1).join('.')) ?? capitalise(key)).join(' › ');
    })
    .join('; ');
}

/** Whether a transition record's event names this edge's event (XState's type, or the label as the diagram prints it). */
function eventMatches(edge: LayoutEdge, event: string): boolean {
  if (edge.kind === 'always') return false;
  if (edge.event === event) return true;
  if (edge.label.some((line) => line === event || line.startsWith(`${event} [`))) return true;
  if (edge.kind !== 'after') return false;
  // Another instance of the same delayed event, or `after kubeletSync` / `after 1s` for `after kubeletSync (1s)`.
  if (event.startsWith('xstate.after.')) return event.split('.')[2] === edge.event.split('.')[2];
  return edge.label.some((line) => line.startsWith(`${event} `) || line.includes(`(${event.replace(/^after /, '')})`));
}

/**
 * The edges a transition took: the source active before, the target active after, and the event
 * matching. An eventless (`always`) edge needs no event, since it follows whichever one fired, but
 * must lead somewhere new; an edge into a state that was already active (a self-loop, a re-entry)
 * counts only when its event is the one named.
 */
export function edgesTaken(layout: MachineLayout, last: LastTransition | undefined): Set<string> {
  const taken = new Set<string>();
  if (!last) return taken;
  const from = new Set(last.from);
  const to = new Set(last.to);
  for (const edge of layout.edges) {
    const sourceActive = edge.source === '' || from.has(edge.source);
    if (!sourceActive || !to.has(edge.target)) continue;
    const reentry = from.has(edge.target);
    const ok = edge.kind === 'always' ? !reentry : eventMatches(edge, last.event);
    if (ok) taken.add(edge.id);
  }
  return taken;
}

/** An SVG path through the polyline with rounded corners. */
export function roundedPath(points: readonly number[], radius = 8): string {
  if (points.length < 4) return '';
  const n = points.length / 2;
  const x = (i: number): number => points[2 * i];
  const y = (i: number): number => points[2 * i + 1];
  let d = `M${x(0)} ${y(0)}`;
  for (let i = 1; i < n - 1; i++) {
    const inLen = Math.hypot(x(i) - x(i - 1), y(i) - y(i - 1));
    const outLen = Math.hypot(x(i + 1) - x(i), y(i + 1) - y(i));
    const r = Math.min(radius, inLen / 2, outLen / 2);
    if (r <= 0.5) {
      d += ` L${x(i)} ${y(i)}`;
      continue;
    }
    const ax = x(i) - ((x(i) - x(i - 1)) / inLen) * r;
    const ay = y(i) - ((y(i) - y(i - 1)) / inLen) * r;
    const bx = x(i) + ((x(i + 1) - x(i)) / outLen) * r;
    const by = y(i) + ((y(i + 1) - y(i)) / outLen) * r;
    d += ` L${fmt(ax)} ${fmt(ay)} Q${x(i)} ${y(i)} ${fmt(bx)} ${fmt(by)}`;
  }
  d += ` L${x(n - 1)} ${y(n - 1)}`;
  return d;
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}
