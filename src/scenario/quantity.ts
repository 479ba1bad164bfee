/**
 * Node capacity quantities (`4Gi`, `500m`, `1.5`, `2e3`), parsed by src/k8s's own quantity parser;
 * a node has no negative capacity. The module is imported directly (not the k8s index) so the
 * first load does not take the kubectl printers with it.
 */
import { tryParseQuantity } from '../k8s/quantity';

export function isQuantity(text: string): boolean {
  if (text.trim() !== text) return false;
  const n = tryParseQuantity(text);
  return n !== undefined && n >= 0;
}
