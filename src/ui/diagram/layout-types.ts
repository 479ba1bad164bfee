/**
 * The shape of layouts.generated.json: every machine's statechart with ELK's coordinates, computed
 * at build time (npm run layout). Absolute coordinates in SVG user units; `points` are flat
 * [x0, y0, x1, y1, ...] polylines from source to target.
 */
export type DiagramStateType = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
export type DiagramEdgeKind = 'event' | 'after' | 'always';

export interface LayoutState {
  /** Dotted state path ('' for the machine itself). */
  path: string;
  parent: string | null;
  label: string;
  type: DiagramStateType;
  /** A region of a parallel state. */
  region?: true;
  /** Path of the initial child (compound states). */
  initial?: string;
  /** Events handled without leaving the state. */
  internal?: string[];
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The initial-state marker of a compound state: a dot and an arrow to its initial child. */
export interface LayoutInitial {
  parent: string;
  target: string;
  /** Centre of the dot. */
  cx: number;
  cy: number;
  points: number[];
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  kind: DiagramEdgeKind;
  /** XState's event type ('' for always). */
  event: string;
  label: string[];
  points: number[];
  /** Label box (top-left corner, size). */
  lx: number;
  ly: number;
  lw: number;
  lh: number;
}

export interface MachineLayout {
  id: string;
  width: number;
  height: number;
  states: LayoutState[];
  initials: LayoutInitial[];
  edges: LayoutEdge[];
}

export type Layouts = Record<string, MachineLayout>;

/** Text metrics shared by the layout (which measures) and the component (which draws). */
export const TEXT = {
  /** Monospace: every glyph is about 0.6 em wide, so width is an estimate from the character count. */
  charWidth: 0.61,
  stateSize: 16,
  labelSize: 14,
  lineHeight: 18,
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
} as const;

export function textWidth(text: string, size: number): number {
  return Math.ceil(text.length * size * TEXT.charWidth);
}

/** Long transition labels break before their guard: `after kubeletSync (1s)` / `[restartNow]`. */
export function displayLines(label: readonly string[]): string[] {
  return label.flatMap((line) => {
    const at = line.indexOf(' [');
    return line.length > 24 && at > 0 ? [line.slice(0, at), line.slice(at + 1)] : [line];
  });
}
