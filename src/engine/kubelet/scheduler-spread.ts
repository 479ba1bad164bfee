/**
 * PodTopologySpread with the pod's own topologySpreadConstraints
 * (pkg/scheduler/framework/plugins/podtopologyspread): DoNotSchedule constraints filter
 * (filtering.go), ScheduleAnyway ones score (scoring.go). A pod without constraints gets the
 * system default ones instead (common.go getConstraints, apis/config/v1/defaults.go): hostname
 * maxSkew 3 and zone maxSkew 5, ScheduleAnyway, over the pods of its controller or Services.
 * nodeAffinityPolicy defaults to Honor and nodeTaintsPolicy to Ignore (NodeInclusionPolicyInPodTopologySpread);
 * matchLabelKeys are merged into the selector as the API server does (MatchLabelKeysInPodTopologySpreadSelectorMerge).
 */
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { selectorMatches, withLabelKeys } from './label-selector';
import type { SnapshotNode, SnapshotPod } from './scheduler-snapshot';
import { nodeSelectorMatches, tolerated } from './scheduler';
import type { NodeFilter } from './scheduler-inter-pod';

// filtering.go
export const ERR_CONSTRAINTS = "node(s) didn't match pod topology spread constraints";
export const ERR_MISSING_LABEL = `${ERR_CONSTRAINTS} (missing required label)`;

const HOSTNAME = 'kubernetes.io/hostname';

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  /** The constraint's labelSelector, or the default constraints' DefaultSelector. */
  selects: (pod: Pod) => boolean;
  minDomains: number;
  honorAffinity: boolean;
  honorTaints: boolean;
}

function constraint(pod: Pod, c: TopologySpreadConstraint): Constraint {
  const selector = withLabelKeys(c.labelSelector, pod.metadata?.labels ?? {}, c.matchLabelKeys);
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selects: (other) => selectorMatches(selector, other.metadata?.labels),
    minDomains: c.minDomains ?? 1,
    honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorTaints: c.nodeTaintsPolicy === 'Honor',
  };
}

const cache = new WeakMap<Pod, { filter: Constraint[]; score: Constraint[] }>();

/** The pod's explicit constraints by whenUnsatisfiable, parsed once (filterTopologySpreadConstraints). */
function constraints(pod: Pod): { filter: Constraint[]; score: Constraint[] } {
  let out = cache.get(pod);
  if (!out) {
    const list = pod.spec?.topologySpreadConstraints ?? [];
    out = {
      filter: list.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule').map((c) => constraint(pod, c)),
      score: list.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway').map((c) => constraint(pod, c)),
    };
    cache.set(pod, out);
  }
  return out;
}

/** The system default constraints apply only to a pod that has none of its own. */
export function hasExplicitConstraints(pod: Pod): boolean {
  return (pod.spec?.topologySpreadConstraints?.length ?? 0) > 0;
}

/** countPodsMatchSelector: pods in the pod's namespace, not being deleted, that the selector matches. */
function countMatching(pods: readonly SnapshotPod[], c: Constraint, ns: string): number {
  let n = 0;
  for (const p of pods) if (!p.isDeleting && p.namespace === ns && c.selects(p.spec)) n++;
  return n;
}

const ZONE = 'topology.kubernetes.io/zone';

/**
 * The system default constraints (systemDefaultConstraints, ScheduleAnyway) with the pod's
 * DefaultSelector (helper.DefaultSelector: its controller's or Services' pods); none when that
 * selector is empty (buildDefaultConstraints).
 */
function defaultConstraints(peers: ((other: Pod) => boolean) | undefined): Constraint[] {
  if (!peers) return [];
  const base = { selects: peers, minDomains: 1, honorAffinity: true, honorTaints: false };
  return [
    { ...base, maxSkew: 3, topologyKey: HOSTNAME },
    { ...base, maxSkew: 5, topologyKey: ZONE },
  ];
}

const hasAllKeys = (labels: Record<string, string>, cs: Constraint[]) => cs.every((c) => labels[c.topologyKey] !== undefined);

/** matchNodeInclusionPolicies: Honor nodeAffinity (nodeSelector and required terms), Honor taints (NoSchedule, NoExecute). */
function included(pod: Pod, c: Constraint, node: SnapshotNode): boolean {
  if (c.honorAffinity && !nodeSelectorMatches(pod, node.settings)) return false;
  if (c.honorTaints && node.taints.some((t) => !t.endsWith(':PreferNoSchedule') && !tolerated(pod, t))) return false;
  return true;
}

