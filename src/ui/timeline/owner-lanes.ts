/**
 * Timeline lanes for the run's pods grouped by owner: a lane per controller (Deployment ›
 * ReplicaSet, StatefulSet, DaemonSet) showing ready/desired, and under it a lane per pod showing
 * its `kubectl get pods` STATUS and READY. Computed once per trace; collapsing a group filters the
 * flattened list, so the memoized plot redraws only when a group opens or closes.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Frame, Trace } from '../../engine/trace-types';
import { printPodRow } from '../../k8s';
import type { Lane, SegmentTone } from './segments';
import { SegmentBuilder } from './segment-builder';
import { controllerOf } from '../owner-ref';
import { podShape, type PodShape } from '../pod-shape';

export interface OwnerNode {
  /** `ReplicaSet/web` or `Pod/web-x2f9k`. */
  key: string;
  lane: Lane;
  children: OwnerNode[];
}

interface Sample {
  label: string;
  tone: SegmentTone;
}

/** A workload as the timeline needs it: its owner and its ready/desired counts. */
interface Workload {
  owner?: OwnerReference;
  ready: number;
  desired: number;
}

function workloadsOf(frame: Frame): Map<string, Workload> {
  const map = new Map<string, Workload>();
  const add = (kind: string, name: string | undefined, owner: OwnerReference | undefined, ready: number, desired: number) => {
    if (name) map.set(`${kind}/${name}`, { ...(owner ? { owner } : {}), ready, desired });
  };
  for (const o of frame.deployments) add('Deployment', o.metadata?.name, controllerOf(o.metadata?.ownerReferences), o.status?.readyReplicas ?? 0, o.spec?.replicas ?? 1);
  for (const o of frame.replicaSets) add('ReplicaSet', o.metadata?.name, controllerOf(o.metadata?.ownerReferences), o.status?.readyReplicas ?? 0, o.spec?.replicas ?? 1);
  for (const o of frame.statefulSets) add('StatefulSet', o.metadata?.name, controllerOf(o.metadata?.ownerReferences), o.status?.readyReplicas ?? 0, o.spec?.replicas ?? 1);
  for (const o of frame.daemonSets) add('DaemonSet', o.metadata?.name, controllerOf(o.metadata?.ownerReferences), o.status?.numberReady ?? 0, o.status?.desiredNumberScheduled ?? 0);
  return map;
}

/** A pod object as its lane needs it: its lane key, its owner's, and what the lane shows. */
interface PodEntry {
  key: string;
  parent: string | undefined;
  sample: Sample;
}

/** Frames share unchanged pods, so a pod object's entry is computed once. */
const podEntries = new WeakMap<Pod, PodEntry>();

function podEntry(pod: Pod): PodEntry {
  let e = podEntries.get(pod);
  if (e) return e;
  const owner = controllerOf(pod.metadata?.ownerReferences);
  e = { key: `Pod/${pod.metadata?.name ?? ''}`, parent: owner ? `${owner.kind}/${owner.name}` : undefined, sample: podSample(pod) };
  podEntries.set(pod, e);
  return e;
}

/** A lane's tone for each of the pod's shapes (running and Ready reads as the container lanes' running). */
const TONE: Record<PodShape, SegmentTone> = {
  succeeded: 'succeeded',
  failed: 'failed',
  terminating: 'terminating',
  pending: 'pending',
  ready: 'running',
  'not-ready': 'false',
};

function podSample(pod: Pod): Sample {
  const row = printPodRow(pod);
  return { label: `${row.status} ${row.ready}`, tone: TONE[podShape(pod, row.ready)] };
}

/**
 * The owner forest of every pod in the run: controllers at the top (a Deployment above its
 * ReplicaSets), pods as leaves; pods without an owner are roots. Empty when the run has a single
 * pod and no owner, so a lone pod's timeline stays as it was.
 */
