/**
 * The DaemonSet controller (pkg/controller/daemon/daemon_controller.go manage, podsShouldBeOnNode,
 * syncNodes, NodeShouldRunDaemonPod, updateDaemonSetStatus; util/daemonset_util.go
 * AddOrUpdateDaemonPodTolerations, CreatePodTemplate, ReplaceDaemonSetPodNodeNameNodeAffinity).
 *
 * One Pod per eligible node. Since 1.12 the controller does not bind the Pod itself: it creates it
 * with a required node affinity `matchFields metadata.name In [node]` and the default scheduler
 * binds it. Eligibility is the template's nodeSelector and required node affinity, and the node's
 * NoSchedule/NoExecute taints against the template's tolerations plus the ones the controller adds
 * (not-ready and unreachable NoExecute with no tolerationSeconds, so node failure never evicts a
 * daemon Pod; the pressure and unschedulable NoSchedule taints, so cordon does not keep it off).
 * A Pod on a node that no longer qualifies is deleted (unless only NoSchedule taints changed); a
 * failed Pod is deleted (FailedDaemonPod) and replaced at the next sync. A deleted Pod is
 * replaced once it is gone or has finished: a Pod still terminating keeps its node "taken".
 * A new template rolls out node by node (update.go rollingUpdate without surge): old Pods are
 * deleted while at most maxUnavailable nodes lack an available Pod, and manage creates the new ones.
 */
import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import type { DaemonSet, DaemonSetSpec } from 'kubernetes-types/apps/v1';
import type { ManifestObject } from '../../k8s';
import { kubeTime } from '../../k8s/time';
import type { VirtualClock } from '../clock';
import type { Cluster } from '../cluster/cluster';
import { isPodReady } from '../cluster/endpoint-slices';
import type { IdSource } from '../ids';
import type { PodRunner } from '../kubelet/pod-runner';
import { requiredAffinityMatches, tolerated } from '../kubelet/scheduler';
import type { Recorder } from '../recorder';
import type { NodeFrame } from '../trace-types';
import { ControllerSyncs } from './availability';
import { OwnedPods } from './owned-pods';
import { generatedPodName, podFromTemplate } from './pod-from-template';
import { podTemplateHash } from './revision';
import { Keyed } from './keyed';

/** What the controller reads of a Node: its name, labels and taints (`key[=value]:Effect`). */
export type DaemonNode = Pick<NodeFrame, 'name' | 'labels' | 'taints'>;

interface Member {
  runner: PodRunner;
  pod: Pod;
  node: string;
}

/** AddOrUpdateDaemonPodTolerations, in the source's order. */
function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const exists = (key: string, effect: 'NoExecute' | 'NoSchedule'): Toleration => ({ key: `node.kubernetes.io/${key}`, operator: 'Exists', effect });
  return [
    exists('not-ready', 'NoExecute'),
    exists('unreachable', 'NoExecute'),
    exists('disk-pressure', 'NoSchedule'),
    exists('memory-pressure', 'NoSchedule'),
    exists('pid-pressure', 'NoSchedule'),
    exists('unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [exists('network-unavailable', 'NoSchedule')] : []),
  ];
}

/** AddOrUpdateTolerationInPodSpec: a toleration with the same key and effect is replaced, others kept. */
function withTolerations(own: Toleration[], added: Toleration[]): Toleration[] {
  const out = [...own];
  for (const t of added) {
    const i = out.findIndex((o) => o.key === t.key && o.effect === t.effect);
    if (i >= 0) out[i] = t;
    else out.push(t);
  }
  return out;
}

/** GetTargetNodeName: spec.nodeName once bound, else the node named by the controller's affinity. */
function targetNode(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const field = term.matchFields?.find((f) => f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1);
    if (field?.values) return field.values[0];
  }
  return undefined;
}

