/**
 * What the action form offers at the cursor: which containers run, which endpoints a container
 * answers on (its ports and HTTP probes), which files its exec probes read, the readiness gates,
 * the chosen node's state, the ReplicaSets; and, for each kind of action, whether it makes sense
 * now (and why not).
 */
import type { Container, Pod, Probe } from 'kubernetes-types/core/v1';
import type { SimActionKind } from '../../engine/input';
import type { Frame } from '../../engine/trace-types';
import { formatClock } from '../trace-utils';

export type NodeStateChoice = 'Ready' | 'NotReady' | 'Unreachable';

export interface Endpoint {
  port: number;
  path: string;
  /** Where it comes from ("liveness probe", "port http"). */
  source: string;
}

export interface ActionContext {
  t: number;
  pod: Pod | undefined;
  /** Containers of the spec (init containers first). */
  containers: string[];
  /** Containers whose state is Running at t. */
  running: string[];
  /** The chosen node (the first when none is chosen) as the kubelet reports it (from its node machine), and whether it is cordoned. */
  node: string;
  nodeState: NodeStateChoice;
  unschedulable: boolean;
  /** Pods bound to the chosen node. */
  podsOnNode: number;
  /** ReplicaSets at the cursor. */
  replicaSets: string[];
  /** Deployments at the cursor, whether each is paused, and how many revisions (ReplicaSets) it owns. */
  deployments: Array<{ name: string; paused: boolean; revisions: number }>;
  statefulSets: string[];
  daemonSets: string[];
}

function specContainers(pod: Pod | undefined): Container[] {
  return [...(pod?.spec?.initContainers ?? []), ...(pod?.spec?.containers ?? [])];
}

export function actionContext(
  t: number,
  pod: Pod | undefined,
  frame: Frame | undefined,
  nodeName?: string,
): ActionContext {
  const statuses = [...(pod?.status?.initContainerStatuses ?? []), ...(pod?.status?.containerStatuses ?? [])];
  const node = frame?.nodes.find((n) => n.name === nodeName) ?? frame?.nodes[0];
  const nodeMachine =
    frame?.machines.find((m) => m.id === `node/${node?.name ?? ''}`) ??
    frame?.machines.find((m) => m.machine === 'node');
  const active = nodeMachine?.active ?? ['ready'];
  const nodeState: NodeStateChoice = active.includes('notReady')
    ? 'NotReady'
    : active.includes('silent') || active.includes('unknown')
      ? 'Unreachable'
      : 'Ready';
  return {
    t,
    pod,
    containers: specContainers(pod).map((c) => c.name),
    running: statuses.filter((s) => s.state?.running).map((s) => s.name),
    node: node?.name ?? '',
    nodeState,
    unschedulable: node?.unschedulable ?? false,
    podsOnNode: frame?.pods.filter((p) => p.spec?.nodeName === node?.name).length ?? 0,
    replicaSets: (frame?.replicaSets ?? []).map((rs) => rs.metadata?.name ?? ''),
    deployments: (frame?.deployments ?? []).map((d) => {
      const name = d.metadata?.name ?? '';
      const owned = (frame?.replicaSets ?? []).filter((rs) =>
        (rs.metadata?.ownerReferences ?? []).some((r) => r.kind === 'Deployment' && r.name === name),
      );
      return { name, paused: d.spec?.paused ?? false, revisions: owned.length };
    }),
    statefulSets: (frame?.statefulSets ?? []).map((o) => o.metadata?.name ?? ''),
    daemonSets: (frame?.daemonSets ?? []).map((o) => o.metadata?.name ?? ''),
  };
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

function resolvePort(c: Container, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return port;
  if (port === undefined) return undefined;
  const named = c.ports?.find((p) => p.name === port)?.containerPort;
  return named ?? (/^\d+$/.test(port) ? Number(port) : undefined);
}

/** The HTTP endpoints of a container that a scenario can make answer differently. */
export function endpointsOf(pod: Pod | undefined, container: string): Endpoint[] {
  const c = specContainers(pod).find((x) => x.name === container);
  if (!c) return [];
  const out: Endpoint[] = [];
  for (const key of PROBES) {
    const probe: Probe | undefined = c[key];
    const http = probe?.httpGet;
    const port = resolvePort(c, http?.port);
    if (http && port !== undefined)
      out.push({ port, path: http.path ?? '/', source: `${key.replace('Probe', '')} probe` });
  }
  for (const p of c.ports ?? [])
    if (!out.some((e) => e.port === p.containerPort))
      out.push({ port: p.containerPort, path: '/', source: p.name ? `port ${p.name}` : 'declared port' });
  return out;
}

/** Files a container's exec probes read (`cat /tmp/healthy` → `/tmp/healthy`). */
export function probedFiles(pod: Pod | undefined, container: string): string[] {
  const c = specContainers(pod).find((x) => x.name === container);
  const files: string[] = [];
  for (const key of PROBES) {
    const command = c?.[key]?.exec?.command ?? [];
    for (const word of command.flatMap((w) => w.split(/\s+/)))
      if (word.startsWith('/') && !/^\/(usr\/)?s?bin\//.test(word) && !files.includes(word)) files.push(word);
  }
  return files;
}

export function readinessGates(pod: Pod | undefined): string[] {
  return (pod?.spec?.readinessGates ?? []).map((g) => g.conditionType);
}

/** Why an action of this kind makes no sense at the cursor; undefined when it does. */
export function unavailableReason(kind: SimActionKind, ctx: ActionContext): string | undefined {
  const at = formatClock(ctx.t);
  const noPod = `The pod does not exist at ${at}.`;
  switch (kind) {
    case 'deletePod':
      if (!ctx.pod) return noPod;
      if (ctx.pod.metadata?.deletionTimestamp) return `The pod is already being deleted at ${at}.`;
      return undefined;
    case 'killContainer':
    case 'writeFile':
    case 'removeFile':
      if (!ctx.pod) return noPod;
      if (ctx.running.length === 0)
        return kind === 'killContainer'
          ? `No container is running at ${at}, so there is nothing to kill.`
          : `No container is running at ${at}: files live in a running container's filesystem.`;
      return undefined;
    case 'setEndpoint':
      if (!ctx.pod) return noPod;
      if (!ctx.containers.some((c) => endpointsOf(ctx.pod, c).length > 0))
        return 'No container declares a port or an HTTP probe, so there is no endpoint to change.';
      return undefined;
    case 'setPodCondition':
      return ctx.pod ? undefined : noPod;
    case 'setNodeState':
    case 'nodePressure':
      return undefined;
    case 'cordon':
      return ctx.unschedulable ? `The node is already cordoned at ${at}.` : undefined;
    case 'uncordon':
      return ctx.unschedulable ? undefined : `The node is not cordoned at ${at}.`;
    case 'drain':
      return ctx.podsOnNode > 0 ? undefined : `There is no pod on the node to drain at ${at}.`;
    case 'scale':
      return ctx.replicaSets.length + ctx.deployments.length + ctx.statefulSets.length > 0
        ? undefined
        : `There is no Deployment, StatefulSet or ReplicaSet at ${at}.`;
    case 'setImage':
      return ctx.deployments.length + ctx.statefulSets.length + ctx.daemonSets.length > 0
        ? undefined
        : `There is no Deployment, StatefulSet or DaemonSet at ${at}.`;
    case 'rollback':
    case 'pauseRollout':
    case 'resumeRollout':
      return ctx.deployments.length > 0 ? undefined : `There is no Deployment at ${at}.`;
    default:
      return undefined;
  }
}
