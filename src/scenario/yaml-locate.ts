/** Where a validation issue or a YAML syntax error sits in a file: `scenario.yaml:4:3: ...`. */
import { isMap, isSeq, type Document, type LineCounter, type YAMLError } from 'yaml';
import { formatIssue, type Issue } from './check';

type Range = readonly [number, number, number] | null | undefined;

/** Offset of the deepest node on `issue.path` that exists (the key of a mapping entry, the item of a list). */
function offsetOf(doc: Document, issue: Issue): number {
  let node: unknown = doc.contents;
  let at = doc.contents?.range?.[0] ?? 0;
  for (const seg of issue.path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      at = (pair.key as { range?: Range }).range?.[0] ?? at;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      node = node.items[seg];
      at = (node as { range?: Range }).range?.[0] ?? at;
    } else break;
  }
  return at;
}

function position(lineCounter: LineCounter, offset: number): string {
  const { line, col } = lineCounter.linePos(offset);
  return `${line}:${col}`;
}

export function locateIssue(fileName: string, doc: Document, lineCounter: LineCounter, issue: Issue): string {
  return `${fileName}:${position(lineCounter, offsetOf(doc, issue))}: ${formatIssue(issue)}`;
}

export function locateYamlError(fileName: string, lineCounter: LineCounter, error: YAMLError): string {
  return `${fileName}:${position(lineCounter, error.pos[0])}: ${error.message}`;
}
