/**
 * Actions on the chosen pod: delete it, kill a container, change an endpoint's answer, create or
 * remove a file, set a readiness-gate condition.
 */
import { useId, useState } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { SimAction } from '../../engine/input';
import {
  endpointsOf,
  probedFiles,
  readinessGates,
  unavailableReason,
  type ActionContext,
} from './availability';
import { ActionRow, Field, SelectField, TextField, isCount, type FormProps } from './fields';
import type { PodKind } from './kinds';

const BUTTON: Record<PodKind, string> = {
  deletePod: 'Delete pod',
  killContainer: 'Kill container',
  setEndpoint: 'Set the answer',
  writeFile: 'Create file',
  removeFile: 'Remove file',
  setPodCondition: 'Set condition',
};

export function PodActionForm({
  kind,
  kindSelect,
  atSeconds,
  onAdd,
  ctx,
  pod,
  podName,
  podExists,
}: FormProps<PodKind> & {
  ctx: ActionContext;
  pod: Pod | undefined;
  podName: string | undefined;
  podExists: boolean;
}) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [grace, setGrace] = useState('');
  const [container, setContainer] = useState('');
  const [how, setHow] = useState<'crash' | 'oom'>('crash');
  const [exitCode, setExitCode] = useState('1');
  const [port, setPort] = useState('');
  const [path, setPath] = useState('');
  const [answer, setAnswer] = useState<'status' | 'timeout'>('status');
  const [status, setStatus] = useState('200');
  const [filePath, setFilePath] = useState('');
  const [content, setContent] = useState('');
  const [condType, setCondType] = useState('');
  const [condStatus, setCondStatus] = useState<'True' | 'False'>('True');
  const podScope = podName ? { pod: podName } : {};

  // Containers offered: running ones for kill and files, every one with an endpoint for endpoints.
  const choices =
    kind === 'setEndpoint'
      ? ctx.containers.filter((c) => endpointsOf(pod, c).length > 0)
      : kind === 'killContainer' || kind === 'writeFile' || kind === 'removeFile'
        ? ctx.running
        : ctx.containers;
  const chosen = choices.includes(container) ? container : (choices[0] ?? '');
  const endpoints = endpointsOf(pod, chosen);
  const ports = [...new Set(endpoints.map((e) => e.port))];
  const chosenPort = ports.includes(Number(port)) ? Number(port) : ports[0];
  const probePath = endpoints.find((e) => e.port === chosenPort)?.path ?? '/';
  const files = probedFiles(pod, chosen);
  const gates = readinessGates(pod);

  const reason =
    kind === 'deletePod' && !podExists
      ? 'The pod does not exist at this moment.'
      : unavailableReason(kind, ctx);
  let invalid: string | undefined;
  let action: SimAction | undefined;
  switch (kind) {
    case 'deletePod': {
      const g = grace.trim() === '' ? undefined : Number(grace);
      if (g !== undefined && !isCount(grace)) invalid = 'The grace period is a whole number of seconds.';
      action = { at: atSeconds, kind, ...podScope, ...(g !== undefined ? { gracePeriodSeconds: g } : {}) };
      break;
    }
    case 'killContainer':
      if (how === 'crash' && !isCount(exitCode)) invalid = 'The exit code is a whole number (0–255).';
      else if (how === 'crash' && Number(exitCode) > 255) invalid = 'The exit code is at most 255.';
      action = {
        at: atSeconds,
        kind,
        ...podScope,
        container: chosen,
        how,
        ...(how === 'crash' ? { exitCode: Number(exitCode) } : {}),
      };
      break;
    case 'setEndpoint': {
      const p = path.trim() || probePath;
      if (answer === 'status' && !/^[1-5]\d\d$/.test(status.trim()))
        invalid = 'The status code is an HTTP status (100–599).';
      if (!p.startsWith('/')) invalid = 'The path starts with /.';
      action =
        chosenPort === undefined
          ? undefined
          : {
              at: atSeconds,
              kind,
              ...podScope,
              container: chosen,
              port: chosenPort,
              path: p,
              ...(answer === 'timeout' ? { timeout: true } : { status: Number(status) }),
            };
      break;
    }
    case 'writeFile':
    case 'removeFile': {
      const p = filePath.trim() || files[0] || '/tmp/healthy';
      if (!p.startsWith('/')) invalid = 'The path is absolute (starts with /).';
      action =
        kind === 'writeFile'
          ? { at: atSeconds, kind, ...podScope, container: chosen, path: p, content }
          : { at: atSeconds, kind, ...podScope, container: chosen, path: p };
      break;
    }
    case 'setPodCondition': {
      const type = condType.trim() || gates[0] || '';
      if (type === '') invalid = 'Name the condition type (a readiness gate such as example.com/feature-1).';
      action = { at: atSeconds, kind, ...podScope, type, status: condStatus };
      break;
    }
  }

  return (
    <ActionRow
      kindSelect={kindSelect}
      button={BUTTON[kind]}
      danger={kind === 'deletePod'}
      action={action}
      blocked={reason ?? invalid}
      onAdd={onAdd}
    >
      {kind === 'deletePod' && (
        <TextField
          id={id('grace')}
          label="Grace period (s)"
          value={grace}
          onChange={setGrace}
          width="w-24"
          placeholder="pod's own"
          numeric
          invalid={invalid !== undefined}
        />
      )}

      {(kind === 'killContainer' ||
        kind === 'setEndpoint' ||
        kind === 'writeFile' ||
        kind === 'removeFile') &&
        choices.length > 0 && (
          <SelectField
            id={id('container')}
            label="Container"
            value={chosen}
            options={choices.map((c) => ({ value: c, label: c }))}
            onChange={setContainer}
          />
        )}

      {kind === 'killContainer' && (
        <>
          <SelectField
            id={id('how')}
            label="How"
            value={how}
            options={[
              { value: 'crash', label: 'Crash with exit code…' },
              { value: 'oom', label: 'OOM-killed (137)' },
            ]}
            onChange={setHow}
          />
          {how === 'crash' && (
            <TextField
              id={id('exit')}
              label="Exit code"
              value={exitCode}
              onChange={setExitCode}
              width="w-16"
              numeric
              invalid={invalid !== undefined}
            />
          )}
        </>
      )}

      {kind === 'setEndpoint' && chosenPort !== undefined && (
        <>
          <SelectField
            id={id('port')}
            label="Port"
            value={String(chosenPort)}
            options={ports.map((p) => ({
              value: String(p),
              label: `${p} (${endpoints.find((e) => e.port === p)?.source ?? ''})`,
            }))}
            onChange={(v) => {
              setPort(v);
              setPath('');
            }}
          />
          <TextField
            id={id('path')}
            label="Path"
            value={path}
            onChange={setPath}
            width="w-28"
            placeholder={probePath}
            mono
          />
          <SelectField
            id={id('answer')}
            label="Answer"
            value={answer}
            options={[
              { value: 'status', label: 'Status code…' },
              { value: 'timeout', label: 'Time out' },
            ]}
            onChange={setAnswer}
          />
          {answer === 'status' && (
            <TextField
              id={id('status')}
              label="Status code"
              value={status}
              onChange={setStatus}
              width="w-16"
              numeric
              invalid={invalid !== undefined}
            />
          )}
        </>
      )}

      {(kind === 'writeFile' || kind === 'removeFile') && (
        <>
          <TextField
            id={id('file')}
            label="Path"
            value={filePath}
            onChange={setFilePath}
            width="w-32"
            placeholder={files[0] ?? '/tmp/healthy'}
            mono
          />
          {kind === 'writeFile' && (
            <TextField
              id={id('content')}
              label="Content"
              value={content}
              onChange={setContent}
              width="w-28"
              placeholder="(empty)"
              mono
            />
          )}
        </>
      )}

      {kind === 'setPodCondition' && (
        <>
          <Field
            id={id('ctype')}
            label="Condition type"
            hint={gates.length === 0 ? 'No readinessGates in the spec: it will not gate Ready.' : undefined}
          >
            <input
              id={id('ctype')}
              className="field w-44 font-mono"
              value={condType}
              placeholder={gates[0] ?? 'example.com/feature-1'}
              list={gates.length > 0 ? id('gates') : undefined}
              onChange={(e) => setCondType(e.target.value)}
            />
            {gates.length > 0 && (
              <datalist id={id('gates')}>
                {gates.map((g) => (
                  <option key={g} value={g} />
                ))}
              </datalist>
            )}
          </Field>
          <SelectField
            id={id('cstatus')}
            label="Status"
            value={condStatus}
            options={[
              { value: 'True', label: 'True' },
              { value: 'False', label: 'False' },
            ]}
            onChange={setCondStatus}
          />
        </>
      )}
    </ActionRow>
  );
}
