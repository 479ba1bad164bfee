/**
 * The Events section of `kubectl describe`: DescribeEvents (k8s.io/kubectl/pkg/describe), fed with
 * events as the API server stores them after the client-side event correlator (client-go
 * tools/record EventLogger): an event identical in type, reason, object, fieldPath, message and
 * source to an earlier one bumps that one's count and lastTimestamp instead of making a new row.
 */
import type { SimEvent } from '../events';
import { humanDuration } from './duration';

export interface AggregatedEvent {
  type: string;
  reason: string;
  object: string;
  fieldPath?: string;
  message: string;
  source: string;
  count: number;
  /** Virtual ms, truncated to whole seconds as metav1.Time stores them. */
  firstMs: number;
  lastMs: number;
}

const toSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** Events with t <= nowMs, deduplicated as the event correlator does, in recording order. */
export function aggregateEvents(events: SimEvent[], nowMs: number): AggregatedEvent[] {
  const byKey = new Map<string, AggregatedEvent>();
  const out: AggregatedEvent[] = [];
  for (const e of events) {
    if (e.t > nowMs) continue;
    const key = JSON.stringify([e.type, e.reason, e.object, e.fieldPath ?? '', e.message, e.source]);
    const seen = byKey.get(key);
    if (seen) {
      seen.count++;
      seen.lastMs = Math.max(seen.lastMs, toSecond(e.t));
      continue;
    }
    const agg: AggregatedEvent = {
      type: e.type,
      reason: e.reason,
      object: e.object,
      fieldPath: e.fieldPath,
      message: e.message,
      source: e.source,
      count: 1,
      firstMs: toSecond(e.t),
      lastMs: toSecond(e.t),
    };
    byKey.set(key, agg);
    out.push(agg);
  }
  return out;
}

/** Tab-separated lines of the Events section (before tabwriter alignment). */
export function eventsSection(events: AggregatedEvent[], nowMs: number): string {
  if (events.length === 0) return 'Events:\t<none>\n';
  // SortableEvents: by lastTimestamp (a stable sort keeps recording order within a second).
  const sorted = [...events].sort((a, b) => a.lastMs - b.lastMs);
  let s = 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n';
  s += '  ----\t------\t----\t----\t-------\n';
  for (const e of sorted) {
    const first = humanDuration(nowMs - e.firstMs);
    const interval = e.count > 1 ? `${humanDuration(nowMs - e.lastMs)} (x${e.count} over ${first})` : first;
    let message = e.message.trim();
    if (e.fieldPath) message = `${e.fieldPath}: ${message}`;
    s += `  ${e.type}\t${e.reason}\t${interval}\t${e.source}\t${message}\n`;
  }
  return s;
}
