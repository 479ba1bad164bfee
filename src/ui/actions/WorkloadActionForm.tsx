/**
 * Actions on workload controllers, as kubectl takes them: `kubectl scale deployment/NAME`,
 * `statefulset NAME` or `replicaset NAME --replicas=N`, `kubectl set image deployment/NAME`
 * (or a statefulset, a daemonset) `CONTAINER=IMAGE`, `kubectl rollout undo|pause|resume deployment/NAME`.
 */
import { useId, useState } from 'react';
import type { SimAction } from '../../engine/input';
import type { Frame } from '../../engine/trace-types';
import { formatClock } from '../trace-utils';
import { unavailableReason, type ActionContext } from './availability';
import { ActionRow, SelectField, TextField, isCount, type FormProps } from './fields';
import type { WorkloadKind } from './kinds';

const BUTTON: Record<WorkloadKind, string> = {
  scale: 'Scale',
  setImage: 'Set image',
  rollback: 'Roll back',
  pauseRollout: 'Pause rollout',
  resumeRollout: 'Resume rollout',
};

/** spec.replicas of a workload (1 when unset, as the API server defaults it; a DaemonSet has none). */
const replicasOf = (o: { spec?: object } | undefined): number =>
  (o?.spec && 'replicas' in o.spec && typeof o.spec.replicas === 'number' ? o.spec.replicas : undefined) ?? 1;

export function WorkloadActionForm({
  kind,
  kindSelect,
  atSeconds,
  t,
  onAdd,
  ctx,
  frame,
}: FormProps<WorkloadKind> & { ctx: ActionContext; frame: Frame | undefined }) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [target, setTarget] = useState('');
  const [replicas, setReplicas] = useState('');
  const [container, setContainer] = useState('');
  const [image, setImage] = useState('');
  const [revision, setRevision] = useState('');

  // Targets as kubectl names them (`deployment/web`, `statefulset/db`, `replicaset/web-7d9c5b6f4`).
  const deployments = ctx.deployments.map((d) => `deployment/${d.name}`);
  const statefulSets = ctx.statefulSets.map((n) => `statefulset/${n}`);
  const targets =
    kind === 'scale'
      ? [...deployments, ...statefulSets, ...ctx.replicaSets.map((n) => `replicaset/${n}`)]
      : kind === 'setImage'
        ? [...deployments, ...statefulSets, ...ctx.daemonSets.map((n) => `daemonset/${n}`)]
        : deployments;
  const chosen = targets.includes(target) ? target : (targets[0] ?? '');
  const [type, name] = [chosen.slice(0, chosen.indexOf('/')), chosen.slice(chosen.indexOf('/') + 1)];
  const workload = [
    ...(type === 'deployment' ? (frame?.deployments ?? []) : []),
    ...(type === 'statefulset' ? (frame?.statefulSets ?? []) : []),
    ...(type === 'daemonset' ? (frame?.daemonSets ?? []) : []),
    ...(type === 'replicaset' ? (frame?.replicaSets ?? []) : []),
  ].find((o) => o.metadata?.name === name);
  const scope =
    type === 'deployment'
      ? { deployment: name }
      : type === 'statefulset'
        ? { statefulSet: name }
        : type === 'daemonset'
          ? { daemonSet: name }
          : { replicaSet: name };
  const state = ctx.deployments.find((d) => d.name === name);
  const at = formatClock(t);

  let reason = unavailableReason(kind, ctx);
  let invalid: string | undefined;
  let action: SimAction | undefined;
  switch (kind) {
    case 'scale': {
      const current = replicasOf(workload);
      const text = replicas.trim() === '' ? String(current) : replicas;
      if (!isCount(text)) invalid = 'The number of replicas is a whole number.';
      if (chosen) action = { at: atSeconds, kind, ...scope, replicas: Number(text) } as SimAction;
      break;
    }
    case 'setImage': {
      const containers = workload?.spec?.template?.spec?.containers ?? [];
      const c = containers.find((x) => x.name === container) ?? containers[0];
      const img = image.trim() || c?.image || '';
      if (img === '') invalid = 'Name the image (nginx:1.28).';
      else if (img === c?.image)
        invalid = `The template already runs ${img}: a new image makes a new revision.`;
      if (chosen && c) action = { at: atSeconds, kind, ...scope, container: c.name, image: img } as SimAction;
      break;
    }
    case 'rollback': {
      const to = revision.trim() === '' ? undefined : Number(revision);
      if (to !== undefined && !isCount(revision)) invalid = 'The revision is a whole number.';
      if (!reason && state && state.revisions < 2)
        reason = `deployment/${name} has no previous revision at ${at}.`;
      if (chosen)
        action = { at: atSeconds, kind, deployment: name, ...(to !== undefined ? { toRevision: to } : {}) };
      break;
    }
    case 'pauseRollout':
      if (!reason && state?.paused) reason = `deployment/${name} is already paused at ${at}.`;
      if (chosen) action = { at: atSeconds, kind, deployment: name };
      break;
    case 'resumeRollout':
      if (!reason && state && !state.paused) reason = `deployment/${name} is not paused at ${at}.`;
      if (chosen) action = { at: atSeconds, kind, deployment: name };
      break;
  }

  const containers = workload?.spec?.template?.spec?.containers ?? [];
  const shownContainer = containers.find((x) => x.name === container) ?? containers[0];
  return (
    <ActionRow
      kindSelect={kindSelect}
      button={BUTTON[kind]}
      action={action}
      blocked={reason ?? invalid}
      onAdd={onAdd}
    >
      {targets.length > 0 && (
        <SelectField
          id={id('target')}
          label={kind === 'scale' ? 'Workload' : 'Deployment'}
          value={chosen}
          options={targets.map((n) => ({ value: n, label: n }))}
          onChange={(v) => {
            setTarget(v);
            setReplicas('');
            setContainer('');
            setImage('');
          }}
        />
      )}
      {kind === 'scale' && chosen && (
        <TextField
          id={id('replicas')}
          label="Replicas"
          value={replicas}
          onChange={setReplicas}
          width="w-16"
          placeholder={String(replicasOf(workload))}
          numeric
          invalid={invalid !== undefined}
        />
      )}
      {kind === 'setImage' && shownContainer && (
        <>
          {containers.length > 1 && (
            <SelectField
              id={id('container')}
              label="Container"
              value={shownContainer.name}
              options={containers.map((c) => ({ value: c.name, label: c.name }))}
              onChange={setContainer}
            />
          )}
          <TextField
            id={id('image')}
            label="Image"
            value={image}
            onChange={setImage}
            width="w-36"
            placeholder={shownContainer.image ?? ''}
            mono
            invalid={invalid !== undefined}
          />
        </>
      )}
      {kind === 'rollback' && chosen && (
        <TextField
          id={id('revision')}
          label="To revision"
          value={revision}
          onChange={setRevision}
          width="w-20"
          placeholder="previous"
          numeric
          invalid={invalid !== undefined}
        />
      )}
    </ActionRow>
  );
}
