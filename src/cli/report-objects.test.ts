/** The CLI's `objects` report: every object of a multi-object run, keyed as kubectl names it. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, simulate, type NodeSettings } from '../engine';
import { buildReport } from './report';
import { loadInput } from './load';

const MANIFEST = `apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - { name: app, image: nginx:1.27, ports: [{ containerPort: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`;

const nodes: NodeSettings[] = ['node-1', 'node-2'].map((name) => ({ ...DEFAULT_NODE, name, labels: { 'kubernetes.io/hostname': name }, cachedImages: ['nginx:1.27'] }));

describe('buildReport objects', () => {
  it('keys every object of a multi-object run: pods with their own timeline, workloads, services, nodes', () => {
    const r = simulate({ manifest: MANIFEST, node: nodes[0], nodes, actions: [], seed: 1 }, { until: 30_000 });
    if (!r.ok) throw new Error('simulate failed');
    const objects = buildReport(r.trace).objects ?? {};
    const keys = Object.keys(objects);
    expect(keys.filter((k) => k.startsWith('pod/'))).toHaveLength(2);
    expect(keys).toEqual(expect.arrayContaining(['replicaset/web', 'service/web', 'node/node-1', 'node/node-2']));
    const pod = objects[keys[0]];
    expect(pod).toMatchObject({ kind: 'Pod', final: { status: 'Running', ready: '1/1' } });
    expect('timeline' in pod && pod.timeline[0]).toMatchObject({ t: 0, status: 'Pending' });
    expect(objects['replicaset/web'].final).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect((objects['service/web'].final as { endpoints: unknown[] }).endpoints).toHaveLength(2);
    expect(objects['node/node-1'].final).toMatchObject({ ready: 'True', pods: [expect.stringMatching(/^web-/)] });
  });

  it('a single Pod on one node keeps the original report (no objects key)', () => {
    const r = simulate({ manifest: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a, image: nginx:1.27 }] }\n', node: DEFAULT_NODE, actions: [], seed: 1 }, { until: 5_000 });
    if (!r.ok) throw new Error('simulate failed');
    expect(buildReport(r.trace)).not.toHaveProperty('objects');
  });

  it('a scenario file with several nodes runs on those nodes', () => {
    const file = JSON.stringify({ version: 1, manifest: MANIFEST, nodes: [{}, {}], actions: [{ at: 5, kind: 'cordon', node: 'node-2' }] });
    const loaded = loadInput(file, 'cluster.json');
    expect(loaded.ok && loaded.input.nodes?.map((n) => n.name)).toEqual(['node-1', 'node-2']);
    expect(loaded.ok && loaded.input.actions).toEqual([{ at: 5, kind: 'cordon', node: 'node-2' }]);
  });
});
