import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/trace-types';
import { deploymentYaml, runOf, SET_IMAGE_AT_30S } from '../fixtures/runs';
import { sampleTrace } from '../fixtures/sample-trace';
import { computeLanes } from './segments';

describe('computeLanes', () => {
  const trace = sampleTrace();
  const lanes = computeLanes(trace, 'liveness-exec');
  const lane = (id: string) => lanes.find((l) => l.id === id)!;

  it('has phase, the four conditions, the container, its probe and events, in that order', () => {
    expect(lanes.map((l) => l.id)).toEqual([
      'phase',
      'condition:PodScheduled',
      'condition:Initialized',
      'condition:ContainersReady',
      'condition:Ready',
      'condition:PodReadyToStartContainers',
      'container:app:liveness',
      'probe:liveness:liveness',
      'events',
    ]);
  });

  it('merges equal consecutive values and ends the last segment at trace.until', () => {
    expect(lane('phase').segments).toEqual([
      { start: 0, end: 2100, label: 'Pending', tone: 'pending' },
      { start: 2100, end: 120000, label: 'Running', tone: 'running' },
    ]);
  });

  it('labels container states with their reasons', () => {
    expect(lane('container:app:liveness').segments.map((s) => [s.start, s.end, s.label])).toEqual([
      [100, 2100, 'Waiting: ContainerCreating'],
      [2100, 77100, 'Running'],
      [77100, 77200, 'Waiting: ContainerCreating'],
      [77200, 120000, 'Running'],
    ]);
  });

  it('shows a condition only while it exists, with True/False', () => {
    const ready = lane('condition:Ready').segments;
    expect(ready[0]).toMatchObject({
      start: 100,
      end: 2100,
      tone: 'false',
      label: 'False: ContainersNotReady',
    });
    expect(ready[1]).toMatchObject({ start: 2100, tone: 'true' });
  });

  it('puts one mark per probe result and one per event', () => {
    const marks = lane('probe:liveness:liveness').marks;
    expect(marks.length).toBe(trace.probes.length);
    expect(marks.filter((m) => m.kind === 'failure').map((m) => m.t)).toEqual([37100, 42100, 47100]);
    expect(lane('events').marks.length).toBe(trace.events.length);
    expect(lane('events').marks.filter((m) => m.kind === 'event-warning').length).toBe(3);
  });

  it('closes segments when the pod is deleted', () => {
    const cut = {
      ...trace,
      frames: [...trace.frames.slice(0, 4), { ...trace.frames[3], t: 5000, pods: [] }],
    };
    const phase = computeLanes(cut, 'liveness-exec').find((l) => l.id === 'phase')!;
    expect(phase.segments[phase.segments.length - 1].end).toBe(5000);
  });
});

describe('computeLanes over shared frames', () => {
  it('gives the same lanes as over frames that share nothing (an unchanged frame or pod adds no sample)', () => {
    const trace = runOf(deploymentYaml(3), [SET_IMAGE_AT_30S, { at: 50, kind: 'deletePod' }]);
    // Every frame with its own list and its own pod objects: nothing can be skipped by identity.
    const unshared: Trace = { ...trace, frames: trace.frames.map((f) => ({ ...f, pods: f.pods.map((p) => structuredClone(p)) })) };
    const names = [...new Set(trace.frames.flatMap((f) => f.pods.map((p) => p.metadata?.name ?? '')))];
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(computeLanes(trace, name)).toEqual(computeLanes(unshared, name));
  });
});
