/**
 * The Cluster view at the cursor: nodes as boxes holding their pods (grouped by owner), pods no
 * node holds, and Services with their endpoints. Every state is a shape and a word; pods are
 * buttons that choose the pod the other panes show. Loaded on first visit (React.lazy).
 */
import { useMemo } from 'react';
import type { Frame, RequestRecord, SchedulingDecision } from '../../engine/trace-types';
import { SchedulingCard, decisionFor } from './SchedulingCard';
import { NO_ENDPOINT, recentTraffic, type RecentTraffic } from '../traffic/traffic-model';
import { formatClock } from '../trace-utils';
import {
  ENDPOINT_WORDS,
  NODE_WORDS,
  POD_READINESS,
  clusterModel,
  type NodeBox,
  type OwnerGroup,
  type PodCard,
  type ServiceCard,
} from './cluster-model';
import { StateShape, nodeShape } from './StateShape';

export interface ClusterViewProps {
  frame: Frame;
  chosenPod: string;
  onChoosePod: (name: string) => void;
  /** Larger type for projection. */
  presenter?: boolean;
  /** The run's requests: each Service clients talk to shows what its endpoints answered lately. */
  requests?: RequestRecord[];
  /** The cursor (the frame may be older than it). */
  t?: number;
  /** The scheduler's decisions: the chosen pod's latest one is explained node by node. */
  scheduling?: SchedulingDecision[];
}

/** How far back "lately" reaches for the traffic shown on Services. */
const TRAFFIC_WINDOW_MS = 10_000;

/** Okabe-Ito bluish green / vermillion, and a grey, for light and dark. */
const THEME =
  '[--cv-ok:#007a5a] [--cv-bad:#c2410c] [--cv-muted:#64748b] dark:[--cv-ok:#34d399] dark:[--cv-bad:#fb923c] dark:[--cv-muted:#94a3b8]';

function PodButton({ pod, chosen, onChoose }: { pod: PodCard; chosen: boolean; onChoose: (name: string) => void }) {
  const readiness = POD_READINESS[pod.shape];
  return (
    <li>
      <button
        type="button"
        onClick={() => onChoose(pod.name)}
        aria-pressed={chosen}
        aria-label={`Pod ${pod.name}: ${pod.status}, containers ${pod.ready} ready${readiness ? `, pod ${readiness}` : ''}`}
        data-testid={`cluster-pod-${pod.name}`}
        className={`flex w-full items-center gap-1.5 rounded border px-1.5 py-0.5 text-left hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-sky-600 dark:hover:bg-slate-800 ${
          chosen ? 'border-sky-700 font-semibold dark:border-sky-400' : 'border-slate-300 dark:border-slate-600'
        }`}
      >
        <StateShape shape={pod.shape} />
        <span className="min-w-0 truncate font-mono">{pod.name}</span>
        <span className="ml-auto shrink-0 whitespace-nowrap">
          {pod.status} · {pod.ready}
          {readiness && ` · ${readiness}`}
        </span>
      </button>
    </li>
  );
}

