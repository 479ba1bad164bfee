/**
 * The hash a workload controller labels its pods with (`pod-template-hash` for a Deployment's
 * ReplicaSets, `controller-revision-hash` for StatefulSets and DaemonSets): pkg/controller/
 * controller_utils.go ComputeHash, FNV-32a of the template printed in decimal and SafeEncodeString'd
 * (the StatefulSet's ControllerRevision name is `<set>-<hash>`, pkg/controller/history).
 * Upstream hashes the template as spew prints the Go struct; PodPlay hashes its canonical JSON, so
 * the values have the real shape (`web-7d4b9c8f5`, characters 4-9 b c d f) and change exactly when
 * the template does, but differ from a real cluster's for the same YAML.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { ALPHANUMS } from './names';

/** rand.SafeEncodeString: each byte of s mapped into the alphabet (no vowels, so no words). */
export function safeEncodeString(s: string): string {
  return Array.from(s, (c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join('');
}

/** JSON with sorted keys: one text per template, whatever order the manifest wrote it in. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function podTemplateHash(template: PodTemplateSpec): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(canonical(template))) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return safeEncodeString(String(h));
}
