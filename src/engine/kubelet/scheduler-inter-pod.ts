/**
 * InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity): PreFilter counts, per
 * topology pair (topologyKey=value), the existing pods that match the incoming pod's required
 * (anti-)affinity terms and the existing pods whose required anti-affinity matches the incoming pod;
 * Filter (filtering.go) checks a node against those counts; PreScore/Score/NormalizeScore
 * (scoring.go) add the preferred terms' weights of both sides, then scale them to 0..100.
 * A term covers its `namespaces` and the namespaces its namespaceSelector selects (or, with neither,
 * the pod's own). PodPlay has no Namespace objects: a namespace's labels are the one the API server
 * gives every namespace, kubernetes.io/metadata.name (admission warns about selectors on others).
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { NAMESPACE_NAME_LABEL } from '../../k8s';
import { selectorMatches, withLabelKeys } from './label-selector';
import type { SnapshotNode } from './scheduler-snapshot';

// filtering.go
export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

/** framework.AffinityTerm: the term with its namespaces resolved and matchLabelKeys merged. */
interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  /** undefined is labels.Nothing(): no namespace through the selector. */
  namespaceSelector: LabelSelector | undefined;
  selector: LabelSelector | undefined;
  topologyKey: string;
  weight: number;
}

/** framework.PodInfo's parsed terms; computed once per pod (a pod's spec never changes once admitted). */
interface PodTerms {
  requiredAffinity: AffinityTerm[];
  requiredAnti: AffinityTerm[];
  preferredAffinity: AffinityTerm[];
  preferredAnti: AffinityTerm[];
  /** Has any podAffinity or podAntiAffinity (NodeInfo.PodsWithAffinity). */
  any: boolean;
}

const cache = new WeakMap<Pod, PodTerms>();

/** A term with matchLabelKeys / mismatchLabelKeys merged in (MatchLabelKeysInPodAffinity, on by default since 1.31). */
function term(pod: Pod, ns: string, t: PodAffinityTerm, weight: number): AffinityTerm {
  const selector = withLabelKeys(t.labelSelector, pod.metadata?.labels ?? {}, t.matchLabelKeys, t.mismatchLabelKeys);
  // GetNamespacesFromPodAffinityTerm: no namespaces and no namespaceSelector means the pod's own.
  const namespaces = new Set(t.namespaces?.length || t.namespaceSelector ? (t.namespaces ?? []) : [ns]);
  return { namespaces, namespaceSelector: t.namespaceSelector, selector, topologyKey: t.topologyKey, weight };
}

