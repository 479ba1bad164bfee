/**
 * The Traffic view: requests the scenario's clients sent to Services, one lane per answering Pod.
 * Each lane is a strip of time buckets: requests answered OK rise above the lane's middle line as
 * solid bars, failed ones hang below it as hatched bars (shape and pattern, not colour alone). The
 * part after the cursor is dimmed; totals in the table count up to the cursor.
 */
import { useId, useMemo, type MouseEvent } from 'react';
import type { Trace } from '../../engine/trace-types';
import { OKABE_ITO } from '../timeline/palette';
import { formatClock } from '../trace-utils';
import {
  FAILURES,
  NO_ENDPOINT,
  OUTCOME_TEXT,
  clientsOf,
  requestsUpTo,
  trafficStrip,
  trafficTotals,
  type PodTotals,
} from './traffic-model';

const BUCKETS = 120;
const WIDTH = 600;
const LANE = 34;
const HALF = LANE / 2 - 2;
const OK_FILL = OKABE_ITO.bluishGreen;
const FAIL_FILL = OKABE_ITO.vermillion;

export interface TrafficPaneProps {
  trace: Trace;
  /** The run's length (the strip's scale), when `trace` is cut at the cursor (a lesson's question). */
  endMs?: number;
  t: number;
  onSeek: (t: number) => void;
}

function laneLabel(row: PodTotals | undefined, pod: string, at: string): string {
  const ok = row?.ok ?? 0;
  const failed = row?.failed ?? 0;
  const who = pod === NO_ENDPOINT ? 'Requests with no endpoint to go to' : `Requests Pod ${pod} answered`;
  return `${who}: ${ok} OK and ${failed} failed up to ${at}`;
}

export function TrafficPane({ trace, endMs = trace.until, t, onSeek }: TrafficPaneProps) {
  const hatch = `traffic-hatch-${useId().replace(/:/g, '')}`;
  const strip = useMemo(() => trafficStrip(trace.requests, endMs, BUCKETS), [trace.requests, endMs]);
  const count = requestsUpTo(trace, t);
  const totals = useMemo(() => trafficTotals(trace.requests, count), [trace.requests, count]);
  const clients = useMemo(() => clientsOf(trace.requests), [trace.requests]);
  const at = formatClock(t);

  if (trace.requests.length === 0)
    return <p className="p-3 text-sm text-slate-700 dark:text-slate-300">No requests sent yet.</p>;

  const x = (ms: number) => (ms / endMs) * WIDTH;
  const barWidth = Math.max(1, WIDTH / BUCKETS - 1);
  const height = (n: number) => (n === 0 ? 0 : Math.max(1.5, (n / Math.max(1, strip.max)) * HALF));
  const seek = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    onSeek(Math.round(((e.clientX - box.left) / box.width) * endMs));
  };

  return (
    <div className="flex flex-col gap-2 p-2 text-sm" data-testid="traffic-pane">
      <p className="text-slate-700 dark:text-slate-300">
        {clients.join(', ')}: {totals.sent} sent up to {at}, <strong>{totals.ok} OK</strong>,{' '}
        <strong>{totals.failed} failed</strong>.
      </p>
      <svg width="0" height="0" className="absolute" aria-hidden="true">
        <defs>
          <pattern id={hatch} width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="4" height="4" fill={FAIL_FILL} />
            <line x1="0" y1="0" x2="0" y2="4" stroke="white" strokeWidth="1.5" />
          </pattern>
        </defs>
      </svg>
      <ul className="flex flex-col gap-1" aria-label="Requests over time by answering Pod">
        {strip.lanes.map((lane) => (
          <li key={lane.pod} className="grid grid-cols-[9rem_1fr] items-center gap-2">
            <span className="truncate font-mono text-xs" title={lane.pod}>
              {lane.pod === NO_ENDPOINT ? <em>{NO_ENDPOINT}</em> : lane.pod}
            </span>
            <svg
              role="img"
              aria-label={laneLabel(totals.byPod.find((r) => r.pod === lane.pod), lane.pod, at)}
              viewBox={`0 0 ${WIDTH} ${LANE}`}
              preserveAspectRatio="none"
              className="h-9 w-full cursor-crosshair rounded-sm bg-slate-100 dark:bg-slate-800"
              onClick={seek}
            >
              <line x1={0} x2={WIDTH} y1={LANE / 2} y2={LANE / 2} stroke="currentColor" strokeOpacity={0.35} strokeWidth={0.5} />
              {lane.ok.map((n, b) =>
                n > 0 ? <rect key={`o${b}`} x={x(b * strip.bucketMs)} width={barWidth} y={LANE / 2 - height(n)} height={height(n)} fill={OK_FILL} /> : null,
              )}
              {lane.failed.map((n, b) =>
                n > 0 ? (
                  <rect key={`f${b}`} x={x(b * strip.bucketMs)} width={barWidth} y={LANE / 2} height={height(n)} fill={`url(#${hatch})`} stroke={FAIL_FILL} strokeWidth={0.5} />
                ) : null,
              )}
              {t < endMs && <rect x={x(t)} width={WIDTH - x(t)} y={0} height={LANE} className="fill-white/70 dark:fill-slate-900/70" />}
              <line x1={x(t)} x2={x(t)} y1={0} y2={LANE} stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" />
            </svg>
          </li>
        ))}
      </ul>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label="Traffic legend">
        <span className="flex items-center gap-1">
          <svg width="12" height="12" aria-hidden="true">
            <rect x="2" y="0" width="8" height="12" fill={OK_FILL} />
          </svg>
          above the line: answered OK (status &lt; 500)
        </span>
        <span className="flex items-center gap-1">
          <svg width="12" height="12" aria-hidden="true">
            <rect x="2" y="0" width="8" height="12" fill={`url(#${hatch})`} stroke={FAIL_FILL} />
          </svg>
          below the line, hatched: failed
        </span>
        <span>one bar = {formatClock(strip.bucketMs)}; click a strip to move the cursor</span>
      </p>
      <table className="w-full max-w-xl text-left text-xs">
        <caption className="text-left font-semibold">Requests up to {at}</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-0.5 pr-2 font-semibold">Answered by</th>
            <th scope="col" className="py-0.5 pr-2 text-right font-semibold">OK</th>
            <th scope="col" className="py-0.5 pr-2 text-right font-semibold">Failed</th>
          </tr>
        </thead>
        <tbody className="font-mono tabular-nums">
          {totals.byPod.map((row) => (
            <tr key={row.pod} className="border-b border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-0.5 pr-2 font-normal">{row.pod}</th>
              <td className="py-0.5 pr-2 text-right">{row.ok}</td>
              <td className="py-0.5 pr-2 text-right">{row.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {totals.failed > 0 && (
        <ul className="text-xs text-slate-700 dark:text-slate-300" aria-label="Failures by cause">
          {FAILURES.filter((o) => totals.byOutcome[o] > 0).map((o) => (
            <li key={o}>
              <span className="font-mono tabular-nums">{totals.byOutcome[o]}</span> {OUTCOME_TEXT[o]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
