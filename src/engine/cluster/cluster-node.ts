/**
 * One node of the cluster: its settings, its health as the node lifecycle controller sees it (the
 * node machine, taints, cordon), and what its kubelet lends the pods bound to it (NodeHost: image
 * cache and pull queue, host filesystem, the pod CIDR's addresses).
 */
import { createActor, type Actor } from 'xstate';
import { createMemoryFs } from '../../runtime/fs';
import type { SimRuntime } from '../../runtime';
import type { VirtualClock } from '../clock';
import type { IdSource } from '../ids';
import type { NodeSettings } from '../input';
import { ImagePuller } from '../kubelet/image-puller';
import type { NodeHost } from '../kubelet/node-host';
import { nodeMachine, type NodeEffect } from '../machines/node';
import type { Recorder } from '../recorder';
import type { NodeFrame } from '../trace-types';

export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const NOT_READY = 'node.kubernetes.io/not-ready';
export const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

export interface NodeView {
  ready: 'True' | 'False' | 'Unknown';
  unschedulable: boolean;
  taints: string[];
}

export class ClusterNode {
  readonly view: NodeView = { ready: 'True', unschedulable: false, taints: [] };
  readonly host: NodeHost;
  private readonly actor: Actor<typeof nodeMachine>;
  private frame?: NodeFrame;
  /** When the node joined, if after the start. */
  private readonly joinedAt?: number;

  constructor(
    readonly settings: NodeSettings,
    /** Position in the cluster: node i has IP 10.0.0.(10+i) and pod CIDR 10.244.i.0/24. */
    index: number,
    env: { clock: VirtualClock; runtime: SimRuntime; recorder: Recorder; ids: IdSource },
    /** Addresses in use on this node right now (pods that hold a sandbox). */
    usedIPs: () => Set<string>,
    onEffect: (node: ClusterNode, effect: NodeEffect) => void,
  ) {
    if (env.clock.now() > 0) this.joinedAt = env.clock.now();
    const puller = new ImagePuller(env.runtime.catalogue, env.clock, settings.pullBytesPerSecond, settings.cachedImages);
    this.host = {
      name: settings.name,
      ip: `10.0.0.${10 + index}`,
      puller,
      hostFs: createMemoryFs(),
      allocatable: { ...settings.capacity },
      allocatePodIP: () => {
        // host-local hands out a free address of the node's /24; PodPlay draws one at random
        // (seeded) so addresses look like a real cluster's, and steps past any taken one.
        const used = usedIPs();
        let n = 10 + env.ids.int(200);
        while (used.has(`10.244.${index}.${n}`)) n = n >= 254 ? 2 : n + 1;
        return `10.244.${index}.${n}`;
      },
    };
    this.actor = createActor(nodeMachine, { clock: env.clock, inspect: env.recorder.inspect });
    env.recorder.track(this.actor.sessionId, `node/${settings.name}`, 'node');
    this.actor.on('*', (effect) => onEffect(this, effect));
    this.actor.start();
  }

  /** The node object is deleted: the controller no longer watches it. */
  stop(): void {
    this.actor.stop();
  }

  get name(): string {
    return this.settings.name;
  }

  get labels(): Record<string, string> {
    return this.settings.labels;
  }

  /** The kubelet's reports as the node machine hears them. */
  report(state: 'Ready' | 'NotReady' | 'Unreachable'): void {
    if (state === 'Ready') {
      this.view.ready = 'True';
      this.view.taints = this.view.taints.filter((t) => !t.startsWith(UNREACHABLE) && !t.startsWith(NOT_READY));
    }
    this.actor.send({ type: state === 'Ready' ? 'KUBELET_READY' : state === 'NotReady' ? 'KUBELET_NOT_READY' : 'KUBELET_SILENT' });
  }

  cordon(): void {
    if (this.view.unschedulable) return;
    this.view.unschedulable = true;
    this.view.taints = [...this.view.taints, `${UNSCHEDULABLE}:NoSchedule`];
  }

  uncordon(): void {
    this.view.unschedulable = false;
    this.view.taints = this.view.taints.filter((t) => !t.startsWith(UNSCHEDULABLE));
  }

  /** Replace the taints with `key` (any effect) by these. */
  setTaints(key: string, taints: string[]): void {
    this.view.taints = [...this.view.taints.filter((t) => !t.startsWith(key)), ...taints];
  }

  /** The node as frames show it; the same object while nothing changed. */
  snapshot(): NodeFrame {
    const f = this.frame;
    if (f && f.ready === this.view.ready && f.unschedulable === this.view.unschedulable && f.taints.join() === this.view.taints.join()) return f;
    this.frame = {
      name: this.settings.name,
      ready: this.view.ready,
      unschedulable: this.view.unschedulable,
      taints: [...this.view.taints],
      labels: this.settings.labels,
      capacity: this.settings.capacity,
      ...(this.joinedAt !== undefined && { createdAt: this.joinedAt }),
    };
    return this.frame;
  }
}
