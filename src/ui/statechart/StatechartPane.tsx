/**
 * The statechart pane: pick any recorded actor (pods, containers, probe workers, nodes, workload
 * controllers) and see the machine of its MachineKind with the active states. The drawing comes
 * from src/ui/diagram; this pane also states the active state in words, which is what screen
 * readers read.
 */
import { lazy, Suspense, useState } from 'react';
import type { Frame, TransitionRecord } from '../../engine/trace-types';
import { Choice } from '../layout/Choice';
import { activeLeaves, actorLabel, actorName, needsQualifier } from './actors';

/** The diagrams (and their build-time layouts) load with the first visit to this pane. */
const StatechartDiagram = lazy(() => import('../diagram').then((m) => ({ default: m.StatechartDiagram })));

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
  const qualify = needsQualifier(machines);
  if (!actor) return <p className="p-3 text-sm">No machines at this moment.</p>;
  return (
    <div className="flex h-full flex-col gap-2 p-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Choice
          label="Machine"
          value={actor.id}
          options={machines.map((m) => m.id)}
          onChange={setChosen}
          labelOf={(id) => actorLabel(id, qualify)}
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
