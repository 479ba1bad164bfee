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

/** The tables of every kind, in GET_ALL_KINDS order. */
export function clusterTables(o: ClusterObjects, nowMs: number): KindTable[] {
  return [
    deploymentTable(o.deployments ?? [], nowMs),
    replicaSetTable(o.replicaSets ?? [], nowMs),
    statefulSetTable(o.statefulSets ?? [], nowMs),
    daemonSetTable(o.daemonSets ?? [], nowMs),
    podTable(o.pods ?? [], nowMs),
    serviceTable(o.services ?? [], nowMs),
    endpointSliceTable(o.endpointSlices ?? [], nowMs),
    nodeTable(o.nodes ?? [], nowMs),
  ];
}

/** The command with only the kinds that have objects, and what it prints. */
export function getAll(o: ClusterObjects, nowMs: number): { command: string; text: string } {
  const kinds = GET_ALL_KINDS.filter((k) => (o[k.key]?.length ?? 0) > 0).map((k) => k.short);
  return { command: `kubectl get ${kinds.join(',')}`, text: getTables(clusterTables(o, nowMs)) };
}
