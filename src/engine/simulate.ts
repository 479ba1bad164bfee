/**
 * simulate(input) runs the node from t = 0 on the virtual clock and records the Trace: a Frame after
 * every instant at which something happened, every Event, every transition, every probe.
 * seek(trace, t) finds the frame in force at t by binary search.
 */
import { admitManifests, type Diagnostic } from '../k8s';
import { PUBLIC_DNS, createRuntime, internet } from '../runtime';
import { VirtualClock } from './clock';
import { IdSource } from './ids';
import { deepEqual } from './deep-equal';
import { DEFAULT_NODE, type SimAction, type SimInput } from './input';
import type { KubeletEnv } from './kubelet/pod-runner';
import { Cluster } from './cluster/cluster';
import { Recorder } from './recorder';
import type { Interpreter } from './machines/lean-actor';
import { admitServices, headlessDns, serviceDns } from './cluster/services';
import { endpointSlice } from './cluster/endpoint-slices';
import { clusterNetwork } from './cluster/network';
import { configStore } from './cluster/config-objects';
import { startTraffic, type TrafficEndpoint } from './cluster/traffic';
import { ReplicaSetController, replicaSetsOf } from './controllers/replicaset';
import { DeploymentController, deploymentsOf } from './controllers/deployment';
import { StatefulSetController, statefulSetsOf } from './controllers/statefulset';
import { DaemonSetController, daemonSetsOf } from './controllers/daemonset';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Frame, NodeFrame, RequestRecord, Trace } from './trace-types';

export type SimResult = { ok: true; trace: Trace } | { ok: false; diagnostics: Diagnostic[] };

export interface SimOptions {
  /** Virtual milliseconds to simulate (default 300 000: five minutes). */
  until?: number;
  /**
   * What steps the probe workers' machine: 'lean' (default) runs its definition with LeanActor,
   * 'xstate' with XState's own interpreter. Both give the same trace, byte for byte (the
   * equivalence test runs both); the lean one is several times faster.
   */
  interpreter?: Interpreter;
}

export const DEFAULT_UNTIL_MS = 300_000;

