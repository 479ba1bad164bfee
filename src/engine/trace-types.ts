/**
 * The engine's output: a Trace of every transition, every Kubernetes Event, and a Frame after each
 * step (each virtual instant at which something happened). Views read Frames; they never talk to
 * the engine. Frames share unchanged objects with the frame before them, so a long run stays small.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { NodeSettings } from './input';
import type { SimEvent } from '../k8s/events';
import type { Diagnostic } from '../k8s/admission-types';
import type { LogLine } from '../runtime/types';

/** Which machine an actor runs (the UI draws that machine's definition). */
export type MachineKind = 'pod' | 'container' | 'probe' | 'node' | 'deployment' | 'statefulset';

/** A machine's active state at one instant. `value` is XState's state value. */
export interface MachineState {
  /** Stable actor id: `pod/NAME`, `pod/NAME/container/app`, `pod/NAME/container/app/probe/liveness`, `node/node-1`, `deployment/NAME`, `statefulset/web`. */
  id: string;
  machine: MachineKind;
  /** XState state value, e.g. `{ waiting: 'crashLoopBackOff' }` or `{ ticker: 'ticking', prober: 'idle' }`. */
  value: unknown;
  /** Dotted paths of every active state node, e.g. `['waiting', 'waiting.crashLoopBackOff']`. */
  active: string[];
}

/** One transition an actor took (from the XState inspection stream). */
export interface TransitionRecord {
  t: number;
  actor: string;
  /** The event that caused it (`EXITED`, `xstate.after.10000...` shown as `after 10s`). */
  event: string;
  /** Active state paths before and after. */
  from: string[];
  to: string[];
}

/** A probe that was sent, and what came back. */
export interface ProbeRecord {
  t: number;
  pod: string;
  container: string;
  probe: 'liveness' | 'readiness' | 'startup';
  result: 'success' | 'failure' | 'warning';
  output: string;
  /** The request and the answer ("GET http://10.244.0.5:8080/healthz → 500"). */
  detail: string;
  /** Milliseconds the answer took (a timeout shows timeoutSeconds). */
  tookMs: number;
}

export interface Frame {
  /** Virtual milliseconds since the scenario started. */
  t: number;
  /** Every Pod as the API server would return it at t (deleted pods are gone). */
  pods: Pod[];
  /** Services of the scenario (ClusterIP allocated) and their EndpointSlices at t. */
  services: Service[];
  endpointSlices: EndpointSlice[];
  /** Workloads with the status their controllers write. */
  replicaSets: ReplicaSet[];
  deployments: Deployment[];
  statefulSets: StatefulSet[];
  daemonSets: DaemonSet[];
  machines: MachineState[];
  /** Every node as the control plane sees it, in the scenario's order. */
  nodes: NodeFrame[];
  /** How many of trace.events / transitions / probes had happened by t (views slice with these). */
  eventCount: number;
  transitionCount: number;
  probeCount: number;
  requestCount: number;
}

/** A node as the control plane sees it: its Ready condition, cordon, taints and what it offers. */
export interface NodeFrame {
  name: string;
  ready: 'True' | 'False' | 'Unknown';
  unschedulable: boolean;
  taints: string[];
  labels: Record<string, string>;
  capacity: NodeSettings['capacity'];
  /** Virtual ms at which the node joined (an addNode action); absent: it was there from the start. */
  createdAt?: number;
}

/** A Score plugin's name and its normalized score (0–100) for one node. */
export interface NodeScore {
  node: string;
  plugins: Record<string, number>;
  /** Σ weight × score. */
  total: number;
}

/** Why the scheduler put a pod where it did (or nowhere): each node's filter verdict and score. */
export interface SchedulingDecision {
  t: number;
  pod: string;
  /** The chosen node; absent when the pod stayed Pending. */
  node?: string;
  /** Every node: the reasons its first failing filter gave (empty when it fit), and its score when several fit. */
  nodes: Array<{ node: string; reasons: string[]; score?: NodeScore }>;
  /** No node fit and DefaultPreemption evicts these pods from `node`, to which it nominated the pod. */
  preemption?: { node: string; victims: string[] };
  /** No node fit and the pod stays nominated to this node by an earlier preemption, waiting for its victims to go. */
  nominated?: string;
}

/** One request a simulated client sent to a Service, and what came back. */
export interface RequestRecord {
  t: number;
  /** The traffic source that sent it. */
  client: string;
  service: string;
  /** The Pod kube-proxy routed it to; absent when the Service had no endpoint to route to. */
  pod?: string;
  outcome: 'ok' | 'httpError' | 'refused' | 'timeout' | 'noEndpoints';
  status?: number;
  tookMs: number;
}

export interface Trace {
  frames: Frame[];
  events: SimEvent[];
  transitions: TransitionRecord[];
  probes: ProbeRecord[];
  /** Every scheduling attempt that bound a pod or changed why it stays Pending. */
  scheduling: SchedulingDecision[];
  /** Requests simulated clients sent to Services (see SimInput.traffic). */
  requests: RequestRecord[];
  /** Container logs per `pod/container`, every instance, in order. */
  logs: Record<string, Array<LogLine & { instance: number }>>;
  /** Virtual ms the run covered. */
  until: number;
  /** Admission warnings (errors stop the run before a trace exists). */
  diagnostics: Diagnostic[];
  /** Times (ms) pods were deleted from the API, by pod name. */
  deletedAt: Record<string, number>;
}
