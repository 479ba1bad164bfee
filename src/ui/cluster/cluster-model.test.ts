/**
 * The Cluster view's model: pods on their node grouped by owner chain (ownerReferences, controller
 * first: Deployment › ReplicaSet), endpoint conditions as kube-proxy reads them (staging/src/k8s.io/
 * endpointslice/utils.go podToEndpoint: ready, serving, terminating), node state from the frame.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, simulate } from '../../engine';
import { clusterFrame, RS } from '../fixtures/cluster-frame';
import { seekFrame } from '../trace-utils';
import { clusterModel } from './cluster-model';
import { hasCluster } from './has-cluster';

describe('clusterModel on a hand-made frame (two nodes, a Deployment, a StatefulSet)', () => {
  const model = clusterModel(clusterFrame);

  it('nodes carry the Ready condition as a word, the cordon and the taints', () => {
    expect(model.nodes.map((n) => [n.name, n.condition, n.cordoned, n.taints])).toEqual([
      ['node-1', 'Ready', false, []],
      ['node-2', 'Unknown', true, ['node.kubernetes.io/unreachable:NoExecute']],
    ]);
  });

  it('pods group under their owner chain, pods without owner last', () => {
    expect(model.nodes[0].groups.map((g) => [g.label, g.pods.map((p) => p.name)])).toEqual([
      [`Deployment web › ReplicaSet ${RS}`, [`${RS}-aaaaa`]],
      ['No owner', ['debug']],
    ]);
    expect(model.nodes[1].groups.map((g) => g.label)).toEqual([`Deployment web › ReplicaSet ${RS}`, 'StatefulSet db']);
  });

  it.each([
    { pod: `${RS}-aaaaa`, shape: 'ready', status: 'Running', ready: '1/1' },
    { pod: `${RS}-bbbbb`, shape: 'terminating', status: 'Terminating', ready: '0/1' },
    { pod: 'debug', shape: 'succeeded', status: 'Succeeded', ready: '0/1' },
  ])('pod $pod is drawn $shape with STATUS $status', ({ pod, shape, status, ready }) => {
    const card = model.nodes.flatMap((n) => n.groups.flatMap((g) => g.pods)).find((p) => p.name === pod);
    expect(card).toEqual({ name: pod, shape, status, ready });
  });

  it('a pod without a node is listed apart, Pending', () => {
    expect(model.unscheduled[0].pods).toEqual([{ name: `${RS}-ccccc`, status: 'ContainerCreating', ready: '0/1', shape: 'pending' }]);
  });

  it('endpoints: ready, and serving while terminating', () => {
    expect(model.services[0].endpoints).toEqual([
      { address: '10.244.0.5', pod: `${RS}-aaaaa`, state: 'ready' },
      { address: '10.244.1.7', pod: `${RS}-bbbbb`, state: 'serving-terminating' },
    ]);
  });
});

describe('clusterModel on a run: a ReplicaSet of 3 behind a Service', () => {
  const manifest = readFileSync(new URL('../../app/examples/replicaset-service.yaml', import.meta.url), 'utf8');
  const r = simulate({ manifest, node: DEFAULT_NODE, actions: [], seed: 1 }, { until: 40_000 });
  if (!r.ok) throw new Error('run failed');
  const model = clusterModel(seekFrame(r.trace, 30_000));

  it('the node holds the 3 pods under ReplicaSet web, all ready, and the Service lists them ready', () => {
    expect(model.nodes[0].groups.map((g) => [g.label, g.pods.length, g.pods.every((p) => p.shape === 'ready')])).toEqual([['ReplicaSet web', 3, true]]);
    expect(model.services[0].endpoints.map((e) => e.state)).toEqual(['ready', 'ready', 'ready']);
  });

  it('the Cluster view shows for it, not for a lone pod on a lone node', () => {
    expect(hasCluster(r.trace.frames, 3)).toBe(true);
    const lone = { ...clusterFrame, nodes: clusterFrame.nodes.slice(0, 1), services: [], replicaSets: [], deployments: [], statefulSets: [] };
    expect(hasCluster([lone], 1)).toBe(false);
    expect(hasCluster([lone], 2)).toBe(true);
  });
});

describe('clusterModel on a three-node run: drain node-2 at 30 s', () => {
  const manifest = readFileSync(new URL('../../app/examples/replicaset-service.yaml', import.meta.url), 'utf8');
  const nodes = ['node-1', 'node-2', 'node-3'].map((name) => ({ ...DEFAULT_NODE, name, labels: { 'kubernetes.io/hostname': name } }));
  const r = simulate({ manifest, node: nodes[0], nodes, actions: [{ at: 30, kind: 'drain', node: 'node-2' }], seed: 1 }, { until: 60_000 });
  if (!r.ok) throw new Error('run failed');
  const podsOn = (t: number) => clusterModel(seekFrame(r.trace, t)).nodes.map((n) => [n.name, n.cordoned, n.podCount]);

  it('the scheduler spreads the 3 pods, one a node; after the drain node-2 is cordoned and empty, its pod replaced elsewhere', () => {
    expect(podsOn(20_000)).toEqual([
      ['node-1', false, 1],
      ['node-2', false, 1],
      ['node-3', false, 1],
    ]);
    const after = podsOn(50_000);
    expect(after[1]).toEqual(['node-2', true, 0]);
    expect(Number(after[0][2]) + Number(after[2][2])).toBe(3);
  });
});