export function ownerTree(trace: Trace): OwnerNode[] {
  // A lone pod without owner (most runs): nothing to build, so skip the pass over every frame.
  const names = new Set<string>();
  let owned = false;
  for (const f of trace.frames)
    for (const p of f.pods) {
      names.add(p.metadata?.name ?? '');
      owned ||= (p.metadata?.ownerReferences?.length ?? 0) > 0;
    }
  if (!owned && names.size <= 1) return [];

  const end = Math.max(trace.until, trace.frames[trace.frames.length - 1]?.t ?? 0);
  const builders = new Map<string, SegmentBuilder>();
  const parents = new Map<string, string | undefined>();
  const order: string[] = [];
  const note = (key: string, parent: string | undefined) => {
    if (!builders.has(key)) {
      builders.set(key, new SegmentBuilder());
      order.push(key);
    }
    if (parent !== undefined || !parents.has(key)) parents.set(key, parent);
  };

  // Frames share unchanged lists: recompute the workloads only when one of them changed.
  let last: Frame | undefined;
  let workloads = new Map<string, Workload>();
  let lastPods: readonly Pod[] = [];
  let alive = new Set<string>();
  for (const frame of trace.frames) {
    const workloadsChanged =
      !last ||
      frame.replicaSets !== last.replicaSets ||
      frame.deployments !== last.deployments ||
      frame.statefulSets !== last.statefulSets ||
      frame.daemonSets !== last.daemonSets;
    // Nothing a lane shows changed (same pod and workload lists): every segment just goes on.
    if (!workloadsChanged && frame.pods === last?.pods) continue;
    if (workloadsChanged) workloads = workloadsOf(frame);
    last = frame;
    const seen = new Set<string>();
    if (workloadsChanged)
      for (const [key, w] of workloads) {
        note(key, w.owner ? `${w.owner.kind}/${w.owner.name}` : undefined);
        builders.get(key)?.push(frame.t, { label: `${w.ready}/${w.desired} ready`, tone: w.ready >= w.desired ? 'true' : 'false' });
      }
    for (const key of workloads.keys()) seen.add(key);
    frame.pods.forEach((pod, i) => {
      const e = podEntry(pod);
      seen.add(e.key);
      // An unchanged pod object in the same place (frames share them) leaves its segment as it is.
      if (pod === lastPods[i]) return;
      note(e.key, e.parent);
      builders.get(e.key)?.push(frame.t, e.sample);
    });
    lastPods = frame.pods;
    // A pod or workload gone since the last frame ends its segment.
    for (const key of alive) if (!seen.has(key)) builders.get(key)?.push(frame.t, undefined);
    alive = seen;
  }

  const nodes = new Map<string, OwnerNode>();
  for (const key of order) {
    const [kind, name] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    nodes.set(key, {
      key,
      lane: {
        id: `owner:${key}`,
        group: kind === 'Pod' ? 'pod' : 'owner',
        title: kind === 'Pod' ? name : `${kind} ${name}`,
        segments: builders.get(key)?.finish(end) ?? [],
        marks: [],
      },
      children: [],
    });
  }
  const roots: OwnerNode[] = [];
  for (const key of order) {
    const node = nodes.get(key) as OwnerNode;
    const parent = parents.get(key);
    const parentNode = parent ? nodes.get(parent) : undefined;
    if (parentNode) parentNode.children.push(node);
    else roots.push(node);
  }
  // Controllers first (in the order they appeared), pods without owner after them.
  return [...roots.filter((r) => r.children.length > 0 || r.lane.group === 'owner'), ...roots.filter((r) => r.lane.group === 'pod')];
}

/** The lanes to draw: each node at its depth, children only under expanded (not collapsed) groups. */
export function flattenOwnerLanes(roots: readonly OwnerNode[], collapsed: ReadonlySet<string>): Lane[] {
  const out: Lane[] = [];
  const walk = (node: OwnerNode, depth: number) => {
    const expanded = !collapsed.has(node.key);
    out.push({
      ...node.lane,
      depth,
      ...(node.children.length > 0 ? { expander: { key: node.key, expanded, count: countPods(node) } } : {}),
      ...(node.lane.group === 'pod' ? { pod: node.key.slice(4) } : {}),
    });
    if (expanded) for (const child of node.children) walk(child, depth + 1);
  };
  for (const root of roots) walk(root, 0);
  return out;
}

function countPods(node: OwnerNode): number {
  return node.children.reduce((n, c) => n + (c.lane.group === 'pod' ? 1 : countPods(c)), 0);
}
