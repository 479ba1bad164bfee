/**
 * What the Traffic view shows, computed from a Trace: how many requests were sent by the cursor
 * (Frame.requestCount at the frame in force, then the requests between that frame and the cursor),
 * totals by outcome and by answering Pod, and per-Pod lanes of counts per time bucket.
 */
import type { RequestRecord, Trace } from '../../engine/trace-types';
import { seekFrame } from '../trace-utils';

export type Outcome = RequestRecord['outcome'];

/** The lane of requests no Pod answered (the Service had no endpoint). */
export const NO_ENDPOINT = 'no endpoint';

/** How each outcome reads in the view; `noEndpoints` is what the client really sees. */
export const OUTCOME_TEXT: Record<Outcome, string> = {
  ok: 'OK',
  httpError: 'HTTP 5xx',
  refused: 'connection refused (nothing listening on the Pod)',
  timeout: 'timed out',
  noEndpoints: 'no endpoints: the client sees connection refused (kube-proxy rejects it)',
};

export const FAILURES: Outcome[] = ['httpError', 'refused', 'timeout', 'noEndpoints'];

/** Requests sent at or before t. */
export function requestsUpTo(trace: Trace, t: number): number {
  const requests = trace.requests;
  let n = Math.min(seekFrame(trace, t)?.requestCount ?? 0, requests.length);
  while (n < requests.length && requests[n].t <= t) n++;
  return n;
}

export interface PodTotals {
  pod: string;
  ok: number;
  failed: number;
}

export interface TrafficTotals {
  sent: number;
  ok: number;
  failed: number;
  byOutcome: Record<Outcome, number>;
  /** No endpoint first, then by Pod name. */
  byPod: PodTotals[];
}

const laneOf = (q: RequestRecord) => q.pod ?? NO_ENDPOINT;
/** Requests with no endpoint first, then Pods by name (a Service's Pods side by side). */
const byName = (a: { pod: string }, b: { pod: string }) =>
  a.pod === b.pod ? 0 : a.pod === NO_ENDPOINT ? -1 : b.pod === NO_ENDPOINT ? 1 : a.pod.localeCompare(b.pod);

export function trafficTotals(requests: RequestRecord[], count: number): TrafficTotals {
  const byOutcome: Record<Outcome, number> = { ok: 0, httpError: 0, refused: 0, timeout: 0, noEndpoints: 0 };
  const byPod = new Map<string, PodTotals>();
  for (let i = 0; i < count; i++) {
    const q = requests[i];
    byOutcome[q.outcome]++;
    const key = laneOf(q);
    const row = byPod.get(key) ?? { pod: key, ok: 0, failed: 0 };
    if (q.outcome === 'ok') row.ok++;
    else row.failed++;
    byPod.set(key, row);
  }
  return { sent: count, ok: byOutcome.ok, failed: count - byOutcome.ok, byOutcome, byPod: [...byPod.values()].sort(byName) };
}

export interface TrafficLane {
  pod: string;
  /** Requests per bucket: answered OK, and failed. */
  ok: number[];
  failed: number[];
}

export interface TrafficStrip {
  lanes: TrafficLane[];
  bucketMs: number;
  /** The largest count in any bucket of any lane (the strip's scale). */
  max: number;
}

/** Per-Pod counts in `buckets` equal slices of [0, endMs]. */
export function trafficStrip(requests: RequestRecord[], endMs: number, buckets: number): TrafficStrip {
  const bucketMs = Math.max(1, endMs / buckets);
  const lanes = new Map<string, TrafficLane>();
  let max = 0;
  for (const q of requests) {
    const key = laneOf(q);
    let lane = lanes.get(key);
    if (!lane) {
      lane = { pod: key, ok: new Array<number>(buckets).fill(0), failed: new Array<number>(buckets).fill(0) };
      lanes.set(key, lane);
    }
    const b = Math.min(buckets - 1, Math.floor(q.t / bucketMs));
    const counts = q.outcome === 'ok' ? lane.ok : lane.failed;
    counts[b]++;
    max = Math.max(max, counts[b]);
  }
  return { lanes: [...lanes.values()].sort(byName), bucketMs, max };
}

/** The clients and the Services they call, as `client → service`. */
export function clientsOf(requests: RequestRecord[]): string[] {
  return [...new Set(requests.map((q) => `${q.client} → ${q.service}`))];
}

/** The first index whose request was sent after `t` (requests are in time order). */
function firstAfter(requests: RequestRecord[], t: number): number {
  let lo = 0;
  let hi = requests.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (requests[mid].t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One Service's traffic in a recent window: totals and what each answering Pod served. */
export interface RecentTraffic {
  ok: number;
  failed: number;
  byPod: Map<string, { ok: number; failed: number }>;
}

/** Requests sent in (t − windowMs, t], per Service: traffic as it flows, for the Cluster view. */
export function recentTraffic(requests: RequestRecord[], t: number, windowMs: number): Map<string, RecentTraffic> {
  const out = new Map<string, RecentTraffic>();
  for (let i = firstAfter(requests, t - windowMs); i < requests.length && requests[i].t <= t; i++) {
    const q = requests[i];
    let svc = out.get(q.service);
    if (!svc) out.set(q.service, (svc = { ok: 0, failed: 0, byPod: new Map() }));
    const ok = q.outcome === 'ok';
    if (ok) svc.ok++;
    else svc.failed++;
    const pod = laneOf(q);
    const row = svc.byPod.get(pod) ?? { ok: 0, failed: 0 };
    if (ok) row.ok++;
    else row.failed++;
    svc.byPod.set(pod, row);
  }
  return out;
}
