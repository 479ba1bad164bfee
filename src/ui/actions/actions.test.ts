import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, simulate, type SimAction, type Trace } from '../../engine';
import { findPod, seekFrame } from '../trace-utils';
import { actionLane, withActionLane } from './action-lane';
import { actionContext, endpointsOf, probedFiles, readinessGates, unavailableReason } from './availability';
import { describeAction } from './describe';
import { clusterFrame, RS } from '../fixtures/cluster-frame';

function run(fixture: string, actions: SimAction[] = [], until = 60_000): Trace {
  const manifest = readFileSync(new URL(`../../k8s/fixtures/docs/${fixture}`, import.meta.url), 'utf8');
  const result = simulate({ manifest, node: DEFAULT_NODE, actions, seed: 1 }, { until });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.trace;
}

function ctxAt(trace: Trace, t: number, pod: string) {
  const frame = seekFrame(trace, t);
  return actionContext(t, findPod(frame, pod), frame);
}

describe('what the action form offers', () => {
  const http = run('probe/http-liveness.yaml');
  const pod = findPod(seekFrame(http, 10_000), 'liveness-http');

  it('an HTTP probe is an endpoint to change', () => {
    expect(endpointsOf(pod, 'liveness')).toEqual([{ port: 8080, path: '/healthz', source: 'liveness probe' }]);
    expect(endpointsOf(pod, 'nope')).toEqual([]);
  });

  it('an exec probe names the file it reads', () => {
    const exec = run('probe/exec-liveness.yaml', [], 10_000);
    const p = findPod(seekFrame(exec, 8000), 'liveness-exec');
    expect(probedFiles(p, 'liveness')).toEqual(['/tmp/healthy']);
    expect(readinessGates(p)).toEqual([]);
  });

  it('kill needs a running container', () => {
    expect(unavailableReason('killContainer', ctxAt(http, 500, 'liveness-http'))).toMatch(/No container is running at 0.5s/);
    expect(unavailableReason('killContainer', ctxAt(http, 10_000, 'liveness-http'))).toBeUndefined();
    expect(unavailableReason('writeFile', ctxAt(http, 500, 'liveness-http'))).toMatch(/filesystem/);
  });

  it('the node state and cordon follow the run', () => {
    const cordoned = run('probe/http-liveness.yaml', [{ at: 5, kind: 'cordon' }, { at: 6, kind: 'setNodeState', state: 'NotReady' }], 10_000);
    expect(ctxAt(cordoned, 4000, 'liveness-http').nodeState).toBe('Ready');
    expect(unavailableReason('cordon', ctxAt(cordoned, 4000, 'liveness-http'))).toBeUndefined();
    expect(unavailableReason('cordon', ctxAt(cordoned, 8000, 'liveness-http'))).toMatch(/already cordoned/);
    expect(ctxAt(cordoned, 8000, 'liveness-http').nodeState).toBe('NotReady');
  });

  it('a deleted pod cannot be deleted again', () => {
    const deleted = run('simple-pod.yaml', [{ at: 10, kind: 'deletePod' }], 60_000);
    expect(unavailableReason('deletePod', ctxAt(deleted, 5000, 'nginx'))).toBeUndefined();
    expect(unavailableReason('deletePod', ctxAt(deleted, 59_000, 'nginx'))).toMatch(/does not exist/);
  });
});

describe('actions in words and on the timeline', () => {
  const actions: SimAction[] = [
    { at: 1, kind: 'deletePod', pod: 'p', gracePeriodSeconds: 5 },
    { at: 2, kind: 'killContainer', container: 'app', how: 'crash', exitCode: 3 },
    { at: 3, kind: 'killContainer', container: 'app', how: 'oom' },
    { at: 4, kind: 'setEndpoint', container: 'app', port: 8080, path: '/healthz', status: 200 },
    { at: 5, kind: 'setEndpoint', container: 'app', port: 8080, path: '/healthz', timeout: true },
    { at: 6, kind: 'writeFile', container: 'app', path: '/tmp/healthy', content: 'ok' },
    { at: 7, kind: 'removeFile', container: 'app', path: '/tmp/healthy' },
    { at: 8, kind: 'setPodCondition', type: 'example.com/gate', status: 'True' },
    { at: 9, kind: 'setNodeState', state: 'Unreachable' },
    { at: 10, kind: 'nodePressure', resource: 'memory' },
    { at: 11, kind: 'cordon' },
    { at: 12, kind: 'drain' },
  ];

  it('says each kind in a sentence', () => {
    expect(actions.map(describeAction)).toEqual([
      'kubectl delete pod p --grace-period=5',
      'container app crashes with exit code 3',
      'container app is OOM-killed',
      'port 8080/healthz of app answers 200',
      'port 8080/healthz of app stops answering (times out)',
      'create /tmp/healthy in app containing "ok"',
      'remove /tmp/healthy from app',
      'set condition example.com/gate to True',
      'the node becomes unreachable (the kubelet stops posting status)',
      'the node comes under memory pressure',
      'kubectl cordon (the node is marked unschedulable)',
      'kubectl drain --ignore-daemonsets (cordon, then evict the pods)',
    ]);
  });

  it('draws one star per action, under the phase lane', () => {
    const lane = actionLane(actions.slice(0, 2));
    expect(lane.marks).toEqual([
      { t: 1000, kind: 'action', label: 'Your action: kubectl delete pod p --grace-period=5' },
      { t: 2000, kind: 'action', label: 'Your action: container app crashes with exit code 3' },
    ]);
    const phase = { id: 'phase', group: 'phase' as const, title: 'Phase', segments: [], marks: [] };
    expect(withActionLane([phase], []).map((l) => l.id)).toEqual(['phase']);
    expect(withActionLane([phase], actions).map((l) => l.id)).toEqual(['phase', 'actions']);
  });
});

