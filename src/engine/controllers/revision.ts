/**
 * The hash a workload controller labels its pods with (`controller-revision-hash`): FNV-32a over
 * the pod template, its decimal digits encoded with k8s.io/apimachinery/pkg/util/rand
 * SafeEncodeString (pkg/controller/controller_utils.go ComputeHash; the StatefulSet's
 * ControllerRevision name is `<set>-<hash>`, pkg/controller/history ControllerRevisionName).
 * Go hashes the object with DeepHashObject; PodPlay hashes its JSON, so the values differ from a
 * real cluster's but keep their shape and change exactly when the template does.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { ALPHANUMS } from './names';

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte mapped into the alphabet (no vowels, so no words). */
function safeEncode(text: string): string {
  return Array.from(text, (c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join('');
}

export function templateHash(template: PodTemplateSpec | undefined, collisionCount = 0): string {
  const key = JSON.stringify(template ?? {}) + (collisionCount ? `#${collisionCount}` : '');
  return safeEncode(String(fnv32a(key)));
}
