/**
 * Timeline lanes grouped by owner: pods under their controller by ownerReferences (controller:
 * true), a ReplicaSet under its Deployment; a group's lanes hidden while it is collapsed; nothing
 * for a lone pod without owner.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, simulate, type SimAction, type Trace } from '../../engine';
import { clusterFrame, RS } from '../fixtures/cluster-frame';
import { flattenOwnerLanes, ownerTree } from './owner-lanes';

function run(file: string, actions: SimAction[] = []): Trace {
  const manifest = readFileSync(new URL(file, import.meta.url), 'utf8');
  const r = simulate({ manifest, node: DEFAULT_NODE, actions, seed: 1 }, { until: 60_000 });
  if (!r.ok) throw new Error('run failed');
  return r.trace;
}

const traceOf = (frames: Trace['frames']): Trace =>
  ({ frames, events: [], transitions: [], probes: [], requests: [], scheduling: [], logs: {}, until: 60_000, diagnostics: [], deletedAt: {} }) as Trace;

describe('owner lanes from a run: a ReplicaSet of 3 behind a Service', () => {
  const trace = run('../../app/examples/replicaset-service.yaml', [{ at: 30, kind: 'scale', replicaSet: 'web', replicas: 2 }]);
  const roots = ownerTree(trace);

  it('one group, the ReplicaSet, with its 3 pods under it', () => {
    const lanes = flattenOwnerLanes(roots, new Set());
    expect(lanes.map((l) => [l.title.replace(/web-\w{5}/, 'web-*'), l.depth, l.group])).toEqual([
      ['ReplicaSet web', 0, 'owner'],
      ['web-*', 1, 'pod'],
      ['web-*', 1, 'pod'],
      ['web-*', 1, 'pod'],
    ]);
    expect(lanes[0].expander).toEqual({ key: 'ReplicaSet/web', expanded: true, count: 3 });
  });

  it('the ReplicaSet lane shows ready/desired as it changes (scaled to 2 at 30 s)', () => {
    const labels = roots[0].lane.segments.map((s) => s.label);
    expect(labels[0]).toBe('0/3 ready');
    expect(labels).toContain('3/3 ready');
    expect(labels[labels.length - 1]).toBe('2/2 ready');
  });

  it('a pod lane shows the kubectl STATUS and READY over time; the scaled-down pod ends, then its lane is empty', () => {
    const labels = roots[0].children.map((c) => c.lane.segments.map((s) => s.label));
    expect(labels[0]).toEqual(['ContainerCreating 0/1', 'Running 0/1', 'Running 1/1']);
    // Terminating from the deletion until its kubelet hears of it (0.1 s, engine timing.ts KUBELET_WATCH_DELAY_MS);
    // nginx then quits at once on TERM: Completed (a terminal phase, not Terminating) until it is gone.
    const victim = roots[0].children.find((c) => (c.lane.segments.at(-1)?.end ?? 0) < 60_000);
    expect(victim?.lane.segments.slice(-2)).toMatchObject([
      { label: 'Terminating 1/1', start: 30_000 },
      { label: 'Completed 0/1', tone: 'succeeded', start: 30_100 },
    ]);
  });

  it('collapsing the group hides its pods and counts them on the group lane', () => {
    const lanes = flattenOwnerLanes(roots, new Set(['ReplicaSet/web']));
    expect(lanes).toHaveLength(1);
    expect(lanes[0].expander).toEqual({ key: 'ReplicaSet/web', expanded: false, count: 3 });
  });
});

describe('owner lanes from a hand-made frame (Deployment › ReplicaSet, StatefulSet, a pod without owner)', () => {
  const roots = ownerTree(traceOf([clusterFrame]));
  it('the ReplicaSet nests under its Deployment; pods without owner come last at the top level', () => {
    expect(flattenOwnerLanes(roots, new Set()).map((l) => `${'  '.repeat(l.depth ?? 0)}${l.title}`)).toEqual([
      'Deployment web',
      `  ReplicaSet ${RS}`,
      `    ${RS}-aaaaa`,
      `    ${RS}-bbbbb`,
      `    ${RS}-ccccc`,
      'StatefulSet db',
      '  db-0',
      'debug',
    ]);
    expect(flattenOwnerLanes(roots, new Set(['Deployment/web'])).map((l) => l.title)).toEqual(['Deployment web', 'StatefulSet db', 'db-0', 'debug']);
  });
});

describe('a lone pod keeps its own timeline', () => {
  it('no owner lanes', () => {
    expect(ownerTree(run('../../k8s/fixtures/docs/simple-pod.yaml'))).toEqual([]);
  });
});
