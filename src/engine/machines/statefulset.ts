/**
 * What the StatefulSet controller is doing, as one statechart the UI can draw
 * (pkg/controller/statefulset/stateful_set_control.go updateStatefulSet, processReplica,
 * processCondemned). The controller drives it: after each sync it reports what it did or what it
 * waits for. Under OrderedReady it makes progress one Pod at a time: it creates `web-N`, waits
 * until that Pod is Running and Ready, then creates `web-N+1`; it deletes from the highest ordinal
 * down and waits for each Pod to be gone; a Pod being deleted blocks everything until it is gone,
 * after which the same name is created again. Under Parallel it does not wait.
 */
import { setup } from 'xstate';

export type StatefulSetEvent =
  | { type: 'CREATED'; pod: string }
  | { type: 'DELETED'; pod: string }
  | { type: 'WAIT_READY'; pod: string }
  | { type: 'WAIT_GONE'; pod: string }
  | { type: 'SETTLED' };

export const statefulSetMachine = setup({
  types: { events: {} as StatefulSetEvent },
}).createMachine({
  id: 'statefulset',
  initial: 'stable',
  on: {
    CREATED: '.creating',
    DELETED: '.deleting',
    WAIT_READY: '.waitingForReady',
    WAIT_GONE: '.waitingForTermination',
    SETTLED: '.stable',
  },
  states: {
    /** Every ordinal below spec.replicas has a Running and Ready Pod and there are no others. */
    stable: {},
    /** The controller just created a Pod (and its claims): `create Pod web-0 in StatefulSet web successful`. */
    creating: {},
    /** OrderedReady: the Pod with the lowest unready ordinal must be Running and Ready before the next is created. */
    waitingForReady: {},
    /** The controller just deleted a Pod: scale down (highest ordinal first), or a failed Pod it will recreate. */
    deleting: {},
    /** A Pod is terminating: the controller waits until it is gone before it recreates it or deletes the next one. */
    waitingForTermination: {},
  },
});
