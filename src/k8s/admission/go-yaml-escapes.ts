/**
 * kubectl reads manifests with go-yaml (sigs.k8s.io/yaml), whose scanner takes `\'` in a
 * double-quoted scalar as `'` (scannerc.go yaml_parser_scan_flow_scalar). YAML 1.2 has no such
 * escape, so the `yaml` package reports BAD_DQ_ESCAPE and keeps the two characters. The docs'
 * envars-file-container.yaml relies on it: those backslashes are dropped and the text parsed again,
 * and offsets in the rewritten text map back to the file as written, so diagnostics keep their columns.
 */
import { parseAllDocuments, type Document, type DocumentOptions, type LineCounter, type ParseOptions, type SchemaOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

export interface Parsed {
  docs: Document.Parsed[];
  /** Offset in the parsed text → offset in the file as written. */
  original(offset: number): number;
}

/** Parse `text` (counting its lines into `lineCounter`) as kubectl would read it. */
export function parseAsKubectl(text: string, options: Options, lineCounter: LineCounter): Parsed {
  const parsed = parseAllDocuments(text, { ...options, lineCounter });
  // parseAllDocuments returns an EmptyStream (an empty array) for blank input.
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  const removed = docs
    .flatMap((d) => d.errors)
    .filter((e) => e.code === 'BAD_DQ_ESCAPE' && text.startsWith("\\'", e.pos[0]))
    .map((e) => e.pos[0])
    .sort((a, b) => a - b);
  if (removed.length === 0) return { docs, original: (offset) => offset };
  let rewritten = '';
  let from = 0;
  for (const at of removed) {
    rewritten += text.slice(from, at);
    from = at + 1;
  }
  rewritten += text.slice(from);
  const again = parseAllDocuments(rewritten, options);
  return {
    docs: Array.isArray(again) ? again : [again],
    original: (offset) => {
      let shift = 0;
      // The k-th removed backslash sat at removed[k] - k in the rewritten text.
      while (shift < removed.length && removed[shift] - shift <= offset) shift++;
      return offset + shift;
    },
  };
}
