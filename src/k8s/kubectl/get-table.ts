/**
 * `kubectl get` tables for one kind or several: the rows of a printer from
 * pkg/printers/internalversion/printers.go laid out by cli-runtime's HumanReadablePrinter through
 * its tabwriter. When several kinds are asked for (`kubectl get deploy,rs,pods`), kubectl's get.go
 * prints one table per kind with its own header, flushes and forgets the column widths between
 * them (SetRememberedWidths(nil)), writes an empty line before every table after the first that
 * follows output (separatorWriterWrapper), and names each row `kind.group/name`
 * (printWithKind = multipleGVKsRequested; formatResourceName lower-cases GroupKind.String()).
 * Kinds with no object print nothing.
 */
import { virtualMs } from '../time';
import { ageSince } from './duration';
import { GET_TABWRITER, TabWriter } from './tabwriter';

/** One kind's table: its resource as `kubectl get` names it with the kind (`deployment.apps`) and its rows. */
export interface KindTable {
  /** Lower-cased GroupKind.String(): `pod`, `deployment.apps`, `endpointslice.discovery.k8s.io`. */
  groupKind: string;
  headers: readonly string[];
  /** Cells of each row, the object's name first. */
  rows: ReadonlyArray<readonly string[]>;
}

const line = (cells: readonly string[]): string => `${cells.join('\t')}\n`;

/** translateTimestampSince for an object's creationTimestamp at `nowMs`. */
export function ageOf(creationTimestamp: string | undefined, nowMs: number): string {
  return ageSince(creationTimestamp ? virtualMs(creationTimestamp) : undefined, nowMs);
}

/** labels.FormatLabels: `k=v` pairs sorted by key, joined by commas; `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${(labels ?? {})[k]}`).join(',');
}

/** The text `kubectl get` prints for these kinds, in the order given (empty kinds left out). */
export function getTables(tables: readonly KindTable[], opts: { noHeaders?: boolean } = {}): string {
  const present = tables.filter((t) => t.rows.length > 0);
  const withKind = present.length > 1;
  let out = '';
  for (const table of present) {
    const w = new TabWriter(GET_TABWRITER);
    if (!opts.noHeaders) w.write(line(table.headers));
    for (const row of table.rows) {
      const [name, ...rest] = row;
      w.write(line([withKind ? `${table.groupKind}/${name}` : name, ...rest]));
    }
    const text = w.flush();
    if (out !== '' && !opts.noHeaders) out += '\n';
    out += text;
  }
  return out;
}
