/**
 * Shared builders for the engine's rule tests (src/engine/rules/*.test.ts): run a manifest through
 * simulate with the default node and seed 1, then read events, frames and kubectl's STATUS.
 */
import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { podStatusReason } from '../../k8s';
import type { SimEvent } from '../../k8s/events';
import type { CustomImageBehaviour } from '../../runtime/sandbox-types';
import { DEFAULT_NODE, seek, simulate, type NodeSettings, type SimAction, type SimInput, type Trace } from '..';

export const SEED = 1;

export interface RunOptions {
  actions?: SimAction[];
  cachedImages?: string[];
  customImages?: CustomImageBehaviour[];
  node?: Partial<NodeSettings>;
  /** Several nodes (the first is also `node`). */
  nodes?: NodeSettings[];
  /** Virtual milliseconds to simulate (default 120 s). */
  until?: number;
}

export function input(manifest: string, opts: RunOptions = {}): SimInput {
  return {
    manifest,
    node: opts.nodes?.[0] ?? { ...DEFAULT_NODE, cachedImages: opts.cachedImages ?? [], ...opts.node },
    ...(opts.nodes ? { nodes: opts.nodes } : {}),
    actions: opts.actions ?? [],
    seed: SEED,
    ...(opts.customImages ? { customImages: opts.customImages } : {}),
  };
}

/** simulate() that must succeed. */
export function run(manifest: string, opts: RunOptions = {}): Trace {
  const result = simulate(input(manifest, opts), { until: opts.until ?? 120_000 });
  if (!result.ok) throw new Error(`simulate failed: ${JSON.stringify(result.diagnostics)}`);
  return result.trace;
}

/** The first pod in the frame in force at t (ms); throws when it is gone. */
export function podAt(trace: Trace, t: number, name?: string): Pod {
  const pods = seek(trace, t).pods;
  const pod = name ? pods.find((p) => p.metadata?.name === name) : pods[0];
  if (!pod) throw new Error(`no pod at ${t} ms`);
  return pod;
}

export function statusAt(trace: Trace, t: number): string {
  return podStatusReason(podAt(trace, t));
}

export function containerAt(trace: Trace, t: number, name = 'app'): ContainerStatus {
  const status = podAt(trace, t).status;
  const all = [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])];
  const found = all.find((c) => c.name === name);
  if (!found) throw new Error(`no status for container ${name} at ${t} ms`);
  return found;
}

export function conditionAt(trace: Trace, t: number, type: string): PodCondition | undefined {
  return podAt(trace, t).status?.conditions?.find((c) => c.type === type);
}

export function eventsOf(trace: Trace, reason?: string, fieldPath?: string): SimEvent[] {
  return trace.events.filter((e) => (reason === undefined || e.reason === reason) && (fieldPath === undefined || e.fieldPath === fieldPath));
}

/** Times (ms) of the events with this reason (and field path). */
export function timesOf(trace: Trace, reason: string, fieldPath?: string): number[] {
  return eventsOf(trace, reason, fieldPath).map((e) => e.t);
}

/** `NAME_NAMESPACE(UID)` as the kubelet writes it in back-off messages (format.Pod). */
export function podRef(trace: Trace): string {
  const pod = trace.frames.flatMap((f) => f.pods)[0];
  return `${pod?.metadata?.name ?? ''}_${pod?.metadata?.namespace ?? ''}(${pod?.metadata?.uid ?? ''})`;
}

/** Each change of kubectl's STATUS column with the time it happened (ms). */
export function statusChanges(trace: Trace): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (const frame of trace.frames) {
    const pod = frame.pods[0];
    const status = pod ? podStatusReason(pod) : 'GONE';
    if (out.length === 0 || out[out.length - 1][1] !== status) out.push([frame.t, status]);
  }
  return out;
}

/** Successive differences of a list of times. */
export function gaps(times: number[]): number[] {
  return times.slice(1).map((t, i) => t - times[i]);
}

