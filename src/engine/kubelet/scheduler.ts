/**
 * The default scheduler's filters for one node (pkg/scheduler/framework/plugins): NodeName,
 * NodeUnschedulable, NodeAffinity (nodeSelector), NodeResourcesFit, and its FailedScheduling
 * message, e.g. `0/1 nodes are available: 1 Insufficient memory.`
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../k8s';
import type { NodeSettings } from '../input';
import { requirementMatches } from './label-selector';

export interface NodeUsage {
  cpu: number;
  memory: number;
  pods: number;
}

function request(container: Container, resource: 'cpu' | 'memory'): number {
  const value = container.resources?.requests?.[resource];
  if (value === undefined) return 0;
  const n = parseQuantity(value);
  return Number.isFinite(n) ? n : 0;
}

const requestCache = new WeakMap<Pod, { cpu: number; memory: number }>();

/** The pod's effective request: max(sum of regular containers + sidecars, largest init container step). */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  // A pod's spec never changes once admitted, and the scheduler asks for every pod on every node.
  const cached = requestCache.get(pod);
  if (cached) return cached;
  const out = { cpu: 0, memory: 0 };
  requestCache.set(pod, out);
  for (const resource of ['cpu', 'memory'] as const) {
    let sum = 0;
    for (const c of pod.spec?.containers ?? []) sum += request(c, resource);
    // Sidecars run alongside everything after them: each init step needs its request plus the sidecars started before it.
    let sidecars = 0;
    let initMax = 0;
    for (const c of pod.spec?.initContainers ?? []) {
      if (c.restartPolicy === 'Always') {
        sidecars += request(c, resource);
        initMax = Math.max(initMax, sidecars);
      } else {
        initMax = Math.max(initMax, sidecars + request(c, resource));
      }
    }
    const overhead = pod.spec?.overhead?.[resource];
    out[resource] = Math.max(sum + sidecars, initMax) + (overhead ? parseQuantity(overhead) : 0);
  }
  return out;
}

/**
 * requiredDuringSchedulingIgnoredDuringExecution: terms are ORed, a term's expressions ANDed
 * (component-helpers/scheduling/corev1/nodeaffinity). matchFields only knows metadata.name.
 */
export function requiredAffinityMatches(pod: Pod, node: Pick<NodeSettings, 'name' | 'labels'>): boolean {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some(
    (term) =>
      (term.matchExpressions ?? []).every((req) => requirementMatches(req, node.labels)) &&
      (term.matchFields ?? []).every((req) => requirementMatches(req, { 'metadata.name': node.name })),
  );
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match: the nodeSelector and the required terms. */
export function nodeSelectorMatches(pod: Pod, node: Pick<NodeSettings, 'name' | 'labels'>): boolean {
  const selector = pod.spec?.nodeSelector ?? {};
  return Object.entries(selector).every(([k, v]) => node.labels[k] === v) && requiredAffinityMatches(pod, node);
}

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);

function extendedRequests(pod: Pod): string[] {
  const names = new Set<string>();
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const name of [...Object.keys(c.resources?.requests ?? {}), ...Object.keys(c.resources?.limits ?? {})]) {
      if (!STANDARD.has(name) && !name.startsWith('hugepages-')) names.add(name);
    }
  }
  return [...names].sort();
}

/** TaintToleration: does a toleration match a `key[=value]:Effect` taint? */
export function tolerated(pod: Pod, taint: string): boolean {
  const m = /^([^=:]+)(?:=([^:]*))?:(\w+)$/.exec(taint);
  if (!m) return true;
  const [, key, value = '', effect] = m;
  return (pod.spec?.tolerations ?? []).some(
    (t) =>
      (t.key === undefined || t.key === '' ? t.operator === 'Exists' : t.key === key) &&
      (!t.effect || t.effect === effect) &&
      (t.operator === 'Exists' || (t.value ?? '') === value),
  );
}

/** One node as the scheduler's snapshot sees it (NodeInfo): settings, what bound pods use, taints. */
export interface NodeCandidate {
  settings: NodeSettings;
  used: NodeUsage;
  unschedulable: boolean;
  taints: string[];
}

const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable:NoSchedule';

/**
 * The default profile's Filter plugins in their order (apis/config/v1/default_plugins.go):
 * NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodeResourcesFit, then
 * PodTopologySpread and InterPodAffinity (`later`, prepared once per cycle by their PreFilter).
 * RunFilterPlugins stops at the first plugin that rejects the node, so a node reports that
 * plugin's reasons only. Returns the reasons (empty when the node fits).
 */
