/**
 * The control plane around the nodes: the pods the API server holds (created from the manifest or
 * by controllers), the scheduler (filter, score, select a host), each node's health as the node
 * lifecycle controller sees it (taints, MarkPodsNotReady, taint-based eviction), cordon and drain,
 * and node-pressure eviction.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Service } from 'kubernetes-types/core/v1';
import type { NodeSettings } from '../input';
import type { IdSource } from '../ids';
import { PodRunner, type KubeletEnv } from '../kubelet/pod-runner';
import { filterNode, podRequests, type NodeUsage } from '../kubelet/scheduler';
import { nonZeroRequests, scoreNodes, selectHost, type ScoredCandidate, type SnapshotScores } from '../kubelet/scheduler-score';
import { interPodAffinityPreFilter, interPodAffinityScores, podTerms } from '../kubelet/scheduler-inter-pod';
import { hasExplicitConstraints, topologySpreadPreFilter, topologySpreadScores } from '../kubelet/scheduler-spread';
import { podPriority } from '../kubelet/scheduler-preemption';
import type { NodeEffect } from '../machines/node';
import type { Recorder } from '../recorder';
import type { SchedulingDecision } from '../trace-types';
import { ClusterNode, NOT_READY, UNREACHABLE } from './cluster-node';
import { selects } from './endpoint-slices';
import { postFilter, preemptVictims } from './preemption';

export type { NodeView } from './cluster-node';

/** podgc's quarantineTime: how long a node must be missing before its pods count as orphans. */
export const PODGC_QUARANTINE_MS = 40_000;

export class Cluster {
  readonly runners: PodRunner[] = [];
  readonly nodes: ClusterNode[];
  readonly decisions: SchedulingDecision[] = [];
  /** The scenario's PriorityClass objects: controllers admit their pods against them. */
  priorityClasses: readonly unknown[] = [];
  /** The last FailedScheduling message per pod, so a retry that fails the same way adds no event. */
  private readonly lastFailure = new Map<PodRunner, string>();

  /** Nodes ever created: the next node's index (its IP and pod CIDR are never reused). */
  private nodeCount = 0;

  constructor(
    private readonly env: KubeletEnv,
    settings: NodeSettings[],
    private readonly recorder: Recorder,
    /** Ties between equally scored nodes are broken with their own seeded draws. */
    private readonly tieBreak: IdSource,
    private readonly services: Service[] = [],
  ) {
    this.nodes = [];
    for (const s of settings) this.addNode(s);
  }

  /** A node joins: its kubelet registers and reports Ready (kubectl get nodes lists it). */
  addNode(settings: NodeSettings): ClusterNode | undefined {
    if (this.nodes.some((n) => n.name === settings.name)) return undefined;
    const node = new ClusterNode(
      settings,
      this.nodeCount++,
      this.env,
      () => new Set(this.podsBoundTo(settings.name).flatMap((r) => (r.ip ? [r.ip] : []))),
      (n, effect) => this.onNodeEffect(n, effect),
    );
    this.nodes.push(node);
    this.recorder.changed();
    return node;
  }

