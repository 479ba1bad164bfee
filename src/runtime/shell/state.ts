/** A shell's variables, functions, traps and the control-flow signals of the evaluator. */
import type { Node } from './ast';
import type { Signal } from '../types';

export interface ShellState {
  vars: Map<string, string>;
  exported: Set<string>;
  positional: string[];
  argv0: string;
  functions: Map<string, Node>;
  /** By signal name or `EXIT`; `''` means ignore. */
  traps: Map<string, string>;
  status: number;
  lastBackground?: number;
  cwd: string;
  errexit: boolean;
}

export function newState(env: Record<string, string>, argv0: string, positional: string[], cwd = '/'): ShellState {
  return {
    vars: new Map(Object.entries(env)),
    exported: new Set(Object.keys(env)),
    positional,
    argv0,
    functions: new Map(),
    traps: new Map(),
    status: 0,
    cwd,
    errexit: false,
  };
}

/** A subshell's copy: same variables and functions; traps reset except ignored signals. */
export function cloneState(s: ShellState): ShellState {
  return {
    ...s,
    vars: new Map(s.vars),
    exported: new Set(s.exported),
    positional: [...s.positional],
    functions: new Map(s.functions),
    traps: new Map([...s.traps].filter(([, action]) => action === '')),
  };
}

export function exportedEnv(s: ShellState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of s.exported) {
    const v = s.vars.get(name);
    if (v !== undefined) env[name] = v;
  }
  return env;
}

/** `exit N` (or the end of an `exec`'d command: `trap` is false then, no EXIT trap). */
export class ExitSignal {
  constructor(
    readonly code: number,
    readonly trap = true,
  ) {}
}

export class BreakSignal {
  constructor(readonly levels: number) {}
}

export class ContinueSignal {
  constructor(readonly levels: number) {}
}

export class ReturnSignal {
  constructor(readonly code: number) {}
}

/** The process was killed by a signal (default action or KILL). */
export class Doom {
  constructor(readonly signal: Signal) {}
}