export function simulate(input: SimInput, options: SimOptions = {}): SimResult {
  const until = options.until ?? DEFAULT_UNTIL_MS;
  const admission = admitManifests(input.manifest, input.fileName ?? 'pod.yaml');
  if (!admission.ok) return { ok: false, diagnostics: admission.diagnostics };

  const clock = new VirtualClock();
  const serviceIds = new IdSource(input.seed ^ 0x5e41ce);
  const services = admitServices(admission.others, serviceIds);
  const sliceSuffix = new Map(services.map((s) => [s.metadata?.name ?? '', serviceIds.hex(5)]));
  const recorder = new Recorder(clock);
  const ids = new IdSource(input.seed);
  const runtime = createRuntime({ customImages: input.customImages ?? [] });
  const nodes = input.nodes && input.nodes.length > 0 ? input.nodes : [input.node];
  const logs: Trace['logs'] = {};
  const staticDns = { ...PUBLIC_DNS, ...serviceDns(services) };
  // Shared with every sandbox: names published later (headless Services) reach containers created after.
  const dns: Record<string, string> = { ...staticDns };
  const env: KubeletEnv = {
    clock,
    runtime,
    recorder,
    ids,
    sandboxExtras: {
      customImages: input.customImages ?? [],
      dns,
      remote: clusterNetwork(services, () => endpoints(), internet),
    },
    logs,
    store: configStore(admission.others),
    interpreter: options.interpreter,
  };
  const cluster = new Cluster(env, nodes, recorder, new IdSource(input.seed ^ 0x5c4ed), services);
  cluster.priorityClasses = admission.others.filter((o) => o.kind === 'PriorityClass').map((o) => o.object);
  const frames: Frame[] = [];
  let lastVersion = -1;
  for (const admitted of admission.pods) cluster.addPod(admitted.pod, 0);
  const controllerIds = new IdSource(input.seed ^ 0x4e5);
  const replicaSets = replicaSetsOf(admission.others).map((rs) => new ReplicaSetController(rs, cluster, controllerIds, recorder, { timers: clock }));
  const deployments = deploymentsOf(admission.others).map((d) => new DeploymentController(d, cluster, controllerIds, recorder, clock));
  /** Every ReplicaSet in the API: the manifest's, then each Deployment's. */
  const allReplicaSets = () => [...replicaSets, ...deployments.flatMap((d) => d.replicaSets())];
  const statefulSets = statefulSetsOf(admission.others).map((sts) => new StatefulSetController(sts, cluster, controllerIds, recorder, clock));
  const nodeList = () => cluster.nodes.map((n) => ({ name: n.name, labels: n.labels, taints: n.view.taints }));
  const daemonSets = daemonSetsOf(admission.others).map((ds) => new DaemonSetController(ds, cluster, controllerIds, recorder, clock, nodeList));
  let dnsPods: Pod[] = [];
  const hasHeadless = services.some((svc) => svc.spec?.clusterIP === 'None');
  /** Deployments size their ReplicaSets, ReplicaSets and the other workloads their pods; then the scheduler binds. */
  const reconcileWorkloads = () => {
    for (const rs of replicaSets) rs.reconcile(clock.now());
    for (const d of deployments) d.reconcile(() => d.replicaSets().forEach((rs) => rs.reconcile(clock.now())));
    for (const controller of [...statefulSets, ...daemonSets]) controller.reconcile(clock.now());
    // Only headless Services give pods DNS names; pod objects are the same while nothing about them
    // changed, so the names are republished only when one did.
    if (!hasHeadless) return;
    const pods = cluster.runners.flatMap((r) => r.snapshot() ?? []);
    if (pods.length === dnsPods.length && pods.every((p, i) => p === dnsPods[i])) return;
    dnsPods = pods;
    const fresh = { ...staticDns, ...headlessDns(services, pods) };
    for (const name of Object.keys(dns)) if (!(name in fresh)) delete dns[name];
    Object.assign(dns, fresh);
  };
  /**
   * The control plane reacts to what just happened: controllers first, then the scheduler. Only a
   * change can make it act (each bumps recorder.apiVersion: a pod object, a node, an action, a
   * controller's own wake-up), so an instant where only probes ran and answered as before skips it.
   * The scheduler binds what the API already holds: the instant's frame is recorded before it
   * acts, so a watch sees a new pod Pending, without a node, before it is bound (a second frame of
   * the same instant, only when the scheduler changed something).
   */
  let reactedAt = -1;
  const reactControlPlane = () => {
    if (recorder.apiVersion === reactedAt) return;
    reactedAt = recorder.apiVersion;
    reconcileWorkloads();
    record();
    cluster.schedulePending();
  };
  /** Every pod as Service routing sees it (containers' connections and outside clients alike). */
  const endpoints = (): TrafficEndpoint[] =>
    cluster.runners.map((r) => ({
      name: r.name,
      pod: () => r.snapshot(),
      ip: () => r.ip,
      listener: (port) => r.listener(port),
      override: (port, path) => r.endpointOverride(port, path),
    }));
  let lastSlices: { pods?: Pod[]; slices: EndpointSlice[] } = { slices: [] };
  let lastReplicaSets: ReplicaSet[] = [];
  let lastNodes: NodeFrame[] = [];
  let lastDeployments: Deployment[] = [];
  let lastStatefulSets: StatefulSet[] = [];
  let lastDaemonSets: DaemonSet[] = [];
  const deletedAt: Record<string, number> = {};
  const requests: RequestRecord[] = [];

  // The API server has the pods before the scheduler binds them (kubectl get -w prints Pending
  // first); the kubelet's first sync posts the default waiting states right after the bind.
  reactControlPlane();
  record();

  for (const action of [...input.actions].sort((a, b) => a.at - b.at)) {
    clock.setTimeout(() => applyAction(action), action.at * 1000);
  }
  // Clients outside the pods; their own seeded source, so adding traffic changes no pod's IDs.
  const trafficWarnings = startTraffic(input.traffic ?? [], {
    clock,
    services,
    endpoints,
    ids: new IdSource(input.seed ^ 0x7a4f1c),
    until,
    requests,
  });

  function applyAction(action: SimAction): void {
    // Whatever the action, the API changed: a frame, and the control plane looks again.
    recorder.changed();
    switch (action.kind) {
      case 'deletePod':
        cluster.find(action.pod)?.delete(action.gracePeriodSeconds);
        break;
      case 'setPodCondition':
        cluster.find(action.pod)?.setCondition(action.type, action.status);
        break;
      case 'setNodeState':
        cluster.setNodeState(action.state, action.node);
        break;
      case 'cordon':
        cluster.cordon(action.node);
        break;
      case 'uncordon':
        cluster.uncordon(action.node);
        break;
      case 'drain':
        cluster.drain(action.node);
        break;
      case 'addNode':
        cluster.addNode({
          ...DEFAULT_NODE,
          labels: { 'kubernetes.io/hostname': action.node.name, 'kubernetes.io/os': 'linux' },
          ...action.node,
        });
        break;
      case 'removeNode':
        cluster.removeNode(action.node);
        break;
      case 'nodePressure':
        cluster.pressure(action.resource, action.node);
        break;
      case 'scale':
        if (action.deployment !== undefined) deployments.find((d) => d.name === action.deployment)?.scale(action.replicas);
        else if (action.statefulSet !== undefined) statefulSets.find((sts) => sts.name === action.statefulSet)?.scale(action.replicas);
        else allReplicaSets().find((rs) => rs.name === action.replicaSet)?.scale(action.replicas);
        recorder.changed();
        break;
      case 'setImage':
        (action.statefulSet !== undefined
          ? statefulSets.find((sts) => sts.name === action.statefulSet)
          : action.daemonSet !== undefined
            ? daemonSets.find((ds) => ds.name === action.daemonSet)
            : deployments.find((d) => d.name === action.deployment)
        )?.setImage(action.container, action.image);
        break;
      case 'rollback':
        deployments.find((d) => d.name === action.deployment)?.rollback(action.toRevision);
        break;
      case 'pauseRollout':
      case 'resumeRollout':
        deployments.find((d) => d.name === action.deployment)?.setPaused(action.kind === 'pauseRollout');
        break;
      default:
        cluster.find('pod' in action ? action.pod : undefined)?.act(action);
    }
  }

  /**
   * The previous list when every item's snapshot is the same object: frames share unchanged lists.
   * Most frames change nothing here, so nothing is allocated until an item differs.
   */
  function sameItems<S, T>(before: T[], items: readonly S[], snap: (item: S) => T, keep: (list: T[]) => void): T[] {
    let out: T[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const now = snap(items[i]);
      if (!out && (i >= before.length || before[i] !== now)) out = before.slice(0, i);
      out?.push(now);
    }
    if (!out && items.length === before.length) return before;
    const list = out ?? before.slice(0, items.length);
    keep(list);
    return list;
  }

  function record(): void {
    const version = recorder.version;
    if (version === lastVersion && frames.length > 0) return;
    lastVersion = version;
    // Frames share the previous list when no Pod object changed: long runs stay small. A frame is
    // recorded at nearly every instant, so the common case allocates nothing here.
    const previous = frames[frames.length - 1]?.pods ?? [];
    let pods = previous;
    let n = 0;
    for (const r of cluster.runners) {
      const pod = r.snapshot();
      if (!pod) {
        if (deletedAt[r.name] === undefined) deletedAt[r.name] = clock.now();
        continue;
      }
      if (pods === previous && previous[n] !== pod) pods = previous.slice(0, n);
      if (pods !== previous) pods.push(pod);
      n++;
    }
    if (pods === previous && n < previous.length) pods = previous.slice(0, n);
    // The same pod list gives the same slices; a changed list keeps the old slices when their
    // content is equal (most pod changes, a probe count or a restart, do not touch endpoints).
    if (services.length > 0 && pods !== lastSlices.pods) {
      const slices = services.map((svc) => endpointSlice(svc, pods, sliceSuffix.get(svc.metadata?.name ?? '') ?? 'xxxxx'));
      lastSlices = { pods, slices: deepEqual(slices, lastSlices.slices) ? lastSlices.slices : slices };
    }
    frames.push({
      t: clock.now(),
      pods,
      services,
      endpointSlices: lastSlices.slices,
      replicaSets: sameItems(lastReplicaSets, deployments.length > 0 ? allReplicaSets() : replicaSets, (rs) => rs.snapshot(), (v) => (lastReplicaSets = v)),
      deployments: sameItems(lastDeployments, deployments, (d) => d.snapshot(), (v) => (lastDeployments = v)),
      statefulSets: sameItems(lastStatefulSets, statefulSets, (sts) => sts.snapshot(), (v) => (lastStatefulSets = v)),
      daemonSets: sameItems(lastDaemonSets, daemonSets, (ds) => ds.snapshot(), (v) => (lastDaemonSets = v)),
      machines: recorder.machineStates(),
      nodes: sameItems(lastNodes, cluster.nodes, (n) => n.snapshot(), (v) => (lastNodes = v)),
      eventCount: recorder.events.length,
      transitionCount: recorder.transitions.length,
      probeCount: recorder.probes.length,
      requestCount: requests.length,
    });
  };

  // After each instant, the control plane reacts: the scheduler retries pending pods.
  while (clock.step(until) !== undefined) {
    reactControlPlane();
    record();
  }
  clock.advanceTo(until);
  for (const runner of cluster.runners) runner.flushLogs();
  return {
    ok: true,
    trace: {
      frames,
      events: recorder.events,
      transitions: recorder.transitions,
      probes: recorder.probes,
      scheduling: cluster.decisions,
      requests,
      logs,
      until,
      diagnostics: [...admission.diagnostics, ...trafficWarnings],
      deletedAt,
    },
  };
}

/** The frame in force at virtual time t (the last frame at or before t). */
export function seek(trace: Trace, t: number): Frame {
  const frames = trace.frames;
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (frames[mid].t <= t) lo = mid;
    else hi = mid - 1;
  }
  return frames[lo];
}

