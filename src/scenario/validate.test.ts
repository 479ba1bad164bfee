import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE } from '../engine/input';
import { parseScenario } from './index';

const POD = 'apiVersion: v1\nkind: Pod\n';

function errors(obj: Record<string, unknown>): string[] {
  const r = parseScenario({ version: 1, manifest: POD, ...obj });
  return r.ok ? [] : r.errors;
}

describe('parseScenario', () => {
  it('fills defaults: node, no actions, seed 1, empty view', () => {
    const r = parseScenario({ version: 1, manifest: POD });
    expect(r).toEqual({
      ok: true,
      scenario: { version: 1, manifest: POD, node: DEFAULT_NODE, actions: [], seed: 1, view: {} },
    });
  });

  it('merges a partial node with the default node, capacity key by key', () => {
    const r = parseScenario({
      version: 1,
      manifest: POD,
      node: { capacity: { memory: '1Gi' }, cachedImages: ['nginx'] },
    });
    expect(r.ok && r.scenario.node).toEqual({
      ...DEFAULT_NODE,
      capacity: { ...DEFAULT_NODE.capacity, memory: '1Gi' },
      cachedImages: ['nginx'],
    });
  });

  it.each([
    [{ node: { capacity: { memory: '4 gigs' } } }, 'node.capacity.memory: not a quantity: "4 gigs"'],
    [{ node: { capacity: { cpu: -1 } } }, 'node.capacity.cpu: not a quantity: -1'],
    [
      { node: { name: 'Node_1' } },
      `node.name: not a node name: "Node_1" (lower-case letters, digits, '-' and '.')`,
    ],
    [{ node: { labels: { 'bad key!': 'x' } } }, 'node.labels["bad key!"]: not a label key'],
    [{ node: { labels: { zone: 'a b' } } }, 'node.labels.zone: not a label value: "a b"'],
    [{ node: { pullBytesPerSecond: 0 } }, 'node.pullBytesPerSecond: must be a number >= 1, got 0'],
    [
      {
        actions: [
          { kind: 'cordon', at: 1 },
          { kind: 'drain', at: 2 },
          { kind: 'cordon', at: -3 },
        ],
      },
      'actions[2].at: must be a number >= 0, got -3',
    ],
    [
      {
        actions: [
          { kind: 'cordon', at: 1 },
          { kind: 'explode', at: 2 },
        ],
      },
      'actions[1].kind: unknown action "explode" (expected one of deletePod, killContainer',
    ],
    [{ actions: [{ at: 2 }] }, 'actions[0].kind: required (one of deletePod'],
    [{ actions: [{ kind: 'cordon' }] }, 'actions[0].at: required'],
    [
      { actions: [{ kind: 'deletePod', at: 1, gracePeriod: 3 }] },
      'actions[0].gracePeriod: unknown field (expected one of at, kind, pod, gracePeriodSeconds)',
    ],
    [
      { actions: [{ kind: 'killContainer', at: 1, container: 'c', how: 'gently' }] },
      'actions[0].how: must be one of "crash", "oom", got "gently"',
    ],
    [
      { actions: [{ kind: 'killContainer', at: 1, container: 'c', how: 'crash', exitCode: 256 }] },
      'actions[0].exitCode: must be an integer >= 0 and <= 255, got 256',
    ],
    [
      { actions: [{ kind: 'setEndpoint', at: 1, container: 'c', port: 8080 }] },
      'actions[0].status: required unless timeout is true',
    ],
    [
      { actions: [{ kind: 'scale', at: 1, replicaSet: 'web', statefulSet: 'web', replicas: 2 }] },
      'actions[0].replicaSet: name exactly one of replicaSet, deployment or statefulSet (what should be scaled?)',
    ],
    [{ actions: [{ kind: 'scale', at: 1, replicas: 2 }] }, 'actions[0].replicaSet: name exactly one of replicaSet, deployment or statefulSet (what should be scaled?)'],
    [
      { actions: [{ kind: 'setImage', at: 1, deployment: 'web', statefulSet: 'db', container: 'app', image: 'x' }] },
      'actions[0].deployment: name exactly one of deployment, statefulSet or daemonSet (whose image changes?)',
    ],
    [
      { actions: [{ kind: 'setEndpoint', at: 1, container: 'c', port: 0, status: 200 }] },
      'actions[0].port: must be an integer >= 1 and <= 65535, got 0',
    ],
    [
      { actions: [{ kind: 'setNodeState', at: 1, state: 'Gone' }] },
      'actions[0].state: must be one of "Ready", "NotReady", "Unreachable", got "Gone"',
    ],
    [{ actions: 'none' }, 'actions: must be a list, got "none"'],
    [{ seed: 1.5 }, 'seed: must be an integer >= 0 and <= 4294967295, got 1.5'],
    [{ view: { t: 'later' } }, 'view.t: must be a number >= 0, got "later"'],
    [{ title: 7 }, 'title: must be a string, got 7'],
    [{ manifest: undefined }, 'manifest: required'],
    [{ colour: 'red' }, 'colour: unknown field'],
    [
      { customImages: [{ image: 'x', onTerm: 'shrug' }] },
      'customImages[0].onTerm: must be "ignore" or a mapping, got "shrug"',
    ],
    [
      { customImages: [{ image: 'x', listen: [{ port: 80, grpc: [{ fromSeconds: 0, status: 'OK' }] }] }] },
      'customImages[0].listen[0].grpc[0].status: must be one of "SERVING"',
    ],
    [{ traffic: [{ ratePerSecond: 1 }] }, 'traffic[0].service: required'],
    [{ traffic: [{ service: 'web', ratePerSecond: 0 }] }, 'traffic[0].ratePerSecond: must be a number > 0, got 0'],
    [{ traffic: [{ service: 'web', ratePerSecond: 500 }] }, 'traffic[0].ratePerSecond: must be a number <= 100, got 500'],
    [{ traffic: [{ service: 'web', ratePerSecond: 1, port: true }] }, 'traffic[0].port: must be a port number or a port name, got true'],
    [{ traffic: [{ service: 'web', ratePerSecond: 1, port: 70000 }] }, 'traffic[0].port: must be an integer >= 1 and <= 65535, got 70000'],
    [{ traffic: [{ service: 'web', ratePerSecond: 1, from: 30, until: 10 }] }, 'traffic[0].until: must be after from (30), got 10'],
    [{ traffic: [{ service: 'web', rate: 1 }] }, 'traffic[0].rate: unknown field (expected one of name, service, port, path, ratePerSecond'],
  ])('reports %j as %s', (obj, message) => {
    expect(errors(obj).join('\n')).toContain(message);
  });

  it('reports every problem, not only the first', () => {
    expect(
      errors({ seed: -1, actions: [{ kind: 'cordon', at: -1 }], node: { capacity: { pods: 'many' } } }),
    ).toHaveLength(3);
  });

  it('keeps a __proto__ key as data', () => {
    const json = JSON.parse(
      '{"version":1,"manifest":"","customImages":[{"image":"x","listen":[{"port":80,"paths":{"__proto__":[{"fromSeconds":0,"status":200}]}}]}]}',
    );
    const r = parseScenario(json);
    const paths = r.ok ? r.scenario.customImages?.[0].listen?.[0].paths : undefined;
    expect(Object.keys(paths ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(paths)).toBe(Object.prototype);
  });

  it('keeps traffic sources as given and drops an empty list (same meaning as none)', () => {
    const traffic = [{ service: 'web', port: 'http', ratePerSecond: 2.5, from: 10, until: 60, timeoutSeconds: 2 }];
    const r = parseScenario({ version: 1, manifest: POD, traffic });
    expect(r.ok && r.scenario.traffic).toEqual(traffic);
    const none = parseScenario({ version: 1, manifest: POD, traffic: [] });
    expect(none.ok && 'traffic' in none.scenario).toBe(false);
  });

  it('drops an empty customImages list (same meaning as none)', () => {
    const r = parseScenario({ version: 1, manifest: POD, customImages: [] });
    expect(r.ok && 'customImages' in r.scenario).toBe(false);
  });

  it('keeps a run length (until, whole seconds up to 6 h) and drops the default 300 s', () => {
    const long = parseScenario({ version: 1, manifest: POD, until: 3600 });
    expect(long.ok && long.scenario.until).toBe(3600);
    const usual = parseScenario({ version: 1, manifest: POD, until: 300 });
    expect(usual.ok && 'until' in usual.scenario).toBe(false);
    expect(errors({ until: 0 })).toEqual(['until: must be an integer >= 1 and <= 21600, got 0']);
    expect(errors({ until: 30_000 })).toHaveLength(1);
  });
});
