/**
 * Pod readiness as the workload controllers read it (pkg/api/v1/pod/util.go IsPodReady,
 * IsPodAvailable): available = Ready for at least minReadySeconds, measured from the Ready
 * condition's lastTransitionTime as the API stores it, to the second (metav1.Time drops the
 * fraction: apimachinery time_proto.go), so a pod Ready at 24.9 s with minReadySeconds 3 is
 * available from 27 s, counted at the controller's first sync from then on (ControllerSyncs).
 * Every workload controller that counts available pods reads it here.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { virtualMs } from '../../k8s/time';
import type { Timers } from '../../runtime/types';
import { isPodReady } from '../cluster/endpoint-slices';

export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime;
  return (since ? virtualMs(since) : 0) + minReadySeconds * 1000 <= now;
}

/** stateful_set_utils.go isRunningAndReady: phase Running and the Ready condition True. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** The objects a controller last synced over: the same ones (by identity) mean no informer event. */
function sameObjects(a: readonly Pod[], b: readonly Pod[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const podKey = (pod: Pod) => pod.metadata?.uid ?? pod.metadata?.name ?? '';

/**
 * When a workload controller last synced, and the re-syncs it queues for minReadySeconds. A pod
 * becomes available with no event of its own, so a controller counts it only at its next sync. It
 * syncs on an informer event for one of its pods or for its own object, and when a delayed re-queue
 * comes due:
 * - a pod turning Ready queues one minReadySeconds + 1 s later (updatePod in replica_set.go,
 *   daemon_controller.go and stateful_set.go: "Add a second to avoid milliseconds skew");
 * - a sync that leaves pods short of available queues one minReadySeconds later (the condition is
 *   each controller's: `requeueAfterMinReady`).
 * The work queue holds one delayed entry per object, at the earliest time asked: a later request
 * while one waits is dropped (client-go delaying_queue.go). With minReadySeconds 0 a Ready pod is
 * available at once and nothing is queued.
 */
export class ControllerSyncs {
  /** The instant of the latest sync: pods are counted available as of then. */
  private at = 0;
  private pods: readonly Pod[] = [];
  private generation = 0;
  private due: { at: number; timer: number } | undefined;
  private woken = false;

  constructor(
    private readonly minReadySeconds: () => number,
    private readonly timers: Timers,
    private readonly wake: () => void,
  ) {}

  /**
   * A pass of the controller over its pods (every pod it owns, terminating ones included): a sync
   * when one of them or its own object changed, or a re-queue came due; otherwise it keeps what it
   * counted last.
   */
  observe(pods: readonly Pod[], generation: number, now: number): void {
    if (!this.woken && generation === this.generation && sameObjects(pods, this.pods)) return;
    const minReady = this.minReadySeconds();
    if (minReady > 0) {
      const wasReady = new Set<string>();
      for (const pod of this.pods) if (isPodReady(pod)) wasReady.add(podKey(pod));
      for (const pod of pods) if (isPodReady(pod) && !wasReady.has(podKey(pod))) this.requeue(now + (minReady + 1) * 1000, now);
    }
    this.at = now;
    this.pods = pods;
    this.generation = generation;
    this.woken = false;
  }

  /** The instant of the latest sync. */
  get syncedAt(): number {
    return this.at;
  }

  /** Whether the controller counted `pod` available at its latest sync (podutil.IsPodAvailable). */
  isAvailable(pod: Pod): boolean {
    return isPodAvailable(pod, this.minReadySeconds(), this.at);
  }

  /** The sync left pods short of available: look again minReadySeconds later. */
  requeueAfterMinReady(now: number): void {
    const minReady = this.minReadySeconds();
    if (minReady > 0) this.requeue(now + minReady * 1000, now);
  }

  private requeue(at: number, now: number): void {
    if (this.due && this.due.at <= at) return;
    if (this.due) this.timers.clearTimeout(this.due.timer);
    const timer = this.timers.setTimeout(() => {
      this.due = undefined;
      this.woken = true;
      this.wake();
    }, at - now);
    this.due = { at, timer };
  }
}
