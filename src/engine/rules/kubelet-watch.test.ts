/**
 * The kubelet acts on what is written in the API only when its pod watch delivers it
 * (timing.ts KUBELET_WATCH_DELAY_MS). A deletion is an API write first: a watch client sees the
 * object with deletionTimestamp and the old container statuses before the kubelet's kill changes
 * anything (`kubectl get pods -w` prints `1/1 Terminating` first), then the containers' exit, then
 * the removal; every way a pod is deleted goes the same way. A readiness gate's condition written by
 * another controller is in the API at once; Ready follows when the kubelet has read it.
 * Sources: staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete (deletionTimestamp =
 * now + grace), pkg/kubelet/kubelet.go HandlePodUpdates → pkg/kubelet/pod_workers.go UpdatePod
 * (terminatingAt = the kubelet's now; the grace period is deletionGracePeriodSeconds, a duration,
 * calculateEffectiveGracePeriod), pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer
 * (StopContainer(ctx, id, gracePeriod): TERM, then KILL gracePeriod seconds after that call),
 * pkg/registry/core/pod/strategy.go CheckGracefulDelete (an unscheduled or terminal pod: grace 0),
 * kubectl printers.go printPod (Terminating while deletionTimestamp is set and the phase is not terminal),
 * pkg/kubelet/status/generate.go GeneratePodReadyCondition (gates read from the kubelet's pod).
 */
import { describe, expect, it } from 'vitest';
import { kubeTime, printPodRow } from '../../k8s';
import type { SimAction, Trace } from '..';
import { KUBELET_WATCH_DELAY_MS, KUBELET_SYNC_MS } from '../timing';
import { BUSYBOX, conditionAt, containerAt, eventsOf, onePod, podAt, run } from './builders';

const NGINX = 'nginx:1.27';
const DELETED_AT = 30_000;
/** When the kubelet's watch delivers the deletion and it starts killing. */
const HEARD = DELETED_AT + KUBELET_WATCH_DELAY_MS;

/** `kubectl get pods -w` for the first pod: one row per change of READY and STATUS, and one when it is gone. */
function watch(trace: Trace, from: number): Array<[number, string]> {
  const rows: Array<[number, string]> = [];
  for (const frame of trace.frames) {
    const pod = frame.pods[0];
    const row = pod ? `${printPodRow(pod).ready} ${printPodRow(pod).status}` : 'deleted';
    if (rows.at(-1)?.[1] !== row) rows.push([frame.t, row]);
  }
  return rows.filter(([t]) => t >= from);
}

const nginxPod = onePod({ name: 'web', image: NGINX });
const nginxReplicaSet = `apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: web }
spec:
  replicas: 1
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: app
        image: ${NGINX}
`;

