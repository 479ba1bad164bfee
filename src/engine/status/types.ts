import type { PodCondition, PodStatus } from 'kubernetes-types/core/v1';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/**
 * A PodCondition as the API server serialises it (`kubectl get pod -o json`): metav1.Time is never
 * omitted, a zero time is `null`, so `lastProbeTime: null` is always there. kubernetes-types 1.30
 * types the times `string | undefined` and has no `observedGeneration` (PodObservedGenerationTracking,
 * on by default since 1.34), hence this widened shape.
 */
export type ApiPodCondition = Omit<PodCondition, 'lastProbeTime' | 'lastTransitionTime'> & {
  lastProbeTime: string | null;
  lastTransitionTime: string;
  observedGeneration?: number;
};

/** PodStatus with conditions as the API server serialises them. */
export type ApiPodStatus = Omit<PodStatus, 'conditions'> & { conditions?: ApiPodCondition[] };

/** A condition before the status manager stamps its times (what pkg/kubelet/status/generate.go returns). */
export interface GeneratedCondition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

/** Either shape, for inputs that may come from kubernetes-types or from a previous ApiPodStatus. */
export type AnyPodCondition = PodCondition | ApiPodCondition;
