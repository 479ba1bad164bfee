/**
 * What the engine simulates: a manifest, a node, timed actions and a seed. The scenario layer
 * (src/scenario) adds a version and the view state on top of this and owns the URL/file formats.
 */
import type { CustomImageBehaviour } from '../runtime/sandbox-types';

export interface NodeSettings {
  name: string;
  /** Allocatable resources, in Kubernetes quantity notation: `{ cpu: '2', memory: '4Gi', pods: '110' }`. */
  capacity: { cpu: string; memory: string; pods: string };
  labels: Record<string, string>;
  /** Image references already in the node's cache (normalised or as written). */
  cachedImages: string[];
  /** Pull speed, bytes per virtual second. */
  pullBytesPerSecond: number;
}

/** Actions a person can take on a running simulation, each at a virtual time (seconds). */
export type SimAction =
  | { at: number; kind: 'deletePod'; pod?: string; gracePeriodSeconds?: number }
  | { at: number; kind: 'killContainer'; pod?: string; container: string; how: 'crash' | 'oom'; exitCode?: number }
  | {
      at: number;
      kind: 'setEndpoint';
      pod?: string;
      container: string;
      port: number;
      path?: string;
      /** HTTP status to answer from now on; absent with `timeout: true` means "never answer in time". */
      status?: number;
      timeout?: boolean;
    }
  | { at: number; kind: 'writeFile'; pod?: string; container: string; path: string; content?: string }
  | { at: number; kind: 'removeFile'; pod?: string; container: string; path: string }
  | { at: number; kind: 'setPodCondition'; pod?: string; type: string; status: 'True' | 'False' | 'Unknown' }
  | { at: number; kind: 'setNodeState'; node?: string; state: 'Ready' | 'NotReady' | 'Unreachable' }
  | { at: number; kind: 'nodePressure'; node?: string; resource: 'memory' | 'ephemeral-storage' | 'pid' }
  /** `kubectl scale`: exactly one of a Deployment, a ReplicaSet or a StatefulSet, by name. */
  | { at: number; kind: 'scale'; replicaSet?: string; deployment?: string; statefulSet?: string; replicas: number }
  /** `kubectl set image deployment/NAME CONTAINER=IMAGE` (or a statefulset, a daemonset): a new pod template, so a rollout. */
  | { at: number; kind: 'setImage'; deployment?: string; statefulSet?: string; daemonSet?: string; container: string; image: string }
  /** `kubectl rollout undo deployment/NAME [--to-revision=N]` (default: the previous revision). */
  | { at: number; kind: 'rollback'; deployment: string; toRevision?: number }
  /** `kubectl rollout pause` / `kubectl rollout resume`. */
  | { at: number; kind: 'pauseRollout'; deployment: string }
  | { at: number; kind: 'resumeRollout'; deployment: string }
  | { at: number; kind: 'cordon'; node?: string }
  | { at: number; kind: 'uncordon'; node?: string }
  | { at: number; kind: 'drain'; node?: string }
  /** A node joins the cluster (fields left out take the defaults of a new node). */
  | { at: number; kind: 'addNode'; node: Partial<NodeSettings> & { name: string } }
  /** The node's machine is gone and `kubectl delete node` removes it. */
  | { at: number; kind: 'removeNode'; node: string };

export type SimActionKind = SimAction['kind'];

/**
 * A simulated client outside the pods sending HTTP GETs to a Service's ClusterIP at a steady rate,
 * routed as kube-proxy routes them (see engine/cluster/traffic.ts). Times are virtual seconds.
 */
export interface TrafficSource {
  /** Shown in the Traffic view; default `client-N` (1-based, in list order). */
  name?: string;
  /** The Service's metadata.name (namespace default). */
  service: string;
  /** A Service port, by number or name; default the Service's first port. */
  port?: number | string;
  /** Default `/`. */
  path?: string;
  ratePerSecond: number;
  /** When the client starts (default 0) and stops (default: the end of the run). */
  from?: number;
  until?: number;
  /** The client gives up on an answer after this long (default 1 s, like a probe's timeoutSeconds). */
  timeoutSeconds?: number;
}

export interface SimInput {
  /** One or more YAML documents, as the user wrote them. */
  manifest: string;
  /** File name used in located errors (`pod.yaml:7:5: ...`). */
  fileName?: string;
  /** The first node, and the only one unless `nodes` is given. */
  node: NodeSettings;
  /** Several nodes (the first replaces `node`). Node actions without `node` act on the first. */
  nodes?: NodeSettings[];
  actions: SimAction[];
  /** Seeds every random choice (pod IPs, container IDs, UIDs). */
  seed: number;
  customImages?: CustomImageBehaviour[];
  /** Clients sending requests to Services; every request lands in Trace.requests. */
  traffic?: TrafficSource[];
}

export const DEFAULT_NODE: NodeSettings = {
  name: 'node-1',
  capacity: { cpu: '2', memory: '4Gi', pods: '110' },
  labels: { 'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux' },
  cachedImages: [],
  pullBytesPerSecond: 20 * 1024 * 1024,
};
