/**
 * The arithmetic of pkg/controller/deployment/util/deployment_util.go, pure: surge and unavailable
 * fenceposts, the new ReplicaSet's next size, the pod-template-hash, and template equality.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { canonical } from './revision';

export type IntOrPercent = number | string;

/** DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

/** intstr.GetScaledValueFromIntOrPercent: a percentage of total, rounded up or down. */
export function scaledValue(value: IntOrPercent | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const percent = Number(value.replace(/%$/, ''));
  const exact = (percent * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down; when both come out 0 (a small
 * percentage of few replicas) maxUnavailable becomes 1, or the rollout could never move.
 */
export function resolveFenceposts(maxSurge: IntOrPercent | undefined, maxUnavailable: IntOrPercent | undefined, desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

const isRolling = (d: Deployment) => d.spec?.strategy?.type !== 'Recreate';
const replicasOf = (d: Deployment) => d.spec?.replicas ?? 1;

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: Deployment): number {
  if (!isRolling(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d)).surge;
}

/** MaxUnavailable: 0 for Recreate or no replicas, never more than the replicas. */
export function maxUnavailable(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRolling(d) || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  return Math.min(resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas).unavailable, replicas);
}

/** What the deployment controller reads of a ReplicaSet. */
export interface RsCounts {
  /** spec.replicas */
  spec: number;
  /** status.replicas, readyReplicas, availableReplicas */
  replicas: number;
  ready: number;
  available: number;
}

const sum = (rss: RsCounts[], f: (r: RsCounts) => number) => rss.reduce((n, r) => n + f(r), 0);
/** GetReplicaCountForReplicaSets (spec), GetActualReplicaCountForReplicaSets (status), ... */
export const specTotal = (rss: RsCounts[]) => sum(rss, (r) => r.spec);
export const actualTotal = (rss: RsCounts[]) => sum(rss, (r) => r.replicas);
export const readyTotal = (rss: RsCounts[]) => sum(rss, (r) => r.ready);
export const availableTotal = (rss: RsCounts[]) => sum(rss, (r) => r.available);

/**
 * NewRSNewReplicas: RollingUpdate grows the new ReplicaSet up to replicas + maxSurge pods in all
 * (counting every ReplicaSet's spec.replicas) and never past spec.replicas; Recreate goes straight there.
 */
export function newRSNewReplicas(d: Deployment, all: RsCounts[], newRS: RsCounts): number {
  const replicas = replicasOf(d);
  if (!isRolling(d)) return replicas;
  const current = specTotal(all);
  const maxTotal = replicas + maxSurge(d);
  if (current >= maxTotal) return newRS.spec;
  const scaleUp = Math.min(maxTotal - current, replicas - newRS.spec);
  return newRS.spec + scaleUp;
}

/** controller.ComputeHash, shared by every workload controller (see revision.ts). */
export { podTemplateHash } from './revision';

/** A template's text without its pod-template-hash label: what EqualIgnoreHash compares. */
export function templateKey(t: PodTemplateSpec | undefined): string {
  const labels = { ...t?.metadata?.labels };
  delete labels[POD_TEMPLATE_HASH];
  return canonical({ ...t, metadata: { ...t?.metadata, labels } });
}

/** EqualIgnoreHash: two templates are the same revision when they differ only in pod-template-hash. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return templateKey(a) === templateKey(b);
}
