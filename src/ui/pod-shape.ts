/**
 * A pod's state as the views draw it (the Cluster view's shapes, the timeline's owner lanes): how it
 * finished, terminating, pending, or running with every container ready and the Ready condition
 * True, or not. One word per state, never a colour alone.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { isPodReady } from '../engine/cluster/endpoint-slices';
import { printPodRow } from '../k8s';

export type PodShape = 'ready' | 'not-ready' | 'pending' | 'terminating' | 'succeeded' | 'failed';

/** `ready` is kubectl's READY column (`1/1`), when the caller has already printed the row. */
export function podShape(pod: Pod, ready = printPodRow(pod).ready): PodShape {
  const phase = pod.status?.phase ?? 'Pending';
  if (phase === 'Succeeded') return 'succeeded';
  if (phase === 'Failed') return 'failed';
  if (pod.metadata?.deletionTimestamp) return 'terminating';
  if (phase === 'Pending') return 'pending';
  const [n, of] = ready.split('/');
  return n === of && isPodReady(pod) ? 'ready' : 'not-ready';
}
