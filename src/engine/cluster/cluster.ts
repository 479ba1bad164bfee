/**
 * The control plane around one node: the pods the API server holds (created from the manifest or
 * by controllers), the scheduler's queue, the node's health as the node lifecycle controller sees
 * it (taints, MarkPodsNotReady, taint-based eviction) and node-pressure eviction.
 */
import { createActor, type Actor } from 'xstate';
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeSettings } from '../input';
import { PodRunner, type KubeletEnv } from '../kubelet/pod-runner';
import { podRequests, schedule, type NodeUsage } from '../kubelet/scheduler';
import { nodeMachine, type NodeEffect } from '../machines/node';
import type { Recorder } from '../recorder';

export interface NodeView {
  ready: 'True' | 'False' | 'Unknown';
  unschedulable: boolean;
  taints: string[];
}

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const NOT_READY = 'node.kubernetes.io/not-ready';

export class Cluster {
  readonly runners: PodRunner[] = [];
  readonly node: NodeView = { ready: 'True', unschedulable: false, taints: [] };
  private readonly nodeActor: Actor<typeof nodeMachine>;
  /** The last FailedScheduling message per pod, so a retry that fails the same way adds no event. */
  private readonly lastFailure = new Map<PodRunner, string>();

  constructor(
    private readonly env: KubeletEnv,
    private readonly settings: NodeSettings,
    private readonly recorder: Recorder,
  ) {
    this.nodeActor = createActor(nodeMachine, { clock: env.clock, inspect: recorder.inspect });
    recorder.track(this.nodeActor.sessionId, `node/${settings.name}`, 'node');
    this.nodeActor.on('*', (effect) => this.onNodeEffect(effect));
    this.nodeActor.start();
  }

  /** A pod reaches the API server (from the manifest, or created by a controller). */
  addPod(pod: Pod, createdAt: number): PodRunner {
    const runner = new PodRunner(pod, this.env, createdAt);
    runner.start();
    this.runners.push(runner);
    return runner;
  }

  find(name?: string): PodRunner | undefined {
    return name ? this.runners.find((r) => r.name === name && !r.isRemoved) : this.runners.find((r) => !r.isRemoved);
  }

  /** What bound pods that are still running use of the node (the scheduler's NodeInfo). */
  private usage(): NodeUsage {
    const used: NodeUsage = { cpu: 0, memory: 0, pods: 0 };
    for (const r of this.runners) {
      if (!r.isBound || r.isRemoved || r.isTerminal) continue;
      const want = podRequests(r.spec);
      used.cpu += want.cpu;
      used.memory += want.memory;
      used.pods += 1;
    }
    return used;
  }

  /**
   * One scheduling pass over pending pods in creation order. The real scheduler retries a pod when
   * the cluster changes (a node update, a pod removed); PodPlay retries at every change and records
   * FailedScheduling only when the reason differs from the last attempt's.
   */
  schedulePending(): void {
    for (const runner of this.runners) {
      if (runner.isBound || runner.isRemoved || runner.isDeleting) continue;
      const nodeName = runner.spec.spec?.nodeName;
      if (nodeName) {
        // spec.nodeName skips the scheduler: the named node's kubelet takes it, or nobody ever does.
        if (nodeName === this.settings.name) runner.bind({ viaScheduler: false });
        continue;
      }
      const result = schedule(runner.spec, this.settings, this.usage(), this.node.unschedulable, this.node.taints);
      if (result.ok) {
        this.lastFailure.delete(runner);
        runner.bind();
      } else if (this.lastFailure.get(runner) !== result.message) {
        this.lastFailure.set(runner, result.message);
        runner.unschedulable(result.message);
      }
    }
  }

  setNodeState(state: 'Ready' | 'NotReady' | 'Unreachable'): void {
    if (state === 'Unreachable') for (const runner of this.runners) runner.freezeApi();
    if (state === 'Ready') {
      this.node.ready = 'True';
      this.node.taints = this.node.taints.filter((t) => !t.startsWith(UNREACHABLE) && !t.startsWith(NOT_READY));
      for (const runner of this.runners) runner.thawApi();
    }
    this.nodeActor.send({ type: state === 'Ready' ? 'KUBELET_READY' : state === 'NotReady' ? 'KUBELET_NOT_READY' : 'KUBELET_SILENT' });
  }

