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

/**
 * `kubectl get pods -w`: the header and the first row are flushed together (the initial list), then
 * each change is printed and flushed on its own; columns keep the widest width seen so far.
 */
export function getPodsWatchLines(
  rows: Array<{ pod: Pod; tMs: number }>,
  opts: { wide?: boolean } = {},
): string {
  const w = new TabWriter(GET_TABWRITER);
  let out = '';
  rows.forEach(({ pod, tMs }, i) => {
    if (i === 0) w.write(line(headers(opts.wide)));
    w.write(line(podRowCells(pod, tMs, opts.wide)));
    out += w.flush();
  });
  if (rows.length === 0) {
    w.write(line(headers(opts.wide)));
    out += w.flush();
  }
  return out;
}
