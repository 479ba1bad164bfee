/**
 * The kubectl views at the cursor: `get pods -w` over every pod of the run (rows accumulated up to
 * the cursor; `-o wide` when there are several nodes, so NODE shows), `describe pod`, `get pod -o
 * yaml`, `logs` (current or `--previous`) of the chosen pod, and `get deploy,rs,...,nodes` for
 * every kind present. Monospace, selectable, with a copy button. Where the chosen pod does not
 * exist at the cursor, the pod views say so and offer the pods that do.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Trace } from '../../engine/trace-types';
import { describePod, getPodsWatchChunks, podToYaml } from '../../k8s';
import { Choice } from '../layout/Choice';
import { CopyButton } from '../layout/CopyButton';
import { Tabs } from '../layout/Tabs';
import { podsAt } from '../chosen-pod';
import { countUntil, podEvents, seekFrame } from '../trace-utils';
import { logsAt } from './logs';
import { PodGone } from './PodGone';
import { useFollowTail } from './useFollowTail';
import { OutputLines } from './OutputLines';
import { watchRows } from './watch-rows';

type View = 'watch' | 'describe' | 'yaml' | 'logs' | 'all';

const TABS: Array<{ key: View; label: string }> = [
  { key: 'watch', label: 'get pods -w' },
  { key: 'describe', label: 'describe pod' },
  { key: 'yaml', label: '-o yaml' },
  { key: 'logs', label: 'logs' },
  { key: 'all', label: 'get all' },
];

export interface KubectlViewsProps {
  trace: Trace;
  pod: Pod | undefined;
  podName: string;
  t: number;
  /** Choose another pod (offered when the chosen one does not exist at the cursor). */
  onChoosePod?: (name: string) => void;
  /** Controlled tab (a lesson step points at a view); uncontrolled when absent. */
  view?: View;
  onViewChange?: (view: View) => void;
}

function containersOf(pod: Pod | undefined): string[] {
  return [...(pod?.spec?.initContainers ?? []), ...(pod?.spec?.containers ?? [])].map((c) => c.name);
}

export function KubectlViews({ trace, pod, podName, t, onChoosePod, ...controlled }: KubectlViewsProps) {
  const [ownView, setOwnView] = useState<View>('watch');
  const view = controlled.view ?? ownView;
  const setView = controlled.onViewChange ?? setOwnView;
  const [container, setContainer] = useState<string>('');
  const [previous, setPrevious] = useState(false);
  const containers = containersOf(pod);
  const chosen = containers.includes(container)
    ? container
    : (pod?.spec?.containers?.[0]?.name ?? containers[0] ?? '');

  // The printers of every kind load with the first visit to `get all`.
  const [getAllText, setGetAllText] = useState<typeof import('./get-all-text') | undefined>();
  useEffect(() => {
    if (view === 'all' && !getAllText) void import('./get-all-text').then(setGetAllText);
  }, [view, getAllText]);

  const wide = (trace.frames[0]?.nodes.length ?? 0) > 1;
  // Printed once per run; the cursor only picks how many rows have been printed by then.
  const rows = useMemo(() => watchRows(trace, { wide }), [trace, wide]);
  const chunks = useMemo(() => getPodsWatchChunks(rows, { wide }), [rows, wide]);
  const shown = countUntil(rows, t, (r) => r.tMs);
  const watchText = useMemo(() => chunks.slice(0, shown).join(''), [chunks, shown]);
  const output = useRef<HTMLPreElement>(null);
  const following = useFollowTail(output, view === 'watch' ? watchText : undefined);
  const gone = `Error from server (NotFound): pods "${podName}" not found\n`;

  let command: string;
  let text: string;
  switch (view) {
    case 'watch':
      command = wide ? 'kubectl get pods -o wide -w' : 'kubectl get pods -w';
      text = watchText;
      break;
    case 'describe':
      command = `kubectl describe pod ${podName}`;
      text = pod
        ? describePod(
            pod,
            podEvents(trace.events, podName).filter((e) => e.t <= t),
            t,
          )
        : gone;
      break;
    case 'yaml':
      command = `kubectl get pod ${podName} -o yaml`;
      text = pod ? podToYaml(pod) : gone;
      break;
    case 'logs':
      command = `kubectl logs ${podName}${containers.length > 1 ? ` -c ${chosen}` : ''}${previous ? ' --previous' : ''}`;
      text = pod ? logsAt(trace, pod, chosen, t, previous) : gone;
      break;
    case 'all':
      ({ command, text } = getAllText
        ? getAllText.getAllAt(seekFrame(trace, t), t)
        : { command: 'kubectl get all', text: 'Loading…\n' });
      break;
  }

  return (
    <Tabs
      label="kubectl views"
      tabs={TABS}
      selected={view}
      onSelect={setView}
      actions={<CopyButton text={text} label={`Copy output of ${command}`} />}
    >
      <div className="p-2">
        {view === 'logs' && (
          <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
            {containers.length > 1 && (
              <Choice
                label="Container"
                value={chosen}
                options={containers}
                onChange={setContainer}
                className=""
              />
            )}
            <label className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={previous}
                onChange={(e) => setPrevious(e.target.checked)}
                className="size-4 accent-sky-700"
              />
              --previous
            </label>
          </div>
        )}
        {!pod && podName !== '' && (view === 'describe' || view === 'yaml' || view === 'logs') && (
          <PodGone
            podName={podName}
            t={t}
            deletedAt={trace.deletedAt[podName]}
            present={podsAt(seekFrame(trace, t))}
            onChoose={onChoosePod}
          />
        )}
        <pre
          ref={output}
          className="font-mono text-[0.8125rem] leading-snug whitespace-pre text-slate-900 dark:text-slate-100"
          data-testid={`kubectl-${view}`}
        >
          <span className="text-slate-600 select-none dark:text-slate-400">
            $ {command}
            {'\n'}
          </span>
          <OutputLines text={text || (view === 'logs' ? '' : '\n')} following={view === 'watch' ? following : undefined} />
        </pre>
      </div>
    </Tabs>
  );
}
