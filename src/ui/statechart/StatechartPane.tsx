/**
 * The statechart pane: pick an actor (pod, a container, a probe worker, the node) and see its
 * machine with the active states. The drawing comes from src/ui/diagram; this pane also states the
 * active state in words, which is what screen readers read.
 */
import { lazy, Suspense, useState } from 'react';
import type { Frame, TransitionRecord } from '../../engine/trace-types';
import { Choice } from '../layout/Choice';

/** The diagrams (and their build-time layouts) load with the first visit to this pane. */
const StatechartDiagram = lazy(() => import('../diagram').then((m) => ({ default: m.StatechartDiagram })));

function actorLabel(id: string): string {
  const parts = id.split('/');
  if (parts[0] === 'node' || parts[0] === 'deployment' || parts[0] === 'statefulset') return `${parts[0]} ${parts[1]}`;
  if (parts.length >= 6) return `probe ${parts[5]} (${parts[3]})`;
  if (parts.length >= 4) return `container ${parts[3]}`;
  return `pod ${parts[1]}`;
}

/** `waiting.crashLoopBackOff` → `waiting › crashLoopBackOff` (the deepest active paths only). */
export function activeLeaves(active: string[]): string[] {
  return active
    .filter((p) => !active.some((q) => q !== p && q.startsWith(`${p}.`)))
    .map((p) => p.split('.').join(' › '));
}

function actorName(id: string): string {
  const parts = id.split('/');
  return parts[parts.length - 1];
}

export function StatechartPane({
  frame,
  lastTransitions,
  selected,
  onSelect,
}: {
  frame: Frame;
  lastTransitions: Map<string, TransitionRecord>;
  /** Controlled choice of actor (a lesson step points at a machine); uncontrolled when absent. */
  selected?: string;
  onSelect?: (id: string) => void;
}) {
  const [ownChoice, setOwnChoice] = useState<string>('');
  const chosen = selected ?? ownChoice;
  const setChosen = onSelect ?? setOwnChoice;
  const machines = frame.machines;
  const actor =
    machines.find((m) => m.id === chosen) ?? machines.find((m) => m.machine === 'container') ?? machines[0];
  if (!actor) return <p className="p-3 text-sm">No machines at this moment.</p>;
  return (
    <div className="flex h-full flex-col gap-2 p-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Choice
          label="Machine"
          value={actor.id}
          options={machines.map((m) => m.id)}
          onChange={setChosen}
          labelOf={actorLabel}
          className=""
        />
        <p data-testid="active-state" aria-live="off">
          Active: <strong className="font-mono">{activeLeaves(actor.active).join(', ') || '—'}</strong>
        </p>
      </div>
      <div
        className="min-h-0 flex-1 overflow-auto rounded border border-slate-300 dark:border-slate-700"
        data-testid="diagram-slot"
      >
        <Suspense fallback={<p className="p-3 text-sm">Loading the diagram…</p>}>
          <StatechartDiagram
            machine={actor.machine}
            active={actor.active}
            lastTransition={lastTransitions.get(actor.id)}
            name={actorName(actor.id)}
            className="p-2"
          />
        </Suspense>
      </div>
    </div>
  );
}
