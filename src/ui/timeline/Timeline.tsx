/**
 * The timeline: a fixed label column and one lane per phase, condition, container, probe and the
 * pod's events, with a shared cursor. Drag anywhere in the plot to move the cursor; clicking a mark
 * moves it to that mark. As a slider it takes ←/→ (1 s, Shift 10 s), Home and End. With several
 * pods, lanes for their owners and the pods come first; buttons over the label column open and
 * close an owner's group (Enter, Space, ←/→) and choose the pod whose own lanes show below.
 */
import {
  memo,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { formatClock } from '../trace-utils';
import { axisTicks } from './axis';
import { AXIS_H, LABEL_W, LANE_H, PAD_R } from './geometry';
import { LaneButtons } from './LaneButtons';
import { Legend } from './Legend';
import { MarkShape } from './MarkShape';
import { HATCHED, TONE_FILL } from './palette';
import type { Lane, Segment } from './segments';
import { useLaneWindow } from './useLaneWindow';
import { follow, zoom, type ViewWindow } from './view-window';

const CHAR_W = 6.6;

function segmentText(s: Segment, width: number): string | undefined {
  const fits = (text: string) => text.length * CHAR_W + 8 <= width;
  if (fits(s.label)) return s.label;
  const short = s.label.replace(/^(Waiting|Terminated|True|False): /, '');
  if (fits(short)) return short;
  return undefined;
}

export interface TimelineProps {
  lanes: Lane[];
  endMs: number;
  t: number;
  onSeek: (t: number) => void;
  /** The span shown at first (see fitSpan). */
  initialSpan: number;
  /** Drawing scale: 1, or larger for presenter mode (text, lanes and marks grow together). */
  scale?: number;
  /** An owner group's lane was opened or closed (its expander key). */
  onToggleGroup?: (key: string) => void;
  /** A pod's summary lane was chosen. */
  onChoosePod?: (name: string) => void;
  chosenPod?: string;
}

export function Timeline({ lanes, endMs, t, onSeek, initialSpan, scale = 1, ...tree }: TimelineProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(900);
  const dragging = useRef(false);
  const [view, setView] = useState<ViewWindow>({ start: 0, span: Math.min(initialSpan, endMs) });
  // Keep the cursor in view when it moves from outside (playback, stepping, End), and the window
  // inside the run when the run gets shorter.
  const followed = follow(view, t, endMs);
  const span = Math.min(view.span, endMs);
  if (followed !== view.start || span !== view.span) setView({ start: followed, span });
  const start = followed;

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) setWidth(Math.floor(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Layout happens in unscaled units; the SVG's viewBox scales it up to the measured width.
  const layoutW = Math.max(320, Math.floor(width / scale));
  const plotW = layoutW - LABEL_W - PAD_R;
  const x = (ms: number) => LABEL_W + (span > 0 ? ((ms - start) / span) * plotW : 0);
  const height = AXIS_H + lanes.length * LANE_H + 4;
  const clipId = `tl-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  // Pixels per drawing unit: the viewBox fits the measured width, up to the presenter scale.
  const k = Math.min(width / layoutW, scale);
  const [from, to] = useLaneWindow(svgRef, { count: lanes.length, k, axisH: AXIS_H, laneH: LANE_H });

  const timeAt = (clientX: number, svg: SVGSVGElement) => {
    const rect = svg.getBoundingClientRect();
    const px = ((clientX - rect.left) / rect.width) * layoutW;
    return Math.round(start + ((px - LABEL_W) / plotW) * span);
  };

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    onSeek(timeAt(e.clientX, e.currentTarget));
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (dragging.current) onSeek(timeAt(e.clientX, e.currentTarget));
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 10000 : 1000;
    let next: number | undefined;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') next = t - step;
    else if (e.key === 'ArrowRight' || e.key === 'ArrowUp') next = t + step;
    else if (e.key === 'PageDown') next = t - 10000;
    else if (e.key === 'PageUp') next = t + 10000;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = endMs;
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    onSeek(next);
  };

  return (
    <div ref={wrapRef} className="w-full">
      <div className="flex flex-wrap items-center gap-2 px-2 pb-1 text-xs text-slate-700 dark:text-slate-300">
        <span data-testid="timeline-window">
          Showing {formatClock(start)}–{formatClock(start + span)} of {formatClock(endMs)}
        </span>
        <div className="ml-auto flex gap-1" role="group" aria-label="Timeline zoom">
          <button
            type="button"
            className="btn-secondary px-2 py-0.5 text-xs"
            onClick={() => setView(zoom({ start, span }, 0.5, t, endMs))}
            disabled={span <= 5000}
          >
            Zoom in
          </button>
          <button
            type="button"
            className="btn-secondary px-2 py-0.5 text-xs"
            onClick={() => setView(zoom({ start, span }, 2, t, endMs))}
            disabled={span >= endMs}
          >
            Zoom out
          </button>
          <button
            type="button"
            className="btn-secondary px-2 py-0.5 text-xs"
            onClick={() => setView({ start: 0, span: endMs })}
            disabled={span >= endMs}
          >
            Whole run
          </button>
        </div>
      </div>
      <div className="relative">
        <div
          role="slider"
          tabIndex={0}
          aria-label="Timeline cursor"
          aria-valuemin={0}
          aria-valuemax={Math.round(endMs / 1000)}
          aria-valuenow={Math.round(t / 1000)}
          aria-valuetext={formatClock(t)}
          onKeyDown={onKeyDown}
          className="rounded focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          data-testid="timeline"
        >
          <svg
            ref={svgRef}
            width="100%"
            height={height * scale}
            viewBox={`0 0 ${layoutW} ${height}`}
            className="block cursor-ew-resize touch-none select-none"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            aria-hidden="true"
          >
            <defs>
              <clipPath id={clipId}>
                <rect x={LABEL_W} y={0} width={plotW + PAD_R} height={height} />
              </clipPath>
              <pattern
                id="tl-hatch"
                width="6"
                height="6"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill="var(--tl-hatch-bg)" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="var(--tl-hatch-fg)" strokeWidth="3" />
              </pattern>
            </defs>
            <TimelinePlot
              lanes={lanes}
              from={from}
              to={to}
              start={start}
              span={span}
              layoutW={layoutW}
              plotW={plotW}
              clipId={clipId}
              onSeek={onSeek}
            />
            <g pointerEvents="none" data-testid="timeline-cursor" clipPath={`url(#${clipId})`}>
              <line x1={x(t)} x2={x(t)} y1={2} y2={height} stroke="var(--tl-cursor)" strokeWidth={2} />
              <path d={`M${x(t) - 6},2L${x(t) + 6},2L${x(t)},10Z`} fill="var(--tl-cursor)" />
            </g>
          </svg>
        </div>
        <LaneButtons
          lanes={lanes}
          k={k}
          offsetX={Math.max(0, (width - layoutW * k) / 2)}
          {...tree}
        />
      </div>
      <Legend />
    </div>
  );
}

interface PlotProps {
  lanes: Lane[];
  /** The lanes [from, to) to draw (useLaneWindow); the others keep their place, undrawn. */
  from: number;
  to: number;
  start: number;
  span: number;
  layoutW: number;
  plotW: number;
  clipId: string;
  onSeek: (t: number) => void;
}

/**
 * The axis, lanes, segments and marks: everything but the cursor. Memoized, so a seek or a playback
 * frame that leaves the window where it is redraws the cursor only, not thousands of probe marks.
 */
const TimelinePlot = memo(function TimelinePlot({
  lanes,
  from,
  to,
  start,
  span,
  layoutW,
  plotW,
  clipId,
  onSeek,
}: PlotProps) {
  const x = (ms: number) => LABEL_W + (span > 0 ? ((ms - start) / span) * plotW : 0);
  const visible = (ms: number) => ms >= start && ms <= start + span;
  const height = AXIS_H + lanes.length * LANE_H + 4;
  const ticks = axisTicks(start + span, plotW, start);
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick.t}>
          <line
            x1={x(tick.t)}
            x2={x(tick.t)}
            y1={AXIS_H - 4}
            y2={height}
            stroke="var(--tl-grid)"
            strokeWidth={1}
          />
          <text x={x(tick.t) + 3} y={AXIS_H - 7} fontSize={11} fill="var(--tl-text-muted)">
            {tick.label}
          </text>
        </g>
      ))}
      {lanes.slice(from, to).map((lane, j) => {
        const i = from + j;
        const y = AXIS_H + i * LANE_H;
        const sep = i > 0 && lane.group !== lanes[i - 1].group;
        return (
          <g key={lane.id} data-lane={lane.id}>
            {i % 2 === 1 && <rect x={0} y={y} width={layoutW} height={LANE_H} fill="var(--tl-stripe)" />}
            {sep && <line x1={0} x2={layoutW} y1={y} y2={y} stroke="var(--tl-sep)" strokeWidth={1} />}
            <text
              x={8 + (lane.depth ?? 0) * 12}
              y={y + LANE_H / 2 + 4}
              fontSize={12}
              fill="var(--tl-text)"
              fontWeight={lane.group === 'phase' || lane.group === 'owner' ? 600 : 400}
            >
              {laneLabel(lane)}
              <title>{lane.title}</title>
            </text>
            <g clipPath={`url(#${clipId})`}>
              {lane.segments
                .filter((s) => s.end >= start && s.start <= start + span)
                .map((s) => {
                  const left = Math.max(x(s.start), LABEL_W);
                  const w = Math.max(1, Math.min(x(s.end), LABEL_W + plotW) - left);
                  const text = segmentText(s, w);
                  const hatched = HATCHED.has(s.tone);
                  return (
                    <g key={`${s.start}-${s.label}`}>
                      <rect
                        x={left}
                        data-tone={s.tone}
                        y={y + 3}
                        width={w}
                        height={LANE_H - 6}
                        rx={2}
                        fill={hatched ? 'url(#tl-hatch)' : TONE_FILL[s.tone]}
                        stroke={hatched ? 'var(--tl-hatch-fg)' : 'none'}
                        strokeWidth={hatched ? 1 : 0}
                      >
                        <title>{`${lane.title}: ${s.label} (${formatClock(s.start)}–${formatClock(s.end)})`}</title>
                      </rect>
                      {text && (
                        <text
                          x={left + 4}
                          y={y + LANE_H / 2 + 4}
                          fontSize={11}
                          fill={hatched ? 'var(--tl-text)' : '#000'}
                          pointerEvents="none"
                          style={
                            hatched
                              ? { paintOrder: 'stroke', stroke: 'var(--tl-hatch-bg)', strokeWidth: 3 }
                              : undefined
                          }
                        >
                          {text}
                        </text>
                      )}
                    </g>
                  );
                })}
              {lane.marks.length > 0 && (
                <line
                  x1={LABEL_W}
                  x2={LABEL_W + plotW}
                  y1={y + LANE_H / 2}
                  y2={y + LANE_H / 2}
                  stroke="var(--tl-grid)"
                />
              )}
              {lane.marks.map(
                (m, j) =>
                  visible(m.t) && (
                    <g
                      key={`${m.t}-${j}`}
                      className="cursor-pointer"
                      data-mark={m.kind}
                      onPointerDown={(e) => {
                        e.stopPropagation();
                        onSeek(m.t);
                      }}
                    >
                      <rect x={x(m.t) - 5} y={y + 2} width={10} height={LANE_H - 4} fill="transparent" />
                      <MarkShape kind={m.kind} x={x(m.t)} y={y + LANE_H / 2} />
                      <title>{`${formatClock(m.t)} ${m.label}`}</title>
                    </g>
                  ),
              )}
            </g>
          </g>
        );
      })}
    </>
  );
});

/** The label column's text: an open/closed marker for groups, indented titles cut to fit. */
function laneLabel(lane: Lane): string {
  const marker = lane.expander ? (lane.expander.expanded ? '▾ ' : '▸ ') : '';
  const text = `${marker}${lane.title}${lane.expander && !lane.expander.expanded ? ` (${lane.expander.count})` : ''}`;
  const max = 24 - 2 * (lane.depth ?? 0);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
