import type { PodAffinityTerm, PodSpec } from 'kubernetes-types/core/v1';
import type { Reporter } from './reporter';

/** The one label every namespace carries (the API server sets it); PodPlay's namespaces have no other. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * A pod (anti-)affinity term's namespaceSelector is simulated against the namespaces' labels, and
 * PodPlay has no Namespace objects: a selector on any other label reads it as absent everywhere.
 * Said where it is written, so nobody expects a label a real cluster's namespace might have.
 */
export function warnNamespaceSelectors(spec: PodSpec, r: Reporter, at = 'spec'): void {
  // A workload's template is read before it is decoded: take nothing for granted about its shape.
  const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
  const groups = [
    ['podAffinity', spec.affinity?.podAffinity],
    ['podAntiAffinity', spec.affinity?.podAntiAffinity],
  ] as const;
  for (const [kind, group] of groups) {
    const path = `${at}.affinity.${kind}`;
    const terms: Array<[string, PodAffinityTerm | undefined]> = [
      ...list(group?.requiredDuringSchedulingIgnoredDuringExecution).map((t, i): [string, PodAffinityTerm] => [`${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`, t]),
      ...list(group?.preferredDuringSchedulingIgnoredDuringExecution).map((t, i): [string, PodAffinityTerm | undefined] => [`${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm`, t?.podAffinityTerm]),
    ];
    for (const [termPath, term] of terms) {
      const selector = term?.namespaceSelector;
      const labels = selector?.matchLabels;
      const keys = [
        ...(labels && typeof labels === 'object' ? Object.keys(labels) : []),
        ...list(selector?.matchExpressions).map((e) => e?.key),
      ];
      for (const key of new Set(keys)) {
        if (key === NAMESPACE_NAME_LABEL || typeof key !== 'string') continue;
        r.warn(`${termPath}.namespaceSelector`, `PodPlay's namespaces carry only the ${NAMESPACE_NAME_LABEL} label: ${key} is absent on every namespace`, { onKey: true });
      }
    }
  }
}
