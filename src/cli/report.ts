/**
 * The CLI's JSON report (design.md, "The CLI": a contract other tools rely on). Pure: Trace in,
 * report out, so it is tested without a process.
 */
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { podReadyColumn, podStatusReason } from '../k8s';
import type { Trace } from '../engine';
import { buildObjectsReport, hasSeveralObjects, type ObjectsReport } from './report-objects';

export interface ReportEvent {
  t: number;
  type: string;
  reason: string;
  object: string;
  fieldPath?: string;
  message: string;
}

export interface TimelineRow {
  t: number;
  status: string;
  ready: string;
  restarts: number;
}

export interface Report {
  events: ReportEvent[];
  timeline: TimelineRow[];
  final: { status: string; ready: string; restarts: number; podStatus: PodStatus; deletedAt?: number };
  /** Every object by its kubectl name, when the run has more than one Pod on one node. */
  objects?: ObjectsReport;
}

const seconds = (ms: number) => ms / 1000;

export function restartsOf(pod: Pod): number {
  const all = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return all.reduce((sum, c) => sum + (c.restartCount ?? 0), 0);
}

function row(pod: Pod, t: number): TimelineRow {
  return { t: seconds(t), status: podStatusReason(pod), ready: podReadyColumn(pod), restarts: restartsOf(pod) };
}

export function buildReport(trace: Trace): Report {
  const events = trace.events.map((e) => ({
    t: seconds(e.t),
    type: e.type,
    reason: e.reason,
    object: e.object,
    ...(e.fieldPath ? { fieldPath: e.fieldPath } : {}),
    message: e.message,
  }));
  const firstName = trace.frames.find((f) => f.pods.length > 0)?.pods[0]?.metadata?.name;
  const timeline: TimelineRow[] = [];
  let lastPod: Pod | undefined;
  for (const frame of trace.frames) {
    const pod = frame.pods.find((p) => p.metadata?.name === firstName);
    if (!pod) continue;
    lastPod = pod;
    const next = row(pod, frame.t);
    const prev = timeline[timeline.length - 1];
    if (!prev || prev.status !== next.status || prev.ready !== next.ready || prev.restarts !== next.restarts) timeline.push(next);
  }
  const finalRow = lastPod ? row(lastPod, trace.until) : { t: 0, status: 'Unknown', ready: '0/0', restarts: 0 };
  const deletedAt = firstName !== undefined ? trace.deletedAt[firstName] : undefined;
  return {
    events,
    timeline,
    final: {
      status: finalRow.status,
      ready: finalRow.ready,
      restarts: finalRow.restarts,
      podStatus: lastPod?.status ?? {},
      ...(deletedAt !== undefined ? { deletedAt: seconds(deletedAt) } : {}),
    },
    ...(hasSeveralObjects(trace) ? { objects: buildObjectsReport(trace) } : {}),
  };
}

/** The human-readable form: events as `kubectl get events` lists them, then the final row. */
export function formatHuman(report: Report, podName: string): string {
  const lines = report.events.map(
    (e) => `${e.t.toFixed(1).padStart(7)}s  ${e.type.padEnd(7)}  ${e.reason.padEnd(18)}  ${e.object}${e.fieldPath ? ` ${e.fieldPath}` : ''}: ${e.message}`,
  );
  const f = report.final;
  lines.push('', 'NAME'.padEnd(Math.max(podName.length, 4) + 3) + 'READY   STATUS' + ' '.repeat(Math.max(3, 19 - 6)) + 'RESTARTS');
  lines.push(`${podName.padEnd(Math.max(podName.length, 4) + 3)}${f.ready.padEnd(8)}${f.status.padEnd(19)}${f.restarts}`);
  if (f.deletedAt !== undefined) lines.push(`(deleted at ${f.deletedAt}s)`);
  return lines.join('\n');
}
