/**
 * `kubectl get pods -w` across a trace, as if started at 0 s in the namespace: the pods of the
 * first frame as the list kubectl prints first (in name order, as the API server lists a
 * namespace), then a row each time a pod's printed columns change, and a last row when it is
 * deleted. Computed once per trace; the view shows the rows up to the cursor (countUntil).
 *
 * What the frames can honestly show: kubectl prints every watch event (get.go watch calls PrintObj
 * for each), so a real watch also prints rows that look the same as the one before, when an update
 * touched a field the table does not show (a condition, the pod IP without -o wide). Our frames are
 * snapshots after each engine step, not the API server's writes (the kubelet's status manager, the
 * scheduler's binding and the controllers would write in their own batches), so those look-alike
 * rows cannot be placed faithfully and are left out: a row is printed when a column it shows
 * changes, AGE and the "(5s ago)" of RESTARTS aside, which move with the clock. Pods changing at the
 * same instant print in the frame's order (the order they were created); a pod deleted there prints
 * before them, as a StatefulSet's pod is deleted before it is created again under the same name.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Trace } from '../../engine/trace-types';
import { podRowCells, printPodRow, type WatchLine } from '../../k8s';

export interface WatchRow extends WatchLine {
  /** The printed columns but AGE (READY|STATUS|RESTARTS, then the -o wide ones): a change prints a row. */
  key: string;
  /** The watch event the row stands for; the rows of the first frame are the list instead. */
  event: 'ADDED' | 'MODIFIED' | 'DELETED';
}

function printedKey(pod: Pod, wide: boolean): string {
  const r = printPodRow(pod);
  const cells = [r.ready, r.status, String(r.restarts)];
  if (wide) cells.push(...podRowCells(pod, 0, true).slice(5));
  return cells.join('|');
}

const byName = (a: Pod, b: Pod) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');

export function watchRows(trace: Trace, opts: { wide?: boolean } = {}): WatchRow[] {
  const wide = opts.wide ?? false;
  const rows: WatchRow[] = [];
  // By uid: a pod deleted and created again under its name is a DELETED and an ADDED.
  const last = new Map<string, { key: string; pod: Pod }>();
  const idOf = (pod: Pod) => pod.metadata?.uid ?? pod.metadata?.name ?? '';

  const first = trace.frames[0];
  for (const pod of [...(first?.pods ?? [])].sort(byName)) {
    const key = printedKey(pod, wide);
    rows.push({ tMs: first.t, pod, key, event: 'ADDED', listed: true });
    last.set(idOf(pod), { key, pod });
  }
  for (const frame of trace.frames.slice(1)) {
    const present = new Set(frame.pods.map(idOf));
    for (const [id, seen] of last) {
      if (present.has(id)) continue;
      // kubectl prints the DELETED event's object: the pod as it last was.
      rows.push({ tMs: frame.t, pod: seen.pod, key: seen.key, event: 'DELETED' });
      last.delete(id);
    }
    for (const pod of frame.pods) {
      const id = idOf(pod);
      const seen = last.get(id);
      if (seen?.pod === pod) continue; // frames share unchanged pod objects
      const key = printedKey(pod, wide);
      last.set(id, { key, pod });
      if (seen?.key === key) continue;
      rows.push({ tMs: frame.t, pod, key, event: seen ? 'MODIFIED' : 'ADDED' });
    }
  }
  return rows;
}
