/**
 * The CLI's per-object report for manifests with several objects (design.md, "The CLI"): `objects`
 * keyed as kubectl names them (`pod/web-7x2k9`, `replicaset/web`, `service/web`, `node/node-1`),
 * each with its final state, and for every Pod its own `kubectl get pods` timeline.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Frame, Trace } from '../engine';
import { podReadyColumn, podStatusReason } from '../k8s';

export interface PodEntry {
  kind: 'Pod';
  node?: string;
  timeline: Array<{ t: number; status: string; ready: string; restarts: number }>;
  final: { status: string; ready: string; restarts: number; podIP?: string; deletedAt?: number };
}

export interface ObjectEntry {
  kind: string;
  /** The object's .status at the end (workloads), or what a Service or node shows. */
  final: Record<string, unknown>;
}

export type ObjectsReport = Record<string, PodEntry | ObjectEntry>;

const seconds = (ms: number) => ms / 1000;

function restarts(pod: Pod): number {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

const row = (pod: Pod, t: number) => ({ t: seconds(t), status: podStatusReason(pod), ready: podReadyColumn(pod), restarts: restarts(pod) });

/** Whether the run is more than one Pod on one node (the single-Pod report says everything otherwise). */
export function hasSeveralObjects(trace: Trace): boolean {
  const last = trace.frames[trace.frames.length - 1];
  const pods = new Set(trace.frames.flatMap((f) => f.pods.map((p) => p.metadata?.name)));
  return (
    pods.size > 1 ||
    last.nodes.length > 1 ||
    last.services.length + last.replicaSets.length + last.deployments.length + last.statefulSets.length + last.daemonSets.length > 0
  );
}

function workloads(frame: Frame): Array<[string, string, unknown]> {
  return [
    ...frame.deployments.map((d): [string, string, unknown] => ['Deployment', `deployment/${d.metadata?.name}`, d.status]),
    ...frame.replicaSets.map((r): [string, string, unknown] => ['ReplicaSet', `replicaset/${r.metadata?.name}`, r.status]),
    ...frame.statefulSets.map((s): [string, string, unknown] => ['StatefulSet', `statefulset/${s.metadata?.name}`, s.status]),
    ...frame.daemonSets.map((d): [string, string, unknown] => ['DaemonSet', `daemonset/${d.metadata?.name}`, d.status]),
  ];
}

export function buildObjectsReport(trace: Trace): ObjectsReport {
  const out: ObjectsReport = {};
  const pods = new Map<string, PodEntry & { last: Pod }>();
  for (const frame of trace.frames) {
    for (const pod of frame.pods) {
      const name = pod.metadata?.name ?? '';
      let entry = pods.get(name);
      if (!entry) {
        entry = { kind: 'Pod', timeline: [], final: row(pod, frame.t), last: pod };
        pods.set(name, entry);
      }
      entry.last = pod;
      const next = row(pod, frame.t);
      const prev = entry.timeline[entry.timeline.length - 1];
      if (!prev || prev.status !== next.status || prev.ready !== next.ready || prev.restarts !== next.restarts) entry.timeline.push(next);
    }
  }
  for (const [name, { last, timeline }] of pods) {
    const deletedAt = trace.deletedAt[name];
    const end = row(last, deletedAt ?? trace.until);
    out[`pod/${name}`] = {
      kind: 'Pod',
      ...(last.spec?.nodeName ? { node: last.spec.nodeName } : {}),
      timeline,
      final: {
        status: end.status,
        ready: end.ready,
        restarts: end.restarts,
        ...(last.status?.podIP ? { podIP: last.status.podIP } : {}),
        ...(deletedAt !== undefined ? { deletedAt: seconds(deletedAt) } : {}),
      },
    };
  }
  const last = trace.frames[trace.frames.length - 1];
  for (const [kind, key, status] of workloads(last)) out[key] = { kind, final: { ...(status as object) } };
  for (const svc of last.services) {
    const slices = last.endpointSlices.filter((s) => s.metadata?.labels?.['kubernetes.io/service-name'] === svc.metadata?.name);
    out[`service/${svc.metadata?.name}`] = {
      kind: 'Service',
      final: {
        clusterIP: svc.spec?.clusterIP,
        endpoints: slices.flatMap((s) =>
          s.endpoints.map((e) => ({ pod: e.targetRef?.name, ip: e.addresses[0], ready: e.conditions?.ready ?? false, serving: e.conditions?.serving ?? false, terminating: e.conditions?.terminating ?? false })),
        ),
      },
    };
  }
  for (const node of last.nodes) {
    out[`node/${node.name}`] = {
      kind: 'Node',
      final: {
        ready: node.ready,
        unschedulable: node.unschedulable,
        taints: node.taints,
        pods: last.pods.filter((p) => p.spec?.nodeName === node.name).map((p) => p.metadata?.name),
      },
    };
  }
  return out;
}
