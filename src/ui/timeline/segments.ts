/**
 * Timeline lanes from a Trace: one per container (Waiting / Running / Terminated with reasons), per
 * probe (one mark per ProbeRecord), per pod condition, the phase, and the pod's events as marks.
 * Equal consecutive values merge into one segment. Pure: computed once per trace, not per render.
 */
import type { ContainerState, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { Frame, Trace } from '../../engine/trace-types';
import { SegmentBuilder } from './segment-builder';

export type SegmentTone =
  | 'waiting'
  | 'running'
  | 'terminated-ok'
  | 'terminated-error'
  | 'true'
  | 'false'
  | 'unknown'
  | 'pending'
  | 'succeeded'
  | 'failed'
  | 'terminating';

export interface Segment {
  start: number;
  end: number;
  /** What the segment shows (`Running`, `Waiting: CrashLoopBackOff`, `True`). */
  label: string;
  tone: SegmentTone;
}

export type MarkKind = 'success' | 'failure' | 'warning' | 'event-normal' | 'event-warning' | 'action';

export interface Mark {
  t: number;
  kind: MarkKind;
  /** A sentence for tooltips and screen readers. */
  label: string;
}

export type LaneGroup = 'owner' | 'pod' | 'phase' | 'actions' | 'condition' | 'container' | 'probe' | 'events';

export interface Lane {
  id: string;
  group: LaneGroup;
  title: string;
  segments: Segment[];
  marks: Mark[];
  /** Indent in the label column (the owner tree: Deployment › ReplicaSet › pod). */
  depth?: number;
  /** A lane heading a group of lanes: its key, whether they show, how many pods it holds. */
  expander?: { key: string; expanded: boolean; count: number };
  /** A pod's summary lane: choosing it shows that pod's own lanes. */
  pod?: string;
}

export const CONDITION_TYPES = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'] as const;

function stateOf(state: ContainerState | undefined): { label: string; tone: SegmentTone } | undefined {
  if (!state) return undefined;
  if (state.running) return { label: 'Running', tone: 'running' };
  if (state.terminated) {
    const t = state.terminated;
    const reason = t.reason ?? (t.exitCode === 0 ? 'Completed' : 'Error');
    return {
      label: `Terminated: ${reason} (${t.exitCode})`,
      tone: t.exitCode === 0 ? 'terminated-ok' : 'terminated-error',
    };
  }
  if (state.waiting)
    return { label: state.waiting.reason ? `Waiting: ${state.waiting.reason}` : 'Waiting', tone: 'waiting' };
  return undefined;
}

function allStatuses(pod: Pod): Array<{ key: string; status: ContainerStatus }> {
  const s = pod.status ?? {};
  return [
    ...(s.initContainerStatuses ?? []).map((status) => ({ key: `init:${status.name}`, status })),
    ...(s.containerStatuses ?? []).map((status) => ({ key: `app:${status.name}`, status })),
    ...(s.ephemeralContainerStatuses ?? []).map((status) => ({ key: `eph:${status.name}`, status })),
  ];
}

function containerKeys(pod: Pod): Array<{ key: string; title: string }> {
  const spec = pod.spec;
  return [
    ...(spec?.initContainers ?? []).map((c) => ({ key: `init:${c.name}`, title: `init ${c.name}` })),
    ...(spec?.containers ?? []).map((c) => ({ key: `app:${c.name}`, title: c.name })),
    ...(spec?.ephemeralContainers ?? []).map((c) => ({ key: `eph:${c.name}`, title: `debug ${c.name}` })),
  ];
}

const PHASE_TONE: Record<string, SegmentTone> = {
  Pending: 'pending',
  Running: 'running',
  Succeeded: 'succeeded',
  Failed: 'failed',
  Unknown: 'unknown',
};

/** The lanes of one pod across the whole trace. */
/** Each pod's objects as the frames show them: where it changed, and where it is gone (undefined). */
type PodHistory = Map<string, Array<{ t: number; pod: Pod | undefined }>>;
const histories = new WeakMap<Trace, PodHistory>();

/**
 * One pass over the frames for every pod, kept per trace: frames share unchanged pod lists and pod
 * objects, so a pod's lanes walk its own few changes, not every frame of the run with a search in
 * each (a hundred pods over thirty minutes). A sample equal to the last adds nothing to a lane, so
 * the lanes are the same.
 */
function podHistory(trace: Trace, name: string): Array<{ t: number; pod: Pod | undefined }> {
  let all = histories.get(trace);
  if (!all) {
    all = new Map();
    const last = new Map<string, Pod>();
    let lastPods: Frame['pods'] | undefined;
    for (const frame of trace.frames) {
      if (frame.pods === lastPods) continue;
      lastPods = frame.pods;
      const present = new Set<string>();
      for (const pod of frame.pods) {
        const key = pod.metadata?.name ?? '';
        // Two pods of one name (in two namespaces): the first, as a search by name finds it.
        if (present.has(key)) continue;
        present.add(key);
        if (last.get(key) === pod) continue;
        last.set(key, pod);
        const list = all.get(key) ?? [];
        list.push({ t: frame.t, pod });
        all.set(key, list);
      }
      for (const key of last.keys()) {
        if (present.has(key)) continue;
        last.delete(key);
        all.get(key)?.push({ t: frame.t, pod: undefined });
      }
    }
    histories.set(trace, all);
  }
  return all.get(name) ?? [];
}

export function computeLanes(trace: Trace, podName: string): Lane[] {
  const end = Math.max(trace.until, trace.frames[trace.frames.length - 1]?.t ?? 0);
  const phase = new SegmentBuilder();
  const conditions = new Map<string, SegmentBuilder>();
  const containers = new Map<string, { title: string; builder: SegmentBuilder }>();
  for (const type of CONDITION_TYPES) conditions.set(type, new SegmentBuilder());

  for (const { t, pod } of podHistory(trace, podName)) {
    if (!pod) {
      phase.push(t, undefined);
      for (const b of conditions.values()) b.push(t, undefined);
      for (const c of containers.values()) c.builder.push(t, undefined);
      continue;
    }
    const p = pod.status?.phase ?? 'Pending';
    phase.push(
      t,
      pod.metadata?.deletionTimestamp && p !== 'Succeeded' && p !== 'Failed'
        ? { label: `${p} (Terminating)`, tone: 'terminating' }
        : { label: p, tone: PHASE_TONE[p] ?? 'unknown' },
    );

    const conds = pod.status?.conditions ?? [];
    for (const c of conds) if (!conditions.has(c.type)) conditions.set(c.type, new SegmentBuilder());
    for (const [type, builder] of conditions) {
      const c = conds.find((x) => x.type === type);
      builder.push(
        t,
        c
          ? {
              label: c.reason ? `${c.status}: ${c.reason}` : c.status,
              tone: c.status === 'True' ? 'true' : c.status === 'False' ? 'false' : 'unknown',
            }
          : undefined,
      );
    }

    for (const { key, title } of containerKeys(pod))
      if (!containers.has(key)) containers.set(key, { title, builder: new SegmentBuilder() });
    const statuses = allStatuses(pod);
    for (const [key, c] of containers)
      c.builder.push(t, stateOf(statuses.find((s) => s.key === key)?.status.state));
  }

  const lanes: Lane[] = [
    { id: 'phase', group: 'phase', title: 'Phase', segments: phase.finish(end), marks: [] },
  ];
  for (const [type, builder] of conditions) {
    lanes.push({
      id: `condition:${type}`,
      group: 'condition',
      title: type,
      segments: builder.finish(end),
      marks: [],
    });
  }
  for (const [key, c] of containers) {
    lanes.push({
      id: `container:${key}`,
      group: 'container',
      title: c.title,
      segments: c.builder.finish(end),
      marks: [],
    });
  }

  const probeLanes = new Map<string, Lane>();
  const single = containers.size <= 1;
  for (const r of trace.probes) {
    if (r.pod !== podName) continue;
    const id = `probe:${r.container}:${r.probe}`;
    let lane = probeLanes.get(id);
    if (!lane) {
      lane = {
        id,
        group: 'probe',
        title: single ? `${r.probe} probe` : `${r.container}: ${r.probe}`,
        segments: [],
        marks: [],
      };
      probeLanes.set(id, lane);
    }
    lane.marks.push({
      t: r.t,
      kind: r.result,
      label: `${r.probe} probe ${r.result}${r.detail ? `: ${r.detail}` : ''}${r.output ? ` (${r.output})` : ''}`,
    });
  }
  lanes.push(...probeLanes.values());

  lanes.push({
    id: 'events',
    group: 'events',
    title: 'Events',
    segments: [],
    marks: trace.events
      .filter((e) => e.object === `pod/${podName}`)
      .map((e) => ({
        t: e.t,
        kind: e.type === 'Warning' ? 'event-warning' : 'event-normal',
        label: `${e.reason}: ${e.message}`,
      })),
  });
  return lanes;
}
