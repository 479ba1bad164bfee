/**
 * What one scheduling cycle sees of the cluster (the scheduler's Snapshot of NodeInfos): each node's
 * labels, taints and pods. Cluster builds it per pass; the PreFilter/PreScore of PodTopologySpread
 * and InterPodAffinity read it whole.
 */
import type { Pod } from 'kubernetes-types/core/v1';

/** A pod as a scheduling cycle's snapshot holds it (NodeInfo.Pods): PodRunner fits this shape. */
export interface SnapshotPod {
  readonly spec: Pod;
  readonly namespace: string;
  /** Has a deletionTimestamp: PodTopologySpread does not count it (countPodsMatchSelector). */
  readonly isDeleting: boolean;
}

/** One node of the snapshot: its labels and taints as the scheduler reads them, and its pods. */
export interface SnapshotNode {
  readonly settings: { readonly name: string; readonly labels: Record<string, string> };
  readonly taints: readonly string[];
  readonly pods: readonly SnapshotPod[];
}
