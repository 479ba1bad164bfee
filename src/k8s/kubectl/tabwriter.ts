/**
 * Go's text/tabwriter (as vendored by kubectl from github.com/liggitt/tabwriter), the elastic
 * tabstop writer behind `kubectl get` tables and `kubectl describe`. Cells are tab-terminated; the
 * text after the last tab of a line is not part of a column. A column block is a run of
 * consecutive lines that have a cell in that column; its width is the widest cell plus padding
 * (at least minWidth). Padding is written with spaces, and only flags 0 and RememberWidths are
 * supported.
 */

export interface TabWriterOptions {
  minWidth: number;
  padding: number;
  /** RememberWidths: column widths never shrink from one flush to the next. */
  rememberWidths?: boolean;
}

/** describe.go tabbedString: tabwriter.Init(buf, 0, 8, 2, ' ', 0). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, padding: 2 };
/** cli-runtime printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, RememberWidths. */
export const GET_TABWRITER: TabWriterOptions = { minWidth: 6, padding: 3, rememberWidths: true };

/** Text width in runes, as tabwriter counts it (UTF-8 code points). */
const runeWidth = (s: string): number => [...s].length;

export class TabWriter {
  private readonly remembered: number[] = [];
  private pending = '';

  constructor(private readonly opts: TabWriterOptions) {}

  write(text: string): void {
    this.pending += text;
  }

  /** Formats everything written since the last flush and returns it. */
  flush(): string {
    const text = this.pending;
    this.pending = '';
    if (text === '') return '';
    const endsWithNewline = text.endsWith('\n');
    const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
    const lines = rawLines.map((l) => l.split('\t'));
    const out: string[] = [];
    this.format(lines, 0, lines.length, [], out);
    return out.join('\n') + (endsWithNewline ? '\n' : '');
  }

  private format(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      // A cell exists in this column: print the lines before the block, then size the block.
      this.writeLines(lines, start, i, widths, out);
      start = i;
      let width = this.opts.minWidth;
      for (; i < line1; i++) {
        const line = lines[i];
        if (column >= line.length - 1) break;
        width = Math.max(width, runeWidth(line[column]) + this.opts.padding);
      }
      if (this.opts.rememberWidths) {
        const prev = this.remembered[column] ?? 0;
        width = Math.max(width, prev);
        this.remembered[column] = width;
      }
      this.format(lines, start, i, [...widths, width], out);
      start = i; // line i ended the block and has no cell here; the loop's i++ skips it, as in Go
    }
    this.writeLines(lines, start, line1, widths, out);
  }

  private writeLines(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    for (let i = line0; i < line1; i++) {
      let s = '';
      lines[i].forEach((cell, j) => {
        s += cell;
        if (j < widths.length && j < lines[i].length - 1)
          s += ' '.repeat(Math.max(0, widths[j] - runeWidth(cell)));
      });
      out.push(s);
    }
  }
}

/** One-shot formatting of tab-separated text. */
export function tabbed(text: string, opts: TabWriterOptions): string {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
}
