/**
 * "Status at cursor": the pod's phase, its conditions (status, reason, message, lastTransitionTime)
 * and each container's state, ready and restartCount, every one a button that asks "why?".
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { ReactNode } from 'react';
import { PodGone } from '../kubectl/PodGone';
import { formatClock } from '../trace-utils';
import { fieldKey, stateText, type StatusField } from './explain';

export interface StatusPanelProps {
  pod: Pod | undefined;
  podName: string;
  t: number;
  /** The field whose explanation is open (drawn pressed). */
  selected?: StatusField;
  onExplain: (field: StatusField) => void;
  /** Where the pod does not exist at t: when it was deleted, and the pods there are to choose instead. */
  gone: { deletedAt: number | undefined; present: readonly string[]; onChoose?: (name: string) => void };
}

/** Run time (ms) of a Kubernetes timestamp, counted from the pod's creation. */
function sinceCreation(pod: Pod, time: string | undefined): number | undefined {
  const created = Date.parse(pod.metadata?.creationTimestamp ?? '');
  const at = Date.parse(time ?? '');
  return Number.isFinite(created) && Number.isFinite(at) ? at - created : undefined;
}

const ITEM =
  'block w-full rounded px-2 py-1 text-left hover:bg-slate-100 focus-visible:outline-3 focus-visible:-outline-offset-2 focus-visible:outline-sky-600 aria-pressed:bg-sky-100 dark:hover:bg-slate-800 dark:aria-pressed:bg-sky-950';

function StatusBadge({ value }: { value: string }) {
  const tone =
    value === 'True' || value === 'true' || value === 'Running' || value === 'Succeeded'
      ? 'border-emerald-700 text-emerald-900 dark:border-emerald-400 dark:text-emerald-200'
      : value === 'False' || value === 'false' || value === 'Failed' || value.startsWith('Terminated')
        ? 'border-dashed border-orange-800 text-orange-900 dark:border-orange-300 dark:text-orange-200'
        : 'border-slate-500 text-slate-800 dark:border-slate-400 dark:text-slate-200';
  return <span className={`rounded border px-1 font-mono text-xs ${tone}`}>{value}</span>;
}

export function StatusPanel({ pod, podName, t, selected, onExplain, gone }: StatusPanelProps) {
  if (!pod)
    return (
      <div className="p-2">
        <PodGone podName={podName} t={t} {...gone} />
      </div>
    );
  const sel = selected ? fieldKey(selected) : undefined;
  const item = (field: StatusField, content: ReactNode) => (
    <button
      type="button"
      className={ITEM}
      aria-pressed={sel === fieldKey(field)}
      onClick={() => onExplain(field)}
      data-field={fieldKey(field)}
    >
      {content}
      <span className="sr-only"> — why?</span>
    </button>
  );
  const conditions: PodCondition[] = pod.status?.conditions ?? [];
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []).map((s) => ({ s, init: true })),
    ...(pod.status?.containerStatuses ?? []).map((s) => ({ s, init: false })),
  ];
  const phase = pod.status?.phase ?? 'Pending';

  return (
    <div className="space-y-2 p-2 text-sm" data-testid="status-panel">
      <p className="px-2 text-xs text-slate-700 dark:text-slate-300">
        Status of pod <span className="font-mono">{podName}</span> at {formatClock(t)}. Pick a field to see what
        set it.
      </p>
      <div>
        <h3 className="px-2 text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">
          Phase
        </h3>
        {item(
          { kind: 'phase', pod: podName },
          <span className="flex items-center gap-2">
            <span>phase</span>
            <StatusBadge value={phase} />
            {pod.metadata?.deletionTimestamp && <span className="text-xs">(Terminating)</span>}
          </span>,
        )}
      </div>
      <div>
        <h3 className="px-2 text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">
          Conditions
        </h3>
        <ul aria-label="Conditions">
          {conditions.map((c) => {
            const since = sinceCreation(pod, c.lastTransitionTime);
            return (
              <li key={c.type}>
                {item(
                  { kind: 'condition', pod: podName, type: c.type },
                  <span className="block">
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="font-mono">{c.type}</span>
                      <StatusBadge value={c.status} />
                      {c.reason && <span className="font-mono text-xs">{c.reason}</span>}
                      <span className="ml-auto text-xs text-slate-700 dark:text-slate-300">
                        {c.lastTransitionTime ?? ''}
                        {since !== undefined ? ` (${formatClock(Math.max(0, since))})` : ''}
                      </span>
                    </span>
                    {c.message && (
                      <span className="block text-xs text-slate-700 dark:text-slate-300">{c.message}</span>
                    )}
                  </span>,
                )}
              </li>
            );
          })}
        </ul>
      </div>
      {statuses.length > 0 && (
        <div>
          <h3 className="px-2 text-xs font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-300">
            Containers
          </h3>
          <ul aria-label="Containers">
            {statuses.map(({ s, init }) => (
              <li key={s.name} className="border-t border-slate-200 py-1 first:border-t-0 dark:border-slate-800">
                <p className="px-2 font-mono text-xs font-semibold">
                  {init ? 'init ' : ''}
                  {s.name}
                </p>
                <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)] gap-1">
                  {(
                    [
                      ['containerState', 'state', stateText(s) ?? '—'],
                      ['containerReady', 'ready', String(s.ready)],
                      ['restartCount', 'restartCount', String(s.restartCount)],
                    ] as const
                  ).map(([kind, name, value]) => (
                    <div key={kind}>
                      {item(
                        { kind, pod: podName, container: s.name },
                        <span className="flex flex-wrap items-center gap-1">
                          <span className="text-xs">{name}</span>
                          <StatusBadge value={value} />
                        </span>,
                      )}
                    </div>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
