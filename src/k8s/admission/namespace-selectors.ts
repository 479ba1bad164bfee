import type { PodAffinityTerm, PodSpec } from 'kubernetes-types/core/v1';
import type { Reporter } from './reporter';

/** The one label every namespace carries (the API server sets it); PodPlay's namespaces have no other. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * A pod (anti-)affinity term's namespaceSelector is simulated against the namespaces' labels, and
 * PodPlay has no Namespace objects: a selector on any other label reads it as absent everywhere.
 * Said where it is written, so nobody expects a label a real cluster's namespace might have.
 */
export function warnNamespaceSelectors(spec: PodSpec, r: Reporter): void {
  const groups = [
    ['podAffinity', spec.affinity?.podAffinity],
    ['podAntiAffinity', spec.affinity?.podAntiAffinity],
  ] as const;
  for (const [kind, group] of groups) {
    const required = group?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
    const preferred = group?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const terms: Array<[string, PodAffinityTerm]> = [
      ...required.map((t, i): [string, PodAffinityTerm] => [`spec.affinity.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`, t]),
      ...preferred.map((t, i): [string, PodAffinityTerm] => [`spec.affinity.${kind}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm`, t.podAffinityTerm]),
    ];
    for (const [path, term] of terms) {
      const selector = term.namespaceSelector;
      const keys = [...Object.keys(selector?.matchLabels ?? {}), ...(selector?.matchExpressions ?? []).map((e) => e.key)];
      for (const key of new Set(keys)) {
        if (key === NAMESPACE_NAME_LABEL) continue;
        r.warn(`${path}.namespaceSelector`, `PodPlay's namespaces carry only the ${NAMESPACE_NAME_LABEL} label: ${key} is absent on every namespace`, { onKey: true });
      }
    }
  }
}