export function podTerms(pod: Pod, ns: string): PodTerms {
  const cached = cache.get(pod);
  if (cached) return cached;
  const a = pod.spec?.affinity;
  const required = (list: PodAffinityTerm[] | undefined) => (list ?? []).map((t) => term(pod, ns, t, 1));
  const preferred = (list: WeightedPodAffinityTerm[] | undefined) => (list ?? []).map((w) => term(pod, ns, w.podAffinityTerm, w.weight));
  const terms: PodTerms = {
    requiredAffinity: required(a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAnti: required(a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    preferredAffinity: preferred(a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAnti: preferred(a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    any: a?.podAffinity !== undefined || a?.podAntiAffinity !== undefined,
  };
  cache.set(pod, terms);
  return terms;
}

/** The labels of a namespace as the API server keeps them: the name label every namespace gets. */
const namespaceLabels = (ns: string): Record<string, string> => ({ [NAMESPACE_NAME_LABEL]: ns });

/** AffinityTerm.Matches: the pod's namespace is one of the term's, or its selector selects it, and its labels match. */
function matches(t: AffinityTerm, pod: Pod, ns: string): boolean {
  const inNamespace = t.namespaces.has(ns) || selectorMatches(t.namespaceSelector, namespaceLabels(ns));
  return inNamespace && selectorMatches(t.selector, pod.metadata?.labels);
}

const pair = (key: string, value: string) => `${key}\u0000${value}`;

function bump(counts: Map<string, number>, key: string, labels: Record<string, string>, by: number): void {
  const value = labels[key];
  if (value === undefined) return;
  const p = pair(key, value);
  counts.set(p, (counts.get(p) ?? 0) + by);
}

/** The Filter for one node, or undefined when PreFilter skips the plugin (no terms on either side). */
export type NodeFilter = (node: SnapshotNode) => string | undefined;

/** PreFilter (filtering.go) over the snapshot; undefined is framework.Skip. */
export function interPodAffinityPreFilter(pod: Pod, ns: string, nodes: readonly SnapshotNode[]): NodeFilter | undefined {
  const own = podTerms(pod, ns);
  const existingAnti = new Map<string, number>();
  for (const node of nodes) {
    for (const other of node.pods) {
      const theirs = podTerms(other.spec, other.namespace);
      for (const t of theirs.requiredAnti) if (matches(t, pod, ns)) bump(existingAnti, t.topologyKey, node.settings.labels, 1);
    }
  }
  if (own.requiredAffinity.length === 0 && own.requiredAnti.length === 0 && existingAnti.size === 0) return undefined;
  const affinity = new Map<string, number>();
  const anti = new Map<string, number>();
  for (const node of nodes) {
    for (const other of node.pods) {
      // updateWithAffinityTerms: an existing pod counts only if it matches every required affinity term.
      if (own.requiredAffinity.length > 0 && own.requiredAffinity.every((t) => matches(t, other.spec, other.namespace))) {
        for (const t of own.requiredAffinity) bump(affinity, t.topologyKey, node.settings.labels, 1);
      }
      for (const t of own.requiredAnti) if (matches(t, other.spec, other.namespace)) bump(anti, t.topologyKey, node.settings.labels, 1);
    }
  }
  // The first pod of a group that has affinity to itself may go anywhere its topology keys exist.
  const selfMatch = own.requiredAffinity.length > 0 && own.requiredAffinity.every((t) => matches(t, pod, ns));
  return (node) => {
    const labels = node.settings.labels;
    // satisfyPodAffinity
    let podsExist = true;
    for (const t of own.requiredAffinity) {
      const value = labels[t.topologyKey];
      if (value === undefined) return ERR_AFFINITY;
      if ((affinity.get(pair(t.topologyKey, value)) ?? 0) <= 0) podsExist = false;
    }
    if (!podsExist && !(affinity.size === 0 && selfMatch)) return ERR_AFFINITY;
    // satisfyPodAntiAffinity
    for (const t of own.requiredAnti) {
      const value = labels[t.topologyKey];
      if (value !== undefined && (anti.get(pair(t.topologyKey, value)) ?? 0) > 0) return ERR_ANTI_AFFINITY;
    }
    // satisfyExistingPodsAntiAffinity
    if (existingAnti.size > 0) {
      for (const [key, value] of Object.entries(labels)) if ((existingAnti.get(pair(key, value)) ?? 0) > 0) return ERR_EXISTING_ANTI_AFFINITY;
    }
    return undefined;
  };
}

/**
 * PreScore + Score + NormalizeScore (scoring.go) for the feasible nodes; undefined when skipped
 * (no preferred terms on the pod and no existing pod with affinity: every node scores 0).
 * HardPodAffinityWeight is 1 (the default): existing pods' required affinity terms count too.
 */
export function interPodAffinityScores(pod: Pod, ns: string, all: readonly SnapshotNode[], feasible: readonly SnapshotNode[]): number[] | undefined {
  const own = podTerms(pod, ns);
  const hasConstraints = own.preferredAffinity.length > 0 || own.preferredAnti.length > 0;
  const topo = new Map<string, Map<string, number>>();
  const process = (terms: AffinityTerm[], target: Pod, targetNs: string, labels: Record<string, string>, sign: number, weight?: number) => {
    for (const t of terms) {
      if (!matches(t, target, targetNs)) continue;
      const value = labels[t.topologyKey];
      if (value === undefined) continue;
      let values = topo.get(t.topologyKey);
      if (!values) topo.set(t.topologyKey, (values = new Map()));
      values.set(value, (values.get(value) ?? 0) + (weight ?? t.weight) * sign);
    }
  };
  let processed = false;
  for (const node of all) {
    const labels = node.settings.labels;
    for (const other of node.pods) {
      const theirs = podTerms(other.spec, other.namespace);
      // Unless the incoming pod has preferred terms, only pods with affinity matter (PodsWithAffinity).
      if (!hasConstraints && !theirs.any) continue;
      processed = true;
      if (Object.keys(labels).length === 0) continue;
      process(own.preferredAffinity, other.spec, other.namespace, labels, 1);
      process(own.preferredAnti, other.spec, other.namespace, labels, -1);
      process(theirs.requiredAffinity, pod, ns, labels, 1, 1);
      process(theirs.preferredAffinity, pod, ns, labels, 1);
      process(theirs.preferredAnti, pod, ns, labels, -1);
    }
  }
  if (!hasConstraints && !processed) return undefined;
  const raw = feasible.map((node) => {
    let score = 0;
    for (const [key, values] of topo) {
      const value = node.settings.labels[key];
      if (value !== undefined) score += values.get(value) ?? 0;
    }
    return score;
  });
  if (topo.size === 0) return raw;
  const min = Math.min(...raw);
  const diff = Math.max(...raw) - min;
  return raw.map((s) => (diff > 0 ? Math.trunc((100 * (s - min)) / diff) : 0));
}
