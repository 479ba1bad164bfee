/**
 * The diagram is the code: probe workers run the probe machine's own definition, stepped by
 * LeanActor (machines/lean-actor.ts) instead of XState's interpreter for speed. This proves the two
 * interchangeable where it matters, on whole runs: every kubernetes.io example, alone and with
 * actions that make probes fail, containers crash, nodes go and pods get deleted, gives the same
 * trace byte for byte with either interpreter.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, simulate, type SimAction, type SimInput } from '..';
import { ALL_FIXTURES, fixture } from './docs-fixtures';
import { customImages, podYaml } from '../../../bench/three-probes';

const traceWith = (input: SimInput, until: number, interpreter: 'lean' | 'xstate'): string =>
  JSON.stringify(simulate(input, { until, interpreter }));

function expectSame(input: SimInput, until: number, label: string): void {
  const lean = traceWith(input, until, 'lean');
  const xstate = traceWith(input, until, 'xstate');
  // Compare lengths first: a mismatch in a 1 MB string is unreadable in a diff.
  expect(lean.length, label).toBe(xstate.length);
  expect(lean === xstate, label).toBe(true);
}

const base = (manifest: string, actions: SimAction[] = []): SimInput => ({ manifest, node: DEFAULT_NODE, actions, seed: 7 });

/** Things that make probe workers do more than tick: failures, restarts, deletion, a node going away. */
const DISRUPTIONS: Array<{ label: string; actions: SimAction[] }> = [
  { label: 'alone', actions: [] },
  { label: 'deleted at 40 s', actions: [{ at: 40, kind: 'deletePod' }] },
  {
    label: 'a crash at 20 s, the node unreachable at 70 s',
    actions: [
      { at: 20, kind: 'killContainer', container: '*', how: 'crash' },
      { at: 70, kind: 'setNodeState', state: 'Unreachable' },
    ],
  },
  { label: 'memory pressure at 30 s', actions: [{ at: 30, kind: 'nodePressure', resource: 'memory' }] },
];

describe('LeanActor and XState give the same trace', () => {
  it.each(ALL_FIXTURES.filter((f) => f.endsWith('.yaml')))('%s, alone and disrupted', (path) => {
    const manifest = fixture(path);
    for (const { label, actions } of DISRUPTIONS) {
      // A crash names a container: take the manifest's first one.
      const first = /containers:\s*\n\s*-\s*name:\s*([\w-]+)/.exec(manifest)?.[1] ?? 'app';
      const named = actions.map((a) => (a.kind === 'killContainer' ? { ...a, container: first } : a));
      expectSame(base(manifest, named), 150_000, `${path} ${label}`);
    }
  });

  it('a Deployment with readiness probes on three nodes, updated, drained and a node removed', () => {
    const manifest = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 6
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }
        livenessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 10 }
`;
    const nodes = ['node-1', 'node-2', 'node-3'].map((name) => ({ ...DEFAULT_NODE, name, labels: { 'kubernetes.io/hostname': name } }));
    const actions: SimAction[] = [
      { at: 60, kind: 'setImage', deployment: 'web', container: 'web', image: 'nginx:1.28' },
      { at: 120, kind: 'drain', node: 'node-2' },
      { at: 200, kind: 'removeNode', node: 'node-3' },
    ];
    expectSame({ ...base(manifest, actions), nodes }, 360_000, 'deployment');
  }, 30_000);

  it('the benchmark pod for 20 minutes, with /healthz failing for a while and the pod deleted at the end', () => {
    const actions: SimAction[] = [
      { at: 600, kind: 'setEndpoint', container: 'web-1', port: 8081, path: '/healthz', status: 500 },
      { at: 660, kind: 'setEndpoint', container: 'web-1', port: 8081, path: '/healthz', status: 200 },
      { at: 1100, kind: 'deletePod' },
    ];
    expectSame({ ...base(podYaml('web-0'), actions), customImages }, 1_200_000, 'bench pod');
  }, 30_000);
});
