import type { Diagnostic } from './diagnostics';
import { pathSegments, positionKey } from './source';
import type { Pos, SourceDoc } from './source';

/** Where to point a diagnostic when its path is not the best place (`resources.requests` -> the key). */
export interface At {
  /** Locate this path instead of the diagnostic's own. */
  path?: string;
  /** Point at the key rather than the value (unknown fields, forbidden fields). */
  onKey?: boolean;
}

/** Collects the diagnostics of one document and places them in the source. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly file: string;
  private readonly doc: SourceDoc;

  constructor(file: string, doc: SourceDoc) {
    this.file = file;
    this.doc = doc;
  }

  /** The exact position of a field's value, undefined when the source does not write it. */
  locate(path: string): Pos | undefined {
    return this.doc.positions.get(positionKey(pathSegments(path)))?.value;
  }

  /**
   * The field's value (or key) when written; when it is missing, the key of the nearest ancestor
   * that is, so "Required value" points where the field should go.
   */
  position(path: string, onKey = false): Pos {
    const segments = pathSegments(path);
    const own = this.doc.positions.get(positionKey(segments));
    if (own) return (onKey && own.key) || own.value;
    for (let n = segments.length - 1; n > 0; n--) {
      const parent = this.doc.positions.get(positionKey(segments.slice(0, n)));
      if (parent) return parent.key ?? parent.value;
    }
    return this.doc.start;
  }

  error(path: string, message: string, at: At = {}): void {
    this.report('error', path, message, at);
  }

  warn(path: string, message: string, at: At = {}): void {
    this.report('warning', path, message, at);
  }

  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }

  private report(severity: Diagnostic['severity'], path: string, message: string, at: At): void {
    const pos = this.position(at.path ?? path, at.onKey);
    this.diagnostics.push({ severity, file: this.file, line: pos.line, col: pos.col, path, message });
  }
}
