/**
 * Actions on a node: its Ready state (the kubelet reports NotReady, or stops reporting), resource
 * pressure, cordon, uncordon, drain. With several nodes the form names the node; the engine's
 * node actions take it (`node`, the first node when absent).
 */
import { useId, useState } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { SimAction } from '../../engine/input';
import type { Frame } from '../../engine/trace-types';
import { formatClock } from '../trace-utils';
import { actionContext, unavailableReason, type NodeStateChoice } from './availability';
import { ActionRow, SelectField, type FormProps } from './fields';
import type { NodeKind } from './kinds';

const BUTTON: Record<NodeKind, string> = {
  setNodeState: 'Set node state',
  nodePressure: 'Add pressure',
  cordon: 'Cordon node',
  uncordon: 'Uncordon node',
  drain: 'Drain node',
};

const NODE_STATES: NodeStateChoice[] = ['Ready', 'NotReady', 'Unreachable'];
type Pressure = 'memory' | 'ephemeral-storage' | 'pid';

export function NodeActionForm({
  kind,
  kindSelect,
  atSeconds,
  t,
  onAdd,
  pod,
  frame,
}: FormProps<NodeKind> & { pod: Pod | undefined; frame: Frame | undefined }) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [node, setNode] = useState('');
  const [nodeState, setNodeState] = useState<NodeStateChoice>('NotReady');
  const [pressure, setPressure] = useState<Pressure>('memory');
  const nodes = frame?.nodes.map((n) => n.name) ?? [];
  // A pod's own node first: the one it runs on is the one a person most likely means.
  const chosen = nodes.includes(node)
    ? node
    : (nodes.find((n) => n === pod?.spec?.nodeName) ?? nodes[0] ?? '');
  const ctx = actionContext(t, pod, frame, chosen);
  // Name the node only when there is a choice, so one-node scenarios stay as they were.
  const scope = nodes.length > 1 ? { node: chosen } : {};

  let reason = unavailableReason(kind, ctx);
  let action: SimAction;
  switch (kind) {
    case 'setNodeState':
      if (nodeState === ctx.nodeState) reason = `The node is already ${nodeState} at ${formatClock(t)}.`;
      action = { at: atSeconds, kind, ...scope, state: nodeState };
      break;
    case 'nodePressure':
      action = { at: atSeconds, kind, ...scope, resource: pressure };
      break;
    case 'cordon':
    case 'uncordon':
    case 'drain':
      action = { at: atSeconds, kind, ...scope };
      break;
  }

  return (
    <ActionRow
      kindSelect={kindSelect}
      button={BUTTON[kind]}
      danger={kind === 'drain'}
      action={action}
      blocked={reason}
      onAdd={onAdd}
    >
      {nodes.length > 1 && (
        <SelectField
          id={id('which')}
          label="Node"
          value={chosen}
          options={nodes.map((n) => ({ value: n, label: n }))}
          onChange={setNode}
        />
      )}
      {kind === 'setNodeState' && (
        <SelectField
          id={id('node')}
          label="Node becomes"
          value={nodeState}
          options={NODE_STATES.map((n) => ({
            value: n,
            label: `${n}${n === ctx.nodeState ? ' (now)' : ''}`,
          }))}
          onChange={setNodeState}
        />
      )}
      {kind === 'nodePressure' && (
        <SelectField
          id={id('pressure')}
          label="Resource"
          value={pressure}
          options={[
            { value: 'memory', label: 'memory' },
            { value: 'ephemeral-storage', label: 'ephemeral-storage (disk)' },
            { value: 'pid', label: 'pid' },
          ]}
          onChange={setPressure}
        />
      )}
    </ActionRow>
  );
}
