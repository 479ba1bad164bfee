import { LineCounter, isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Tags } from 'yaml';
import type { Diagnostic } from './diagnostics';
import { parseAsKubectl } from './go-yaml-escapes';

export interface Pos {
  line: number;
  col: number;
}

/** Where a field sits: its key (for a mapping entry) and its value. */
export interface NodePos {
  key?: Pos;
  value: Pos;
}

/** One YAML document of a manifest file, with the position of every field in it. */
export interface SourceDoc {
  docIndex: number;
  value: unknown;
  /** Keyed by positionKey(pathSegments(path)). */
  positions: Map<string, NodePos>;
  start: Pos;
}

// The API server reads YAML through sigs.k8s.io/yaml (go-yaml v2), i.e. YAML 1.1: `0644` is octal
// and `yes` a boolean. go-yaml v2 has no sexagesimal numbers and hands timestamps to JSON as
// strings, so those two YAML 1.1 types are dropped.
function kubernetesTags(tags: Tags): Tags {
  return tags.filter((t) => {
    if (typeof t !== 'object' || !('tag' in t)) return true;
    return t.tag !== 'tag:yaml.org,2002:timestamp' && !('format' in t && t.format === 'TIME');
  });
}

/** `spec.containers[0].env[1]`, `metadata.labels[app.kubernetes.io/name]` -> their segments. */
export function pathSegments(path: string): string[] {
  const segments: string[] = [];
  for (const m of path.matchAll(/\[([^\]]*)\]|([^.[\]]+)/g)) segments.push(m[1] ?? m[2]);
  return segments;
}

/** The key a position is stored under: segments, so `a.b` and `a[b]` are the same field. */
export function positionKey(segments: readonly string[]): string {
  return segments.join('\u0000');
}

function index(
  node: YamlNode | null,
  segments: string[],
  positions: Map<string, NodePos>,
  at: (o: number) => Pos,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const keyNode = isScalar(pair.key) ? pair.key : null;
      if (!keyNode?.range) continue;
      const keyPos = at(keyNode.range[0]);
      const valueNode = pair.value as YamlNode | null;
      const child = [...segments, String(keyNode.value)];
      positions.set(positionKey(child), {
        key: keyPos,
        value: valueNode?.range ? at(valueNode.range[0]) : keyPos,
      });
      index(valueNode, child, positions, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const itemNode = item as YamlNode | null;
      if (!itemNode?.range) return;
      const child = [...segments, String(i)];
      positions.set(positionKey(child), { value: at(itemNode.range[0]) });
      index(itemNode, child, positions, at);
    });
  }
}

/**
 * Splits a manifest into documents and records positions. YAML errors come back as located error
 * diagnostics and their documents are left out; empty documents are skipped. Never throws.
 */
export function parseSource(text: string, file: string): { docs: SourceDoc[]; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const parsed = parseAsKubectl(text, { version: '1.1', customTags: kubernetesTags, prettyErrors: false, uniqueKeys: true }, lineCounter);
  // Positions are counted in the file as written (see go-yaml-escapes.ts).
  const at = (offset: number): Pos => lineCounter.linePos(parsed.original(offset));
  const diagnostics: Diagnostic[] = [];
  const docs: SourceDoc[] = [];
  parsed.docs.forEach((doc, docIndex) => {
    const problems = [
      ...doc.errors.map((e) => ({ e, severity: 'error' as const })),
      ...doc.warnings.map((e) => ({ e, severity: 'warning' as const })),
    ];
    for (const { e, severity } of problems) {
      const pos = at(e.pos[0]);
      diagnostics.push({ severity, file, ...pos, path: '', message: e.message });
    }
    if (doc.errors.length > 0 || doc.contents === null) return;
    const positions = new Map<string, NodePos>();
    const contents = doc.contents as YamlNode;
    index(contents, [], positions, at);
    const start = at(contents.range?.[0] ?? 0);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // Alias bombs and the like: report, never throw out of admission.
      diagnostics.push({ severity: 'error', file, ...start, path: '', message: (err as Error).message });
      return;
    }
    // `---` followed by nothing (or only comments) is an empty document: kubectl skips it.
    if (value === null || value === undefined) return;
    docs.push({ docIndex, value, positions, start });
  });
  return { docs, diagnostics };
}
