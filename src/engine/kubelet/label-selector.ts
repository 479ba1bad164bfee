/**
 * Label selectors as the scheduler reads them. metav1.LabelSelectorAsSelector
 * (apimachinery/pkg/apis/meta/v1/helpers.go): a nil selector matches nothing, an empty one
 * everything; matchLabels and matchExpressions are ANDed. A node selector's requirements
 * (component-helpers/scheduling/corev1/nodeaffinity) are the same operators plus Gt and Lt, so
 * both read a requirement here.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** One requirement (In, NotIn, Exists, DoesNotExist; Gt and Lt for node selectors) against labels. */
export function requirementMatches(req: { key: string; operator: string; values?: string[] }, labels: Record<string, string>): boolean {
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

export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const have = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (have[key] !== value) return false;
  return (selector.matchExpressions ?? []).every((req) => requirementMatches(req, have));
}

/**
 * matchLabelKeys / mismatchLabelKeys (pod affinity terms, topology spread constraints): the API
 * server merges `key in (value)` / `key notin (value)` of the pod's own labels into the selector.
 */
export function withLabelKeys(selector: LabelSelector | undefined, labels: Record<string, string>, inKeys: string[] = [], notInKeys: string[] = []): LabelSelector | undefined {
  const merged = [
    ...inKeys.filter((k) => k in labels).map((key) => ({ key, operator: 'In', values: [labels[key]] })),
    ...notInKeys.filter((k) => k in labels).map((key) => ({ key, operator: 'NotIn', values: [labels[key]] })),
  ];
  if (!selector || merged.length === 0) return selector;
  return { ...selector, matchExpressions: [...(selector.matchExpressions ?? []), ...merged] };
}
