/**
 * A node's health as the node lifecycle controller sees it (pkg/controller/nodelifecycle):
 * the kubelet posts status; when it stops, after the monitor grace period the node's Ready
 * condition becomes Unknown and it is tainted unreachable:NoExecute; pods that tolerate the taint
 * for tolerationSeconds (300 s by default) are then evicted.
 */
import { emit, setup } from 'xstate';

/** node-monitor-grace-period: how long the controller waits for a heartbeat (50 s since 1.32, 40 s before). */
export const NODE_MONITOR_GRACE_MS = 50_000;

export type NodeEvent =
  | { type: 'KUBELET_READY' }
  | { type: 'KUBELET_NOT_READY' }
  | { type: 'KUBELET_SILENT' }
  | { type: 'CORDON' };

export type NodeEffect = { type: 'markPodsNotReady' } | { type: 'taintUnreachable' } | { type: 'taintNotReady' };

export const nodeMachine = setup({
  types: { events: {} as NodeEvent, emitted: {} as NodeEffect },
  delays: { monitorGrace: NODE_MONITOR_GRACE_MS },
}).createMachine({
  id: 'node',
  initial: 'ready',
  states: {
    /** The kubelet posts Ready=True. */
    ready: {
      on: { KUBELET_NOT_READY: 'notReady', KUBELET_SILENT: 'silent' },
    },
    /** The kubelet posts Ready=False (runtime down, pressure): tainted not-ready:NoExecute. */
    notReady: {
      entry: [emit({ type: 'taintNotReady' }), emit({ type: 'markPodsNotReady' })],
      on: { KUBELET_READY: 'ready', KUBELET_SILENT: 'silent' },
    },
    /** No heartbeat yet: the controller still shows the last status until the grace period ends. */
    silent: {
      after: { monitorGrace: 'unknown' },
      on: { KUBELET_READY: 'ready' },
    },
    /** Ready=Unknown ("Kubelet stopped posting node status."), tainted unreachable:NoExecute. */
    unknown: {
      entry: [emit({ type: 'taintUnreachable' }), emit({ type: 'markPodsNotReady' })],
      on: { KUBELET_READY: 'ready' },
    },
  },
});
