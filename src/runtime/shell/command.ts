/** What a utility (sleep, cat, wget, ...) sees when the shell runs it. */
import { fsErrorText, normalizePath } from '../fs';
import type { FsResult, ProcessContext, Signal } from '../types';
import type { Io } from './io';
import type { Gen } from './task';

/** The process table and memory of the container, as utilities use them. */
export interface System {
  /** Send `signal` to `pid` (`0`: only check that it exists). False when there is no such process. */
  kill(pid: number, signal: Signal | 0): boolean;
  /** May this process signal `pid` (kill(2): same uid, or CAP_KILL)? True for a PID that does not exist. */
  mayKill(pid: number): boolean;
  /** Signal every process named `name`; how many there were. */
  killall(name: string, signal: Signal | 0): number;
  /** Account `bytes` of memory to the process tree until the returned function is called. */
  allocate(bytes: number): () => void;
  /** The container's processes (what `ps` shows). */
  processes(): Array<{ pid: number; name: string; command: string; uid: number }>;
}

export interface UtilityCall {
  argv: string[];
  io: Io;
  /** Exported variables. */
  env: Record<string, string>;
  cwd: string;
  ctx: ProcessContext;
  sys: System;
}

export type Utility = (call: UtilityCall) => Gen<number>;

/** Absolute path of `p` from the call's working directory. */
export function abs(call: UtilityCall, p: string): string {
  return normalizePath(p, call.cwd);
}

/** Write `name: message` plus newline to stderr and return `status`. */
export function complain(call: UtilityCall, message: string, status = 1): number {
  call.io.err.write(`${call.argv[0].replace(/.*\//, '')}: ${message}\n`);
  return status;
}

export function errText(error: FsResult): string {
  return fsErrorText(error);
}

/** Split leading `-abc` flags from operands (stops at `--` or the first operand). */
export function flags(args: string[], withValue = ''): { set: Set<string>; values: Map<string, string>; rest: string[] } {
  const set = new Set<string>();
  const values = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (withValue.includes(f)) {
        values.set(f, a.slice(j + 1) || args[++i] || '');
        break;
      }
      set.add(f);
    }
  }
  return { set, values, rest: args.slice(i) };
}

/** Text of a file operand (`-` is stdin, read to end of file), or an error already reported. */
export function* readInput(call: UtilityCall, name: string): Gen<string | undefined> {
  if (name === '-') return yield* call.io.stdin.all();
  const path = abs(call, name);
  if (call.ctx.fs.isDirectory(path)) {
    complain(call, `read error: Is a directory`);
    return undefined;
  }
  const text = call.ctx.fs.read(path);
  if (text === undefined) complain(call, `can't open '${name}': No such file or directory`);
  return text;
}

/** A generator that returns at once (for utilities that never wait). */
// eslint-disable-next-line require-yield
export function* done(status: number): Gen<number> {
  return status;
}
