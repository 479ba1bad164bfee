/**
 * Every workload controller counts a Pod available as pkg/api/v1/pod/util.go IsPodAvailable does:
 * Ready, and minReadySeconds past the Ready condition's lastTransitionTime as the API stores it, to
 * the second (apimachinery time_proto.go drops the fraction). Sources: replica_set_utils.go
 * calculateStatus, deployment sync.go calculateStatus, stateful_set_utils.go isRunningAndReady /
 * stateful_set_control.go, daemon_controller.go updateDaemonSetStatus.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_NODE, seek, simulate, type Frame, type Trace } from '..';
import { formatDiagnostic } from '../../k8s';
import { virtualMs } from '../../k8s/time';

const MIN_READY = 3;

const template = `  minReadySeconds: ${MIN_READY}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 3 }
`;
const workload = (kind: string, extra = '') => `apiVersion: apps/v1\nkind: ${kind}\nmetadata: { name: web }\nspec:\n${extra}${template}`;

const CASES: Array<{ kind: string; manifest: string; available: (f: Frame) => number }> = [
  { kind: 'ReplicaSet', manifest: workload('ReplicaSet', '  replicas: 1\n'), available: (f) => f.replicaSets[0]?.status?.availableReplicas ?? 0 },
  { kind: 'Deployment', manifest: workload('Deployment', '  replicas: 1\n'), available: (f) => f.deployments[0]?.status?.availableReplicas ?? 0 },
  { kind: "Deployment's ReplicaSet", manifest: workload('Deployment', '  replicas: 1\n'), available: (f) => f.replicaSets[0]?.status?.availableReplicas ?? 0 },
  { kind: 'StatefulSet', manifest: workload('StatefulSet', '  replicas: 1\n  serviceName: web\n'), available: (f) => f.statefulSets[0]?.status?.availableReplicas ?? 0 },
  { kind: 'DaemonSet', manifest: workload('DaemonSet'), available: (f) => f.daemonSets[0]?.status?.numberAvailable ?? 0 },
];

function run(manifest: string): Trace {
  const r = simulate({ manifest, node: DEFAULT_NODE, actions: [], seed: 1 }, { until: 60_000 });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.trace;
}

// nginx is pulled (not cached), so the Pod becomes Ready between two seconds.
const readyCondition = (pod: Pod | undefined) => pod?.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');

describe('a Pod is available minReadySeconds after its Ready lastTransitionTime, to the second (podutil.IsPodAvailable)', () => {
  it.each(CASES)('$kind', ({ manifest, available }) => {
    const trace = run(manifest);
    const readyFrame = trace.frames.find((f) => readyCondition(f.pods[0]));
    const since = readyCondition(readyFrame?.pods[0])?.lastTransitionTime;
    expect(readyFrame && since).toBeTruthy();
    // The case only tells "to the second" from "from the instant it was seen Ready" when they differ.
    expect((readyFrame?.t ?? 0) % 1000).not.toBe(0);
    const at = virtualMs(since ?? '') + MIN_READY * 1000;
    expect(at).toBeLessThan((readyFrame?.t ?? 0) + MIN_READY * 1000);
    expect(available(seek(trace, at - 1))).toBe(0);
    expect(available(seek(trace, at))).toBe(1);
  });
});
