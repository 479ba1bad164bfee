/**
 * Pod readiness as the workload controllers read it (pkg/api/v1/pod/util.go IsPodReady,
 * IsPodAvailable): available = Ready for at least minReadySeconds, measured from the Ready
 * condition's lastTransitionTime as the API stores it, to the second (metav1.Time drops the
 * fraction: apimachinery time_proto.go), so a pod Ready at 24.9 s with minReadySeconds 3 is
 * available at 27 s. Every workload controller that counts available pods reads it here.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { virtualMs } from '../../k8s/time';
import type { Timers } from '../../runtime/types';
import { isPodReady } from '../cluster/endpoint-slices';

/** Virtual ms at which a Ready pod becomes available, or undefined when it is not Ready. */
function availableAt(pod: Pod, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod)) return undefined;
  const since = pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
  return (since ? virtualMs(since) : 0) + minReadySeconds * 1000;
}

export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (minReadySeconds === 0) return isPodReady(pod);
  const at = availableAt(pod, minReadySeconds);
  return at !== undefined && at <= now;
}

/** stateful_set_utils.go isRunningAndReady: phase Running and the Ready condition True. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/**
 * A Ready pod becomes available with no event of its own: the controllers resync after
 * minReadySeconds. `wake` marks that instant as a change (the control plane reacts to changes, and
 * the workload's status changes then); `seen` keeps one timer per instant.
 */
export function wakeWhenAvailable(pods: Pod[], minReadySeconds: number, now: number, timers: Pick<Timers, 'setTimeout'>, seen: Set<number>, wake: () => void): void {
  if (minReadySeconds === 0) return;
  for (const pod of pods) {
    const at = availableAt(pod, minReadySeconds);
    if (at === undefined || at <= now || seen.has(at)) continue;
    seen.add(at);
    timers.setTimeout(wake, at - now);
  }
}