/** A one-container pod (container `app`) with the given container body lines (indented under `- name: app`). */
export function onePod(opts: { name?: string; restartPolicy?: string; grace?: number; image?: string; body?: string; specExtra?: string }): string {
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${opts.name ?? 'demo'}`,
    'spec:',
    ...(opts.restartPolicy ? [`  restartPolicy: ${opts.restartPolicy}`] : []),
    ...(opts.grace !== undefined ? [`  terminationGracePeriodSeconds: ${opts.grace}`] : []),
    ...(opts.specExtra ? [opts.specExtra.replace(/\n$/, '')] : []),
    '  containers:',
    '  - name: app',
    `    image: ${opts.image ?? 'busybox:1.36'}`,
    ...(opts.body ? [opts.body.replace(/\n$/, '')] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** busybox:1.36 size 2.2 MB at the default 20 MiB/s: 500 ms + round(2.2e6 / 20971520 s) = 605 ms. */
export const BUSYBOX_PULL_MS = 605;
/** The sandbox takes 1 s (timing.ts SANDBOX_CREATE_MS). */
export const SANDBOX_MS = 1_000;
export const BUSYBOX = 'busybox:1.36';

/** Two init containers (init-a: `sleep 3` unless given, init-b: `sleep 4`) before `app` (nginx:1.27 unless given). */
export const initPod = (opts: { restartPolicy?: string; initA?: string; app?: string }) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: init-demo',
    'spec:',
    ...(opts.restartPolicy ? [`  restartPolicy: ${opts.restartPolicy}`] : []),
    '  initContainers:',
    '  - name: init-a',
    '    image: busybox:1.36',
    `    command: ["sh", "-c", "${opts.initA ?? 'sleep 3'}"]`,
    '  - name: init-b',
    '    image: busybox:1.36',
    '    command: ["sh", "-c", "sleep 4"]',
    '  containers:',
    '  - name: app',
    `    image: ${opts.app ?? 'nginx:1.27'}`,
    '',
  ].join('\n');

/** Two sidecars `log` and `proxy` (busybox `sleep 3600`, ignoring TERM) and `app`; restartPolicy Never, grace 5 s. */
export const sidecarPod = (appCommand: string) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: sidecars',
    'spec:',
    '  restartPolicy: Never',
    '  terminationGracePeriodSeconds: 5',
    '  initContainers:',
    '  - name: log',
    '    image: busybox:1.36',
    '    restartPolicy: Always',
    '    command: ["sleep", "3600"]',
    '  - name: proxy',
    '    image: busybox:1.36',
    '    restartPolicy: Always',
    '    command: ["sleep", "3600"]',
    '  containers:',
    '  - name: app',
    '    image: busybox:1.36',
    `    command: ["sh", "-c", "${appCommand}"]`,
    '',
  ].join('\n');

/** A PriorityClass document (scheduling.k8s.io/v1), with `extra` lines (`preemptionPolicy: Never\n`), then `---`. */
export const priorityClassYaml = (name: string, value: number, extra = '') =>
  `apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: { name: ${name} }\nvalue: ${value}\n${extra}---\n`;

/** low 100, mid 500, high 1000. */
export const PRIORITY_CLASSES = priorityClassYaml('low', 100) + priorityClassYaml('mid', 500) + priorityClassYaml('high', 1000);

/**
 * A ReplicaSet of busybox pods (`sleep 3600`, grace 5 s) requesting `memory`, with a PriorityClass
 * and a node to stay on, then `---`.
 */
export const priorityReplicaSet = (name: string, opts: { replicas?: number; memory: string; priorityClass?: string; node?: string }) => `apiVersion: apps/v1
kind: ReplicaSet
metadata: { name: ${name} }
spec:
  replicas: ${opts.replicas ?? 1}
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
${opts.priorityClass ? `      priorityClassName: ${opts.priorityClass}\n` : ''}${opts.node ? `      nodeSelector: { kubernetes.io/hostname: ${opts.node} }\n` : ''}      terminationGracePeriodSeconds: 5
      containers:
      - name: app
        image: busybox:1.36
        command: ["sleep", "3600"]
        resources: { requests: { memory: ${opts.memory} } }
---
`;