  /**
   * `kubectl delete node` for a machine that is gone: its kubelet stops; PodGC (pkg/controller/podgc
   * gcOrphaned) force-deletes the pods still bound to it once the node has been missing for the
   * 40 s quarantine, with the DisruptionTarget condition DeletionByPodGC.
   */
  removeNode(name: string): void {
    const node = this.node(name);
    if (!node) return;
    node.stop();
    this.nodes.splice(this.nodes.indexOf(node), 1);
    this.recorder.changed();
    const orphans = this.podsBoundTo(name).filter((r) => !r.isRemoved);
    for (const runner of orphans) runner.halt();
    this.env.clock.setTimeout(() => {
      for (const runner of orphans) {
        runner.setCondition('DisruptionTarget', 'True', 'DeletionByPodGC', 'PodGC: node no longer exists');
        runner.forceRemove();
      }
    }, PODGC_QUARANTINE_MS);
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

  /** Every pod ever bound to the node (removed ones too: callers filter what they need). */
  private podsBoundTo(name: string): PodRunner[] {
    return this.runners.filter((r) => r.nodeName === name);
  }

  /** A node by name; no name means the first. */
  node(name?: string): ClusterNode | undefined {
    return name === undefined ? this.nodes[0] : this.nodes.find((n) => n.name === name);
  }

  /** The pods each node runs (bound, not gone, not finished): the scheduler's snapshot of NodeInfos. */
  private podsByNode(): Map<string, PodRunner[]> {
    const byNode = new Map<string, PodRunner[]>(this.nodes.map((n) => [n.name, []]));
    for (const r of this.runners) {
      if (!r.isBound || r.isRemoved || r.nodeName === undefined || r.isTerminal) continue;
      byNode.get(r.nodeName)?.push(r);
    }
    return byNode;
  }

  /** What bound pods that still run use of a node (the scheduler's NodeInfo). */
  private usage(pods: PodRunner[]): NodeUsage {
    const used: NodeUsage = { cpu: 0, memory: 0, pods: 0 };
    for (const r of pods) {
      const want = podRequests(r.spec);
      used.cpu += want.cpu;
      used.memory += want.memory;
      used.pods += 1;
    }
    return used;
  }

  /**
   * The pods the system default topology spread constraint counts with this one: those of the same
   * controller, or (for a bare pod) those the same Services select (helper.DefaultSelector).
   */
  private spreadPeers(pod: Pod): ((other: Pod) => boolean) | undefined {
    const owner = pod.metadata?.ownerReferences?.find((o) => o.controller)?.uid;
    if (owner) return (other) => other.metadata?.ownerReferences?.some((o) => o.uid === owner) ?? false;
    const services = this.services.filter((s) => selects(s, pod));
    // An empty DefaultSelector: no default constraints, PodTopologySpread skips the pod.
    if (services.length === 0) return undefined;
    return (other) => services.every((s) => selects(s, other));
  }

  private candidate(node: ClusterNode, pods: PodRunner[]): ScoredCandidate {
    const nonZeroUsed = { cpu: 0, memory: 0 };
    const imageBytes = new Map<string, number>();
    for (const r of pods) {
      const want = nonZeroRequests(r.spec);
      nonZeroUsed.cpu += want.cpu;
      nonZeroUsed.memory += want.memory;
    }
    return {
      settings: node.settings,
      used: this.usage(pods),
      unschedulable: node.view.unschedulable,
      taints: node.view.taints,
      pods,
      nonZeroUsed,
      imageBytes: (image) => {
        // ImageLocality asks every node about every image once per node it scores: resolve once.
        let bytes = imageBytes.get(image);
        if (bytes === undefined) {
          bytes = node.host.puller.bytesOf(image);
          imageBytes.set(image, bytes);
        }
        return bytes;
      },
    };
  }

  /**
   * One scheduling pass over pending pods in the scheduling queue's order. The real scheduler retries
   * a pod when the cluster changes (a node update, a pod removed); PodPlay retries at every change
   * and records FailedScheduling only when the reason differs from the last attempt's.
   */
  schedulePending(): void {
    let byNode: Map<string, PodRunner[]> | undefined;
    /** Some pod of the snapshot has pod (anti-)affinity: only then can InterPodAffinity matter to a pod without any. */
    let affinityInSnapshot = false;
    const pending = this.runners.filter((r) => !r.isBound && !r.isRemoved && !r.isDeleting);
    // PrioritySort (queuesort/priority_sort.go Less): higher priority first, then the earlier; a
    // stable sort keeps creation order among equals. Pods naming their node never enter the queue:
    // their kubelet takes them as they come.
    if (pending.some((r) => podPriority(r.spec) !== 0)) {
      const rank = (r: PodRunner) => (r.spec.spec?.nodeName ? Number.MAX_SAFE_INTEGER : podPriority(r.spec));
      pending.sort((a, b) => rank(b) - rank(a));
    }
    for (const runner of pending) {
      // A preemption earlier in this pass may have deleted it.
      if (runner.isDeleting || runner.isRemoved) continue;
      const nodeName = runner.spec.spec?.nodeName;
      if (nodeName) {
        // spec.nodeName skips the scheduler: the named node's kubelet takes it, or nobody ever does.
        const node = this.node(nodeName);
        if (node) runner.bind(node.host, { viaScheduler: false });
        continue;
      }
      if (!byNode) {
        byNode = this.podsByNode();
        affinityInSnapshot = [...byNode.values()].some((pods) => pods.some((r) => podTerms(r.spec, r.namespace).any));
      }
      const chosen = this.scheduleOne(runner, byNode, affinityInSnapshot, pending);
      if (chosen) {
        byNode.get(chosen)?.push(runner);
        affinityInSnapshot ||= podTerms(runner.spec, runner.namespace).any;
      }
    }
  }

  /**
   * What the pods nominated to each node with at least this pod's priority request there: the
   * filters count them as if bound (framework.go RunFilterPluginsWithNominatedPods); undefined when none.
   */
  private nominatedUsage(runner: PodRunner, pending: readonly PodRunner[]): Map<string, NodeUsage> | undefined {
    let out: Map<string, NodeUsage> | undefined;
    for (const other of pending) {
      const node = other.nominatedNodeName;
      if (other === runner || node === undefined || other.isBound || other.isRemoved || other.isDeleting) continue;
      if (podPriority(other.spec) < podPriority(runner.spec)) continue;
      out ??= new Map();
      const used = out.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
      const want = podRequests(other.spec);
      out.set(node, { cpu: used.cpu + want.cpu, memory: used.memory + want.memory, pods: used.pods + 1 });
    }
    return out;
  }

  /** One scheduling cycle for one pod; the node it was bound to, if any. */
  private scheduleOne(runner: PodRunner, byNode: Map<string, PodRunner[]>, affinityInSnapshot: boolean, pending: readonly PodRunner[]): string | undefined {
    const pod = runner.spec;
    const ns = runner.namespace;
    // Both plugins are skipped outright for the common pod (no constraints, no affinity anywhere).
    const explicitSpread = hasExplicitConstraints(pod);
    const interPod = affinityInSnapshot || podTerms(pod, ns).any;
    const candidates = this.nodes.map((node) => this.candidate(node, byNode.get(node.name) ?? []));
    const preFilters = (snapshot: readonly ScoredCandidate[]) =>
      [explicitSpread ? topologySpreadPreFilter(pod, ns, snapshot) : undefined, interPod ? interPodAffinityPreFilter(pod, ns, snapshot) : undefined].filter(
        (f) => f !== undefined,
      );
    const later = preFilters(candidates);
    const nominated = this.nominatedUsage(runner, pending);
    const withNominated = (c: ScoredCandidate): ScoredCandidate => {
      const extra = nominated?.get(c.settings.name);
      return extra ? { ...c, used: { cpu: c.used.cpu + extra.cpu, memory: c.used.memory + extra.memory, pods: c.used.pods + extra.pods } } : c;
    };
    // schedule_one.go evaluateNominatedNode: a nominated pod tries its node alone first, and takes it if it fits.
    const nominatedAt = candidates.findIndex((c) => c.settings.name === runner.nominatedNodeName);
    if (nominatedAt >= 0 && filterNode(pod, withNominated(candidates[nominatedAt]), later).length === 0) {
      return this.bindTo(runner, candidates[nominatedAt].settings.name, [{ node: candidates[nominatedAt].settings.name, reasons: [] }]);
    }
    const verdicts = candidates.map((c) => ({ node: c.settings.name, reasons: filterNode(pod, withNominated(c), later) }));
    const feasible = candidates.filter((_, i) => verdicts[i].reasons.length === 0);
    if (feasible.length === 0) {
      const now = this.env.clock.now();
      const { message, nominate, victims } = postFilter({
        preemptor: runner,
        nodes: verdicts.map((v) => v.node),
        verdicts: verdicts.map((v) => v.reasons),
        podsOn: (i) => byNode.get(candidates[i].settings.name) ?? [],
        // SelectVictimsOnNode: the filters against the node without the removed pods, PreFilter state updated for it.
        reasonsOn: (i, pods) => {
          const reduced = this.candidate(this.nodes[i], pods);
          return filterNode(pod, withNominated(reduced), preFilters(candidates.map((c, j) => (j === i ? reduced : c))));
        },
        now,
      });
      if (nominate && victims) preemptVictims(runner, nominate, victims, pending, this.recorder);
      if (nominate !== undefined) runner.nominate(nominate || undefined);
      // A preemption is news even when its message is the last attempt's again.
      if (!victims && this.lastFailure.get(runner) === message) return undefined;
      this.lastFailure.set(runner, message);
      const preemption = nominate && victims ? { preemption: { node: nominate, victims: victims.map((v) => v.name) } } : undefined;
      const waiting = !preemption && runner.nominatedNodeName ? { nominated: runner.nominatedNodeName } : undefined;
      this.decisions.push({ t: now, pod: runner.name, nodes: verdicts, ...preemption, ...waiting });
      runner.unschedulable(message);
      return undefined;
    }
    // With one feasible node the scheduler skips scoring (schedule_one.go: len(feasibleNodes) == 1).
    const snapshot: SnapshotScores = {};
    if (feasible.length > 1) {
      snapshot.PodTopologySpread = topologySpreadScores(pod, ns, candidates, feasible, explicitSpread ? undefined : this.spreadPeers(pod));
      if (interPod) snapshot.InterPodAffinity = interPodAffinityScores(pod, ns, candidates, feasible);
    }
    const scores = feasible.length > 1 ? scoreNodes(pod, feasible, snapshot) : [];
    const chosen = feasible.length > 1 ? selectHost(scores, this.tieBreak) : feasible[0].settings.name;
    return this.bindTo(
      runner,
      chosen,
      verdicts.map((v) => ({ ...v, ...(scores.length > 0 && { score: scores.find((s) => s.node === v.node) }) })),
    );
  }

  /** The binding cycle: record why, then bind. */
  private bindTo(runner: PodRunner, chosen: string, nodes: SchedulingDecision['nodes']): string | undefined {
    this.lastFailure.delete(runner);
    this.decisions.push({ t: this.env.clock.now(), pod: runner.name, node: chosen, nodes });
    const node = this.node(chosen);
    if (!node) return undefined;
    runner.bind(node.host);
    return chosen;
  }

  setNodeState(state: 'Ready' | 'NotReady' | 'Unreachable', name?: string): void {
    const node = this.node(name);
    if (!node) return;
    const pods = this.podsBoundTo(node.name);
    if (state === 'Unreachable') for (const runner of pods) runner.freezeApi();
    if (state === 'Ready') for (const runner of pods) runner.thawApi();
    node.report(state);
  }

  cordon(name?: string): void {
    this.node(name)?.cordon();
  }

  uncordon(name?: string): void {
    this.node(name)?.uncordon();
  }

  /**
   * `kubectl drain --ignore-daemonsets`: cordon, then evict every pod of the node through the
   * Eviction API (its own grace period). DaemonSet pods stay: their controller would put them right
   * back (it ignores the unschedulable taint), which is why drain refuses without that flag.
   */
  drain(name?: string): void {
    const node = this.node(name);
    if (!node) return;
    node.cordon();
    for (const runner of this.podsBoundTo(node.name)) {
      if (runner.isRemoved || runner.isDeleting) continue;
      if (runner.spec.metadata?.ownerReferences?.some((o) => o.controller && o.kind === 'DaemonSet')) continue;
      runner.setCondition('DisruptionTarget', 'True', 'EvictionByEvictionAPI', 'Eviction API: evicting');
      runner.delete();
    }
  }

  /** Node-pressure eviction: the node's eviction manager ranks its pods (BestEffort first) and evicts one. */
  pressure(resource: 'memory' | 'ephemeral-storage' | 'pid', name?: string): void {
    const node = this.node(name);
    if (!node) return;
    // Default hard thresholds: memory.available<100Mi, nodefs.available<10%, pid.available (approx.).
    const threshold = { memory: '100Mi', 'ephemeral-storage': '10%', pid: '10%' }[resource];
    const available = { memory: '92Mi', 'ephemeral-storage': '8%', pid: '6%' }[resource];
    const condition = { memory: 'memory-pressure', 'ephemeral-storage': 'disk-pressure', pid: 'pid-pressure' }[resource];
    node.setTaints(`node.kubernetes.io/${condition}`, [`node.kubernetes.io/${condition}:NoSchedule`]);
    const order: Record<string, number> = { BestEffort: 0, Burstable: 1, Guaranteed: 2 };
    const rank = (r: PodRunner) => order[r.qos()] ?? 1;
    const pods = this.podsBoundTo(node.name);
    for (const runner of [...pods].sort((a, b) => rank(a) - rank(b))) {
      if (runner.evict(resource, threshold, available)) break;
    }
  }

  private onNodeEffect(node: ClusterNode, effect: NodeEffect): void {
    const pods = this.podsBoundTo(node.name);
    if (effect.type === 'taintUnreachable') {
      // The node lifecycle controller swaps not-ready for unreachable: NoSchedule keeps new pods off, NoExecute evicts.
      node.view.ready = 'Unknown';
      node.view.taints = node.view.taints.filter((t) => !t.startsWith(NOT_READY));
      node.setTaints(UNREACHABLE, [`${UNREACHABLE}:NoSchedule`, `${UNREACHABLE}:NoExecute`]);
      for (const runner of pods) {
        if (runner.isRemoved || !runner.isBound) continue;
        this.recorder.event({ type: 'Warning', reason: 'NodeNotReady', object: `pod/${runner.name}`, message: 'Node is not ready', source: 'node-controller' });
        this.scheduleTaintEviction(node, runner);
      }
    } else if (effect.type === 'taintNotReady') {
      node.view.ready = 'False';
      node.view.taints = node.view.taints.filter((t) => !t.startsWith(UNREACHABLE));
      node.setTaints(NOT_READY, [`${NOT_READY}:NoSchedule`, `${NOT_READY}:NoExecute`]);
    } else if (effect.type === 'markPodsNotReady') {
      for (const runner of pods) if (runner.isBound) runner.markNotReady();
    }
  }

  /** The taint manager deletes pods that tolerate the unreachable taint only for tolerationSeconds. */
  private scheduleTaintEviction(node: ClusterNode, runner: PodRunner): void {
    const toleration = runner.spec.spec?.tolerations?.find((t) => t.key === UNREACHABLE && t.effect === 'NoExecute');
    if (toleration && toleration.tolerationSeconds === undefined) return;
    const seconds = toleration?.tolerationSeconds ?? 0;
    this.env.clock.setTimeout(() => {
      if (node.view.ready !== 'Unknown' || runner.isRemoved) return;
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