export function filterNode<N extends NodeCandidate>(pod: Pod, node: N, later: ReadonlyArray<(node: N) => string | undefined> = []): string[] {
  const spec = pod.spec;
  if (node.unschedulable && !tolerated(pod, UNSCHEDULABLE_TAINT)) return ['node(s) were unschedulable'];
  if (spec?.nodeName && spec.nodeName !== node.settings.name) return ["node(s) didn't match the requested node name"];
  // The unschedulable taint is NodeUnschedulable's business; PreferNoSchedule only scores.
  const blocking = node.taints.find((t) => !t.startsWith('node.kubernetes.io/unschedulable') && !t.endsWith(':PreferNoSchedule') && !tolerated(pod, t));
  if (blocking) {
    const [key, value = ''] = blocking.split(':')[0].split('=');
    return [`node(s) had untolerated taint {${key}: ${value}}`];
  }
  if (!nodeSelectorMatches(pod, node.settings)) return ["node(s) didn't match Pod's node affinity/selector"];
  const reasons: string[] = [];
  const want = podRequests(pod);
  const capacity = {
    cpu: parseQuantity(node.settings.capacity.cpu),
    memory: parseQuantity(node.settings.capacity.memory),
    pods: parseQuantity(node.settings.capacity.pods),
  };
  if (node.used.pods + 1 > capacity.pods) reasons.push('Too many pods');
  if (want.cpu > 0 && node.used.cpu + want.cpu > capacity.cpu) reasons.push('Insufficient cpu');
  if (want.memory > 0 && node.used.memory + want.memory > capacity.memory) reasons.push('Insufficient memory');
  // Extended resources (example.com/dongle): a node advertising none makes any request Insufficient.
  for (const name of extendedRequests(pod)) if (!(name in node.settings.capacity)) reasons.push(`Insufficient ${name}`);
  if (reasons.length > 0) return reasons;
  for (const filter of later) {
    const reason = filter(node);
    if (reason !== undefined) return [reason];
  }
  return [];
}

/** "2 Insufficient memory, 1 node(s) were unschedulable": counts per reason, sorted as strings (sortReasonsHistogram). */
function histogram(reasonsPerNode: string[][]): string {
  const counts = new Map<string, number>();
  for (const reasons of reasonsPerNode) for (const r of new Set(reasons)) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort().join(', ');
}

/**
 * Reasons a filter returns as Unschedulable rather than UnschedulableAndUnresolvable: evicting pods
 * could clear them, so DefaultPreemption tries the node (NodeResourcesFit; PodTopologySpread's skew,
 * podtopologyspread/filtering.go; InterPodAffinity's anti-affinity rules, interpodaffinity/filtering.go).
 */
const RESOLVABLE = new Set([
  'Too many pods',
  "node(s) didn't match pod topology spread constraints",
  "node(s) didn't match pod anti-affinity rules",
  "node(s) didn't satisfy existing pods anti-affinity rules",
]);

/** A node DefaultPreemption tries (findCandidates: its status is Unschedulable, not UnschedulableAndUnresolvable). */
export function isResolvable(reasons: readonly string[]): boolean {
  return reasons.length > 0 && reasons.every((r) => r.startsWith('Insufficient') || RESOLVABLE.has(r));
}

/**
 * FitError.Error() (pkg/scheduler/framework/types.go): `0/N nodes are available: <histogram>.`
 * then the PostFilter plugins' message, if any (none when preemption nominated a node).
 */
export function fitError(reasonsPerNode: string[][], postFilterMessage = ''): string {
  const base = `0/${reasonsPerNode.length} nodes are available: ${histogram(reasonsPerNode)}.`;
  return postFilterMessage ? `${base} ${postFilterMessage}` : base;
}

/**
 * The PostFilter plugins' message when none made the pod schedulable (RunPostFilterPlugins joins
 * their reasons): with DynamicResources on by default (1.34+) the DRA plugin speaks first ("no new
 * claims to deallocate"), then DefaultPreemption, which prefixes its own with "preemption: ".
 */
export function postFilterFailure(preemptionMessage: string): string {
  return `no new claims to deallocate, preemption: ${preemptionMessage}`;
}

/**
 * Preempt's FitError when the dry run found no candidate: each node it tried with that node's
 * verdict, every other node "Preemption is not helpful for scheduling".
 */
export function preemptionFitError(dryRun: Array<string[] | undefined>): string {
  return fitError(dryRun.map((reasons) => reasons ?? ['Preemption is not helpful for scheduling']));
}

/**
 * The FailedScheduling message when no pod anywhere could be evicted: DefaultPreemption tries only
 * nodes whose every reason is resolvable, and finds no lower-priority pod to evict there.
 */
export function fitErrorMessage(reasonsPerNode: string[][]): string {
  const dryRun = reasonsPerNode.map((reasons) => (isResolvable(reasons) ? ['No preemption victims found for incoming pod'] : undefined));
  return fitError(reasonsPerNode, postFilterFailure(preemptionFitError(dryRun)));
}

/** NodeAffinity's score: the summed weights of the preferred terms the node matches. */
export function preferredAffinityWeight(pod: Pod, node: NodeSettings): number {
  const terms = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms
    .filter((t) => (t.preference.matchExpressions ?? []).every((req) => requirementMatches(req, node.labels)) && (t.preference.matchFields ?? []).every((req) => requirementMatches(req, { 'metadata.name': node.name })))
    .reduce((sum, t) => sum + t.weight, 0);
}

export type ScheduleResult = { ok: true } | { ok: false; message: string };

/** The filters against one node: the single-node form of a scheduling attempt. */
export function schedule(pod: Pod, node: NodeSettings, used: NodeUsage, cordoned: boolean, taints: string[] = []): ScheduleResult {
  const reasons = filterNode(pod, { settings: node, used, unschedulable: cordoned, taints });
  return reasons.length === 0 ? { ok: true } : { ok: false, message: fitErrorMessage([reasons]) };
}
