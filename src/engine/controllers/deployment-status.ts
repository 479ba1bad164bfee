/**
 * Deployment status and conditions, as pkg/controller/deployment/sync.go (calculateStatus) and
 * progress.go (syncRolloutStatus) write them, with deployment_util.go's condition helpers.
 */
import type { Deployment, DeploymentCondition, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { kubeTime, virtualMs } from '../../k8s/time';
import { actualTotal, availableTotal, maxUnavailable, readyTotal, specTotal, type RsCounts } from './deployment-util';

/** Progressing reasons (deployment_util.go). */
export const NEW_RS_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const RS_UPDATED_REASON = 'ReplicaSetUpdated';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_REASON = 'DeploymentPaused';
export const RESUMED_REASON = 'DeploymentResumed';

/** progressDeadlineSeconds at MaxInt32 means "no deadline" (HasProgressDeadline). */
export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== 2147483647;
}

export function getCondition(status: DeploymentStatus, type: string): DeploymentCondition | undefined {
  return status.conditions?.find((c) => c.type === type);
}

export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: number): DeploymentCondition {
  return { type, status, reason, message, lastUpdateTime: kubeTime(now), lastTransitionTime: kubeTime(now) };
}

/**
 * SetDeploymentCondition: the same status and reason leaves the condition as it is; otherwise it is
 * replaced (moved to the end), keeping lastTransitionTime when only the reason changed.
 */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  status.conditions = (status.conditions ?? []).filter((c) => c.type !== type);
}

/** Status fields with omitempty: a zero is left out, as the API server's JSON leaves it out. */
function count(n: number): number | undefined {
  return n === 0 ? undefined : n;
}

/** calculateStatus: counts over every ReplicaSet, and the Available condition. */
export function calculateStatus(all: RsCounts[], newRS: RsCounts | undefined, d: Deployment, generation: number, now: number): DeploymentStatus {
  const replicas = d.spec?.replicas ?? 1;
  const available = availableTotal(all);
  // Negative while scaling down (more available than desired): then zero.
  const unavailable = Math.max(0, specTotal(all) - available);
  const status: DeploymentStatus = {
    observedGeneration: generation,
    replicas: count(actualTotal(all)),
    updatedReplicas: count(newRS ? newRS.replicas : 0),
    readyReplicas: count(readyTotal(all)),
    availableReplicas: count(available),
    unavailableReplicas: count(unavailable),
    conditions: [...(d.status?.conditions ?? [])],
  };
  if (available >= replicas - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  }
  return status;
}

const n = (v: number | undefined) => v ?? 0;

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus, generation: number): boolean {
  const replicas = d.spec?.replicas ?? 1;
  return n(status.updatedReplicas) === replicas && n(status.replicas) === replicas && n(status.availableReplicas) === replicas && n(status.observedGeneration) >= generation;
}

/** DeploymentProgressing: more updated, ready or available replicas than before, or fewer old ones. */
export function deploymentProgressing(old: DeploymentStatus, next: DeploymentStatus): boolean {
  const oldOld = n(old.replicas) - n(old.updatedReplicas);
  const newOld = n(next.replicas) - n(next.updatedReplicas);
  return (
    n(next.updatedReplicas) > n(old.updatedReplicas) ||
    newOld < oldOld ||
    n(next.readyReplicas) > n(old.readyReplicas) ||
    n(next.availableReplicas) > n(old.availableReplicas)
  );
}

/**
 * When the Progressing condition runs out: its lastUpdateTime (stored to the second) plus
 * progressDeadlineSeconds. DeploymentTimedOut needs now strictly after it, and
 * requeueStuckDeployment comes back a second later to check.
 */
export function progressDeadlineAt(d: Deployment, condition: DeploymentCondition): number {
  return virtualMs(condition.lastUpdateTime ?? '') + (d.spec?.progressDeadlineSeconds ?? 600) * 1000;
}

/** DeploymentTimedOut. */
export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const condition = getCondition(status, 'Progressing');
  if (!condition || condition.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (condition.reason === TIMED_OUT_REASON) return true;
  return progressDeadlineAt(d, condition) < now;
}

/**
 * syncRolloutStatus's conditions: complete, progressing (lastUpdateTime moves, lastTransitionTime
 * stays) or timed out; nothing once the rollout completed until a new one starts.
 */
export function rolloutStatus(d: Deployment, next: DeploymentStatus, newRSName: string | undefined, generation: number, now: number): DeploymentStatus {
  const old = d.status ?? {};
  if (!hasProgressDeadline(d)) removeCondition(next, 'Progressing');
  const current = getCondition(old, 'Progressing');
  const isComplete = n(next.replicas) === n(next.updatedReplicas) && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (!hasProgressDeadline(d) || isComplete) return next;
  const name = d.metadata?.name ?? '';
  const subject = newRSName !== undefined ? `ReplicaSet "${newRSName}"` : `Deployment "${name}"`;
  if (deploymentComplete(d, next, generation)) {
    setCondition(next, newCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, `${subject} has successfully progressed.`, now));
  } else if (deploymentProgressing(old, next)) {
    const condition = newCondition('Progressing', 'True', RS_UPDATED_REASON, `${subject} is progressing.`, now);
    if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
    removeCondition(next, 'Progressing');
    setCondition(next, condition);
  } else if (deploymentTimedOut(d, next, now)) {
    setCondition(next, newCondition('Progressing', 'False', TIMED_OUT_REASON, `${subject} has timed out progressing.`, now));
  }
  return next;
}
