/**
 * Acting on the run at the cursor: pick what to do (on the chosen pod, on a node, on a workload),
 * fill in a small form, and it becomes a timed SimAction; the run is simulated again. Choices that
 * make no sense at the cursor are disabled with the reason shown next to the button. Each kind of
 * target has its form: PodActionForm, NodeActionForm, WorkloadActionForm.
 */
import { lazy, Suspense, useId, useState } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { SimAction } from '../../engine/input';
import type { Frame } from '../../engine/trace-types';
import { formatClock } from '../trace-utils';
import { actionContext, unavailableReason } from './availability';
import { ACTION_KINDS, actionClock, describeAction, type FormKind } from './describe';
import { SelectField } from './fields';
import { isNodeKind, isPodKind, isWorkloadKind } from './kinds';
import { PodActionForm } from './PodActionForm';

/** Node and workload forms load when one of their kinds is first chosen. */
const NodeActionForm = lazy(() => import('./NodeActionForm').then((m) => ({ default: m.NodeActionForm })));
const WorkloadActionForm = lazy(() =>
  import('./WorkloadActionForm').then((m) => ({ default: m.WorkloadActionForm })),
);

export interface ActionsPanelProps {
  actions: SimAction[];
  t: number;
  podName: string | undefined;
  podExists: boolean;
  /** The pod and frame at the cursor (containers, ports, probes, nodes, ReplicaSets). */
  pod?: Pod;
  frame?: Frame;
  onAdd: (a: SimAction) => void;
  onRemove: (index: number) => void;
}

export function ActionsPanel({
  actions,
  t,
  podName,
  podExists,
  pod,
  frame,
  onAdd,
  onRemove,
}: ActionsPanelProps) {
  const uid = useId();
  const [kind, setKind] = useState<FormKind>('deletePod');

  // The cursor's own moment (ms precision): rounding could move a kill before the container starts.
  // What the views show at an instant is the state after everything that happened then, so an action
  // taken at an event's instant (a container just started) comes 1 ms after it.
  const atFrame = frame !== undefined && frame.t === Math.round(t);
  const atSeconds = Math.max(0, Math.round(t) + (atFrame ? 1 : 0)) / 1000;
  const ctx = actionContext(t, pod, frame);
  // Workload actions are offered when the run has a workload they act on; the other kinds always.
  const offered = ACTION_KINDS.filter(
    (k) => !isWorkloadKind(k.kind) || unavailableReason(k.kind, ctx) === undefined,
  );

  const kindSelect = (
    <SelectField
      id={`${uid}-kind`}
      label="Action"
      value={kind}
      options={offered.map((k) => ({
        value: k.kind,
        label: `${k.label}${unavailableReason(k.kind, ctx) ? ' (not now)' : ''}`,
      }))}
      onChange={setKind}
    />
  );
  const common = { kindSelect, atSeconds, t, onAdd };
  const heading = isNodeKind(kind)
    ? 'Act on a node'
    : isWorkloadKind(kind)
      ? 'Act on a workload'
      : podName && (frame?.pods.length ?? 0) > 1
        ? `Act on pod ${podName}`
        : 'Act on the pod';

  return (
    <section
      aria-labelledby={`${uid}-title`}
      className="border-t border-slate-300 px-3 py-2 dark:border-slate-700"
    >
      <h2 id={`${uid}-title`} className="text-sm font-semibold">
        {heading} at {formatClock(t)}
      </h2>
      {isPodKind(kind) && (
        <PodActionForm kind={kind} {...common} ctx={ctx} pod={pod} podName={podName} podExists={podExists} />
      )}
      <Suspense fallback={<p className="mt-1 text-xs">Loading the form…</p>}>
        {isNodeKind(kind) && <NodeActionForm kind={kind} {...common} pod={pod} frame={frame} />}
        {isWorkloadKind(kind) && <WorkloadActionForm kind={kind} {...common} ctx={ctx} frame={frame} />}
      </Suspense>
      {actions.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Actions in this run">
          {actions.map((a, i) => (
            <li key={`${a.at}-${a.kind}-${i}`} className="flex items-center gap-2">
              <span className="font-mono tabular-nums">{actionClock(a)}</span>
              <span className="min-w-0 truncate" title={describeAction(a)}>
                {describeAction(a)}
              </span>
              <button
                type="button"
                className="btn-secondary ml-auto px-2 py-0.5 text-xs"
                onClick={() => onRemove(i)}
                aria-label={`Remove action ${describeAction(a)} at ${actionClock(a)}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
