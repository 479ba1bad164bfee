/**
 * A Pod as the scheduler and the kubelet's pod worker see it (pkg/kubelet/pod_workers.go:
 * SyncPod, then TerminatingPod, then TerminatedPod). The phase shown to users is derived from
 * container statuses (src/engine/status); this machine holds what the pod worker is doing.
 */
import { emit, setup } from 'xstate';
import { SANDBOX_CREATE_MS } from '../timing';

export type PodEvent =
  | { type: 'BIND' }
  | { type: 'UNSCHEDULABLE' }
  | { type: 'INITIALIZED' }
  | { type: 'ALL_EXITED' }
  | { type: 'DELETE' }
  | { type: 'EVICT' }
  | { type: 'ALL_STOPPED' }
  | { type: 'NODE_LOST' };

export type PodEffect =
  | { type: 'sandboxReady' }
  | { type: 'startInit' }
  | { type: 'killAll' }
  | { type: 'remove' }
  | { type: 'teardown' };

export const podMachine = setup({
  types: { events: {} as PodEvent, emitted: {} as PodEffect },
  delays: { createSandbox: SANDBOX_CREATE_MS },
}).createMachine({
  id: 'pod',
  initial: 'scheduling',
  states: {
    /** The scheduler looks for a node that fits (filters: resources, nodeName, nodeSelector, taints). */
    scheduling: {
      on: { BIND: 'syncing', UNSCHEDULABLE: 'unschedulable' },
    },
    /** PodScheduled=False, reason Unschedulable; the scheduler retries when the cluster changes. */
    unschedulable: {
      on: { BIND: 'syncing' },
    },
    /** The kubelet's pod worker syncs the pod: sandbox, then init containers, then the rest. */
    syncing: {
      initial: 'creatingSandbox',
      states: {
        creatingSandbox: {
          after: { createSandbox: { target: 'initializing', actions: emit({ type: 'sandboxReady' }) } },
        },
        initializing: {
          entry: emit({ type: 'startInit' }),
          on: { INITIALIZED: 'running' },
        },
        running: {},
      },
      on: {
        ALL_EXITED: 'finished',
        DELETE: 'terminating',
        EVICT: 'evicting',
        NODE_LOST: 'lost',
      },
    },
    /** restartPolicy Never/OnFailure and every container is done: phase Succeeded or Failed. */
    finished: {
      entry: emit({ type: 'teardown' }),
      on: { DELETE: 'removed' },
    },
    /** Deleted: preStop, TERM, KILL after the grace period, for every container. */
    terminating: {
      entry: emit({ type: 'killAll' }),
      on: { ALL_STOPPED: 'removed', NODE_LOST: 'lost' },
    },
    /**
     * Node-pressure eviction (pkg/kubelet/eviction): the kubelet kills every container at once
     * (grace period 0, so 2 s between TERM and KILL) and marks the pod Failed, reason Evicted.
     * The object stays in the API until someone deletes it.
     */
    evicting: {
      entry: emit({ type: 'killAll' }),
      on: { ALL_STOPPED: 'finished', DELETE: 'terminating' },
    },
    /** The node stopped reporting: the control plane no longer hears from this pod's kubelet. */
    lost: {
      on: { DELETE: 'lost' },
    },
    /** The API object is gone. */
    removed: {
      type: 'final',
      entry: emit({ type: 'remove' }),
    },
  },
  on: {},
});