export class DaemonSetController {
  readonly name: string;
  readonly namespace: string;
  private readonly uid: string;
  private hash: string;
  private spec: DaemonSetSpec;
  /** NewPod for eligibility: the template with the daemon tolerations. */
  private probe: Pod;
  /** NodeShouldRunDaemonPod per node and taints: it only changes with them or the template. */
  private readonly verdicts = new Map<string, [boolean, boolean]>();
  private generation = 1;
  private readonly owned: OwnedPods;
  /** Its latest sync, which availability is counted at, and its minReadySeconds re-syncs. */
  private readonly syncs: ControllerSyncs;
  private readonly cached = new Keyed<DaemonSet>();

  constructor(
    private readonly object: DaemonSet,
    private readonly cluster: Cluster,
    private readonly ids: IdSource,
    private readonly recorder: Recorder,
    clock: VirtualClock,
    private readonly nodes: () => DaemonNode[],
  ) {
    this.name = object.metadata?.name ?? 'ds';
    this.namespace = object.metadata?.namespace ?? 'default';
    this.uid = ids.uid();
    this.owned = new OwnedPods(cluster);
    this.spec = { selector: {}, ...object.spec, template: object.spec?.template ?? {} };
    this.hash = podTemplateHash(this.spec.template);
    this.probe = this.eligibilityPod();
    this.syncs = new ControllerSyncs(() => this.spec.minReadySeconds ?? 0, clock, () => recorder.changed());
  }

  /** kubectl set image daemonset: a new template (generation), so a new hash to roll out. */
  setImage(container: string, image: string): void {
    const template = this.spec.template;
    const containers = (template.spec?.containers ?? []).map((c) => (c.name === container ? { ...c, image } : c));
    this.spec = { ...this.spec, template: { ...template, spec: { ...template.spec, containers } } };
    this.hash = podTemplateHash(this.spec.template);
    this.probe = this.eligibilityPod();
    this.verdicts.clear();
    this.generation++;
  }

  /** The template's tolerations with the daemon ones (AddOrUpdateDaemonPodTolerations). */
  private tolerations(): Toleration[] {
    const spec = this.spec.template.spec;
    return withTolerations(spec?.tolerations ?? [], daemonTolerations(Boolean(spec?.hostNetwork)));
  }

  private eligibilityPod(): Pod {
    const spec = this.spec.template.spec;
    return { spec: { ...spec, containers: spec?.containers ?? [], tolerations: this.tolerations() } };
  }

  /** NodeShouldRunDaemonPod: [shouldRun, shouldContinueRunning]. */
  nodeShouldRun(node: DaemonNode): [boolean, boolean] {
    const key = `${node.name} ${node.taints.join(',')}`;
    let verdict = this.verdicts.get(key);
    if (!verdict) {
      verdict = this.judge(node);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  private judge(node: DaemonNode): [boolean, boolean] {
    const pod = this.probe;
    const spec = pod.spec;
    if (spec?.nodeName && spec.nodeName !== node.name) return [false, false];
    const selector = spec?.nodeSelector ?? {};
    const fitsAffinity = Object.entries(selector).every(([k, v]) => node.labels[k] === v) && requiredAffinityMatches(pod, node);
    if (!fitsAffinity) return [false, false];
    const untolerated = node.taints.filter((t) => (t.endsWith(':NoSchedule') || t.endsWith(':NoExecute')) && !tolerated(pod, t));
    if (untolerated.length > 0) return [false, !untolerated.some((t) => t.endsWith(':NoExecute'))];
    return [true, true];
  }

  /** CreatePodTemplate + ReplaceDaemonSetPodNodeNameNodeAffinity, through the same admission as any Pod. */
  private newPod(node: string): Pod | undefined {
    const template = this.spec.template;
    const name = generatedPodName(this, this.ids, this.cluster);
    const nodeAffinity = {
      ...template.spec?.affinity?.nodeAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] },
    };
    return podFromTemplate(
      template,
      { kind: 'DaemonSet', name: this.name, namespace: this.namespace, uid: this.uid },
      name,
      {
        labels: { 'controller-revision-hash': this.hash, 'pod-template-generation': String(this.generation) },
        spec: { ...template.spec, affinity: { ...template.spec?.affinity, nodeAffinity }, tolerations: this.tolerations() },
      },
      this.cluster.priorityClasses,
    );
  }

