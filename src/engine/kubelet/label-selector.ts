/**
 * metav1.LabelSelectorAsSelector (apimachinery/pkg/apis/meta/v1/helpers.go) as the scheduler uses
 * it: a nil selector matches nothing, an empty one everything; matchLabels and matchExpressions
 * (In, NotIn, Exists, DoesNotExist) are ANDed.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const have = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (have[key] !== value) return false;
  for (const req of selector.matchExpressions ?? []) {
    const value = have[req.key];
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

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
