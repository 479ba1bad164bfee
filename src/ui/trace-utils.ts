/**
 * Pure helpers over a Trace that every view needs: the frame at a time, event instants for
 * stepping, pods.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Frame, Trace, TransitionRecord } from '../engine/trace-types';
import type { SimEvent } from '../k8s/events';

/**
 * How many items of a list sorted by time have `time(item) <= t` (binary search). The UI keeps its
 * own rather than importing the engine's `seek`, which would pull the whole engine into the first
 * load.
 */
export function countUntil<T>(items: readonly T[], t: number, time: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time(items[mid]) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The frame in force at t (the last frame at or before t; the first frame before it). */
export function seekFrame(trace: Trace, tMs: number): Frame {
  return trace.frames[Math.max(0, countUntil(trace.frames, tMs, (f) => f.t) - 1)];
}

/** Each actor's transitions, by their index in the trace (ascending): built once per trace. */
const transitionIndex = new WeakMap<Trace, Map<string, number[]>>();

/**
 * The last transition of each actor among the first `count` of the trace (a frame's
 * transitionCount): a binary search per actor, not a walk over an hour of probe transitions.
 */
export function lastTransitionsAt(trace: Trace, count: number): Map<string, TransitionRecord> {
  let index = transitionIndex.get(trace);
  if (!index) {
    index = new Map();
    trace.transitions.forEach((tr, i) => {
      const list = index?.get(tr.actor);
      if (list) list.push(i);
      else index?.set(tr.actor, [i]);
    });
    transitionIndex.set(trace, index);
  }
  const map = new Map<string, TransitionRecord>();
  const n = Math.min(count, trace.transitions.length);
  for (const [actor, list] of index) {
    const before = countUntil(list, n - 1, (i) => i);
    if (before > 0) map.set(actor, trace.transitions[list[before - 1]]);
  }
  return map;
}

/** Sorted, distinct virtual times (ms) at which at least one Kubernetes Event happened. */
export function eventInstants(trace: Trace): number[] {
  return [...new Set(trace.events.map((e) => e.t))].sort((a, b) => a - b);
}

/** The first event instant strictly after t, or undefined. */
export function nextInstant(instants: number[], t: number): number | undefined {
  return instants.find((x) => x > t);
}

/** The last event instant strictly before t, or undefined. */
export function previousInstant(instants: number[], t: number): number | undefined {
  for (let i = instants.length - 1; i >= 0; i--) if (instants[i] < t) return instants[i];
  return undefined;
}

/** Every pod name that appears in the trace, in order of first appearance. */
export function podNames(trace: Trace): string[] {
  const seen = new Set<string>();
  for (const f of trace.frames) for (const p of f.pods) if (p.metadata?.name) seen.add(p.metadata.name);
  return [...seen];
}

export function findPod(frame: Frame, name: string | undefined): Pod | undefined {
  return frame.pods.find((p) => p.metadata?.name === name);
}

/** Events about one pod (object `pod/NAME`). */
export function podEvents(events: SimEvent[], name: string | undefined): SimEvent[] {
  return name ? events.filter((e) => e.object === `pod/${name}`) : events;
}

/** `12.3s`, `1m05s`: a virtual time for labels and announcements. */
export function formatClock(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${Number.isInteger(s) ? s.toFixed(0) : s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  return `${m}m${rest < 10 ? '0' : ''}${Number.isInteger(rest) ? rest.toFixed(0) : rest.toFixed(1)}s`;
}
