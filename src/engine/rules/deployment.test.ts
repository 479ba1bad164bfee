/**
 * Deployments roll pods from one ReplicaSet to the next. Sources: pkg/controller/deployment
 * (rolling.go, recreate.go, sync.go, progress.go, util/deployment_util.go), kubectl's
 * DeploymentRollbacker (rollout undo), pkg/apis/apps/v1/defaults.go and
 * pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec, ValidateRollingUpdateDeployment).
 */
import { describe, expect, it } from 'vitest';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { DEFAULT_NODE, seek, simulate, type SimAction, type Trace } from '..';
import { admitManifests, formatDiagnostic } from '../../k8s';
import { KUBELET_WATCH_DELAY_MS } from '../timing';
import {
  equalIgnoreHash,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  podTemplateHash,
  resolveFenceposts,
  type RsCounts,
} from '../controllers/deployment-util';
import { checkAction } from '../../scenario/validate-actions';

interface Options {
  replicas?: number;
  /** Lines under `spec:` (strategy, minReadySeconds, ...), indented two spaces. */
  spec?: string;
  image?: string;
  /** The container's readiness probe path on nginx's port 80 (`/missing` answers 404). */
  readyPath?: string;
  command?: string;
}

function deployment({ replicas = 3, spec = '', image = 'nginx:1.28', readyPath = '/', command }: Options = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
${spec}  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: app
        image: ${image}
${command ? `        command: ${command}\n` : ''}        readinessProbe: { httpGet: { path: ${readyPath}, port: 80 }, periodSeconds: 2 }
`;
}

const IMAGES = ['nginx:1.28', 'nginx:1.29', 'busybox:1.36', 'redis:7.4'];

function run(manifest: string, actions: SimAction[] = [], until = 120_000): Trace {
  const r = simulate({ manifest, node: { ...DEFAULT_NODE, cachedImages: IMAGES }, actions, seed: 1 }, { until });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.trace;
}

const rollTo = (image: string, at = 30): SimAction => ({ at, kind: 'setImage', deployment: 'web', container: 'app', image });
const scalingEvents = (trace: Trace) => trace.events.filter((e) => e.reason === 'ScalingReplicaSet').map((e) => `${e.t / 1000} ${e.message}`);
const deploy = (trace: Trace, t: number): Deployment => seek(trace, t).deployments[0];
const progressing = (trace: Trace, t: number) => deploy(trace, t).status?.conditions?.find((c) => c.type === 'Progressing');
const rsNames = (trace: Trace, t: number) => seek(trace, t).replicaSets.map((rs) => rs.metadata?.name ?? '');
const rolloutState = (trace: Trace, t: number) => seek(trace, t).machines.find((m) => m.id === 'deployment/web')?.value;

describe('ResolveFenceposts, MaxSurge, MaxUnavailable (deployment_util.go): surge rounds up, unavailable rounds down', () => {
  const d = (replicas: number, surge: number | string, unavailable: number | string, type = 'RollingUpdate'): Deployment => ({
    spec: { replicas, selector: {}, template: {}, strategy: { type, rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } },
  });
  it.each([
    // replicas, maxSurge, maxUnavailable, surge, unavailable
    [3, '25%', '25%', 1, 0],
    [4, '25%', '25%', 1, 1],
    [10, '25%', '25%', 3, 2],
    [10, '30%', '30%', 3, 3],
    [5, 2, 1, 2, 1],
    [1, '0%', '25%', 0, 1], // both resolve to 0: maxUnavailable becomes 1
    [3, 0, 5, 0, 3], // never more unavailable than replicas
    [0, '25%', '25%', 0, 0], // no replicas: nothing may be unavailable
  ] as const)('%i replicas, maxSurge %s, maxUnavailable %s → surge %i, unavailable %i', (replicas, s, u, surge, unavailable) => {
    expect(maxSurge(d(replicas, s, u))).toBe(surge);
    expect(maxUnavailable(d(replicas, s, u))).toBe(unavailable);
  });

  it('Recreate has neither', () => {
    expect([maxSurge(d(3, 1, 1, 'Recreate')), maxUnavailable(d(3, 1, 1, 'Recreate'))]).toEqual([0, 0]);
  });

  it('resolveFenceposts on its own', () => {
    expect(resolveFenceposts('50%', '50%', 3)).toEqual({ surge: 2, unavailable: 1 });
  });
});

describe('NewRSNewReplicas (deployment_util.go): the new ReplicaSet grows up to replicas + maxSurge pods in all', () => {
  const rs = (spec: number): RsCounts => ({ spec, replicas: spec, ready: spec, available: spec });
  const d = (type: string): Deployment => ({
    spec: { replicas: 10, selector: {}, template: {}, strategy: { type, rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } },
  });
  it.each([
    // old spec, new spec → next new spec
    [10, 0, 3],
    [8, 3, 5],
    [8, 5, 5], // 13 pods already: no room
    [0, 9, 10], // never past spec.replicas
  ])('old %i + new %i → new %i', (old, current, next) => {
    expect(newRSNewReplicas(d('RollingUpdate'), [rs(old), rs(current)], rs(current))).toBe(next);
  });
  it('Recreate goes straight to spec.replicas', () => {
    expect(newRSNewReplicas(d('Recreate'), [rs(10), rs(0)], rs(0))).toBe(10);
  });
});

describe('pod-template-hash (controller.ComputeHash + rand.SafeEncodeString): deterministic, the real alphabet', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.28' }] } };
  it('is the decimal FNV-32a encoded in the characters 4-9 b c d f, the same for the same template in any key order', () => {
    const hash = podTemplateHash(template);
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(podTemplateHash({ spec: { containers: [{ image: 'nginx:1.28', name: 'app' }] }, metadata: { labels: { app: 'web' } } })).toBe(hash);
    expect(podTemplateHash({ ...template, spec: { containers: [{ name: 'app', image: 'nginx:1.29' }] } })).not.toBe(hash);
  });
  it('EqualIgnoreHash: templates that differ only by pod-template-hash are the same revision', () => {
    const hashed = { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': podTemplateHash(template) } } };
    expect(equalIgnoreHash(hashed, template)).toBe(true);
    expect(equalIgnoreHash(hashed, { ...template, metadata: { labels: { app: 'api' } } })).toBe(false);
  });
});

describe('a Deployment owns ReplicaSets named <deployment>-<pod-template-hash> (sync.go getNewReplicaSet)', () => {
  const trace = run(deployment());
  const rs = seek(trace, 10_000).replicaSets[0];
  const hash = rs.metadata?.labels?.['pod-template-hash'] ?? '';

  it('creates the ReplicaSet with the hash in its name, labels, selector and template, owned by the Deployment', () => {
    expect(rs.metadata?.name).toBe(`web-${hash}`);
    expect(rs.metadata?.ownerReferences?.[0]).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true });
    expect(rs.spec?.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec?.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata?.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
  });

  it('its pods are named <rs>-<5 letters>, carry the hash label and are owned by the ReplicaSet', () => {
    const pods = seek(trace, 10_000).pods;
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata?.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata?.labels?.['pod-template-hash']).toBe(hash);
      expect(p.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: `web-${hash}`, uid: rs.metadata?.uid });
    }
  });

  it('records ScalingReplicaSet on the Deployment worded as the source ("Scaled up replica set web-HASH from 0 to 3")', () => {
    const e = trace.events.find((x) => x.reason === 'ScalingReplicaSet');
    expect(e).toMatchObject({ t: 0, type: 'Normal', object: 'deployment/web', source: 'deployment-controller', message: `Scaled up replica set web-${hash} from 0 to 3` });
  });

  it('writes status and conditions (calculateStatus, syncRolloutStatus) as the pods become ready', () => {
    expect(deploy(trace, 0).status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(deploy(trace, 0).status?.readyReplicas).toBeUndefined();
    // NewReplicaSetCreated, then at once ReplicaSetUpdated: the ReplicaSet reports its 3 pods.
    expect(deploy(trace, 0).status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "web-${hash}" is progressing.`],
    ]);
    expect(deploy(trace, 10_000).status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(deploy(trace, 10_000).status?.unavailableReplicas).toBeUndefined();
    expect(deploy(trace, 10_000).status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
    expect(deploy(trace, 10_000).metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(rolloutState(trace, 10_000)).toBe('complete');
  });

  it('a deleted pod is replaced by a new pod with a new name (the ReplicaSet, not the Pod, heals)', () => {
    const victim = seek(trace, 10_000).pods[0].metadata?.name ?? '';
    const healed = run(deployment(), [{ at: 20, kind: 'deletePod', pod: victim }]);
    const created = healed.events.filter((e) => e.reason === 'SuccessfulCreate' && e.t === 20_000);
    expect(created).toHaveLength(1);
    expect(created[0].message).toMatch(new RegExp(`^Created pod: web-${hash}-\\w{5}$`));
    expect(created[0].message).not.toContain(victim);
    expect(scalingEvents(healed)).toHaveLength(1);
  });
});

