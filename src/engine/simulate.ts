/**
 * simulate(input) runs the node from t = 0 on the virtual clock and records the Trace: a Frame after
 * every instant at which something happened, every Event, every transition, every probe.
 * seek(trace, t) finds the frame in force at t by binary search.
 */
import { createActor } from 'xstate';
import { admitManifests, type Diagnostic } from '../k8s';
import { createMemoryFs } from '../runtime/fs';
import { PUBLIC_DNS, createRuntime, internet } from '../runtime';
import { VirtualClock } from './clock';
import { IdSource } from './ids';
import type { SimAction, SimInput } from './input';
import { ImagePuller } from './kubelet/image-puller';
import { PodRunner, type KubeletEnv } from './kubelet/pod-runner';
import { podRequests, schedule } from './kubelet/scheduler';
import { nodeMachine, type NodeEffect } from './machines/node';
import { Recorder } from './recorder';
import { admitServices, serviceDns } from './cluster/services';
import { endpointSlice } from './cluster/endpoint-slices';
import { clusterNetwork, type PodEndpoint } from './cluster/network';
import { configStore } from './cluster/config-objects';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Frame, Trace } from './trace-types';

export type SimResult = { ok: true; trace: Trace } | { ok: false; diagnostics: Diagnostic[] };

export interface SimOptions {
  /** Virtual milliseconds to simulate (default 300 000: five minutes). */
  until?: number;
}

export const DEFAULT_UNTIL_MS = 300_000;
const NODE_IP = '10.0.0.10';

