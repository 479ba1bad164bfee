/**
 * `kubectl get pods -w` across a trace: one row each time a pod's get-pods row (READY, STATUS,
 * RESTARTS) changes, and one more when the pod is deleted. Computed once per trace; the view shows
 * the rows up to the cursor (countUntil).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Trace } from '../../engine/trace-types';
import { printPodRow } from '../../k8s';

export interface WatchRow {
  tMs: number;
  pod: Pod;
  /** READY, STATUS, RESTARTS: what decides whether the watch prints a new row. */
  key: string;
}

export function watchRows(trace: Trace, podName?: string): WatchRow[] {
  const rows: WatchRow[] = [];
  const last = new Map<string, WatchRow>();
  for (const frame of trace.frames) {
    const present = new Set<string>();
    for (const pod of frame.pods) {
      const name = pod.metadata?.name ?? '';
      if (podName !== undefined && name !== podName) continue;
      present.add(name);
      const r = printPodRow(pod);
      const key = `${r.ready}|${r.status}|${r.restarts}`;
      if (last.get(name)?.key === key) continue;
      const row = { tMs: frame.t, pod, key };
      rows.push(row);
      last.set(name, row);
    }
    for (const [name, row] of last) {
      if (present.has(name) || row.key === 'deleted') continue;
      // The watch prints the object once more when it is deleted.
      rows.push({ tMs: frame.t, pod: row.pod, key: 'deleted' });
      last.set(name, { ...row, key: 'deleted' });
    }
  }
  return rows;
}
