/**
 * Why the scheduler put the chosen Pod where it did: every node's filter verdict (the first plugin
 * that said no) and, when several nodes fit, each one's weighted score by plugin; when none fit and
 * DefaultPreemption made room, the pods it evicts and the node it nominated. The FailedScheduling
 * message sums up the same verdicts; this shows them node by node.
 */
import { SCORE_WEIGHTS } from '../../engine/kubelet/scheduler-score';
import type { SchedulingDecision } from '../../engine/trace-types';
import { formatClock } from '../trace-utils';

/** The plugins' weights in the default profile, as the engine scores with them. */
const WEIGHTS: Record<string, number> = SCORE_WEIGHTS;

const SHORT: Record<string, string> = {
  NodeResourcesFit: 'Fit',
  NodeResourcesBalancedAllocation: 'Balanced',
  ImageLocality: 'Images',
  TaintToleration: 'Taints',
  NodeAffinity: 'Node affinity',
  PodTopologySpread: 'Spread',
  InterPodAffinity: 'Pod affinity',
};

/** The latest decision about `pod` at or before t. */
export function decisionFor(decisions: SchedulingDecision[], pod: string, t: number): SchedulingDecision | undefined {
  let found: SchedulingDecision | undefined;
  for (const d of decisions) {
    if (d.t > t) break;
    if (d.pod === pod) found = d;
  }
  return found;
}

export function SchedulingCard({ decision }: { decision: SchedulingDecision }) {
  const plugins = Object.keys(WEIGHTS);
  const scored = decision.nodes.some((n) => n.score);
  return (
    <section
      aria-label={`Scheduling of ${decision.pod}`}
      className="rounded-md border border-slate-400 p-2 dark:border-slate-500"
      data-testid="scheduling-card"
    >
      <h3 className="font-semibold">
        Scheduling of <span className="font-mono">{decision.pod}</span> at {formatClock(decision.t)}:{' '}
        {decision.node ? (
          <>
            bound to <span className="font-mono">{decision.node}</span>
          </>
        ) : (
          'no node fits (FailedScheduling)'
        )}
      </h3>
      <div className="overflow-x-auto">
        <table className="mt-1 text-[0.9em]">
          <caption className="sr-only">Each node: the filter verdict, then the score per plugin (weight × score)</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-2">Node</th>
              <th scope="col" className="pr-2">Filters</th>
              {scored &&
                plugins.map((p) => (
                  <th key={p} scope="col" className="pr-2" title={`${p}, weight ${WEIGHTS[p]}`}>
                    {SHORT[p]} ×{WEIGHTS[p]}
                  </th>
                ))}
              {scored && <th scope="col">Total</th>}
            </tr>
          </thead>
          <tbody>
            {decision.nodes.map((n) => (
              <tr key={n.node} className={n.node === decision.node ? 'font-semibold' : ''}>
                <th scope="row" className="whitespace-nowrap pr-2 text-left font-mono">
                  {n.node === decision.node ? '▶ ' : ''}
                  {n.node}
                </th>
                <td className="pr-2">{n.reasons.length === 0 ? 'fits' : n.reasons.join(', ')}</td>
                {scored && plugins.map((p) => <td key={p} className="pr-2 text-right">{n.score ? n.score.plugins[p] ?? 0 : ''}</td>)}
                {scored && <td className="text-right">{n.score?.total ?? ''}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {decision.preemption && (
        <p className="mt-1 text-[0.9em]" data-testid="scheduling-preemption">
          Preemption evicts <span className="font-mono">{decision.preemption.victims.join(', ')}</span> (lower priority) from{' '}
          <span className="font-mono">{decision.preemption.node}</span> and nominates the pod there; it binds once they are gone.
        </p>
      )}
      {decision.nominated && (
        <p className="mt-1 text-[0.9em]" data-testid="scheduling-nominated">
          Nominated to <span className="font-mono">{decision.nominated}</span> by an earlier preemption: it waits there until the evicted pods
          are gone.
        </p>
      )}
      {!scored && decision.node && <p className="mt-1 text-[0.9em]">Only one node fit, so the scheduler did not score.</p>}
      {scored && <p className="mt-1 text-[0.9em]">Highest total wins; a tie is broken at random.</p>}
    </section>
  );
}
