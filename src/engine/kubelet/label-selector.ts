/**
 * metav1.LabelSelectorAsSelector (apimachinery/pkg/apis/meta/v1/helpers.go) as the scheduler uses
 * it: a nil selector matches nothing, an empty one everything; matchLabels and matchExpressions
 * (In, NotIn, Exists, DoesNotExist) are ANDed.
 */
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
