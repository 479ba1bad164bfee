/**
 * Every workload controller counts a Pod available as pkg/api/v1/pod/util.go IsPodAvailable does:
 * Ready, and minReadySeconds past the Ready condition's lastTransitionTime as the API stores it, to
 * the second (apimachinery time_proto.go drops the fraction). A controller counts only when it
 * syncs, and nothing about the Pod changes when it becomes available, so the count waits for a
 * re-queue: minReadySeconds after a sync that left Pods short of available (replica_set.go
 * syncReplicaSet: every replica Ready; daemon_controller.go updateDaemonSetStatus: numberReady !=
 * numberAvailable; stateful_set.go syncStatefulSet: availableReplicas != replicas), and
 * minReadySeconds + 1 s after a Pod turned Ready (each controller's updatePod). The work queue keeps
 * the earliest of the delays asked for (client-go util/workqueue delaying_queue.go insert).
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_NODE, seek, simulate, type Frame, type Trace } from '..';
import { formatDiagnostic } from '../../k8s';
import { virtualMs } from '../../k8s/time';

const MIN_READY = 3;
const S = 1000;

const template = (requests = '') => `  minReadySeconds: ${MIN_READY}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 3 }
${requests}`;
const workload = (kind: string, extra = '', requests = '') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata: { name: web }\nspec:\n${extra}${template(requests)}`;

/** When the controller first counts the Pod: from the instant it was seen Ready and the instant it is available from. */
type SyncRule = (readyAt: number, availableFrom: number) => number;
const lookAgainAfterMinReady: SyncRule = (readyAt) => readyAt + MIN_READY * S;

interface Case {
  rule: string;
  manifest: string;
  available: (f: Frame) => number;
  countedAt: SyncRule;
}

const rsAvailable = (f: Frame) => f.replicaSets[0]?.status?.availableReplicas ?? 0;
const CASES: Case[] = [
  {
    rule: 'ReplicaSet: every replica Ready but not available, so it looks again minReadySeconds later',
    manifest: workload('ReplicaSet', '  replicas: 1\n'),
    available: rsAvailable,
    countedAt: lookAgainAfterMinReady,
  },
  {
    rule: 'Deployment: its availableReplicas are its ReplicaSets\'',
    manifest: workload('Deployment', '  replicas: 1\n'),
    available: (f) => f.deployments[0]?.status?.availableReplicas ?? 0,
    countedAt: lookAgainAfterMinReady,
  },
  {
    rule: "Deployment's ReplicaSet: the ReplicaSet controller's rule",
    manifest: workload('Deployment', '  replicas: 1\n'),
    available: rsAvailable,
    countedAt: lookAgainAfterMinReady,
  },
  {
    rule: 'ReplicaSet: not every replica Ready (one cannot be scheduled), so only the Pod turning Ready queues a look, minReadySeconds + 1 s later',
    manifest: workload('ReplicaSet', '  replicas: 2\n', '        resources: { requests: { cpu: 1500m } }\n'),
    available: rsAvailable,
    countedAt: (readyAt) => readyAt + (MIN_READY + 1) * S,
  },
  {
    rule: 'StatefulSet: every sync leaves availableReplicas short of replicas and queues a look minReadySeconds later; the earliest one waiting wins, so they come every minReadySeconds from its first sync',
    manifest: workload('StatefulSet', '  replicas: 1\n  serviceName: web\n'),
    available: (f) => f.statefulSets[0]?.status?.availableReplicas ?? 0,
    countedAt: (_readyAt, from) => Math.ceil(from / (MIN_READY * S)) * MIN_READY * S,
  },
  {
    rule: 'DaemonSet: numberReady differs from numberAvailable, so it looks again minReadySeconds later',
    manifest: workload('DaemonSet'),
    available: (f) => f.daemonSets[0]?.status?.numberAvailable ?? 0,
    countedAt: lookAgainAfterMinReady,
  },
];

function run(manifest: string): Trace {
  const r = simulate({ manifest, node: DEFAULT_NODE, actions: [], seed: 1 }, { until: 60_000 });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.trace;
}

const readyCondition = (pod: Pod | undefined) => pod?.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');

describe('a controller counts a Pod available at its first sync once the Pod has been Ready minReadySeconds, to the second (podutil.IsPodAvailable)', () => {
  it.each(CASES)('$rule', ({ manifest, available, countedAt }) => {
    const trace = run(manifest);
    const readyFrame = trace.frames.find((f) => f.pods.some(readyCondition));
    const since = readyFrame?.pods.map(readyCondition).find(Boolean)?.lastTransitionTime;
    expect(readyFrame && since).toBeTruthy();
    const readyAt = readyFrame?.t ?? 0;
    // nginx is pulled (not cached), so the Pod becomes Ready between two seconds: "to the second" counts.
    expect(readyAt % S).not.toBe(0);
    const from = virtualMs(since ?? '') + MIN_READY * S;
    expect(from).toBeLessThan(readyAt + MIN_READY * S);
    const at = countedAt(readyAt, from);
    expect(at).toBeGreaterThanOrEqual(from);
    expect(available(seek(trace, at - 1))).toBe(0);
    expect(available(seek(trace, at))).toBe(1);
  });
});
