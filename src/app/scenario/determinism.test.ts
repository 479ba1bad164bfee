/**
 * A link must show the same run wherever it is opened: encode a scenario, decode it, simulate both
 * and compare the traces byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine';
import { DEFAULT_NODE } from '../../engine/input';
import type { ScenarioV1 } from '../../scenario';
import { toScenario } from './app-scenario';
import { decodeFragment, encodeScenarioToFragment } from './scenario-core';

const docs = (path: string) =>
  readFileSync(join(import.meta.dirname, '../../k8s/fixtures/docs', path), 'utf8');

function roundTrip(s: ScenarioV1): ScenarioV1 {
  const decoded = decodeFragment(encodeScenarioToFragment(s));
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.scenario;
}

const cases: Array<[string, ScenarioV1]> = [
  [
    'liveness-exec, deleted at 42.5 s, cursor at 61.25 s',
    toScenario({
      manifest: docs('probe/exec-liveness.yaml'),
      fileName: 'exec-liveness.yaml',
      actions: [{ at: 42.5, kind: 'deletePod', pod: 'liveness-exec' }],
      base: { node: DEFAULT_NODE, seed: 1 },
      tMs: 61_250,
      pane: 'statechart',
    }),
  ],
  [
    'init containers on a small node with another seed',
    toScenario({
      manifest: docs('init-containers.yaml'),
      fileName: 'init-containers.yaml',
      actions: [],
      base: {
        node: { ...DEFAULT_NODE, name: 'edge-7', capacity: { cpu: '1', memory: '1Gi', pods: '10' } },
        seed: 4242,
      },
      tMs: 5_000,
    }),
  ],
  [
    'a Service with traffic: the same requests to the same pods',
    toScenario({
      manifest: `apiVersion: v1
kind: Pod
metadata: { name: nginx, labels: { env: test } }
spec:
  containers: [{ name: nginx, image: nginx }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { env: test }
  ports: [{ port: 80 }]
`,
      fileName: 'web.yaml',
      actions: [{ at: 40, kind: 'setEndpoint', pod: 'nginx', container: 'nginx', port: 80, status: 503 }],
      base: { node: DEFAULT_NODE, seed: 9, traffic: [{ service: 'web', ratePerSecond: 5, from: 5 }] },
    }),
  ],
];

describe('a scenario simulates the same after a trip through a link', () => {
  for (const [name, scenario] of cases) {
    it(name, () => {
      const back = roundTrip(scenario);
      expect(back.view.t).toBe(scenario.view.t);
      const a = simulate(scenario, { until: 120_000 });
      const b = simulate(back, { until: 120_000 });
      expect(a.ok && b.ok).toBe(true);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      if (scenario.traffic) expect(a.ok && a.trace.requests.filter((q) => q.outcome === 'ok').length).toBeGreaterThan(100);
    });
  }
});
