/**
 * The pod's conditions end to end: the five the kubelet owns, in the order generateAPIPodStatus
 * appends them, lastProbeTime null, lastTransitionTime moving only when a status changes, the
 * ContainersNotReady reason and message, PodCompleted once the pod succeeded.
 * Sources: pkg/kubelet/kubelet_pods.go (generateAPIPodStatus: PodReadyToStartContainers, Initialized,
 * Ready, ContainersReady, then PodScheduled), pkg/kubelet/status/generate.go
 * (GenerateContainersReadyCondition, GeneratePodReadyCondition, GeneratePodInitializedCondition:
 * "containers with unready status: %s", PodCompleted), pkg/kubelet/status/status_manager.go
 * (updateLastTransitionTime), src/engine/status/conditions.ts.
 */
import { describe, expect, it } from 'vitest';
import { kubeTime } from '../../k8s';
import { conditionAt, onePod, podAt, run } from './builders';

const cached = ['busybox:1.36'];
const ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

// Sandbox at 1 s, container at 1 s; the readiness file appears at 4 s, the probe (every 2 s) sees it at 4 s.
const ready = run(
  onePod({
    body: '    command: ["sh", "-c", "sleep 3; touch /tmp/ready; sleep 3600"]\n    readinessProbe:\n      exec:\n        command: ["cat", "/tmp/ready"]\n      periodSeconds: 2',
  }),
  { cachedImages: cached, until: 20_000 },
);
// restartPolicy Never, exits 0 after 2 s: Succeeded.
const completed = run(onePod({ restartPolicy: 'Never', body: '    command: ["sh", "-c", "sleep 2"]' }), { cachedImages: cached, until: 20_000 });

describe('the five kubelet conditions, in generateAPIPodStatus order', () => {
  it.each([0, 1_000, 4_000, 15_000])('at %d ms: %j', (t) => {
    expect(podAt(ready, t).status?.conditions?.map((c) => c.type)).toEqual(ORDER);
  });

  it('every condition has lastProbeTime null (the kubelet never probes conditions)', () => {
    for (const frame of ready.frames) for (const c of frame.pods[0]?.status?.conditions ?? []) expect(c.lastProbeTime).toBeNull();
  });
});

describe('status, reason and message over time (generate.go)', () => {
  it.each([
    { t: 500, type: 'PodReadyToStartContainers', status: 'False', reason: undefined, message: undefined, since: 0 },
    { t: 1_000, type: 'PodReadyToStartContainers', status: 'True', reason: undefined, message: undefined, since: 1_000 },
    { t: 1_000, type: 'Initialized', status: 'True', reason: undefined, message: undefined, since: 0 },
    { t: 2_000, type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', since: 0 },
    // Ready copies ContainersReady while that is not True.
    { t: 2_000, type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]', since: 0 },
    { t: 4_000, type: 'ContainersReady', status: 'True', reason: undefined, message: undefined, since: 4_000 },
    { t: 4_000, type: 'Ready', status: 'True', reason: undefined, message: undefined, since: 4_000 },
    { t: 15_000, type: 'PodScheduled', status: 'True', reason: undefined, message: undefined, since: 0 },
  ])('$type at $t ms: $status $reason', ({ t, type, status, reason, message, since }) => {
    const c = conditionAt(ready, t, type);
    expect(c).toMatchObject({ status, lastTransitionTime: kubeTime(since) });
    expect(c?.reason).toBe(reason);
    expect(c?.message).toBe(message);
  });
});

describe('lastTransitionTime changes only when the status changes (status_manager.go updateLastTransitionTime)', () => {
  it.each(ORDER)('%s: across every frame, a new lastTransitionTime comes with a new status', (type) => {
    let prev: { status: string; lastTransitionTime?: string } | undefined;
    for (const frame of ready.frames) {
      const c = frame.pods[0]?.status?.conditions?.find((x) => x.type === type);
      if (!c) continue;
      if (prev && prev.status === c.status) expect(c.lastTransitionTime).toBe(prev.lastTransitionTime);
      if (prev && prev.status !== c.status) expect(c.lastTransitionTime).toBe(kubeTime(frame.t));
      prev = { status: c.status, lastTransitionTime: c.lastTransitionTime };
    }
  });
});

describe('after success: PodCompleted (generate.go: podPhase == v1.PodSucceeded)', () => {
  it('phase Succeeded', () => {
    expect(podAt(completed, 10_000).status?.phase).toBe('Succeeded');
  });

  it.each([
    { type: 'Ready', status: 'False', reason: 'PodCompleted' },
    { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' },
    // GeneratePodInitializedCondition returns True with reason PodCompleted for a succeeded pod.
    { type: 'Initialized', status: 'True', reason: 'PodCompleted' },
    { type: 'PodScheduled', status: 'True', reason: undefined },
  ])('$type $status $reason', ({ type, status, reason }) => {
    const c = conditionAt(completed, 10_000, type);
    expect(c?.status).toBe(status);
    expect(c?.reason).toBe(reason);
    expect(c?.message).toBeUndefined();
  });

  it('Initialized keeps its lastTransitionTime (True before and after): only the reason changed', () => {
    expect(conditionAt(completed, 10_000, 'Initialized')?.lastTransitionTime).toBe(conditionAt(completed, 1_500, 'Initialized')?.lastTransitionTime);
  });
});
