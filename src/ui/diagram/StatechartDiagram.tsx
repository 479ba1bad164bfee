/**
 * A statechart drawn from its machine definition, laid out at build time (layouts.generated.json):
 * active states, the last transition's edge, and an explanation of the state under the pointer or
 * the keyboard focus with a link to the Kubernetes docs.
 *
 * Colours are CSS variables set by Tailwind classes on the wrapper (light and `dark:`), drawn from
 * the Okabe-Ito palette; active states and the last edge also differ in stroke width and shape.
 */
import { useEffect, useId, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { MachineKind } from '../../engine/trace-types';
import { explain } from './explanations';
import { TEXT, displayLines, type LayoutState } from './layout-types';
import { describeActive, edgesTaken, layoutOf, roundedPath, type LastTransition } from './model';

export interface StatechartDiagramProps {
  machine: MachineKind;
  /** MachineState.active: dotted paths of every active state. */
  active?: readonly string[];
  lastTransition?: LastTransition;
  /** A state was chosen (click, Enter or Space); its dotted path ('' for the machine). */
  onSelectState?: (path: string) => void;
  /** The actor's name for the accessible label ('app' → 'Container app statechart'). */
  name?: string;
  /** Show the explanation line under the diagram (default true). */
  explanations?: boolean;
  /**
   * 'fit' (default) scales the drawing to the container's width, never below 3/4 of its natural
   * size (the container scrolls, keeping the active state in view); 'natural' draws it at 1:1,
   * where state names are 16 px and transition labels 14 px.
   */
  size?: 'fit' | 'natural';
  className?: string;
}

/** Light and dark colours (Okabe-Ito blue / sky blue for active, vermillion / orange for the last transition). */
const THEME =
  '[--sd-fg:#1e293b] [--sd-muted:#475569] [--sd-bg:#ffffff] [--sd-active:#0072B2] [--sd-last:#D55E00] ' +
  'dark:[--sd-fg:#e2e8f0] dark:[--sd-muted:#94a3b8] dark:[--sd-bg:#0f172a] dark:[--sd-active:#56B4E9] dark:[--sd-last:#E69F00]';

const v = (name: string, fallback: string): string => `var(--sd-${name}, ${fallback})`;
const FG = v('fg', '#1e293b');
const MUTED = v('muted', '#475569');
const BG = v('bg', '#ffffff');
const ACTIVE = v('active', '#0072B2');
const LAST = v('last', '#D55E00');

const TITLE_Y = 21; // PAD_Y + TITLE_H / 2 in elk-layout.ts
const CENTRAL = { dominantBaseline: 'central' } as const;

/** A rectangle grown by `by` on every side (focus rings, label backgrounds). */
function Grown({ x, y, w, h, by, rx, style }: { x: number; y: number; w: number; h: number; by: number; rx: number; style: CSSProperties }) {
  return <rect x={x - by} y={y - by} width={w + 2 * by} height={h + 2 * by} rx={rx} style={style} />;
}

function capitalise(word: string): string {
  return word.length === 0 ? word : word[0].toUpperCase() + word.slice(1);
}

export function StatechartDiagram({
  machine,
  active = [],
  lastTransition,
  onSelectState,
  name,
  explanations: showExplanation = true,
  size = 'fit',
  className = '',
}: StatechartDiagramProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const layout = layoutOf(machine);
  const activeSet = useMemo(() => new Set(active), [active]);
  const taken = useMemo(() => (layout ? edgesTaken(layout, lastTransition) : new Set<string>()), [layout, lastTransition]);
  // The state last pointed at or focused stays explained, so the pointer can travel to the link.
  const [pointed, setPointed] = useState<string | undefined>();
  const [focus, setFocus] = useState<string | undefined>();
  const [tabStop, setTabStop] = useState<string | undefined>();
  const nodeRefs = useRef(new Map<string, SVGGElement>());
  const scroller = useRef<HTMLDivElement>(null);
  const activeLeaf = layout ? [...layout.states].reverse().find((s) => activeSet.has(s.path) && s.path !== '')?.path : undefined;

  // Keep the innermost active state in view when the drawing is wider than its container.
  useEffect(() => {
    const box = scroller.current;
    const node = activeLeaf === undefined ? undefined : nodeRefs.current.get(activeLeaf);
    if (!box || !node || box.scrollWidth <= box.clientWidth) return;
    const boxRect = box.getBoundingClientRect();
    const nodeRect = node.getBoundingClientRect();
    if (nodeRect.left < boxRect.left || nodeRect.right > boxRect.right) {
      box.scrollLeft += nodeRect.left + nodeRect.width / 2 - (boxRect.left + boxRect.width / 2);
    }
  }, [activeLeaf, machine]);

  const title = `${capitalise(machine)}${name ? ` ${name}` : ''} statechart`;
  const description = describeActive(machine, active);
  const label = `${title}, active state: ${description}`;

  if (!layout) {
    return (
      <figure className={`${THEME} text-slate-700 dark:text-slate-300 ${className}`} aria-label={title}>
        <p className="text-base">No diagram for the {machine} machine yet (run npm run layout).</p>
      </figure>
    );
  }

  const states = layout.states;
  // The deepest active state is the default tab stop and the default explanation.
  const deepestActive = [...states].reverse().find((s) => activeSet.has(s.path) && s.path !== '');
  const currentTabStop = tabStop !== undefined && states.some((s) => s.path === tabStop) ? tabStop : (deepestActive?.path ?? '');
  const shown = pointed !== undefined && states.some((s) => s.path === pointed) ? pointed : deepestActive?.path;
  const shownState = states.find((s) => s.path === shown);
  const explanation = shown === undefined ? undefined : explain(machine, shown);
  const explainId = `sd-${uid}-explain`;
  const arrow = `sd-${uid}-arrow`;
  const arrowLast = `sd-${uid}-arrow-last`;

  const moveFocus = (event: KeyboardEvent<SVGGElement>, index: number): void => {
    let next: number | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % states.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (index - 1 + states.length) % states.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = states.length - 1;
    else if ((event.key === 'Enter' || event.key === ' ') && onSelectState) {
      event.preventDefault();
      onSelectState(states[index].path);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    const path = states[next].path;
    setTabStop(path);
    nodeRefs.current.get(path)?.focus();
  };

  const pathLabel = (s: LayoutState): string => (s.path === '' ? `${capitalise(machine)} machine` : describeActive(machine, [s.path]));

  return (
    <figure className={`${THEME} m-0 ${className}`}>
      <div ref={scroller} className="overflow-x-auto">
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={size === 'natural' ? layout.width : '100%'}
          height={size === 'natural' ? layout.height : undefined}
          role="group"
          aria-label={label}
          data-machine={machine}
          style={{ minWidth: size === 'fit' ? `${Math.round(layout.width * 0.75)}px` : undefined, fontFamily: TEXT.fontFamily, display: 'block' }}
        >
          <title>{label}</title>
          <defs>
            <marker id={arrow} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">
              <path d="M0 0 L10 5 L0 10 z" style={{ fill: MUTED }} />
            </marker>
            <marker id={arrowLast} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="14" markerHeight="14" markerUnits="userSpaceOnUse" orient="auto">
              <path d="M0 0 L10 5 L0 10 z" style={{ fill: LAST }} />
            </marker>
          </defs>

          {states.map((s, index) => {
            const isActive = activeSet.has(s.path) || (s.path === '' && active.length > 0);
            const compound = s.type === 'compound' || s.type === 'parallel';
            const isFocused = focus === s.path;
            const stroke = isActive ? ACTIVE : FG;
            const strokeWidth = isActive ? 4 : s.path === '' ? 2 : 1.5;
            const fill = compound ? 'transparent' : BG;
            const cx = s.x + s.w / 2;
            const titleY = compound || s.internal ? s.y + TITLE_Y : s.y + s.h / 2;
            return (
              <g
                key={s.path || '(machine)'}
                ref={(el) => {
                  if (el) nodeRefs.current.set(s.path, el);
                  else nodeRefs.current.delete(s.path);
                }}
                role="button"
                tabIndex={s.path === currentTabStop ? 0 : -1}
                aria-label={`${pathLabel(s)}${isActive ? ' (active)' : ''}`}
                aria-describedby={showExplanation && shown === s.path ? explainId : undefined}
                data-state={s.path}
                data-active={isActive ? 'true' : 'false'}
                data-type={s.type}
                className="outline-none"
                style={{ cursor: onSelectState ? 'pointer' : 'default' }}
                onMouseEnter={() => setPointed(s.path)}
                onFocus={() => {
                  setFocus(s.path);
                  setPointed(s.path);
                  setTabStop(s.path);
                }}
                onBlur={() => setFocus((f) => (f === s.path ? undefined : f))}
                onClick={() => onSelectState?.(s.path)}
                onKeyDown={(event) => moveFocus(event, index)}
              >
                <rect
                  x={s.x}
                  y={s.y}
                  width={s.w}
                  height={s.h}
                  rx={compound ? 12 : 10}
                  style={{
                    fill,
                    stroke,
                    strokeWidth,
                    strokeDasharray: s.region ? '8 5' : undefined,
                    pointerEvents: compound ? 'stroke' : 'all',
                  }}
                />
                {isActive && !compound && <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={10} style={{ fill: ACTIVE, fillOpacity: 0.14, pointerEvents: 'none' }} />}
                {compound && (
                  // The title band is what the pointer hovers on a compound state.
                  <rect x={s.x} y={s.y} width={s.w} height={TITLE_Y * 2} rx={12} style={{ fill: isActive ? ACTIVE : FG, fillOpacity: isActive ? 0.14 : 0.05 }} />
                )}
                {s.type === 'final' && (
                  <rect x={s.x + 5} y={s.y + 5} width={s.w - 10} height={s.h - 10} rx={6} style={{ fill: 'none', stroke, strokeWidth: isActive ? 3 : 1.5 }} />
                )}
                {isActive && s.path !== '' && (
                  // A shape as well as a colour: a filled dot on the top-left corner of every active state.
                  <circle cx={s.x + 2} cy={s.y + 2} r={8} data-marker="active" style={{ fill: ACTIVE, stroke: BG, strokeWidth: 2.5 }} />
                )}
                <text
                  x={compound ? s.x + 16 : cx}
                  y={titleY}
                  textAnchor={compound ? 'start' : 'middle'}
                  {...CENTRAL}
                  style={{ fill: FG, fontSize: TEXT.stateSize, fontWeight: isActive || s.path === '' ? 700 : 600 }}
                >
                  {s.label}
                  {s.type === 'parallel' && <tspan style={{ fill: MUTED, fontWeight: 400, fontSize: TEXT.labelSize }}> (parallel)</tspan>}
                </text>
                {s.internal?.map((line, i) => (
                  <text
                    key={line}
                    x={compound ? s.x + 16 : cx}
                    y={s.y + TITLE_Y + (i + 1) * TEXT.lineHeight + 2}
                    textAnchor={compound ? 'start' : 'middle'}
                    {...CENTRAL}
                    style={{ fill: MUTED, fontSize: TEXT.labelSize }}
                  >
                    {line} ↺
                  </text>
                ))}
                {isFocused && <Grown x={s.x} y={s.y} w={s.w} h={s.h} by={5} rx={14} style={{ fill: 'none', stroke: FG, strokeWidth: 2, strokeDasharray: '3 3', pointerEvents: 'none' }} />}
              </g>
            );
          })}

          {layout.initials.map((i) => (
            <g key={`i:${i.parent}`} aria-hidden="true" data-initial={i.target}>
              <circle cx={i.cx} cy={i.cy} r={6} style={{ fill: FG }} />
              <path d={roundedPath(i.points)} markerEnd={`url(#${arrow})`} style={{ fill: 'none', stroke: MUTED, strokeWidth: 1.5 }} />
            </g>
          ))}

          {layout.edges.map((e) => {
            const last = taken.has(e.id);
            return (
              <g key={e.id} data-edge={e.id} data-source={e.source} data-target={e.target} data-kind={e.kind} data-last={last ? 'true' : undefined}>
                <path
                  d={roundedPath(e.points)}
                  markerEnd={`url(#${last ? arrowLast : arrow})`}
                  style={{ fill: 'none', stroke: last ? LAST : MUTED, strokeWidth: last ? 4 : 1.5 }}
                />
              </g>
            );
          })}
          {/* Labels above every line. */}
          {layout.edges.map((e) => {
            const last = taken.has(e.id);
            return (
              <g key={`${e.id}:l`} aria-hidden="true">
                <Grown x={e.lx} y={e.ly} w={e.lw} h={e.lh} by={1} rx={4} style={{ fill: BG, fillOpacity: 0.92, stroke: last ? LAST : 'none', strokeWidth: last ? 2 : 0 }} />
                {displayLines(e.label).map((line, i) => (
                  <text
                    key={i}
                    x={e.lx + e.lw / 2}
                    y={e.ly + 2 + i * TEXT.lineHeight + TEXT.lineHeight / 2}
                    textAnchor="middle"
                    {...CENTRAL}
                    style={{ fill: FG, fontSize: TEXT.labelSize, fontWeight: last ? 700 : 400 }}
                  >
                    {line}
                  </text>
                ))}
              </g>
            );
          })}
        </svg>
      </div>
      {showExplanation && (
        <figcaption id={explainId} className="mt-2 min-h-12 text-base leading-snug text-slate-800 dark:text-slate-200">
          {shownState && explanation ? (
            <>
              <strong className="font-semibold">{pathLabel(shownState)}</strong>
              {activeSet.has(shownState.path) ? <span className="text-slate-600 dark:text-slate-400"> (active)</span> : null}: {explanation.text}{' '}
              <a className="whitespace-nowrap text-[#0072B2] underline underline-offset-2 dark:text-[#56B4E9]" href={explanation.href} target="_blank" rel="noreferrer">
                {explanation.source}
              </a>
            </>
          ) : (
            <span className="text-slate-600 dark:text-slate-400">Point at or focus a state to see what it means.</span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
