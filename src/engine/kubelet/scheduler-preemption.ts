/**
 * DefaultPreemption, the default profile's PostFilter plugin: when no node fits a pod, find nodes
 * where evicting lower-priority pods would make room, pick one, and nominate the pod to it.
 * Sources: pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
 * (SelectVictimsOnNode, PodEligibleToPreemptOthers, isPreemptionAllowed), pkg/scheduler/framework/
 * preemption/preemption.go (Preempt, DryRunPreemption, pickOneNodeForPreemption), pkg/scheduler/util
 * (MoreImportantPod, GetEarliestPodStartTime).
 *
 * PodPlay has no PodDisruptionBudgets, so every victim is non-violating and the first criterion of
 * pickOneNodeForPreemption ties everywhere. Pods nominated to a node count in its filters through
 * their requests only (not in PodTopologySpread's or InterPodAffinity's counts).
 */
import type { Pod } from 'kubernetes-types/core/v1';

/** corev1helpers.PodPriority: spec.priority, 0 when unset. */
export const podPriority = (pod: Pod): number => pod.spec?.priority ?? 0;

/** What preemption reads of a pod on a node. */
export interface PreemptionPod {
  readonly spec: Pod;
  /** status.startTime in virtual ms (set once bound). */
  readonly startedAt: number | undefined;
}

export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NEVER = 'not eligible due to preemptionPolicy=Never.';
export const TERMINATING_ON_NOMINATED = 'not eligible due to a terminating pod on the nominated node.';

/** util.GetPodStartTime: a pod not started yet counts as starting now. */
const startOf = (p: PreemptionPod, now: number) => p.startedAt ?? now;

/** util.MoreImportantPod: higher priority, then the one that started earlier. */
export function moreImportant(a: PreemptionPod, b: PreemptionPod, now: number): boolean {
  const pa = podPriority(a.spec);
  const pb = podPriority(b.spec);
  if (pa !== pb) return pa > pb;
  return startOf(a, now) < startOf(b, now);
}

/** isPreemptionAllowed with the default IsEligiblePod: strictly lower priority. */
export const mayPreempt = (victim: Pod, preemptor: Pod): boolean =>
  podPriority(victim) < podPriority(preemptor);

export type VictimSearch<P> = { victims: P[] } | { reasons: string[] };

/**
 * SelectVictimsOnNode: take every lower-priority pod off the node; if the pod then fits, put them
 * back from the most important down, keeping each that still lets it fit. `reasonsWith(pods)` runs
 * the filters against the node holding only `pods` (empty when the pod fits).
 */
export function selectVictimsOnNode<P extends PreemptionPod>(
  preemptor: Pod,
  pods: readonly P[],
  reasonsWith: (pods: P[]) => string[],
  now: number,
): VictimSearch<P> {
  // A pod already terminating is a potential victim too: its room is as good as free (the pod that
  // preempted it counts as nominated there instead).
  const potential = pods.filter((p) => mayPreempt(p.spec, preemptor));
  if (potential.length === 0) return { reasons: [NO_VICTIMS] };
  const kept = pods.filter((p) => !potential.includes(p));
  const reasons = reasonsWith(kept);
  if (reasons.length > 0) return { reasons };
  // sort.Slice by importance; a stable sort keeps node order among equals.
  const ordered = [...potential].sort((a, b) =>
    moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0,
  );
  const victims: P[] = [];
  for (const p of ordered) {
    if (reasonsWith([...kept, p]).length === 0) kept.push(p);
    else victims.push(p);
  }
  return { victims };
}

/** util.GetEarliestPodStartTime: the earliest start among the highest-priority victims. */
function earliestStartOfHighest(victims: readonly PreemptionPod[], now: number): number {
  const top = Math.max(...victims.map((v) => podPriority(v.spec)));
  return Math.min(...victims.filter((v) => podPriority(v.spec) === top).map((v) => startOf(v, now)));
}

export interface PreemptionCandidate<P> {
  node: string;
  /** In descending importance (as SelectVictimsOnNode returns them). */
  victims: P[];
}

/**
 * pickOneNodeForPreemption's default criteria, each applied only to the nodes tied on the ones
 * before: fewest PDB violations (none here), lowest highest-victim priority, lowest sum of victim
 * priorities, fewest victims, latest start among the highest-priority victims, then the first node.
 */
export function pickOneNodeForPreemption<P extends PreemptionPod>(
  candidates: readonly PreemptionCandidate<P>[],
  now: number,
): PreemptionCandidate<P> | undefined {
  const scores: Array<(c: PreemptionCandidate<P>) => number> = [
    (c) => -Math.max(...c.victims.map((v) => podPriority(v.spec))),
    // MaxInt32+1 is added to each priority so that negative priorities sum sensibly.
    (c) => -c.victims.reduce((sum, v) => sum + podPriority(v.spec) + 2 ** 31, 0),
    (c) => -c.victims.length,
    (c) => earliestStartOfHighest(c.victims, now),
  ];
  let tied = [...candidates];
  for (const score of scores) {
    if (tied.length <= 1) break;
    const best = Math.max(...tied.map(score));
    tied = tied.filter((c) => score(c) === best);
  }
  return tied[0];
}

/** Everything the eligibility check needs to know of the pod's nominated node. */
export interface NominatedNode<P> {
  /** The filters rejected it with a reason no eviction clears (UnschedulableAndUnresolvable). */
  unresolvable: boolean;
  pods: readonly P[];
}

/**
 * PodEligibleToPreemptOthers: never with preemptionPolicy Never; not while a lower-priority pod
 * this scheduler preempted is still terminating on the node the pod is nominated to. Returns the
 * reason it may not, or undefined.
 */
export function ineligibleReason<P extends PreemptionPod>(
  pod: Pod,
  nominated: NominatedNode<P> | undefined,
  terminatingByPreemption: (p: P) => boolean,
): string | undefined {
  if (pod.spec?.preemptionPolicy === 'Never') return NEVER;
  if (!nominated || nominated.unresolvable) return undefined;
  if (nominated.pods.some((p) => mayPreempt(p.spec, pod) && terminatingByPreemption(p)))
    return TERMINATING_ON_NOMINATED;
  return undefined;
}
