/**
 * One pod state for every view: the Cluster view's shape and the timeline's owner lane read it from
 * podShape. A pod is drawn Ready only when kubectl's READY column is full and its Ready condition is
 * True (readiness gates can hold the condition False with every container ready).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { podShape, type PodShape } from './pod-shape';

function pod(phase: string, ready: boolean, extra: { deleting?: boolean; containersReady?: boolean } = {}): Pod {
  const containersReady = extra.containersReady ?? ready;
  return {
    metadata: { name: 'p', ...(extra.deleting ? { deletionTimestamp: '2025-01-01T09:00:10Z' } : {}) },
    spec: { containers: [{ name: 'app' }] },
    status: {
      phase,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'app', ready: containersReady, restartCount: 0, image: 'x', imageID: '', state: { running: {} } }],
    },
  };
}

describe('podShape: the state a pod is drawn in', () => {
  it.each<{ rule: string; pod: Pod; shape: PodShape }>([
    { rule: 'Succeeded', pod: pod('Succeeded', false), shape: 'succeeded' },
    { rule: 'Failed', pod: pod('Failed', false), shape: 'failed' },
    { rule: 'a deletionTimestamp: terminating, even while Ready', pod: pod('Running', true, { deleting: true }), shape: 'terminating' },
    { rule: 'Pending', pod: pod('Pending', false), shape: 'pending' },
    { rule: 'Running, every container ready and Ready True', pod: pod('Running', true), shape: 'ready' },
    { rule: 'Running with a container not ready', pod: pod('Running', false), shape: 'not-ready' },
    { rule: 'every container ready but a readiness gate holds Ready False', pod: pod('Running', false, { containersReady: true }), shape: 'not-ready' },
  ])('$rule → $shape', ({ pod, shape }) => {
    expect(podShape(pod)).toBe(shape);
  });
});