  /** getNodesToDaemonPods(includeDeletedTerminal=false): a finished Pod being deleted no longer counts. */
  private byNode(): Map<string, Member[]> {
    const out = new Map<string, Member[]>();
    for (const runner of this.owned.live) {
      const pod = runner.snapshot();
      const node = pod && targetNode(pod);
      if (!pod || !node) continue;
      const phase = pod.status?.phase;
      if ((phase === 'Succeeded' || phase === 'Failed') && runner.isDeleting) continue;
      out.set(node, [...(out.get(node) ?? []), { runner, pod, node }]);
    }
    return out;
  }

  /** manage: one sync over every node. */
  reconcile(now: number): void {
    const nodes = this.nodes();
    const byNode = this.byNode();
    this.syncs.observe([...byNode.values()].flat().map((m) => m.pod), this.generation, now);
    const create: string[] = [];
    const remove: Member[] = [];
    for (const node of nodes) {
      const [shouldRun, shouldContinue] = this.nodeShouldRun(node);
      const pods = byNode.get(node.name);
      if (shouldRun && !pods) create.push(node.name);
      else if (shouldContinue && pods) {
        const running: Member[] = [];
        for (const m of pods) {
          if (m.runner.isDeleting) continue;
          const phase = m.pod.status?.phase;
          // The source backs off between deletions of failed pods on the same node; PodPlay does not.
          if (phase === 'Failed') {
            this.event('Warning', 'FailedDaemonPod', `Found failed daemon pod ${this.namespace}/${m.runner.name} on node ${node.name}, will try to kill it`);
            remove.push(m);
          } else if (phase === 'Succeeded') {
            this.event('Normal', 'SucceededDaemonPod', `Found succeeded daemon pod ${this.namespace}/${m.runner.name} on node ${node.name}, will try to delete it`);
            remove.push(m);
          } else running.push(m);
        }
        // No surge: more than one running daemon Pod on a node keeps the oldest.
        remove.push(...running.slice(1));
      } else if (!shouldContinue && pods) {
        remove.push(...pods.filter((m) => !m.runner.isDeleting));
      }
    }
    // getUnscheduledPodsWithoutNode: pending Pods aimed at a node that no longer exists.
    const names = new Set(nodes.map((n) => n.name));
    for (const [node, pods] of byNode) if (!names.has(node)) remove.push(...pods.filter((m) => !m.runner.isBound && !m.runner.isDeleting));
    // syncNodes: creations first, then deletions.
    for (const node of create) {
      const pod = this.newPod(node);
      if (!pod) continue;
      this.owned.create(pod, now);
      this.event('Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata?.name}`);
    }
    // updateDaemonSet: the rollout waits until manage's own creations and deletions are observed.
    if (create.length === 0 && remove.length === 0) remove.push(...this.rollingUpdate(nodes, byNode));
    for (const m of remove) {
      m.runner.delete();
      this.event('Normal', 'SuccessfulDelete', `Deleted pod: ${m.runner.name}`);
    }
    // updateDaemonSetStatus: Ready pods not yet available are looked at again minReadySeconds later.
    const status = this.status();
    if (status?.numberReady !== (status?.numberAvailable ?? 0)) this.syncs.requeueAfterMinReady(now);
  }

  /**
   * update.go rollingUpdate (maxSurge 0): a node with an unavailable old Pod may replace it at
   * once; available old Pods are replaced only while fewer than maxUnavailable nodes lack an
   * available Pod. Deleted Pods do not count, so a rollout goes on when nodes are down.
   */
  private rollingUpdate(nodes: DaemonNode[], byNode: Map<string, Member[]>): Member[] {
    if (this.spec.updateStrategy?.type === 'OnDelete') return [];
    const desired = nodes.filter((n) => this.nodeShouldRun(n)[0]).length;
    const setting = this.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1;
    // GetScaledValueFromIntOrPercent rounding up; 0 with no surge is read as 1.
    const scaled = typeof setting === 'number' ? setting : Math.ceil((parseFloat(setting) * desired) / 100);
    const maxUnavailable = scaled === 0 && desired > 0 ? 1 : scaled;
    const available = (m: Member) => this.syncs.isAvailable(m.pod);
    let unavailable = 0;
    const replace: Member[] = [];
    const candidates: Member[] = [];
    for (const pods of byNode.values()) {
      const live = pods.filter((m) => !m.runner.isDeleting);
      const fresh = live.filter((m) => m.pod.metadata?.labels?.['controller-revision-hash'] === this.hash);
      const old = live.filter((m) => !fresh.includes(m));
      // findUpdatedPodsOnNode: more than one of a kind is manage's to clean up; the node counts as unavailable.
      if (fresh.length > 1 || old.length > 1 || fresh.length === old.length) unavailable++;
      else if (fresh.length === 1) unavailable += available(fresh[0]) ? 0 : 1;
      else if (!available(old[0])) {
        replace.push(old[0]);
        unavailable++;
      } else if (unavailable < maxUnavailable) candidates.push(old[0]);
    }
    return [...replace, ...candidates.slice(0, Math.max(0, maxUnavailable - unavailable))];
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.recorder.event({ type, reason, object: `daemonset/${this.name}`, message, source: 'daemonset-controller' });
  }

  /** updateDaemonSetStatus: per node, the oldest daemon Pod (bound before pending, then by age) is the one counted. */
  private status(): DaemonSet['status'] {
    const byNode = this.byNode();
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const node of this.nodes()) {
      const [shouldRun] = this.nodeShouldRun(node);
      const pods = byNode.get(node.name) ?? [];
      if (!shouldRun) {
        if (pods.length > 0) misscheduled++;
        continue;
      }
      desired++;
      if (pods.length === 0) continue;
      current++;
      const oldest = [...pods].sort((a, b) => Number(Boolean(b.pod.spec?.nodeName)) - Number(Boolean(a.pod.spec?.nodeName)))[0];
      if (isPodReady(oldest.pod)) {
        ready++;
        if (this.syncs.isAvailable(oldest.pod)) available++;
      }
      if (oldest.pod.metadata?.labels?.['controller-revision-hash'] === this.hash) updated++;
    }
    // Fields tagged omitempty in apps/v1 are left out at zero, as the API server prints them.
    return {
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: this.generation,
      ...(updated ? { updatedNumberScheduled: updated } : {}),
      ...(available ? { numberAvailable: available } : {}),
      ...(desired - available ? { numberUnavailable: desired - available } : {}),
    };
  }

  /** The DaemonSet as the API server returns it (SetDefaults_DaemonSet applied), with its status. */
  snapshot(): DaemonSet {
    // Only the status and the generation change: the same object while they stay the same.
    const status = this.status();
    return this.cached.get(`${this.generation} ${JSON.stringify(status)}`, () => ({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        ...this.object.metadata,
        name: this.name,
        namespace: this.namespace,
        uid: this.uid,
        generation: this.generation,
        creationTimestamp: kubeTime(0),
        annotations: { ...this.object.metadata?.annotations, 'deprecated.daemonset.template.generation': String(this.generation) },
      },
      spec: {
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
        revisionHistoryLimit: 10,
        ...this.spec,
      },
      status,
    }));
  }
}

export function daemonSetsOf(objects: ManifestObject[]): DaemonSet[] {
  return objects.filter((o) => o.kind === 'DaemonSet' && o.apiVersion === 'apps/v1').map((o) => o.object as DaemonSet);
}
