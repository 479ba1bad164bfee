/**
 * The scheduler's PostFilter step for a pod no node fits (pkg/scheduler/framework/runtime/framework.go
 * RunPostFilterPlugins with DefaultPreemption, pkg/scheduler/framework/preemption/preemption.go
 * Preempt and its PreemptPod): decide whether the pod may preempt, dry-run the victim search on
 * every node eviction could help, pick one, and evict its victims. The choice rules themselves are
 * in kubelet/scheduler-preemption.ts; this file acts on the pods.
 */
import { fitError, isResolvable, postFilterFailure, preemptionFitError } from '../kubelet/scheduler';
import {
  ineligibleReason,
  NO_VICTIMS,
  pickOneNodeForPreemption,
  podPriority,
  selectVictimsOnNode,
  type PreemptionCandidate,
} from '../kubelet/scheduler-preemption';
import type { PodRunner } from '../kubelet/pod-runner';
import type { Recorder } from '../recorder';

/** One scheduling cycle's view of the nodes, as scheduleOne filtered them. */
export interface PreemptionCycle {
  preemptor: PodRunner;
  /** Node names, in the snapshot's order. */
  nodes: readonly string[];
  /** Each node's filter reasons (none fit). */
  verdicts: readonly string[][];
  /** The pods each node runs. */
  podsOn(node: number): PodRunner[];
  /** The filters against node `node` holding only `pods` (PreFilters prepared for that node as reduced). */
  reasonsOn(node: number, pods: PodRunner[]): string[];
  now: number;
}

export interface PostFilterResult {
  /** FitError.Error() for this attempt: the FailedScheduling event and PodScheduled message. */
  message: string;
  /** status.nominatedNodeName after the attempt: a node, '' to clear it, undefined to leave it. */
  nominate?: string;
  /** The pods evicted to make room, when a node was nominated. */
  victims?: PodRunner[];
}

/** podTerminatingByPreemption: deleted, with DisruptionTarget=True reason PreemptionByScheduler. */
function terminatingByPreemption(p: PodRunner): boolean {
  if (!p.isDeleting) return false;
  const condition = p.snapshot()?.status?.conditions?.find((c) => c.type === 'DisruptionTarget');
  return condition?.status === 'True' && condition.reason === 'PreemptionByScheduler';
}

/** Preempt: eligibility, DryRunPreemption over every node, SelectCandidate; no side effects. */
export function postFilter(cycle: PreemptionCycle): PostFilterResult {
  const { preemptor, nodes, verdicts, now } = cycle;
  const pod = preemptor.spec;
  const nominatedIndex =
    preemptor.nominatedNodeName === undefined ? -1 : nodes.indexOf(preemptor.nominatedNodeName);
  const nominated =
    nominatedIndex < 0
      ? undefined
      : { unresolvable: !isResolvable(verdicts[nominatedIndex]), pods: cycle.podsOn(nominatedIndex) };
  const ineligible = ineligibleReason(pod, nominated, terminatingByPreemption);
  if (ineligible) return { message: fitError([...verdicts], postFilterFailure(ineligible)) };
  const candidates: PreemptionCandidate<PodRunner>[] = [];
  const dryRun = verdicts.map((reasons, i) => {
    if (!isResolvable(reasons)) return undefined;
    const found = selectVictimsOnNode(pod, cycle.podsOn(i), (pods) => cycle.reasonsOn(i, pods), now);
    if ('reasons' in found) return found.reasons;
    // Cannot happen (the node failed with every pod on it), but the source guards it too.
    if (found.victims.length === 0) return [NO_VICTIMS];
    candidates.push({ node: nodes[i], victims: found.victims });
    return [];
  });
  const best = pickOneNodeForPreemption(candidates, now);
  if (!best)
    return { message: fitError([...verdicts], postFilterFailure(preemptionFitError(dryRun))), nominate: '' };
  return { message: fitError([...verdicts]), nominate: best.node, victims: best.victims };
}

/**
 * prepareCandidate / PreemptPod: each victim not yet being deleted gets the DisruptionTarget
 * condition, is deleted with its own grace period, and gets a Preempted event; lower-priority pods
 * nominated to the node lose their nomination (they may no longer fit there).
 */
export function preemptVictims(
  preemptor: PodRunner,
  node: string,
  victims: readonly PodRunner[],
  pending: readonly PodRunner[],
  recorder: Recorder,
): void {
  const schedulerName = preemptor.spec.spec?.schedulerName ?? 'default-scheduler';
  for (const victim of victims) {
    // Graceful deletion has already started: no second API call, no second event.
    if (victim.isDeleting) continue;
    victim.setCondition(
      'DisruptionTarget',
      'True',
      'PreemptionByScheduler',
      `${schedulerName}: preempting to accommodate a higher priority pod`,
    );
    victim.delete();
    recorder.event({
      type: 'Normal',
      reason: 'Preempted',
      object: `pod/${victim.name}`,
      message: `Preempted by pod ${preemptor.uid} on node ${node}`,
      source: 'default-scheduler',
    });
  }
  for (const other of pending) {
    if (
      other !== preemptor &&
      other.nominatedNodeName === node &&
      podPriority(other.spec) < podPriority(preemptor.spec)
    )
      other.nominate(undefined);
  }
}
