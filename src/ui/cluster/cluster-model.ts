/**
 * What the Cluster view draws at one frame, as plain data: each node with its state (Ready
 * condition, cordon, taints) and its pods grouped by owner (Deployment › ReplicaSet, StatefulSet,
 * DaemonSet, ReplicaSet, or none), the pods no node holds yet, and each Service with its
 * endpoints' conditions. Every state has a word and a shape, never a colour alone.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { EndpointConditions } from 'kubernetes-types/discovery/v1';
import type { Frame } from '../../engine/trace-types';
import { printPodRow } from '../../k8s';
import { controllerOf } from '../owner-ref';
import { podShape, type PodShape } from '../pod-shape';

/** How a pod is drawn: the shape follows its readiness and lifecycle, the text says the status. */
export type { PodShape };

export interface PodCard {
  name: string;
  /** The STATUS column of `kubectl get pods` (Running, CrashLoopBackOff, Terminating, ...). */
  status: string;
  /** The READY column (`1/1`). */
  ready: string;
  shape: PodShape;
}

export interface OwnerGroup {
  /** `deployment/web/replicaset/web-7d9c5b6f4`, `statefulset/db`, or `` for pods without owner. */
  key: string;
  /** `Deployment web › ReplicaSet web-7d9c5b6f4`, or `No owner`. */
  label: string;
  pods: PodCard[];
}

export type NodeCondition = 'Ready' | 'NotReady' | 'Unknown';

export interface NodeBox {
  name: string;
  condition: NodeCondition;
  cordoned: boolean;
  taints: string[];
  groups: OwnerGroup[];
  podCount: number;
}

/** An endpoint's conditions as kube-proxy reads them (ready; serving while terminating; neither). */
export type EndpointState = 'ready' | 'serving-terminating' | 'terminating' | 'not-ready';

export interface EndpointCard {
  address: string;
  pod?: string;
  state: EndpointState;
}

export interface ServiceCard {
  name: string;
  type: string;
  clusterIP: string;
  ports: string;
  endpoints: EndpointCard[];
}

export interface ClusterModel {
  nodes: NodeBox[];
  /** Pods not bound to a node (Pending, unschedulable). */
  unscheduled: OwnerGroup[];
  services: ServiceCard[];
}

export const ENDPOINT_WORDS: Record<EndpointState, string> = {
  ready: 'Ready',
  'serving-terminating': 'Serving, terminating',
  terminating: 'Terminating',
  'not-ready': 'Not ready',
};

/** The pod's own readiness (its Ready condition, what Services use), said when it is running. */
export const POD_READINESS: Partial<Record<PodShape, string>> = { ready: 'Ready', 'not-ready': 'Not ready' };

export const NODE_WORDS: Record<NodeCondition, string> = { Ready: 'Ready', NotReady: 'NotReady', Unknown: 'Unknown' };

function podCard(pod: Pod): PodCard {
  const row = printPodRow(pod);
  return { name: pod.metadata?.name ?? '', status: row.status, ready: row.ready, shape: podShape(pod, row.ready) };
}

/** The owner chain of a pod, outermost first: [Deployment web, ReplicaSet web-7d9c5b6f4]. */
function ownerChain(pod: Pod, frame: Frame): OwnerReference[] {
  const chain: OwnerReference[] = [];
  let ref = controllerOf(pod.metadata?.ownerReferences);
  const seen = new Set<string>();
  while (ref && !seen.has(`${ref.kind}/${ref.name}`)) {
    seen.add(`${ref.kind}/${ref.name}`);
    chain.unshift(ref);
    const { kind, name } = ref;
    const owner =
      kind === 'ReplicaSet'
        ? frame.replicaSets.find((o) => o.metadata?.name === name)
        : kind === 'Deployment'
          ? frame.deployments.find((o) => o.metadata?.name === name)
          : undefined;
    ref = controllerOf(owner?.metadata?.ownerReferences);
  }
  return chain;
}

function groupByOwner(pods: Pod[], frame: Frame): OwnerGroup[] {
  const groups = new Map<string, OwnerGroup>();
  for (const pod of pods) {
    const chain = ownerChain(pod, frame);
    const key = chain.map((r) => `${r.kind.toLowerCase()}/${r.name}`).join('/');
    let group = groups.get(key);
    if (!group) {
      group = { key, label: chain.length > 0 ? chain.map((r) => `${r.kind} ${r.name}`).join(' › ') : 'No owner', pods: [] };
      groups.set(key, group);
    }
    group.pods.push(podCard(pod));
  }
  // Owned pods first, in the order their owners appear; pods without an owner last.
  return [...groups.values()].sort((a, b) => Number(a.key === '') - Number(b.key === ''));
}

function endpointState(c: EndpointConditions | undefined): EndpointState {
  if (c?.ready) return 'ready';
  if (c?.terminating) return c.serving ? 'serving-terminating' : 'terminating';
  return 'not-ready';
}

export function clusterModel(frame: Frame): ClusterModel {
  const nodes: NodeBox[] = frame.nodes.map((n) => {
    const pods = frame.pods.filter((p) => p.spec?.nodeName === n.name);
    return {
      name: n.name,
      condition: n.ready === 'True' ? 'Ready' : n.ready === 'False' ? 'NotReady' : 'Unknown',
      cordoned: n.unschedulable,
      taints: n.taints,
      groups: groupByOwner(pods, frame),
      podCount: pods.length,
    };
  });
  const known = new Set(frame.nodes.map((n) => n.name));
  const unscheduled = groupByOwner(
    frame.pods.filter((p) => !p.spec?.nodeName || !known.has(p.spec.nodeName)),
    frame,
  );
  const services: ServiceCard[] = frame.services.map((svc) => {
    const name = svc.metadata?.name ?? '';
    const slices = frame.endpointSlices.filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === name);
    return {
      name,
      type: svc.spec?.type ?? 'ClusterIP',
      clusterIP: svc.spec?.clusterIP ?? '',
      ports: (svc.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', '),
      endpoints: slices.flatMap((s) =>
        (s.endpoints ?? []).map((e) => ({
          address: e.addresses[0] ?? '',
          ...(e.targetRef?.name ? { pod: e.targetRef.name } : {}),
          state: endpointState(e.conditions),
        })),
      ),
    };
  });
  return { nodes, unscheduled, services };
}