describe('the kubelet hears of a deletion through its watch (kubelet.go HandlePodUpdates, pod_workers.go UpdatePod)', () => {
  // nginx quits at once on its stop signal: without the watch step the deletion instant would already show it gone.
  describe.each([
    { rule: 'kubectl delete pod', manifest: nginxPod, action: { at: DELETED_AT / 1000, kind: 'deletePod' } as SimAction },
    { rule: 'kubectl drain (Eviction API)', manifest: nginxPod, action: { at: DELETED_AT / 1000, kind: 'drain' } as SimAction },
    { rule: 'a ReplicaSet scaled down (replica_set.go manageReplicas)', manifest: nginxReplicaSet, action: { at: DELETED_AT / 1000, kind: 'scale', replicaSet: 'web', replicas: 0 } as SimAction },
  ])('$rule', ({ manifest, action }) => {
    const trace = run(manifest, { cachedImages: [NGINX], until: 40_000, actions: [action] });

    it('the frame at the deletion instant has deletionTimestamp and the containers still running: 1/1 Terminating', () => {
      const pod = podAt(trace, DELETED_AT);
      expect(pod.metadata).toMatchObject({ deletionTimestamp: kubeTime(DELETED_AT + 30_000), deletionGracePeriodSeconds: 30 });
      expect(pod.status?.containerStatuses?.[0].state?.running).toBeDefined();
      expect(printPodRow(pod)).toMatchObject({ ready: '1/1', status: 'Terminating' });
    });

    it('the kubelet kills when the watch delivers it: Killing, the exit, then the removal, in that order', () => {
      expect(eventsOf(trace, 'Killing').map((e) => [e.t, e.message])).toEqual([[HEARD, 'Stopping container app']]);
      // Phase Succeeded once the pod worker is done (kubectl shows the container's reason, not Terminating);
      // the object goes after the relist that sees every container stopped.
      expect(watch(trace, DELETED_AT)).toEqual([
        [DELETED_AT, '1/1 Terminating'],
        [HEARD, '0/1 Completed'],
        [HEARD + KUBELET_SYNC_MS, 'deleted'],
      ]);
    });
  });

  it('a container that ignores TERM gets KILL when the grace period ends, counted from the kubelet\'s kill, not from deletionTimestamp (killContainer → StopContainer)', () => {
    const trace = run(onePod({ grace: 10, body: '    command: ["sleep", "3600"]' }), { cachedImages: [BUSYBOX], until: 30_000, actions: [{ at: 5, kind: 'deletePod' }] });
    const heard = 5_000 + KUBELET_WATCH_DELAY_MS;
    expect(podAt(trace, 5_000).metadata?.deletionTimestamp).toBe(kubeTime(15_000));
    expect(eventsOf(trace, 'Killing').map((e) => e.t)).toEqual([heard]);
    // Past deletionTimestamp the object stays Terminating: nothing in the API enforces it.
    expect(containerAt(trace, heard + 10_000 - 1).state?.running).toBeDefined();
    expect(containerAt(trace, heard + 10_000).state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(trace.deletedAt.demo).toBe(heard + 10_000 + KUBELET_SYNC_MS);
  });

  it.each([
    { rule: 'an unschedulable pod', specExtra: '  nodeSelector: { disk: ssd }', body: '    command: ["sleep", "3600"]', restartPolicy: undefined },
    { rule: 'a pod that already Succeeded', specExtra: undefined, body: '    command: ["true"]', restartPolicy: 'Never' },
  ])('the API server removes $rule at once, without its kubelet (strategy.go CheckGracefulDelete: grace 0)', ({ specExtra, body, restartPolicy }) => {
    const trace = run(onePod({ specExtra, body, restartPolicy }), { cachedImages: [BUSYBOX], until: 20_000, actions: [{ at: 10, kind: 'deletePod' }] });
    expect(trace.deletedAt.demo).toBe(10_000);
    expect(eventsOf(trace, 'Killing')).toEqual([]);
  });

  it('a node that stops reporting misses the deletion; its kubelet acts once it reports again, after the same watch delay', () => {
    const trace = run(onePod({ body: '    command: ["sleep", "3600"]' }), {
      cachedImages: [BUSYBOX],
      until: 60_000,
      actions: [
        { at: 10, kind: 'setNodeState', state: 'Unreachable' },
        { at: 20, kind: 'deletePod' },
        { at: 40, kind: 'setNodeState', state: 'Ready' },
      ],
    });
    expect(eventsOf(trace, 'Killing').map((e) => e.t)).toEqual([40_000 + KUBELET_WATCH_DELAY_MS]);
  });

  it('a readiness gate set True in the API: Ready follows once the kubelet\'s watch delivered it', () => {
    const GATE = 'example.com/feature-1';
    const trace = run(onePod({ specExtra: `  readinessGates:\n  - conditionType: "${GATE}"`, body: '    command: ["sleep", "3600"]' }), {
      cachedImages: [BUSYBOX],
      until: 20_000,
      actions: [{ at: 10, kind: 'setPodCondition', type: GATE, status: 'True' }],
    });
    expect(conditionAt(trace, 10_000, GATE)?.status).toBe('True');
    expect(conditionAt(trace, 10_000, 'Ready')).toMatchObject({ status: 'False', reason: 'ReadinessGatesNotReady' });
    expect(conditionAt(trace, 10_000 + KUBELET_WATCH_DELAY_MS, 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: kubeTime(10_000 + KUBELET_WATCH_DELAY_MS) });
  });
});
