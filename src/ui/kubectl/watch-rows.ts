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
 * - the scheduler's binding (pods/binding sets spec.nodeName and PodScheduled=True, and clears the
 *   nominated node): its own write, before anything the kubelet posts, so a new pod prints Pending twice;
 * - the scheduler's status writes to a pod it has not bound (schedule_one.go handleSchedulingFailure:
 *   PodScheduled=False Unschedulable, a new message, a nominated node), each only when it changed;
 * - the DisruptionTarget condition that preemption, the eviction API and the taint manager write
 *   before they delete the pod;
 * - the deletion's last write: rest.BeforeDelete stores deletionGracePeriodSeconds 0 (MODIFIED) before
 *   the object is removed (DELETED), for a pod deleted at once (never bound, or finished) as for one
 *   whose containers the kubelet has stopped; only an object already at grace 0 goes without it.
 * Pods changing at the same instant print in the frame's order (the order they were created); a
 * pod deleted there prints before them, as a StatefulSet's pod is deleted before it is created
 * again under the same name.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Trace } from '../../engine/trace-types';
import { kubeTime, podRowCells, printPodRow, virtualMs, type WatchLine } from '../../k8s';

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

const condition = (pod: Pod, type: string) => pod.status?.conditions?.find((x) => x.type === type);

/** What the scheduler writes to a pod it has not bound: its PodScheduled condition and nominated node. */
const schedulerWrite = (pod: Pod) => {
  const c = condition(pod, 'PodScheduled');
  return `${c?.status}|${c?.reason ?? ''}|${c?.message ?? ''}|${pod.status?.nominatedNodeName ?? ''}`;
};

/**
 * The binding (registry/core/pod/storage assignPod), as its own write: the pod as it was, now on
 * its node with PodScheduled True, and no nominated node any more (ClearingNominatedNodeNameAfterBinding).
 */
function bound(pod: Pod, node: string, tMs: number): Pod {
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  const status = { ...pod.status, conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: kubeTime(tMs) }, ...conditions] };
  delete status.nominatedNodeName;
  return { ...pod, spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: node }, status };
}

/**
 * The write that removes a pod (generic registry Store.Delete). Unless the stored object already
 * has grace 0, rest.BeforeDelete first writes deletionGracePeriodSeconds 0 and a deletionTimestamp
 * (set now for a pod deleted at once, moved back by the old grace period for one already
 * terminating): a MODIFIED event, then DELETED with that object. Undefined: DELETED only.
 */
function lastWrite(pod: Pod, tMs: number): Pod | undefined {
  const meta = pod.metadata ?? {};
  if (meta.deletionGracePeriodSeconds === 0) return undefined;
  const since = meta.deletionTimestamp ? virtualMs(meta.deletionTimestamp) - (meta.deletionGracePeriodSeconds ?? 0) * 1000 : tMs;
  return { ...pod, metadata: { ...meta, deletionTimestamp: kubeTime(since), deletionGracePeriodSeconds: 0 } };
}

/**
 * Whoever deletes a pod to disrupt it (preemption, the eviction API, the taint manager) writes its
 * DisruptionTarget condition first, then deletes: two events where a frame shows both at once.
 */
function disruptedFirst(before: Pod, after: Pod): Pod | undefined {
  const target = condition(after, 'DisruptionTarget');
  if (before.metadata?.deletionTimestamp || !after.metadata?.deletionTimestamp || target?.status !== 'True') return undefined;
  if (condition(before, 'DisruptionTarget')?.status === 'True') return undefined;
  return { ...before, status: { ...before.status, conditions: [...(before.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), target] } };
}

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
      // kubectl prints the DELETED event's object: the pod as the API server last wrote it.
      const final = lastWrite(seen.pod, frame.t);
      const key = final ? modified(frame.t, final) : seen.key;
      rows.push({ tMs: frame.t, pod: final ?? seen.pod, key, event: 'DELETED' });
      last.delete(id);
    }
    for (const pod of frame.pods) {
      const id = idOf(pod);
      const seen = last.get(id);
      if (seen?.pod === pod) continue; // frames share unchanged pod objects
      let shown = seen?.key;
      const node = pod.spec?.nodeName;
      if (seen && !seen.pod.spec?.nodeName) {
        if (node) shown = modified(frame.t, bound(seen.pod, node, frame.t));
        else if (schedulerWrite(seen.pod) !== schedulerWrite(pod)) shown = modified(frame.t, pod);
      }
      const disrupted = seen && disruptedFirst(seen.pod, pod);
      if (disrupted) shown = modified(frame.t, disrupted);
      const key = printedKey(pod, wide);
      last.set(id, { key, pod });
      if (shown === key) continue;
      if (seen) modified(frame.t, pod, key);
      else rows.push({ tMs: frame.t, pod, key, event: 'ADDED' });
    }
  }
  return rows;
}
