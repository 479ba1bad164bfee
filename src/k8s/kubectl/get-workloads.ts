/**
 * `kubectl get` rows of the workload controllers, as printDeployment, printReplicaSet,
 * printStatefulSet and printDaemonSet (pkg/printers/internalversion/printers.go) write them.
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { ageOf, formatLabels, type KindTable } from './get-table';

/** printDeployment: READY is readyReplicas/spec.replicas. */
export function deploymentTable(items: readonly Deployment[], nowMs: number): KindTable {
  return {
    groupKind: 'deployment.apps',
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    rows: items.map((d) => [
      d.metadata?.name ?? '',
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      String(d.status?.updatedReplicas ?? 0),
      String(d.status?.availableReplicas ?? 0),
      ageOf(d.metadata?.creationTimestamp, nowMs),
    ]),
  };
}

/** printReplicaSet: DESIRED is spec.replicas, CURRENT status.replicas, READY status.readyReplicas. */
export function replicaSetTable(items: readonly ReplicaSet[], nowMs: number): KindTable {
  return {
    groupKind: 'replicaset.apps',
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    rows: items.map((rs) => [
      rs.metadata?.name ?? '',
      String(rs.spec?.replicas ?? 0),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      ageOf(rs.metadata?.creationTimestamp, nowMs),
    ]),
  };
}

/** printStatefulSet: READY is readyReplicas/spec.replicas. */
export function statefulSetTable(items: readonly StatefulSet[], nowMs: number): KindTable {
  return {
    groupKind: 'statefulset.apps',
    headers: ['NAME', 'READY', 'AGE'],
    rows: items.map((s) => [
      s.metadata?.name ?? '',
      `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 0}`,
      ageOf(s.metadata?.creationTimestamp, nowMs),
    ]),
  };
}

/** printDaemonSet: the status counters and the template's nodeSelector (labels.FormatLabels). */
export function daemonSetTable(items: readonly DaemonSet[], nowMs: number): KindTable {
  return {
    groupKind: 'daemonset.apps',
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    rows: items.map((ds) => [
      ds.metadata?.name ?? '',
      String(ds.status?.desiredNumberScheduled ?? 0),
      String(ds.status?.currentNumberScheduled ?? 0),
      String(ds.status?.numberReady ?? 0),
      String(ds.status?.updatedNumberScheduled ?? 0),
      String(ds.status?.numberAvailable ?? 0),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      ageOf(ds.metadata?.creationTimestamp, nowMs),
    ]),
  };
}
