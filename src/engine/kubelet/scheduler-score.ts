/**
 * The default scheduler's Score plugins and host selection (pkg/scheduler/schedule_one.go
 * prioritizeNodes, selectHost), for the nodes that passed every filter:
 * - NodeResourcesFit, LeastAllocated strategy (weight 1): free share of cpu and memory after placing
 *   the pod, counting a container without requests as 100m cpu / 200Mi (GetNonzeroRequests);
 * - NodeResourcesBalancedAllocation (1): 100 × (1 − standard deviation of the requested fractions);
 * - ImageLocality (1): bytes of the pod's images already on the node, weighted by how many nodes
 *   have them, between 23 MB and 1000 MB per container;
 * - TaintToleration (3): fewer untolerated PreferNoSchedule taints is better;
 * - NodeAffinity (2): the weights of the preferred terms the node matches;
 * - PodTopologySpread (2): the pod's own ScheduleAnyway constraints or, for a pod without any, the
 *   system default ones spreading a controller's (or a Service's) pods over hostnames and zones
 *   (scheduler-spread.ts);
 * - InterPodAffinity (2): preferred pod (anti-)affinity of both sides (scheduler-inter-pod.ts).
 * Ties are broken at random (seeded), as selectHost does.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../k8s';
import type { IdSource } from '../ids';
import type { NodeScore } from '../trace-types';
import type { SnapshotNode } from './scheduler-snapshot';
import { podRequests, tolerated, preferredAffinityWeight, type NodeCandidate } from './scheduler';

const MAX = 100;
const MB = 1024 * 1024;

export const SCORE_WEIGHTS = {
  NodeResourcesFit: 1,
  NodeResourcesBalancedAllocation: 1,
  ImageLocality: 1,
  TaintToleration: 3,
  NodeAffinity: 2,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
} as const;

export type ScorePlugin = keyof typeof SCORE_WEIGHTS;

/** What scoring needs to know of a feasible node beyond the filters' view. */
export interface ScoredCandidate extends NodeCandidate, SnapshotNode {
  settings: NodeCandidate['settings'];
  taints: string[];
  /** cpu (cores) and memory (bytes) its pods request, each container counted at least 100m / 200Mi. */
  nonZeroUsed: { cpu: number; memory: number };
  /** Bytes of `image` in the node's cache, 0 when absent. */
  imageBytes(image: string): number;
}

export interface PluginScores extends NodeScore {
  plugins: Record<ScorePlugin, number>;
}

/** GetNonzeroRequests: what the scorer counts for a pod (non-zero defaults per container). */
const nonZeroCache = new WeakMap<Pod, { cpu: number; memory: number }>();

export function nonZeroRequests(pod: Pod): { cpu: number; memory: number } {
  const cached = nonZeroCache.get(pod);
  if (cached) return cached;
  const sum = { cpu: 0, memory: 0 };
  nonZeroCache.set(pod, sum);
  for (const c of pod.spec?.containers ?? []) {
    const cpu = c.resources?.requests?.cpu;
    const memory = c.resources?.requests?.memory;
    sum.cpu += cpu === undefined ? 0.1 : parseQuantity(cpu);
    sum.memory += memory === undefined ? 200 * MB : parseQuantity(memory);
  }
  return sum;
}

/** DefaultNormalizeScore (pkg/scheduler/framework/plugins/helper/normalize_score.go). */
function normalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX : 0));
  return scores.map((s) => {
    const n = Math.trunc((MAX * s) / max);
    return reverse ? MAX - n : n;
  });
}

function leastAllocated(pod: Pod, node: ScoredCandidate): number {
  const want = nonZeroRequests(pod);
  const parts = (['cpu', 'memory'] as const).map((r) => {
    const capacity = parseQuantity(node.settings.capacity[r]);
    const requested = node.nonZeroUsed[r] + want[r];
    if (!(capacity > 0) || requested > capacity) return 0;
    return Math.trunc(((capacity - requested) * MAX) / capacity);
  });
  return Math.trunc((parts[0] + parts[1]) / 2);
}

function balanced(pod: Pod, node: ScoredCandidate): number {
  const want = podRequests(pod);
  const fractions = (['cpu', 'memory'] as const).map((r) => {
    const capacity = parseQuantity(node.settings.capacity[r]);
    return capacity > 0 ? Math.min(1, (node.used[r] + want[r]) / capacity) : 1;
  });
  const std = Math.abs(fractions[0] - fractions[1]) / 2;
  return Math.trunc((1 - std) * MAX);
}

function imageLocality(pod: Pod, node: ScoredCandidate, nodes: ScoredCandidate[]): number {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let sum = 0;
  for (const c of containers) {
    const bytes = node.imageBytes(c.image ?? '');
    if (bytes === 0) continue;
    const spread = nodes.filter((n) => n.imageBytes(c.image ?? '') > 0).length / nodes.length;
    sum += Math.trunc(bytes * spread);
  }
  const min = 23 * MB;
  const max = 1000 * MB * Math.max(1, containers.length);
  const clamped = Math.min(max, Math.max(min, sum));
  return Math.trunc((MAX * (clamped - min)) / (max - min));
}

/** Plugins scored from the whole snapshot (scheduler-spread.ts, scheduler-inter-pod.ts), one score per node. */
export type SnapshotScores = Partial<Record<'PodTopologySpread' | 'InterPodAffinity', number[]>>;

export function scoreNodes(pod: Pod, nodes: ScoredCandidate[], snapshot: SnapshotScores = {}): PluginScores[] {
  const taints = normalize(
    nodes.map((n) => n.taints.filter((t) => t.endsWith(':PreferNoSchedule') && !tolerated(pod, t)).length),
    true,
  );
  const affinity = normalize(nodes.map((n) => preferredAffinityWeight(pod, n.settings)), false);
  const spreading = snapshot.PodTopologySpread;
  const interPod = snapshot.InterPodAffinity;
  return nodes.map((node, i) => {
    const plugins: Record<ScorePlugin, number> = {
      NodeResourcesFit: leastAllocated(pod, node),
      NodeResourcesBalancedAllocation: balanced(pod, node),
      ImageLocality: imageLocality(pod, node, nodes),
      TaintToleration: taints[i],
      NodeAffinity: affinity[i],
      PodTopologySpread: spreading?.[i] ?? 0,
      InterPodAffinity: interPod?.[i] ?? 0,
    };
    const total = (Object.keys(plugins) as ScorePlugin[]).reduce((sum, p) => sum + plugins[p] * SCORE_WEIGHTS[p], 0);
    return { node: node.settings.name, plugins, total };
  });
}

/** selectHost: the highest total; among equals, one at random (reservoir sampling, seeded). */
export function selectHost(scores: NodeScore[], ids: IdSource): string {
  let best = scores[0];
  let ties = 1;
  for (const score of scores.slice(1)) {
    if (score.total > best.total) {
      best = score;
      ties = 1;
    } else if (score.total === best.total) {
      ties++;
      if (ids.int(ties) === 0) best = score;
    }
  }
  return best.node;
}