  cordon(): void {
    if (this.node.unschedulable) return;
    this.node.unschedulable = true;
    this.node.taints = [...this.node.taints, 'node.kubernetes.io/unschedulable:NoSchedule'];
  }

  uncordon(): void {
    this.node.unschedulable = false;
    this.node.taints = this.node.taints.filter((t) => !t.startsWith('node.kubernetes.io/unschedulable'));
  }

  /** kubectl drain: cordon, then evict every pod through the Eviction API (its own grace period). */
  drain(): void {
    this.cordon();
    for (const runner of this.runners) {
      if (runner.isRemoved || runner.isDeleting) continue;
      runner.setCondition('DisruptionTarget', 'True', 'EvictionByEvictionAPI', 'Eviction API: evicting');
      runner.delete();
    }
  }

  /** Node-pressure eviction: the eviction manager ranks pods (BestEffort first) and evicts one. */
  pressure(resource: 'memory' | 'ephemeral-storage' | 'pid'): void {
    // Default hard thresholds: memory.available<100Mi, nodefs.available<10%, pid.available (approx.).
    const threshold = { memory: '100Mi', 'ephemeral-storage': '10%', pid: '10%' }[resource];
    const available = { memory: '92Mi', 'ephemeral-storage': '8%', pid: '6%' }[resource];
    const condition = { memory: 'memory-pressure', 'ephemeral-storage': 'disk-pressure', pid: 'pid-pressure' }[resource];
    this.node.taints = [...this.node.taints.filter((t) => !t.includes(condition)), `node.kubernetes.io/${condition}:NoSchedule`];
    const order: Record<string, number> = { BestEffort: 0, Burstable: 1, Guaranteed: 2 };
    const rank = (r: PodRunner) => order[r.qos()] ?? 1;
    for (const runner of [...this.runners].sort((a, b) => rank(a) - rank(b))) {
      if (runner.evict(resource, threshold, available)) break;
    }
  }

  private onNodeEffect(effect: NodeEffect): void {
    if (effect.type === 'taintUnreachable') {
      // The node lifecycle controller adds both: NoSchedule keeps new pods off, NoExecute evicts.
      this.node.ready = 'Unknown';
      this.node.taints = [`${UNREACHABLE}:NoSchedule`, `${UNREACHABLE}:NoExecute`];
      for (const runner of this.runners) {
        if (runner.isRemoved || !runner.isBound) continue;
        this.recorder.event({ type: 'Warning', reason: 'NodeNotReady', object: `pod/${runner.name}`, message: 'Node is not ready', source: 'node-controller' });
        this.scheduleTaintEviction(runner);
      }
    } else if (effect.type === 'taintNotReady') {
      this.node.ready = 'False';
      this.node.taints = [`${NOT_READY}:NoSchedule`, `${NOT_READY}:NoExecute`];
    } else if (effect.type === 'markPodsNotReady') {
      for (const runner of this.runners) if (runner.isBound) runner.markNotReady();
    }
  }

  /** The taint manager deletes pods that tolerate the unreachable taint only for tolerationSeconds. */
  private scheduleTaintEviction(runner: PodRunner): void {
    const toleration = runner.spec.spec?.tolerations?.find((t) => t.key === UNREACHABLE && t.effect === 'NoExecute');
    if (toleration && toleration.tolerationSeconds === undefined) return;
    const seconds = toleration?.tolerationSeconds ?? 0;
    this.env.clock.setTimeout(() => {
      if (this.node.ready !== 'Unknown' || runner.isRemoved) return;
      this.recorder.event({
        type: 'Normal',
        reason: 'TaintManagerEviction',
        object: `pod/${runner.name}`,
        message: `Marking for deletion Pod ${runner.namespace}/${runner.name}`,
        source: 'taint-eviction-controller',
      });
      runner.setCondition('DisruptionTarget', 'True', 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
      runner.delete();
    }, seconds * 1000);
  }
}
