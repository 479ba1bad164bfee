/**
 * The default scheduler's filters for one node (pkg/scheduler/framework/plugins): NodeName,
 * NodeUnschedulable, NodeAffinity (nodeSelector), NodeResourcesFit, and its FailedScheduling
 * message, e.g. `0/1 nodes are available: 1 Insufficient memory.`
 */
import type { Container, NodeSelectorRequirement, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../k8s';
import type { NodeSettings } from '../input';

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

/** The pod's effective request: max(sum of regular containers + sidecars, largest init container step). */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  const out = { cpu: 0, memory: 0 };
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

/** A node selector requirement (In, NotIn, Exists, DoesNotExist, Gt, Lt) against the node's labels. */
function matches(req: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const value = labels[req.key];
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const n = Number(value);
      const bound = Number(values[0]);
      if (!Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
}

/**
 * requiredDuringSchedulingIgnoredDuringExecution: terms are ORed, a term's expressions ANDed
 * (component-helpers/scheduling/corev1/nodeaffinity). matchFields only knows metadata.name.
 */
function requiredAffinityMatches(pod: Pod, node: NodeSettings): boolean {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return true;
  return terms.some(
    (term) =>
      (term.matchExpressions ?? []).every((req) => matches(req, node.labels)) &&
      (term.matchFields ?? []).every((req) => matches(req, { 'metadata.name': node.name })),
  );
}

export type ScheduleResult = { ok: true } | { ok: false; message: string };

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
function tolerated(pod: Pod, taint: string): boolean {
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

export function schedule(pod: Pod, node: NodeSettings, used: NodeUsage, cordoned: boolean, taints: string[] = []): ScheduleResult {
  const spec = pod.spec;
  const reasons: string[] = [];
  if (spec?.nodeName && spec.nodeName !== node.name) reasons.push("1 node(s) didn't match Pod's node affinity/selector");
  const selector = spec?.nodeSelector ?? {};
  if (Object.entries(selector).some(([k, v]) => node.labels[k] !== v) || !requiredAffinityMatches(pod, node)) {
    reasons.push("1 node(s) didn't match Pod's node affinity/selector");
  }
  if (cordoned) reasons.push('1 node(s) were unschedulable');
  // The unschedulable taint is the NodeUnschedulable plugin's business; the others are TaintToleration's.
  const blocking = taints.filter((t) => !t.startsWith('node.kubernetes.io/unschedulable') && !t.endsWith(':PreferNoSchedule') && !tolerated(pod, t));
  for (const taint of blocking.slice(0, 1)) {
    const [key, value = ''] = taint.split(':')[0].split('=');
    reasons.push(`1 node(s) had untolerated taint {${key}: ${value}}`);
  }
  const want = podRequests(pod);
  const capacity = {
    cpu: parseQuantity(node.capacity.cpu),
    memory: parseQuantity(node.capacity.memory),
    pods: parseQuantity(node.capacity.pods),
  };
  if (used.pods + 1 > capacity.pods) reasons.push('1 Too many pods');
  if (want.cpu > 0 && used.cpu + want.cpu > capacity.cpu) reasons.push('1 Insufficient cpu');
  if (want.memory > 0 && used.memory + want.memory > capacity.memory) reasons.push('1 Insufficient memory');
  // Extended resources (example.com/dongle): the node advertises none, so any request is Insufficient.
  for (const name of extendedRequests(pod)) if (!(name in node.capacity)) reasons.push(`1 Insufficient ${name}`);
  if (reasons.length === 0) return { ok: true };
  const unique = [...new Set(reasons)].sort();
  // Preemption can only help a node that fails on resources alone (no other filter said no).
  const resourcesOnly = unique.every((r) => r.startsWith('1 Insufficient') || r === '1 Too many pods');
  const preemption = resourcesOnly ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling';
  return {
    ok: false,
    // FitError.Error() appends the PostFilter message as is (" %v"); with DynamicResources on by
    // default (1.34+) the DRA plugin's PostFilter speaks first: "no new claims to deallocate".
    message: `0/1 nodes are available: ${unique.join(', ')}. no new claims to deallocate, preemption: 0/1 nodes are available: 1 ${preemption}.`,
  };
}
