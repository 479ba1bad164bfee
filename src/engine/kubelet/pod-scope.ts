/**
 * What every part of one pod's kubelet shares: the Pod as written, its identity, the kubelet's
 * environment, the API server's view of the object, and the two ways a change becomes visible
 * (an Event, worded as the kubelet words it; touching the Pod object so the next frame rebuilds it).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { PodApiView } from './api-view';
import type { KubeletEnv } from './kubelet-env';

export class PodScope {
  readonly name: string;
  readonly namespace: string;
  readonly uid: string;
  /** How the kubelet names the pod in its messages: `name_namespace(uid)`. */
  readonly podRef: string;
  readonly api = new PodApiView();

  constructor(
    readonly pod: Pod,
    readonly env: KubeletEnv,
  ) {
    this.name = pod.metadata?.name ?? 'pod';
    this.namespace = pod.metadata?.namespace ?? 'default';
    this.uid = env.ids.uid();
    this.podRef = `${this.name}_${this.namespace}(${this.uid})`;
  }

  now(): number {
    return this.env.clock.now();
  }

  /** spec.terminationGracePeriodSeconds, 30 when the manifest leaves it out. */
  get graceSeconds(): number {
    return this.pod.spec?.terminationGracePeriodSeconds ?? 30;
  }

  /** Anything the Pod object shows may have changed; frames reuse the last object otherwise. */
  touch(): void {
    this.api.touch();
    this.env.recorder.changed();
  }

  /** An Event on the pod; `slot` names the container (its fieldPath) it is about. */
  event(type: 'Normal' | 'Warning', reason: string, message: string, slot?: { fieldPath: string }, source = 'kubelet'): void {
    this.env.recorder.event({
      type,
      reason,
      object: `pod/${this.name}`,
      ...(slot ? { fieldPath: slot.fieldPath } : {}),
      message,
      source,
    });
  }
}
