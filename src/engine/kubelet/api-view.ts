/**
 * The Pod object as the API server holds it: what the kubelet last reported (phase, conditions,
 * container statuses) with what the control plane writes on top (deletionTimestamp, readiness
 * gates and DisruptionTarget, MarkPodsNotReady on a lost node, the eviction's Failed/Evicted).
 * Frames reuse the same object while nothing changed, so a long trace stays small.
 */
import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { kubeTime } from '../../k8s/time';
import { podQosClass } from '../../k8s';
import { generateConditions, getPhase, type ApiPodCondition, type PodPhase } from '../status';

/** What the kubelet knows about the pod at one instant, gathered by the pod runner. */
export interface KubeletFacts {
  pod: Pod;
  uid: string;
  createdAt: number;
  now: number;
  nodeName: string;
  nodeIP: string;
  scheduled?: { status: 'True' | 'False'; reason?: string; message?: string };
  /** Bound and the kubelet has synced it (false while scheduling or unschedulable). */
  bound: boolean;
  startTime?: number;
  podIP?: string;
  sandboxReady: boolean;
  /** The pod worker is done with it: every container stopped for good (podIsTerminal). */
  terminal: boolean;
  initStatuses: ContainerStatus[];
  statuses: ContainerStatus[];
}

export interface ControlPlaneWrites {
  deletion?: { graceMs: number; deadline: number };
  eviction?: { message: string };
  /** The scheduler's nomination of a Pending pod (status.nominatedNodeName). */
  nominatedNodeName?: string;
}

export class PodApiView {
  private externalConditions: PodCondition[] = [];
  /** The same conditions as the kubelet's watch last delivered them (readiness gates read these). */
  private kubeletConditions: PodCondition[] = [];
  private previousConditions: ApiPodCondition[] = [];
  private phase: PodPhase = 'Pending';
  private frozen?: Pod;
  private markedNotReadyAt?: number;
  private cached?: { key: string; pod: Pod };
  private dirty = true;

  touch(): void {
    this.dirty = true;
  }

  get isFrozen(): boolean {
    return this.frozen !== undefined;
  }

  /** A condition set by someone other than the kubelet (readiness gates, DisruptionTarget). */
  setCondition(type: string, status: 'True' | 'False' | 'Unknown', now: number, reason?: string, message?: string): void {
    this.touch();
    const existing = this.externalConditions.find((c) => c.type === type);
    const next: PodCondition = {
      type,
      status,
      lastTransitionTime: existing && existing.status === status ? existing.lastTransitionTime : kubeTime(now),
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    };
    this.externalConditions = [...this.externalConditions.filter((c) => c.type !== type), next];
  }

  /** What the conditions written so far look like, to hand to the kubelet when its watch delivers them. */
  get writtenConditions(): readonly PodCondition[] {
    return this.externalConditions;
  }

  /** The kubelet's watch delivered the conditions as they were written (kubelet.go HandlePodUpdates). */
  kubeletSees(conditions: readonly PodCondition[]): void {
    this.kubeletConditions = [...conditions];
    this.touch();
  }

  /** The node stopped reporting: the API keeps the kubelet's last word. */
  freeze(facts: KubeletFacts): void {
    if (this.frozen) return;
    this.frozen = this.fromKubelet(facts);
    this.touch();
  }

  thaw(): void {
    this.frozen = undefined;
    this.markedNotReadyAt = undefined;
    this.touch();
  }

  /** MarkPodsNotReady (pkg/controller/util/node): only the Ready condition turns False. */
  markNotReady(now: number): void {
    if (this.markedNotReadyAt === undefined) this.markedNotReadyAt = now;
    this.touch();
  }

  snapshot(facts: () => KubeletFacts, writes: ControlPlaneWrites): Pod {
    if (!this.dirty && this.cached) return this.cached.pod;
    this.dirty = false;
    const built = this.overlay(this.frozen ?? this.fromKubelet(facts()), writes);
    const key = JSON.stringify(built);
    if (this.cached && this.cached.key === key) return this.cached.pod;
    this.cached = { key, pod: built };
    return built;
  }

  private overlay(pod: Pod, writes: ControlPlaneWrites): Pod {
    const own = pod.status?.conditions ?? [];
    const external = this.externalConditions.filter((c) => !own.some((k) => k.type === c.type));
    let conditions = [...external, ...own];
    if (this.markedNotReadyAt !== undefined) {
      const at = kubeTime(this.markedNotReadyAt);
      conditions = conditions.map((c) => (c.type === 'Ready' && c.status !== 'False' ? { ...c, status: 'False', lastTransitionTime: at } : c));
    }
    const metadata = writes.deletion
      ? { ...pod.metadata, deletionTimestamp: kubeTime(writes.deletion.deadline), deletionGracePeriodSeconds: writes.deletion.graceMs / 1000 }
      : pod.metadata;
    const evicted = writes.eviction ? { phase: 'Failed', reason: 'Evicted', message: writes.eviction.message } : {};
    // PodStatus's field order: nominatedNodeName comes after phase and conditions.
    const nominated = writes.nominatedNodeName ? { phase: pod.status?.phase, conditions, nominatedNodeName: writes.nominatedNodeName } : {};
    return { ...pod, metadata, status: { ...nominated, ...pod.status, ...evicted, conditions } };
  }

  /** generateAPIPodStatus: phase and conditions from the container statuses. */
  private fromKubelet(f: KubeletFacts): Pod {
    const metadata = {
      ...f.pod.metadata,
      uid: f.uid,
      creationTimestamp: kubeTime(f.createdAt),
    };
    const spec = { ...f.pod.spec, ...(f.scheduled?.status === 'True' ? { nodeName: f.nodeName } : {}) } as NonNullable<Pod['spec']>;
    const qosClass = podQosClass(f.pod);
    const conditionInput = {
      spec,
      scheduled: f.scheduled ?? { status: 'False' as const },
      externalConditions: this.externalConditions,
      gateConditions: this.kubeletConditions,
      previous: this.previousConditions,
      now: kubeTime(f.now),
    };
    if (!f.bound) {
      const conditions = f.scheduled
        ? generateConditions({ ...conditionInput, initStatuses: [], statuses: [], phase: 'Pending', sandboxReady: false })
        : [];
      this.previousConditions = conditions;
      return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status: { phase: 'Pending', conditions: conditions as PodCondition[], qosClass } };
    }
    this.phase = getPhase(spec, f.initStatuses, f.statuses, f.terminal, this.phase);
    const conditions = generateConditions({
      ...conditionInput,
      initStatuses: f.initStatuses,
      statuses: f.statuses,
      phase: this.phase,
      sandboxReady: f.sandboxReady,
    });
    this.previousConditions = conditions;
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata,
      spec,
      status: {
        phase: this.phase,
        conditions: conditions as PodCondition[],
        hostIP: f.nodeIP,
        hostIPs: [{ ip: f.nodeIP }],
        ...(f.podIP ? { podIP: f.podIP, podIPs: [{ ip: f.podIP }] } : {}),
        startTime: kubeTime(f.startTime ?? f.now),
        ...(f.initStatuses.length > 0 ? { initContainerStatuses: f.initStatuses } : {}),
        containerStatuses: f.statuses,
        qosClass,
      },
    };
  }
}