/** PreFilter + Filter (filtering.go) for DoNotSchedule constraints; undefined when the pod has none. */
export function topologySpreadPreFilter(pod: Pod, ns: string, nodes: readonly SnapshotNode[]): NodeFilter | undefined {
  const cs = constraints(pod).filter;
  if (cs.length === 0) return undefined;
  // TpValueToMatchNum: matching pods per domain, over nodes that carry every constraint's key.
  const perDomain = cs.map(() => new Map<string, number>());
  for (const node of nodes) {
    if (!hasAllKeys(node.settings.labels, cs)) continue;
    cs.forEach((c, i) => {
      if (!included(pod, c, node)) return;
      const value = node.settings.labels[c.topologyKey];
      perDomain[i].set(value, (perDomain[i].get(value) ?? 0) + countMatching(node.pods, c, ns));
    });
  }
  // minMatchNum: the smallest domain count (math.MaxInt32 with no domain), 0 while there are fewer domains than minDomains.
  const mins = perDomain.map((counts, i) => (counts.size < cs[i].minDomains ? 0 : counts.size === 0 ? 2 ** 31 - 1 : Math.min(...counts.values())));
  const self = cs.map((c) => (c.selects(pod) ? 1 : 0));
  return (node) => {
    for (let i = 0; i < cs.length; i++) {
      const value = node.settings.labels[cs[i].topologyKey];
      if (value === undefined) return ERR_MISSING_LABEL;
      // 'existing matching num' + 'if self-match (1 or 0)' - 'global minimum' <= 'maxSkew'
      if ((perDomain[i].get(value) ?? 0) + self[i] - mins[i] > cs[i].maxSkew) return ERR_CONSTRAINTS;
    }
    return undefined;
  };
}

/**
 * PreScore + Score + NormalizeScore (scoring.go) for the pod's ScheduleAnyway constraints, or the
 * system defaults (with `peers`, its DefaultSelector) when it has none; undefined when PreScore
 * skips (every node scores 0). With its own constraints, nodes missing a key score 0.
 */
export function topologySpreadScores(
  pod: Pod,
  ns: string,
  all: readonly SnapshotNode[],
  feasible: readonly SnapshotNode[],
  peers: ((other: Pod) => boolean) | undefined,
): number[] | undefined {
  const explicit = hasExplicitConstraints(pod);
  const cs = explicit ? constraints(pod).score : defaultConstraints(peers);
  if (cs.length === 0) return undefined;
  // requireAllTopologies: only the pod's own constraints exclude nodes that lack a key.
  const requireAll = explicit;
  const ignored = new Set(requireAll ? feasible.filter((n) => !hasAllKeys(n.settings.labels, cs)).map((n) => n.settings.name) : []);
  // TopologyPairToPodCounts: one counter per pair a candidate node sits in (hostname is counted per
  // node in Score). A node without the key sits in the pair (key, "") and widens the topology size,
  // but Score reads only pairs of nodes that have the key, so only those are counted.
  const pairs = new Map<string, number>();
  const seen = new Set<string>();
  const size = cs.map(() => 0);
  for (const node of feasible) {
    if (ignored.has(node.settings.name)) continue;
    cs.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME) return;
      const value = node.settings.labels[c.topologyKey];
      const p = `${c.topologyKey}\u0000${value ?? ''}`;
      if (!seen.has(p)) {
        seen.add(p);
        size[i]++;
      }
      if (value !== undefined) pairs.set(p, 0);
    });
  }
  const weights = cs.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? feasible.length - ignored.size : size[i]) + 2));
  if (pairs.size > 0) {
    for (const node of all) {
      if (requireAll && !hasAllKeys(node.settings.labels, cs)) continue;
      for (const c of cs) {
        if (c.topologyKey === HOSTNAME) continue;
        const p = `${c.topologyKey}\u0000${node.settings.labels[c.topologyKey] ?? ''}`;
        const count = pairs.get(p);
        if (count !== undefined && included(pod, c, node)) pairs.set(p, count + countMatching(node.pods, c, ns));
      }
    }
  }
  const raw = feasible.map((node) => {
    if (ignored.has(node.settings.name)) return undefined;
    let score = 0;
    cs.forEach((c, i) => {
      const value = node.settings.labels[c.topologyKey];
      if (value === undefined) return;
      const count = c.topologyKey === HOSTNAME ? countMatching(node.pods, c, ns) : (pairs.get(`${c.topologyKey}\u0000${value}`) ?? 0);
      // scoreForCount: cnt × topologyNormalizingWeight + (maxSkew − 1)
      score += count * weights[i] + (c.maxSkew - 1);
    });
    return Math.round(score);
  });
  const valid = raw.filter((s): s is number => s !== undefined);
  const max = Math.max(0, ...valid);
  const min = valid.length > 0 ? Math.min(...valid) : 0;
  return raw.map((s) => (s === undefined ? 0 : max === 0 ? 100 : Math.trunc((100 * (max + min - s)) / max)));
}