interface NodeView {
  ready: 'True' | 'False' | 'Unknown';
  unschedulable: boolean;
  taints: string[];
}

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
  const puller = new ImagePuller(runtime.catalogue, clock, input.node.pullBytesPerSecond, input.node.cachedImages);
  const logs: Trace['logs'] = {};
  const env: KubeletEnv = {
    clock,
    runtime,
    puller,
    recorder,
    ids,
    nodeName: input.node.name,
    nodeIP: NODE_IP,
    sandboxExtras: {
      hostFs: createMemoryFs(),
      customImages: input.customImages ?? [],
      dns: { ...PUBLIC_DNS, ...serviceDns(services) },
      remote: clusterNetwork(services, () => endpoints, internet),
    },
    logs,
    allocatable: { ...input.node.capacity },
    store: configStore(admission.others),
  };
  const node: NodeView = { ready: 'True', unschedulable: false, taints: [] };
  const nodeActor = createActor(nodeMachine, { clock, inspect: recorder.inspect });
  recorder.track(nodeActor.sessionId, `node/${input.node.name}`, 'node');

  const frames: Frame[] = [];
  let lastVersion = -1;
  const runners = admission.pods.map((admitted) => new PodRunner(admitted.pod, env, 0));
  const endpoints: PodEndpoint[] = runners.map((r) => ({ pod: () => r.snapshot(), ip: () => r.ip, listener: (port) => r.listener(port) }));
  let lastSlices: { key: string; slices: EndpointSlice[] } = { key: '', slices: [] };
  const deletedAt: Record<string, number> = {};

  nodeActor.on('*', (effect: NodeEffect) => {
    if (effect.type === 'taintUnreachable') {
      node.ready = 'Unknown';
      node.taints = ['node.kubernetes.io/unreachable:NoExecute'];
      for (const runner of runners) {
        recorder.event({ type: 'Warning', reason: 'NodeNotReady', object: `pod/${runner.name}`, message: 'Node is not ready', source: 'node-controller' });
        scheduleEviction(runner);
      }
    } else if (effect.type === 'taintNotReady') {
      node.ready = 'False';
      node.taints = ['node.kubernetes.io/not-ready:NoExecute'];
    } else if (effect.type === 'markPodsNotReady') {
      for (const runner of runners) runner.markNotReady();
    }
  });
  nodeActor.start();

  // The taint manager deletes pods that tolerate the unreachable taint only for tolerationSeconds.
  const scheduleEviction = (runner: PodRunner) => {
    const toleration = runner.spec.spec?.tolerations?.find((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute');
    if (toleration && toleration.tolerationSeconds === undefined) return;
    const seconds = toleration?.tolerationSeconds ?? 0;
    clock.setTimeout(() => {
      if (node.ready !== 'Unknown' || runner.isRemoved) return;
      recorder.event({
        type: 'Normal',
        reason: 'TaintManagerEviction',
        object: `pod/${runner.name}`,
        message: `Marking for deletion Pod ${runner.namespace}/${runner.name}`,
        source: 'taint-eviction-controller',
      });
      runner.setCondition('DisruptionTarget', 'True', 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
      runner.delete();
    }, seconds * 1000);
  };

  // The API server has the pods before the scheduler binds them (kubectl get -w prints Pending first).
  record();

  // The scheduler binds pods in manifest order against what the node has left.
  const used = { cpu: 0, memory: 0, pods: 0 };
  for (const runner of runners) {
    runner.start();
    const result = schedule(runner.spec, input.node, used, node.unschedulable);
    if (result.ok) {
      const want = podRequests(runner.spec);
      used.cpu += want.cpu;
      used.memory += want.memory;
      used.pods += 1;
      runner.bind();
    } else {
      runner.unschedulable(result.message);
    }
  }

  // The kubelet's first sync posts the default waiting states right after the bind.
  record();

  const findRunner = (name?: string) => (name ? runners.find((r) => r.name === name) : runners[0]);
  for (const action of [...input.actions].sort((a, b) => a.at - b.at)) {
    clock.setTimeout(() => applyAction(action), action.at * 1000);
  }

  function applyAction(action: SimAction): void {
    switch (action.kind) {
      case 'deletePod':
        findRunner(action.pod)?.delete(action.gracePeriodSeconds);
        break;
      case 'setPodCondition':
        findRunner(action.pod)?.setCondition(action.type, action.status);
        break;
      case 'setNodeState':
        if (action.state === 'Unreachable') for (const runner of runners) runner.freezeApi();
        if (action.state === 'Ready') {
          node.ready = 'True';
          node.taints = node.taints.filter((t) => !t.startsWith('node.kubernetes.io/unreachable') && !t.startsWith('node.kubernetes.io/not-ready'));
          for (const runner of runners) runner.thawApi();
        }
        nodeActor.send({ type: action.state === 'Ready' ? 'KUBELET_READY' : action.state === 'NotReady' ? 'KUBELET_NOT_READY' : 'KUBELET_SILENT' });
        break;
      case 'cordon':
      case 'drain':
        if (!node.unschedulable) {
          node.unschedulable = true;
          node.taints = [...node.taints, 'node.kubernetes.io/unschedulable:NoSchedule'];
        }
        // kubectl drain evicts every pod through the Eviction API: a deletion with the pod's own grace period.
        if (action.kind === 'drain') for (const runner of runners) runner.delete();
        break;
      case 'nodePressure': {
        // Default hard thresholds: memory.available<100Mi, nodefs.available<10%, pid.available<10% (approx.).
        const threshold = { memory: '100Mi', 'ephemeral-storage': '10%', pid: '10%' }[action.resource];
        const available = { memory: '92Mi', 'ephemeral-storage': '8%', pid: '6%' }[action.resource];
        const condition = { memory: 'memory-pressure', 'ephemeral-storage': 'disk-pressure', pid: 'pid-pressure' }[action.resource];
        node.taints = [...node.taints.filter((t) => !t.includes(condition)), `node.kubernetes.io/${condition}:NoSchedule`];
        // The eviction manager ranks pods (BestEffort first, then usage above requests) and evicts one at a time.
        const order: Record<string, number> = { BestEffort: 0, Burstable: 1, Guaranteed: 2 };
        const rank = (r: PodRunner) => order[r.qos()] ?? 1;
        const victims = [...runners].sort((a, b) => rank(a) - rank(b));
        for (const runner of victims) if (runner.evict(action.resource, threshold, available)) break;
        break;
      }
      default:
        findRunner('pod' in action ? action.pod : undefined)?.act(action);
    }
  }

  function record(): void {
    const version = recorder.version;
    if (version === lastVersion && frames.length > 0) return;
    lastVersion = version;
    const pods = runners.flatMap((r) => {
      const pod = r.snapshot();
      if (!pod && deletedAt[r.name] === undefined) deletedAt[r.name] = clock.now();
      return pod ? [pod] : [];
    });
    const slices = services.map((svc) => endpointSlice(svc, pods, sliceSuffix.get(svc.metadata?.name ?? '') ?? 'xxxxx'));
    const key = JSON.stringify(slices);
    if (key !== lastSlices.key) lastSlices = { key, slices };
    frames.push({
      t: clock.now(),
      pods,
      services,
      endpointSlices: lastSlices.slices,
      machines: recorder.machineStates(),
      node: { name: input.node.name, ready: node.ready, unschedulable: node.unschedulable, taints: [...node.taints] },
      eventCount: recorder.events.length,
      transitionCount: recorder.transitions.length,
      probeCount: recorder.probes.length,
    });
  };

  while (clock.step(until) !== undefined) record();
  clock.advanceTo(until);
  for (const runner of runners) runner.flushLogs();
  return {
    ok: true,
    trace: {
      frames,
      events: recorder.events,
      transitions: recorder.transitions,
      probes: recorder.probes,
      logs,
      until,
      diagnostics: admission.diagnostics,
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