function Groups({ groups, chosenPod, onChoosePod }: { groups: OwnerGroup[]; chosenPod: string; onChoosePod: (n: string) => void }) {
  return (
    <>
      {groups.map((g) => (
        <div key={g.key || '(none)'} className="mt-1.5">
          <h4 className="text-[0.9em] text-slate-700 dark:text-slate-300">{g.label}</h4>
          <ul className="mt-0.5 space-y-0.5" aria-label={`Pods of ${g.label}`}>
            {g.pods.map((p) => (
              <PodButton key={p.name} pod={p} chosen={p.name === chosenPod} onChoose={onChoosePod} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function NodeCard({ node, chosenPod, onChoosePod }: { node: NodeBox; chosenPod: string; onChoosePod: (n: string) => void }) {
  const state = `${NODE_WORDS[node.condition]}${node.cordoned ? ', cordoned (SchedulingDisabled)' : ''}`;
  const dashed = node.condition !== 'Ready' ? 'border-dashed' : '';
  return (
    <section
      aria-label={`Node ${node.name}: ${state}, ${node.podCount} ${node.podCount === 1 ? 'pod' : 'pods'}`}
      className={`min-w-64 flex-1 rounded-md border-2 border-slate-400 p-2 dark:border-slate-500 ${dashed}`}
      data-testid={`cluster-node-${node.name}`}
    >
      <h3 className="flex flex-wrap items-center gap-1.5 font-semibold">
        <StateShape shape={nodeShape(node.condition)} />
        <span className="font-mono">{node.name}</span>
        <span className="font-normal">{NODE_WORDS[node.condition]}</span>
        {node.cordoned && (
          <span className="flex items-center gap-1 font-normal">
            <StateShape shape="cordoned" /> Cordoned
          </span>
        )}
      </h3>
      {node.taints.length > 0 && (
        <div className="mt-0.5 text-[0.9em]">
          Taints:
          <ul className="ml-3 font-mono" aria-label={`Taints of ${node.name}`}>
            {node.taints.map((taint) => (
              <li key={taint} className="break-all">
                {taint}
              </li>
            ))}
          </ul>
        </div>
      )}
      {node.podCount === 0 ? (
        <p className="mt-1 text-[0.9em] text-slate-700 dark:text-slate-300">No pods.</p>
      ) : (
        <Groups groups={node.groups} chosenPod={chosenPod} onChoosePod={onChoosePod} />
      )}
    </section>
  );
}

function ServiceBox({
  svc,
  chosenPod,
  onChoosePod,
  traffic,
}: {
  svc: ServiceCard;
  chosenPod: string;
  onChoosePod: (n: string) => void;
  traffic?: RecentTraffic | 'none';
}) {
  const ready = svc.endpoints.filter((e) => e.state === 'ready').length;
  const served = (pod: string | undefined) => (traffic && traffic !== 'none' && pod ? traffic.byPod.get(pod) : undefined);
  return (
    <section
      aria-label={`Service ${svc.name}: ${ready} of ${svc.endpoints.length} endpoints ready`}
      className="min-w-64 flex-1 rounded-md border border-slate-400 p-2 dark:border-slate-500"
      data-testid={`cluster-service-${svc.name}`}
    >
      <h3 className="font-semibold">
        <span className="font-mono">{svc.name}</span>{' '}
        <span className="font-normal">
          {svc.type} {svc.clusterIP} · {svc.ports}
        </span>
      </h3>
      {traffic && (
        <p className="mt-0.5 text-[0.9em]" data-testid={`cluster-traffic-${svc.name}`}>
          {traffic === 'none'
            ? 'No requests in the last 10 s.'
            : `Requests in the last 10 s: ${traffic.ok} OK, ${traffic.failed} failed${traffic.byPod.has(NO_ENDPOINT) ? ' (some found no endpoint)' : ''}.`}
        </p>
      )}
      {svc.endpoints.length === 0 ? (
        <p className="mt-1 text-[0.9em]">No endpoints: no pod matches or has an IP yet.</p>
      ) : (
        <ul className="mt-1 space-y-0.5" aria-label={`Endpoints of ${svc.name}`}>
          {svc.endpoints.map((e) => (
            <li key={`${e.address}-${e.pod ?? ''}`} className="flex items-center gap-1.5" data-endpoint={e.state}>
              <StateShape shape={e.state} />
              <span className="font-mono">{e.address}</span>
              {e.pod && (
                <button
                  type="button"
                  className="font-mono underline decoration-dotted underline-offset-2 focus-visible:outline-3 focus-visible:outline-sky-600"
                  onClick={() => onChoosePod(e.pod ?? '')}
                  aria-pressed={e.pod === chosenPod}
                >
                  {e.pod}
                </button>
              )}
              {served(e.pod) && (
                <span className="text-[0.9em]" title="requests this pod answered in the last 10 s">
                  {served(e.pod)?.ok} OK{served(e.pod)?.failed ? ` · ${served(e.pod)?.failed} failed` : ''}
                </span>
              )}
              <span className="ml-auto">{ENDPOINT_WORDS[e.state]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function ClusterView({ frame, chosenPod, onChoosePod, presenter = false, requests, t = frame.t, scheduling }: ClusterViewProps) {
  const model = useMemo(() => clusterModel(frame), [frame]);
  const decision = scheduling ? decisionFor(scheduling, chosenPod, t) : undefined;
  const recent = useMemo(() => (requests && requests.length > 0 ? recentTraffic(requests, t, TRAFFIC_WINDOW_MS) : undefined), [requests, t]);
  // Services that clients talk to show their traffic; the others say nothing about it.
  const targeted = useMemo(() => new Set(requests?.map((q) => q.service)), [requests]);
  return (
    <div className={`${THEME} space-y-3 p-2 ${presenter ? 'text-lg' : 'text-sm'}`} data-testid="cluster-view">
      <h2 className="sr-only">Cluster at {formatClock(frame.t)}</h2>
      <div className="flex flex-wrap gap-2" role="group" aria-label="Nodes">
        {model.nodes.map((n) => (
          <NodeCard key={n.name} node={n} chosenPod={chosenPod} onChoosePod={onChoosePod} />
        ))}
        {model.unscheduled.length > 0 && (
          <section
            aria-label="Pods not on a node"
            className="min-w-64 flex-1 rounded-md border-2 border-dotted border-slate-400 p-2 dark:border-slate-500"
          >
            <h3 className="font-semibold">Not on a node (Pending)</h3>
            <Groups groups={model.unscheduled} chosenPod={chosenPod} onChoosePod={onChoosePod} />
          </section>
        )}
      </div>
      {model.services.length > 0 && (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Services">
          {model.services.map((s) => (
            <ServiceBox
              key={s.name}
              svc={s}
              chosenPod={chosenPod}
              onChoosePod={onChoosePod}
              traffic={targeted.has(s.name) ? (recent?.get(s.name) ?? 'none') : undefined}
            />
          ))}
        </div>
      )}
      {decision && <SchedulingCard decision={decision} />}
      <Legend />
    </div>
  );
}

function Legend() {
  const items: Array<[Parameters<typeof StateShape>[0]['shape'], string]> = [
    ['ready', 'Ready'],
    ['not-ready', 'Not ready'],
    ['pending', 'Pending'],
    ['serving-terminating', 'Terminating (still serving)'],
    ['succeeded', 'Succeeded'],
    ['failed', 'Failed / NotReady node'],
    ['node-Unknown', 'Node Unknown'],
    ['cordoned', 'Cordoned'],
  ];
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Cluster legend">
      {items.map(([shape, label]) => (
        <li key={shape} className="flex items-center gap-1">
          <StateShape shape={shape} size={12} />
          {label}
        </li>
      ))}
    </ul>
  );
}