describe('cluster actions: a named node, uncordon, scale', () => {
  it.each([
    { a: { at: 1, kind: 'cordon', node: 'node-2' }, text: 'kubectl cordon node-2 (the node is marked unschedulable)' },
    { a: { at: 1, kind: 'uncordon' }, text: 'kubectl uncordon (the node is schedulable again)' },
    { a: { at: 1, kind: 'drain', node: 'node-2' }, text: 'kubectl drain node-2 --ignore-daemonsets (cordon, then evict the pods)' },
    { a: { at: 1, kind: 'setNodeState', node: 'node-2', state: 'NotReady' }, text: 'the kubelet reports node node-2 NotReady' },
    { a: { at: 1, kind: 'nodePressure', node: 'node-2', resource: 'pid' }, text: 'node node-2 comes under PID pressure' },
    { a: { at: 1, kind: 'scale', replicaSet: 'web', replicas: 5 }, text: 'kubectl scale replicaset web --replicas=5' },
    { a: { at: 1, kind: 'scale', deployment: 'web', replicas: 5 }, text: 'kubectl scale deployment/web --replicas=5' },
    { a: { at: 1, kind: 'setImage', deployment: 'web', container: 'nginx', image: 'nginx:1.28' }, text: 'kubectl set image deployment/web nginx=nginx:1.28' },
    { a: { at: 1, kind: 'rollback', deployment: 'web', toRevision: 1 }, text: 'kubectl rollout undo deployment/web --to-revision=1' },
    { a: { at: 1, kind: 'pauseRollout', deployment: 'web' }, text: 'kubectl rollout pause deployment/web' },
    { a: { at: 1, kind: 'scale', statefulSet: 'db', replicas: 2 }, text: 'kubectl scale statefulset db --replicas=2' },
    { a: { at: 1, kind: 'setImage', daemonSet: 'agent', container: 'a', image: 'busybox:1.37' }, text: 'kubectl set image daemonset/agent a=busybox:1.37' },
    { a: { at: 1, kind: 'resumeRollout', deployment: 'web' }, text: 'kubectl rollout resume deployment/web' },
  ] as Array<{ a: SimAction; text: string }>)('$text', ({ a, text }) => {
    expect(describeAction(a)).toBe(text);
  });

  it('the context follows the chosen node: cordon, pods on it; uncordon only when cordoned', () => {
    const node2 = actionContext(30_000, undefined, clusterFrame, 'node-2');
    expect([node2.node, node2.unschedulable, node2.podsOnNode]).toEqual(['node-2', true, 2]);
    expect(unavailableReason('uncordon', node2)).toBeUndefined();
    expect(unavailableReason('cordon', node2)).toMatch(/already cordoned/);
    const node1 = actionContext(30_000, undefined, clusterFrame, 'node-1');
    expect(unavailableReason('uncordon', node1)).toMatch(/not cordoned/);
    expect(actionContext(30_000, undefined, clusterFrame).node).toBe('node-1');
  });

  it('a Deployment in the context: paused or not, how many revisions (ReplicaSets) it owns', () => {
    const ctx = actionContext(0, undefined, clusterFrame);
    expect(ctx.deployments).toEqual([{ name: 'web', paused: false, revisions: 1 }]);
    expect([ctx.statefulSets, ctx.daemonSets]).toEqual([['db'], []]);
  });

  it('scale needs a ReplicaSet; drain needs a pod on the node', () => {
    const ctx = actionContext(30_000, undefined, clusterFrame, 'node-1');
    expect(ctx.replicaSets).toEqual([RS]);
    expect(unavailableReason('scale', ctx)).toBeUndefined();
    expect(unavailableReason('scale', actionContext(0, undefined, { ...clusterFrame, replicaSets: [] }))).toBeUndefined();
    const none = { ...clusterFrame, replicaSets: [], deployments: [], statefulSets: [] };
    expect(unavailableReason('scale', actionContext(0, undefined, { ...none, statefulSets: clusterFrame.statefulSets }))).toBeUndefined();
    expect(unavailableReason('scale', actionContext(0, undefined, none))).toMatch(/no Deployment, StatefulSet or ReplicaSet/);
    expect(unavailableReason('setImage', actionContext(0, undefined, none))).toMatch(/no Deployment, StatefulSet or DaemonSet/);
    expect(unavailableReason('rollback', actionContext(0, undefined, { ...clusterFrame, deployments: [] }))).toMatch(/no Deployment at/);
    expect(unavailableReason('drain', actionContext(0, undefined, { ...clusterFrame, pods: [] }))).toMatch(/no pod on the node/);
  });
});
