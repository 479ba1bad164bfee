/**
 * `kubectl get pods -w` across a trace, as if started at 0 s in the namespace: the pods of the
 * first frame as the list kubectl prints first (in name order, as the API server lists a
 * namespace), then a row for each watch event of a pod, and a last row when it is deleted. Computed
 * once per trace; the view shows the rows up to the cursor (countUntil).
 *
 * kubectl prints every watch event (get.go watch calls PrintObj for each), so a real watch also
 * prints rows that look the same as the one before: an update touched a field the table does not
 * show. Our frames are snapshots after each engine step, not the API server's writes, so a row is
 * printed where a column it shows changes (AGE and the "(5s ago)" of RESTARTS aside, which move
 * with the clock), plus the writes whose place is certain because another component makes them:
 * - the scheduler's binding (pods/binding sets spec.nodeName and PodScheduled=True): its own write,
 *   before anything the kubelet posts, so a new pod prints Pending twice;
 * - the scheduler's PodScheduled=False (Unschedulable) status, or a new message for it, on a pod it
 *   could not place (schedule_one.go handleSchedulingFailure updates it only when it changed);
 * - the grace-0 delete that removes a pod already marked for deletion (the kubelet's once its
 *   containers are gone, or a forced one): the API server writes deletionGracePeriodSeconds 0
 *   (a MODIFIED event) and then removes the object (DELETED), so the last state prints twice. A pod
 *   deleted at once (never bound, or finished) has only its DELETED row.
 * Pods changing at the same instant print in the frame's order (the order they were created); a
 * pod deleted there prints before them, as a StatefulSet's pod is deleted before it is created
 * again under the same name.
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

const scheduledCondition = (pod: Pod) => {
  const c = pod.status?.conditions?.find((x) => x.type === 'PodScheduled');
  return c ? `${c.status}|${c.reason ?? ''}|${c.message ?? ''}` : '';
};

export function watchRows(trace: Trace, opts: { wide?: boolean } = {}): WatchRow[] {
  const wide = opts.wide ?? false;
  const rows: WatchRow[] = [];
  // By uid: a pod deleted and created again under its name is a DELETED and an ADDED.
  const last = new Map<string, { key: string; pod: Pod }>();
  const idOf = (pod: Pod) => pod.metadata?.uid ?? pod.metadata?.name ?? '';
  const modified = (tMs: number, pod: Pod, key = printedKey(pod, wide)) => {
    rows.push({ tMs, pod, key, event: 'MODIFIED' });
    return key;
  };

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
      if (seen.pod.metadata?.deletionTimestamp && seen.pod.spec?.nodeName) {
        modified(frame.t, { ...seen.pod, metadata: { ...seen.pod.metadata, deletionGracePeriodSeconds: 0 } }, seen.key);
      }
      rows.push({ tMs: frame.t, pod: seen.pod, key: seen.key, event: 'DELETED' });
      last.delete(id);
    }
    for (const pod of frame.pods) {
      const id = idOf(pod);
      const seen = last.get(id);
      if (seen?.pod === pod) continue; // frames share unchanged pod objects
      let shown = seen?.key;
      const node = pod.spec?.nodeName;
      if (seen && !seen.pod.spec?.nodeName) {
        if (node) {
          // The binding, as its own write: the pod as it was, now on a node.
          shown = modified(frame.t, { ...seen.pod, spec: { ...seen.pod.spec, containers: seen.pod.spec?.containers ?? [], nodeName: node } });
        } else if (scheduledCondition(seen.pod) !== scheduledCondition(pod)) {
          shown = modified(frame.t, pod);
        }
      }
      const key = printedKey(pod, wide);
      last.set(id, { key, pod });
      if (shown === key) continue;
      if (seen) modified(frame.t, pod, key);
      else rows.push({ tMs: frame.t, pod, key, event: 'ADDED' });
    }
  }
  return rows;
}
