/**
 * Acting on the pod at the cursor: pick what to do (delete the pod, kill a container, change an
 * endpoint's answer, create or remove a file, set a readiness gate, change the node), fill in a
 * small form, and it becomes a timed SimAction; the run is simulated again. Choices that make no
 * sense at the cursor are disabled with the reason shown next to the button.
 */
import { useId, useState, type ReactNode } from 'react';
import type { Pod } from 'kubernetes-types/core/v1';
import type { SimAction } from '../../engine/input';
import type { Frame } from '../../engine/trace-types';
import { formatClock } from '../trace-utils';
import {
  actionContext,
  endpointsOf,
  probedFiles,
  readinessGates,
  unavailableReason,
  type NodeStateChoice,
} from './availability';
import { ACTION_KINDS, actionClock, describeAction, type FormKind } from './describe';

export interface ActionsPanelProps {
  actions: SimAction[];
  t: number;
  podName: string | undefined;
  podExists: boolean;
  /** The pod and frame at the cursor (containers, ports, probes, node state). */
  pod?: Pod;
  frame?: Frame;
  onAdd: (a: SimAction) => void;
  onRemove: (index: number) => void;
}

const BUTTON: Record<FormKind, string> = {
  deletePod: 'Delete pod',
  killContainer: 'Kill container',
  setEndpoint: 'Set the answer',
  writeFile: 'Create file',
  removeFile: 'Remove file',
  setPodCondition: 'Set condition',
  setNodeState: 'Set node state',
  nodePressure: 'Add pressure',
  cordon: 'Cordon node',
  drain: 'Drain node',
};

const NODE_STATES: NodeStateChoice[] = ['Ready', 'NotReady', 'Unreachable'];
type Pressure = 'memory' | 'ephemeral-storage' | 'pid';

/** Labelled field in the form's row. */
function Field({ id, label, children, hint }: { id: string; label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="flex flex-col text-xs">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="text-slate-600 dark:text-slate-400">{hint}</span>}
    </div>
  );
}

/** A labelled <select>; `onChange` receives one of the options' values. */
function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange: (v: V) => void;
}) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        className="field max-w-full"
        value={value}
        onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A labelled text input (`numeric` brings up a number keypad). */
function TextField({
  id,
  label,
  value,
  onChange,
  width,
  placeholder,
  numeric = false,
  invalid = false,
  mono = false,
  list,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  width: string;
  placeholder?: string;
  numeric?: boolean;
  invalid?: boolean;
  mono?: boolean;
  list?: string;
  hint?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        className={`field ${width}${mono ? ' font-mono' : ''}`}
        inputMode={numeric ? 'numeric' : undefined}
        value={value}
        placeholder={placeholder}
        list={list}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
      />
    </Field>
  );
}

const isCount = (s: string) => /^\d+$/.test(s.trim());

export function ActionsPanel({ actions, t, podName, podExists, pod, frame, onAdd, onRemove }: ActionsPanelProps) {
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [kind, setKind] = useState<FormKind>('deletePod');
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
  const [nodeState, setNodeState] = useState<NodeStateChoice>('NotReady');
  const [pressure, setPressure] = useState<Pressure>('memory');

  // The cursor's own moment (ms precision): rounding could move a kill before the container starts.
  // What the views show at an instant is the state after everything that happened then, so an action
  // taken at an event's instant (a container just started) comes 1 ms after it.
  const atFrame = frame !== undefined && frame.t === Math.round(t);
  const atMs = Math.max(0, Math.round(t) + (atFrame ? 1 : 0));
  const atSeconds = atMs / 1000;
  const ctx = actionContext(t, pod, frame);
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

  let reason = kind === 'deletePod' && !podExists ? 'The pod does not exist at this moment.' : unavailableReason(kind, ctx);
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
    case 'setNodeState':
      if (nodeState === ctx.nodeState) reason = `The node is already ${nodeState} at ${formatClock(t)}.`;
      action = { at: atSeconds, kind, state: nodeState };
      break;
    case 'nodePressure':
      action = { at: atSeconds, kind, resource: pressure };
      break;
    case 'cordon':
    case 'drain':
      action = { at: atSeconds, kind };
      break;
  }
  const blocked = reason ?? invalid;

  return (
    <section aria-labelledby={id('title')} className="border-t border-slate-300 px-3 py-2 dark:border-slate-700">
      <h2 id={id('title')} className="text-sm font-semibold">
        Act on the pod at {formatClock(t)}
      </h2>
      <div className="mt-1 flex flex-wrap items-end gap-2">
        <SelectField
          id={id('kind')}
          label="Action"
          value={kind}
          options={ACTION_KINDS.map((k) => ({
            value: k.kind,
            label: `${k.label}${unavailableReason(k.kind, ctx) ? ' (not now)' : ''}`,
          }))}
          onChange={setKind}
        />

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

        {(kind === 'killContainer' || kind === 'setEndpoint' || kind === 'writeFile' || kind === 'removeFile') &&
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

        {kind === 'setNodeState' && (
          <SelectField
            id={id('node')}
            label="Node becomes"
            value={nodeState}
            options={NODE_STATES.map((n) => ({ value: n, label: `${n}${n === ctx.nodeState ? ' (now)' : ''}` }))}
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

        <button
          type="button"
          className={kind === 'deletePod' || kind === 'drain' ? 'btn-danger' : 'btn-primary'}
          disabled={blocked !== undefined || action === undefined}
          aria-describedby={blocked ? id('why-not') : undefined}
          onClick={() => {
            if (action) onAdd(action);
          }}
        >
          {BUTTON[kind]}
        </button>
      </div>
      {blocked && (
        <p id={id('why-not')} className="mt-1 text-xs text-slate-700 dark:text-slate-300" data-testid="action-unavailable">
          {blocked}
        </p>
      )}
      {actions.length > 0 && (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Actions in this run">
          {actions.map((a, i) => (
            <li key={`${a.at}-${a.kind}-${i}`} className="flex items-center gap-2">
              <span className="font-mono tabular-nums">{actionClock(a)}</span>
              <span className="min-w-0 truncate" title={describeAction(a)}>
                {describeAction(a)}
              </span>
              <button
                type="button"
                className="btn-secondary ml-auto px-2 py-0.5 text-xs"
                onClick={() => onRemove(i)}
                aria-label={`Remove action ${describeAction(a)} at ${actionClock(a)}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
