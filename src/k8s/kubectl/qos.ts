/**
 * The QoS class `kubectl describe` prints: GetPodQOS / ComputePodQOS (k8s.io/kubectl/pkg/util/qos,
 * the same rules as pkg/apis/core/v1/helper/qos).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from './quantity';

type ResourceList = Record<string, string | number> | undefined;

const SUPPORTED = new Set(['cpu', 'memory']);

/** Adds the positive cpu/memory quantities of `from` into `into` (nano-units). */
function addPositive(into: Map<string, bigint>, from: ResourceList): void {
  for (const [name, q] of Object.entries(from ?? {})) {
    if (!SUPPORTED.has(name)) continue;
    const v = parseQuantity(q)?.nano ?? 0n;
    if (v > 0n) into.set(name, (into.get(name) ?? 0n) + v);
  }
}

function limitsCoverCpuAndMemory(limits: ResourceList): boolean {
  const positive = new Map<string, bigint>();
  addPositive(positive, limits);
  return positive.has('cpu') && positive.has('memory');
}

export function podQosClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  // Pod-level resources (spec.resources) replace the per-container computation.
  const podResources = (
    pod.spec as { resources?: { requests?: ResourceList; limits?: ResourceList } } | undefined
  )?.resources;
  if (podResources) {
    addPositive(requests, podResources.requests);
    if (podResources.limits) {
      addPositive(limits, podResources.limits);
      if (!limitsCoverCpuAndMemory(podResources.limits)) guaranteed = false;
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      addPositive(requests, c.resources?.requests);
      addPositive(limits, c.resources?.limits);
      if (!limitsCoverCpuAndMemory(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
