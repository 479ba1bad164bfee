/**
 * Kubernetes resource quantities as the API server accepts them for node capacity: a non-negative
 * decimal with an optional binary-SI (Ki..Ei), decimal-SI (n, u, m, k, M..E) or exponent suffix.
 * (`4Gi`, `500m`, `1.5`, `2e3`.) Signs are left out: a node does not have negative capacity.
 */
const QUANTITY = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

export function isQuantity(text: string): boolean {
  return QUANTITY.test(text);
}
