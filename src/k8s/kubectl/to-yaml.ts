/**
 * `kubectl get pod -o yaml`: kubectl marshals the object to JSON and converts it with
 * sigs.k8s.io/yaml (go-yaml v2), so every mapping's keys come out sorted, sequences are not
 * indented under their key, strings a YAML 1.1 reader would take for another type (timestamps,
 * numbers, yes/no/on/off, empty) are double-quoted, and multi-line strings are block literals.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { Document, Scalar, visit } from 'yaml';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON round-trip with keys in Go's sorted (byte) order; undefined fields disappear. */
function sortKeys(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return value as Json;
  if (Array.isArray(value)) return value.map((v) => sortKeys(v) ?? null);
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const v = sortKeys((value as Record<string, unknown>)[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const YAML11_NON_STRING = [
  /^(?:~|null|Null|NULL)$/,
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^[-+]?0b[01_]+$/,
  /^[-+]?0o[0-7_]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/,
  /^<<$/,
];

/** go-yaml v2 double-quotes a string when resolving it as a plain scalar would not give a string. */
export function resolvesAsNonString(s: string): boolean {
  return s === '' || YAML11_NON_STRING.some((re) => re.test(s));
}

export function podToYaml(pod: Pod): string {
  const obj = sortKeys({ ...pod, apiVersion: pod.apiVersion ?? 'v1', kind: pod.kind ?? 'Pod' });
  const doc = new Document(obj);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      if (resolvesAsNonString(node.value)) node.type = Scalar.QUOTE_DOUBLE;
      else if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    },
  });
  return doc.toString({ indentSeq: false, singleQuote: true, lineWidth: 80, minContentWidth: 20 });
}
