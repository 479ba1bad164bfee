/**
 * `kubectl get pods` and `kubectl get pods -w`: the pod table columns of printPod
 * (pkg/printers/internalversion/printers.go) laid out by cli-runtime's HumanReadablePrinter through
 * its tabwriter (minwidth 6, padding 3, RememberWidths).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { virtualMs } from '../time';
import { ageSince } from './duration';
import { formatRestarts, printPodRow } from './pod-row';
import { GET_TABWRITER, TabWriter } from './tabwriter';

export interface GetPodsOptions {
  wide?: boolean;
  noHeaders?: boolean;
}

const HEADERS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
const WIDE_HEADERS = ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];

const orNone = (s: string | undefined): string => (s ? s : '<none>');

function timeMs(t: string | undefined): number | undefined {
  return t ? virtualMs(t) : undefined;
}

/** The cells of one pod's row at `nowMs`. */
export function podRowCells(pod: Pod, nowMs: number, wide = false): string[] {
  const row = printPodRow(pod);
  const cells = [
    pod.metadata?.name ?? '',
    row.ready,
    row.status,
    formatRestarts(row, nowMs),
    ageSince(timeMs(pod.metadata?.creationTimestamp), nowMs),
  ];
  if (!wide) return cells;
  const gates = pod.spec?.readinessGates ?? [];
  let readinessGates = '<none>';
  if (gates.length > 0) {
    let trueConditions = 0;
    for (const gate of gates) {
      const cond = (pod.status?.conditions ?? []).find((c) => c.type === gate.conditionType);
      if (cond?.status === 'True') trueConditions++;
    }
    readinessGates = `${trueConditions}/${gates.length}`;
  }
  return [
    ...cells,
    orNone(pod.status?.podIPs?.[0]?.ip),
    orNone(pod.spec?.nodeName),
    orNone(pod.status?.nominatedNodeName),
    readinessGates,
  ];
}

const line = (cells: string[]): string => `${cells.join('\t')}\n`;

const headers = (wide: boolean | undefined): string[] => (wide ? [...HEADERS, ...WIDE_HEADERS] : HEADERS);

/** `kubectl get pods [-o wide] [--no-headers]` at virtual time `nowMs`. */
export function getPodsTable(pods: Pod[], nowMs: number, opts: GetPodsOptions = {}): string {
  const w = new TabWriter(GET_TABWRITER);
  if (!opts.noHeaders) w.write(line(headers(opts.wide)));
  for (const pod of pods) w.write(line(podRowCells(pod, nowMs, opts.wide)));
  return w.flush();
}

/** One row of `kubectl get pods -w`: the pod as the watch delivered it, printed at `tMs`. */
export interface WatchLine {
  pod: Pod;
  tMs: number;
  /** Part of the list kubectl prints before it starts watching (get.go watch: one Flush for it). */
  listed?: boolean;
}

/**
 * `kubectl get pods -w` (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go, watch): the list first, in
 * one flush; then each watch event printed and flushed on its own, so columns keep the widest width
 * seen so far (RememberWidths) and are never re-aligned. The header goes with the first chunk that
 * has a row (cli-runtime printers/tableprinter.go: printTable prints no header for an empty table),
 * so an empty namespace prints nothing until its first pod.
 */
export function getPodsWatchLines(rows: WatchLine[], opts: { wide?: boolean } = {}): string {
  return getPodsWatchChunks(rows, opts).join('');
}

/**
 * The same output, as what each row's flush printed (empty for a listed row that the list's one
 * flush prints later). A flush never changes what came before it, so the output up to row k is
 * the first k chunks joined: a view scrubbing through a long watch slices instead of reprinting.
 */
export function getPodsWatchChunks(rows: WatchLine[], opts: { wide?: boolean } = {}): string[] {
  const w = new TabWriter(GET_TABWRITER);
  return rows.map(({ pod, tMs, listed }, i) => {
    if (i === 0) w.write(line(headers(opts.wide)));
    w.write(line(podRowCells(pod, tMs, opts.wide)));
    return listed && rows[i + 1]?.listed ? '' : w.flush();
  });
}
