/** Actions on workload controllers: scale a ReplicaSet (`kubectl scale replicaset NAME --replicas=N`). */
import { useId, useState } from 'react';
import type { SimAction } from '../../engine/input';
import type { Frame } from '../../engine/trace-types';
import { unavailableReason, type ActionContext } from './availability';
import { ActionRow, SelectField, TextField, isCount, type FormProps } from './fields';

export type WorkloadKind = 'scale';

export const WORKLOAD_KINDS: readonly WorkloadKind[] = ['scale'];

export function WorkloadActionForm({
  kind,
  kindSelect,
  atSeconds,
  onAdd,
  ctx,
  frame,
}: FormProps<WorkloadKind> & { ctx: ActionContext; frame: Frame | undefined }) {
  const uid = useId();
  const [replicaSet, setReplicaSet] = useState('');
  const [replicas, setReplicas] = useState('');
  const chosen = ctx.replicaSets.includes(replicaSet) ? replicaSet : (ctx.replicaSets[0] ?? '');
  const current = frame?.replicaSets.find((rs) => rs.metadata?.name === chosen)?.spec?.replicas ?? 1;
  const text = replicas.trim() === '' ? String(current) : replicas;
  const invalid = isCount(text) ? undefined : 'The number of replicas is a whole number.';
  const action: SimAction | undefined = chosen
    ? { at: atSeconds, kind, replicaSet: chosen, replicas: Number(text) }
    : undefined;
  return (
    <ActionRow
      kindSelect={kindSelect}
      button="Scale"
      action={action}
      blocked={unavailableReason(kind, ctx) ?? invalid}
      onAdd={onAdd}
    >
      {ctx.replicaSets.length > 0 && (
        <>
          <SelectField
            id={`${uid}-rs`}
            label="ReplicaSet"
            value={chosen}
            options={ctx.replicaSets.map((n) => ({ value: n, label: n }))}
            onChange={(v) => {
              setReplicaSet(v);
              setReplicas('');
            }}
          />
          <TextField
            id={`${uid}-replicas`}
            label="Replicas"
            value={replicas}
            onChange={setReplicas}
            width="w-16"
            placeholder={String(current)}
            numeric
            invalid={invalid !== undefined}
          />
        </>
      )}
    </ActionRow>
  );
}
