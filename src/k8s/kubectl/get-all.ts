/**
 * `kubectl get deploy,rs,sts,ds,pods,svc,endpointslices,nodes`: every kind's table in the order
 * asked, through getTables (one table per kind, `kind.group/name` when several kinds print).
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { podRowCells } from './get-pods';
import { endpointSliceTable, serviceTable } from './get-network';
import { nodeTable } from './get-nodes';
import { getTables, type KindTable } from './get-table';
import { daemonSetTable, deploymentTable, replicaSetTable, statefulSetTable } from './get-workloads';

export interface ClusterObjects {
  deployments?: readonly Deployment[];
  replicaSets?: readonly ReplicaSet[];
  statefulSets?: readonly StatefulSet[];
  daemonSets?: readonly DaemonSet[];
  pods?: readonly Pod[];
  services?: readonly Service[];
  endpointSlices?: readonly EndpointSlice[];
  nodes?: readonly Node[];
}

/** printPod's columns as a kind table (`-o wide` adds IP, NODE, NOMINATED NODE, READINESS GATES). */
export function podTable(items: readonly Pod[], nowMs: number, wide = false): KindTable {
  return {
    groupKind: 'pod',
    headers: wide
      ? ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']
      : ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    rows: items.map((p) => podRowCells(p, nowMs, wide)),
  };
}

/** The short names `kubectl get` takes, in the order the tables print. */
export const GET_ALL_KINDS = [
  { key: 'deployments', short: 'deploy' },
  { key: 'replicaSets', short: 'rs' },
  { key: 'statefulSets', short: 'sts' },
  { key: 'daemonSets', short: 'ds' },
  { key: 'pods', short: 'pods' },
  { key: 'services', short: 'svc' },
  { key: 'endpointSlices', short: 'endpointslices' },
  { key: 'nodes', short: 'nodes' },
] as const satisfies ReadonlyArray<{ key: keyof ClusterObjects; short: string }>;

/**
 * A list as the API server returns it: etcd keeps keys (`/registry/pods/NAMESPACE/NAME`) in
 * order, so a list comes sorted by name, whatever order the objects were created in.
 */
function byName<T extends { metadata?: { name?: string } }>(items: readonly T[] | undefined): T[] {
  const name = (x: T) => x.metadata?.name ?? '';
  return [...(items ?? [])].sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
}

/** The tables of every kind, in GET_ALL_KINDS order. */
export function clusterTables(o: ClusterObjects, nowMs: number): KindTable[] {
  return [
    deploymentTable(byName(o.deployments), nowMs),
    replicaSetTable(byName(o.replicaSets), nowMs),
    statefulSetTable(byName(o.statefulSets), nowMs),
    daemonSetTable(byName(o.daemonSets), nowMs),
    podTable(byName(o.pods), nowMs),
    serviceTable(byName(o.services), nowMs),
    endpointSliceTable(byName(o.endpointSlices), nowMs),
    nodeTable(byName(o.nodes), nowMs),
  ];
}

/** The command with only the kinds that have objects, and what it prints. */
export function getAll(o: ClusterObjects, nowMs: number): { command: string; text: string } {
  const kinds = GET_ALL_KINDS.filter((k) => (o[k.key]?.length ?? 0) > 0).map((k) => k.short);
  return { command: `kubectl get ${kinds.join(',')}`, text: getTables(clusterTables(o, nowMs)) };
}
