/** Acting on the pod at the cursor: each action becomes a timed SimAction and the run is redone. */
import { useId, useState } from 'react';
import type { SimAction } from '../../engine/input';
import { formatClock } from '../trace-utils';

export interface ActionsPanelProps {
  actions: SimAction[];
  t: number;
  podName: string | undefined;
  podExists: boolean;
  onAdd: (a: SimAction) => void;
  onRemove: (index: number) => void;
}

function describeAction(a: SimAction): string {
  switch (a.kind) {
    case 'deletePod':
      return `kubectl delete pod${a.pod ? ` ${a.pod}` : ''}${a.gracePeriodSeconds !== undefined ? ` --grace-period=${a.gracePeriodSeconds}` : ''}`;
    default:
      return a.kind;
  }
}

export function ActionsPanel({ actions, t, podName, podExists, onAdd, onRemove }: ActionsPanelProps) {
  const graceId = useId();
  const [grace, setGrace] = useState('');
  const graceValue = grace.trim() === '' ? undefined : Number(grace);
  const graceValid = graceValue === undefined || (Number.isInteger(graceValue) && graceValue >= 0);
  const atSeconds = Math.round(t / 100) / 10;

  return (
    <section
      aria-labelledby="actions-title"
      className="border-t border-slate-300 px-3 py-2 dark:border-slate-700"
    >
      <h2 id="actions-title" className="text-sm font-semibold">
        Act on the pod at {formatClock(atSeconds * 1000)}
      </h2>
      <div className="mt-1 flex flex-wrap items-end gap-2">
        <label htmlFor={graceId} className="flex flex-col text-xs">
          Grace period (s)
          <input
            id={graceId}
            className="field w-24"
            inputMode="numeric"
            placeholder="pod's own"
            value={grace}
            onChange={(e) => setGrace(e.target.value)}
            aria-invalid={!graceValid}
          />
        </label>
        <button
          type="button"
          className="btn-danger"
          disabled={!podExists || !graceValid}
          onClick={() =>
            onAdd({
              at: atSeconds,
              kind: 'deletePod',
              ...(podName ? { pod: podName } : {}),
              ...(graceValue !== undefined ? { gracePeriodSeconds: graceValue } : {}),
            })
          }
        >
          Delete pod
        </button>
      </div>
      {actions.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Actions in this run">
          {actions.map((a, i) => (
            <li key={`${a.at}-${a.kind}-${i}`} className="flex items-center gap-2">
              <span className="font-mono tabular-nums">{formatClock(a.at * 1000)}</span>
              <code className="truncate">{describeAction(a)}</code>
              <button
                type="button"
                className="btn-secondary ml-auto text-xs"
                onClick={() => onRemove(i)}
                aria-label={`Remove action ${describeAction(a)} at ${formatClock(a.at * 1000)}`}
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