describe('RollingUpdate (rolling.go): scale up as maxSurge allows, scale down as maxUnavailable allows, one step per sync', () => {
  const newHash = (trace: Trace) => rsNames(trace, 119_000)[1];
  const oldHash = (trace: Trace) => rsNames(trace, 119_000)[0];
  it.each([
    {
      rule: 'defaults 25%/25% of 3: surge 1, unavailable 0: a new pod first, an old one goes only when it is available',
      spec: '',
      steps: ['30 up new 0 1', '32 down old 3 2', '32 up new 1 2', '34 down old 2 1', '34 up new 2 3', '36 down old 1 0'],
    },
    {
      rule: 'maxSurge 0, maxUnavailable 1: an old pod goes first, then its replacement comes',
      spec: '  strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } }\n',
      steps: ['30 down old 3 2', '30 up new 0 1', '32 down old 2 1', '32 up new 1 2', '34 down old 1 0', '34 up new 2 3'],
    },
    {
      rule: 'maxSurge 3, maxUnavailable 0: the whole new set at once, the old one once it is available',
      spec: '  strategy: { rollingUpdate: { maxSurge: 3, maxUnavailable: 0 } }\n',
      steps: ['30 up new 0 3', '32 down old 3 0'],
    },
  ])('$rule', ({ spec, steps }) => {
    const trace = run(deployment({ spec }), [rollTo('nginx:1.29')]);
    const [oldRS, newRS] = [oldHash(trace), newHash(trace)];
    const words = steps.map((s) => {
      const [t, dir, which, from, to] = s.split(' ');
      return `${t} Scaled ${dir} replica set ${which === 'new' ? newRS : oldRS} from ${from} to ${to}`;
    });
    expect(scalingEvents(trace).slice(1)).toEqual(words);
  });

  it('never runs more than replicas + maxSurge pods, nor fewer than replicas - maxUnavailable available (10 replicas, 3 / 2)', () => {
    const trace = run(deployment({ replicas: 10, spec: '  strategy: { rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } }\n' }), [rollTo('nginx:1.29')]);
    const during = trace.frames.filter((f) => f.t >= 30_000);
    for (const f of during) {
      const counted = f.replicaSets.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
      const available = f.replicaSets.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
      expect(counted, `t=${f.t}`).toBeLessThanOrEqual(13);
      expect(available, `t=${f.t}`).toBeGreaterThanOrEqual(8);
    }
    expect(scalingEvents(trace)[1]).toBe(`30 Scaled up replica set ${newHash(trace)} from 0 to 3`);
    // 10 available + 3 surge, then 13 - 8 - 3 unavailable new = 2 old may go.
    expect(scalingEvents(trace)[2]).toBe(`30 Scaled down replica set ${oldHash(trace)} from 10 to 8`);
    expect(deploy(trace, 119_000).status).toMatchObject({ replicas: 10, updatedReplicas: 10, availableReplicas: 10, observedGeneration: 2 });
  });

  it('status counts mid-rollout: both ReplicaSets counted, updatedReplicas only the new one; Progressing ReplicaSetUpdated', () => {
    const trace = run(deployment(), [rollTo('nginx:1.29')]);
    expect(deploy(trace, 30_500).status).toMatchObject({ replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1, observedGeneration: 2 });
    expect(progressing(trace, 30_500)).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${newHash(trace)}" is progressing.` });
    expect(rolloutState(trace, 30_500)).toBe('progressing');
    expect(progressing(trace, 40_000)).toMatchObject({ reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${newHash(trace)}" has successfully progressed.` });
    expect(deploy(trace, 40_000).metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(seek(trace, 40_000).replicaSets.map((rs) => [rs.spec?.replicas, rs.metadata?.annotations?.['deployment.kubernetes.io/revision']])).toEqual([
      [0, '1'],
      [3, '2'],
    ]);
    expect(trace.transitions.filter((x) => x.actor === 'deployment/web').map((x) => `${x.t} ${x.event} ${x.to.join()}`)).toEqual([
      '2000 AVAILABLE complete',
      '30000 NEW_REPLICA_SET progressing',
      '36000 AVAILABLE complete',
    ]);
  });
});

describe('progress.go: a rollout that makes no progress for progressDeadlineSeconds is reported ProgressDeadlineExceeded', () => {
  it('new pods that never pass readiness (redis does not serve HTTP on 80): timed out 60 s after the last progress, plus the 1 s requeue', () => {
    const trace = run(deployment({ spec: '  progressDeadlineSeconds: 60\n' }), [rollTo('redis:7.4')], 200_000);
    const newRS = rsNames(trace, 100_000)[1];
    expect(progressing(trace, 30_500)).toMatchObject({ reason: 'ReplicaSetUpdated', lastUpdateTime: '2025-01-01T09:00:30Z' });
    expect(progressing(trace, 90_999)?.reason).toBe('ReplicaSetUpdated');
    expect(progressing(trace, 91_000)).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newRS}" has timed out progressing.`,
      lastTransitionTime: '2025-01-01T09:01:31Z',
    });
    // maxUnavailable 0 kept every old pod: still available, and the controller does not roll back.
    expect(deploy(trace, 150_000).status).toMatchObject({ replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 });
    expect(deploy(trace, 150_000).status?.conditions?.[0]).toMatchObject({ type: 'Available', status: 'True' });
    expect(rolloutState(trace, 91_000)).toBe('failed');
    expect(scalingEvents(trace)).toHaveLength(2);
  });

  it('a first rollout stuck on a failing readiness probe: Available False, timed out at creation + deadline + 1 s', () => {
    const trace = run(deployment({ readyPath: '/missing', spec: '  progressDeadlineSeconds: 30\n' }), [], 60_000);
    expect(progressing(trace, 30_999)?.reason).toBe('ReplicaSetUpdated');
    expect(progressing(trace, 31_000)).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(deploy(trace, 31_000).status?.conditions?.find((c) => c.type === 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
  });
});

describe('recreate.go: Recreate scales every old pod away and creates the new ReplicaSet only once they are gone', () => {
  it('old pods that ignore TERM hold the new ReplicaSet back until they are killed at the end of their 30 s grace period (oldPodsRunning)', () => {
    const sleeper = { image: 'busybox:1.36', command: '["sleep", "3600"]', readyPath: '/', spec: '  strategy: { type: Recreate }\n' };
    const manifest = deployment(sleeper).replace(/ {8}readinessProbe.*\n/, '');
    const trace = run(manifest, [rollTo('busybox:1.37')], 120_000);
    const [oldRS] = rsNames(trace, 10_000);
    expect(scalingEvents(trace).slice(1, 2)).toEqual([`30 Scaled down replica set ${oldRS} from 3 to 0`]);
    const up = trace.events.filter((e) => e.reason === 'ScalingReplicaSet')[2];
    expect(up.message).toMatch(/^Scaled up replica set web-\w+ from 0 to 3$/);
    // Terminal old pods no longer count, even before the API server removes them (a second later).
    // Their 30 s count from the kubelet's kill, when its watch delivered the deletion.
    expect(up.t).toBe(60_000 + KUBELET_WATCH_DELAY_MS);
    expect(rsNames(trace, up.t - 1)).toEqual([oldRS]);
    expect(seek(trace, up.t - 1).pods.map((p) => p.status?.phase)).toEqual(['Running', 'Running', 'Running']);
    const gone = 61_000 + KUBELET_WATCH_DELAY_MS;
    expect(Object.values(trace.deletedAt)).toEqual([gone, gone, gone]);
    expect(seek(trace, 119_000).replicaSets[1].metadata?.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('3');
  });
});

describe('sync.go: scaling, revision history, pause', () => {
  it('scale of a settled Deployment resizes its one active ReplicaSet and its replicas annotations', () => {
    const trace = run(deployment(), [{ at: 20, kind: 'scale', deployment: 'web', replicas: 5 }]);
    const [rs] = rsNames(trace, 30_000);
    expect(scalingEvents(trace)[1]).toBe(`20 Scaled up replica set ${rs} from 3 to 5`);
    expect(seek(trace, 30_000).replicaSets[0].metadata?.annotations).toMatchObject({
      'deployment.kubernetes.io/desired-replicas': '5',
      'deployment.kubernetes.io/max-replicas': '7',
    });
    expect(deploy(trace, 30_000).status).toMatchObject({ replicas: 5, availableReplicas: 5, observedGeneration: 2 });
  });

  it('scale during a stuck rollout shares the new replicas in proportion to max-replicas (GetProportion), leftovers to the largest', () => {
    const trace = run(deployment(), [rollTo('redis:7.4'), { at: 60, kind: 'scale', deployment: 'web', replicas: 5 }]);
    const [oldRS, newRS] = rsNames(trace, 100_000);
    // 5 + 2 surge = 7 allowed, 4 counted: 3 to add; old 3·7/4 → +2, new 1·7/4 → +1.
    expect(scalingEvents(trace).filter((e) => e.startsWith('60 ')).slice(0, 2)).toEqual([
      `60 Scaled up replica set ${oldRS} from 3 to 5`,
      `60 Scaled up replica set ${newRS} from 1 to 2`,
    ]);
  });

  it('revisionHistoryLimit 2 keeps the two newest old ReplicaSets at 0 replicas and deletes the rest (cleanupDeployment)', () => {
    const actions = [rollTo('nginx:1.29', 20), rollTo('nginx:1.28', 40), rollTo('nginx:1.27', 60), rollTo('nginx:1.26', 80)];
    const trace = run(deployment({ spec: '  revisionHistoryLimit: 2\n' }), actions, 150_000);
    const rs = seek(trace, 149_000).replicaSets.map((r) => [r.metadata?.annotations?.['deployment.kubernetes.io/revision'], r.spec?.replicas]);
    // Back to nginx:1.28 at 40 s reuses revision 1's ReplicaSet as revision 3 (FindNewReplicaSet).
    expect(rs).toEqual([
      ['3', 0],
      ['4', 0],
      ['5', 3],
    ]);
    expect(seek(trace, 149_000).replicaSets[0].metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
  });

  it('kubectl rollout undo: the previous revision\'s ReplicaSet becomes the new one, revision 3, its old number in revision-history', () => {
    const trace = run(deployment(), [rollTo('nginx:1.29'), { at: 60, kind: 'rollback', deployment: 'web' }]);
    const [first, second] = rsNames(trace, 50_000);
    expect(scalingEvents(trace).find((e) => e.startsWith('60 '))).toBe(`60 Scaled up replica set ${first} from 0 to 1`);
    expect(seek(trace, 119_000).replicaSets.map((r) => [r.metadata?.name, r.spec?.replicas, r.metadata?.annotations?.['deployment.kubernetes.io/revision']])).toEqual([
      [first, 3, '3'],
      [second, 0, '2'],
    ]);
    expect(seek(trace, 119_000).replicaSets[0].metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
  });

  it('paused: a new template waits (no ReplicaSet), scaling still happens; resume rolls out', () => {
    const trace = run(deployment(), [
      { at: 20, kind: 'pauseRollout', deployment: 'web' },
      rollTo('nginx:1.29'),
      { at: 40, kind: 'scale', deployment: 'web', replicas: 4 },
      { at: 60, kind: 'resumeRollout', deployment: 'web' },
    ]);
    expect(progressing(trace, 25_000)).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    expect(rsNames(trace, 50_000)).toHaveLength(1);
    expect(scalingEvents(trace)[1]).toBe(`40 Scaled up replica set ${rsNames(trace, 50_000)[0]} from 3 to 4`);
    expect(rsNames(trace, 61_000)).toHaveLength(2);
    expect(trace.transitions.filter((x) => x.actor === 'deployment/web').map((x) => `${x.t} ${x.event} ${x.to.join()}`).slice(1, 3)).toEqual([
      '20000 PAUSE paused',
      '60000 RESUME progressing',
    ]);
  });
});

describe('frames and a paused manifest', () => {
  it('frames share the Deployment and ReplicaSet lists while nothing in them changed', () => {
    const trace = run(deployment(), [], 60_000);
    const late = trace.frames.filter((f) => f.t > 10_000);
    expect(late.length).toBeGreaterThan(1);
    for (const f of late) {
      expect(f.deployments).toBe(late[0].deployments);
      expect(f.replicaSets).toBe(late[0].replicaSets);
    }
  });

  it('a Deployment created paused creates no ReplicaSet (sync without createIfNotExisted) until resumed', () => {
    const trace = run(deployment({ spec: '  paused: true\n' }), [{ at: 10, kind: 'resumeRollout', deployment: 'web' }], 30_000);
    expect(seek(trace, 5_000).replicaSets).toEqual([]);
    expect(seek(trace, 5_000).pods).toEqual([]);
    expect(progressing(trace, 5_000)).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused' });
    expect(scalingEvents(trace)[0]).toMatch(/^10 Scaled up replica set web-\w+ from 0 to 3$/);
  });
});

describe('minReadySeconds: a ready pod counts as available only after it (podutil.IsPodAvailable)', () => {
  it('availableReplicas stays 0 for 10 s after the pods are ready, then the rollout completes', () => {
    const trace = run(deployment({ spec: '  minReadySeconds: 10\n' }), [], 30_000);
    expect(deploy(trace, 5_000).status).toMatchObject({ readyReplicas: 3 });
    expect(deploy(trace, 5_000).status?.availableReplicas).toBeUndefined();
    expect(deploy(trace, 12_000).status).toMatchObject({ availableReplicas: 3 });
    expect(progressing(trace, 12_000)?.reason).toBe('NewReplicaSetAvailable');
    expect(seek(trace, 12_000).replicaSets[0].spec?.minReadySeconds).toBe(10);
  });
});

describe('Deployment admission (SetDefaults_Deployment, ValidateDeploymentSpec)', () => {
  it('defaults replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600', () => {
    const trace = run(deployment().replace('  replicas: 3\n', ''), [], 5_000);
    expect(deploy(trace, 0).spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      minReadySeconds: 0,
    });
  });

  it.each([
    ['maxSurge and maxUnavailable both 0', '  strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } }\n', 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    ['both 0%', '  strategy: { rollingUpdate: { maxSurge: "0%", maxUnavailable: "0%" } }\n', 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0'],
    ['a percent without %', '  strategy: { rollingUpdate: { maxSurge: "20percent" } }\n', "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"20percent\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"],
    ['maxUnavailable over 100%', '  strategy: { rollingUpdate: { maxUnavailable: "110%" } }\n', 'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%'],
    ['a negative maxSurge', '  strategy: { rollingUpdate: { maxSurge: -1 } }\n', 'spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0'],
    ['rollingUpdate with Recreate', '  strategy: { type: Recreate, rollingUpdate: { maxSurge: 1 } }\n', "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ['an unknown strategy', '  strategy: { type: BlueGreen }\n', 'spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"'],
    ['a deadline not above minReadySeconds', '  minReadySeconds: 30\n  progressDeadlineSeconds: 30\n', 'spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds'],
    ['a negative revisionHistoryLimit', '  revisionHistoryLimit: -1\n', 'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
  ])('%s', (_rule, spec, message) => {
    const r = admitManifests(deployment({ spec }), 'web.yaml');
    expect(r.ok).toBe(false);
    expect(r.diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([message]);
    expect(r.diagnostics[0].line).toBeGreaterThanOrEqual(7);
  });

  it('the selector must match the template labels', () => {
    const r = admitManifests(deployment().replace('labels: { app: web }', 'labels: { app: api }'), 'web.yaml');
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'web.yaml:8:25: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
    ]);
  });
});

describe('scenario actions for Deployments', () => {
  it.each([
    [{ at: 1, kind: 'scale', deployment: 'web', replicas: 2 }, true],
    [{ at: 1, kind: 'scale', replicaSet: 'web', replicas: 2 }, true],
    [{ at: 1, kind: 'scale', replicas: 2 }, false],
    [{ at: 1, kind: 'scale', replicaSet: 'a', deployment: 'b', replicas: 2 }, false],
    [{ at: 1, kind: 'setImage', deployment: 'web', container: 'app', image: 'nginx:1.29' }, true],
    [{ at: 1, kind: 'setImage', deployment: 'web', image: 'nginx:1.29' }, false],
    [{ at: 1, kind: 'rollback', deployment: 'web', toRevision: 1 }, true],
    [{ at: 1, kind: 'pauseRollout', deployment: 'web' }, true],
    [{ at: 1, kind: 'resumeRollout' }, false],
  ])('%j valid: %s', (action, valid) => {
    const issues: Array<{ path: Array<string | number>; message: string }> = [];
    checkAction(action, [], issues);
    expect(issues.length === 0).toBe(valid);
  });
});
