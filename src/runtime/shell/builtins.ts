/** Shell builtins: the commands that change the shell itself (exit, export, trap, wait, exec, cd, ...). */
/* eslint-disable require-yield -- every builtin is a generator, so that the evaluator runs them alike */
import { normalizePath } from '../fs';
import { done } from './command';
import type { Builtin, Interp } from './interp';
import type { Io } from './io';
import { parseSignal } from './signals';
import type { Node } from './ast';
import type { Signal } from '../types';
import { parseDuration } from './utilities/basic';
import { commandName, SHELLS } from './argv';
import { BreakSignal, ContinueSignal, exportedEnv, ExitSignal, ReturnSignal } from './state';
import type { Gen } from './task';

function complain(io: Io, message: string): number {
  io.out.write(`${message}\n`);
  return 1;
}

function fail(io: Io, message: string, status = 1): number {
  io.err.write(`sh: ${message}\n`);
  return status;
}

function number(sh: Interp, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^-?\d+$/.test(text)) sh.fail(`Illegal number: ${text}`);
  return Number(text);
}

function* exit(sh: Interp, args: string[]): Gen<number> {
  throw new ExitSignal(number(sh, args[1], sh.state.status) & 255);
}

function* exportOrReadonly(sh: Interp, args: string[], io: Io): Gen<number> {
  const names = args.slice(1).filter((a) => a !== '-p');
  if (names.length === 0) {
    for (const name of [...sh.state.exported].sort()) {
      const v = sh.state.vars.get(name);
      if (v !== undefined) io.out.write(`export ${name}='${v.replace(/'/g, `'"'"'`)}'\n`);
    }
    return 0;
  }
  for (const a of names) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (args[0] === 'local') sh.makeLocal(name);
    if (eq >= 0) sh.state.vars.set(name, a.slice(eq + 1));
    if (args[0] === 'export') sh.state.exported.add(name);
  }
  return 0;
}

function* trap(sh: Interp, args: string[], io: Io): Gen<number> {
  const traps = sh.state.traps;
  if (args.length === 1) {
    for (const [sig, action] of traps) io.out.write(`trap -- '${action}' ${sig}\n`);
    return 0;
  }
  let action: string | undefined = args[1];
  let sigs = args.slice(2);
  if (action === '-' || /^\d+$/.test(action)) {
    if (action !== '-') sigs = args.slice(1);
    action = undefined;
  }
  let status = 0;
  for (const s of sigs) {
    const name = s.toUpperCase() === 'EXIT' || s === '0' ? 'EXIT' : parseSignal(s);
    if (name === undefined || name === 0) {
      status = fail(io, `trap: ${s}: bad trap`);
      continue;
    }
    if (action === undefined) traps.delete(name);
    else traps.set(name, action);
  }
  return status;
}

function* wait(sh: Interp, args: string[], io: Io): Gen<number> {
  const pids: number[] = [];
  for (const a of args.slice(1)) {
    if (!/^\d+$/.test(a)) return fail(io, `wait: ${a}: bad pid`, 2);
    pids.push(Number(a));
  }
  const status = yield sh.host.wait(pids);
  return status;
}

function* exec(sh: Interp, args: string[], io: Io): Gen<number> {
  if (args.length === 1) return 0;
  const status = yield* sh.external(args.slice(1), [], io, true);
  throw new ExitSignal(status, false);
}

function* cd(sh: Interp, args: string[], io: Io): Gen<number> {
  const target = normalizePath(args[1] ?? sh.state.vars.get('HOME') ?? '/', sh.state.cwd);
  if (!sh.host.ctx.fs.isDirectory(target)) return fail(io, `cd: can't cd to ${args[1]}: No such file or directory`, 2);
  sh.state.cwd = target;
  sh.state.vars.set('PWD', target);
  return 0;
}

function* set(sh: Interp, args: string[], io: Io): Gen<number> {
  if (args.length === 1) {
    for (const [k, v] of [...sh.state.vars].sort()) io.out.write(`${k}='${v}'\n`);
    return 0;
  }
  let i = 1;
  for (; i < args.length && /^[-+][a-z]+$/.test(args[i]); i++) {
    if (args[i].includes('e')) sh.state.errexit = args[i].startsWith('-');
  }
  if (args[i] === '--') i++;
  if (i < args.length || args.includes('--')) sh.state.positional = args.slice(i);
  return 0;
}

function* shift(sh: Interp, args: string[], io: Io): Gen<number> {
  const n = number(sh, args[1], 1);
  if (n > sh.state.positional.length) return fail(io, `shift: can't shift that many`, 2);
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
}

function* readLine(sh: Interp, args: string[], io: Io): Gen<number> {
  const names = args.slice(1).filter((a) => !a.startsWith('-'));
  // Waits for the line when stdin is a pipe whose writer has not produced it yet.
  const line = yield* io.stdin.line();
  if (line === undefined) return 1;
  // Field splitting on IFS white space; the last name takes the rest of the line as written
  // (inner spaces kept, as in `Jan  1`), less the surrounding blanks.
  let rest = line.replace(/^[ \t]+/, '');
  const all = names.length ? names : ['REPLY'];
  all.forEach((name, i) => {
    if (i === all.length - 1) {
      sh.state.vars.set(name, rest.replace(/[ \t]+$/, ''));
      return;
    }
    const m = /^([^ \t]*)[ \t]*/.exec(rest) ?? ['', ''];
    sh.state.vars.set(name, m[1]);
    rest = rest.slice(m[0].length);
  });
  return 0;
}

function* evalBuiltin(sh: Interp, args: string[], io: Io): Gen<number> {
  return yield* sh.runSource(args.slice(1).join(' '), io);
}

function* source(sh: Interp, args: string[], io: Io): Gen<number> {
  const text = args[1] === undefined ? undefined : sh.host.ctx.fs.read(normalizePath(args[1], sh.state.cwd));
  if (text === undefined) return fail(io, `.: can't open '${args[1] ?? ''}'`, 2);
  return yield* sh.runSource(text, io);
}

/** Where `name` would come from, as `command -v` prints it; undefined when not found. */
function locate(sh: Interp, name: string): string | undefined {
  if (sh.state.functions.has(name) || Object.hasOwn(BUILTINS, name)) return name;
  const base = commandName(name);
  if (SHELLS.has(base) || base === 'busybox' || sh.host.utility(base)) return name.includes('/') ? name : `/bin/${base}`;
  if (sh.host.program(base)) return name.includes('/') ? name : `/usr/sbin/${base}`;
  return undefined;
}

function* command(sh: Interp, args: string[], io: Io): Gen<number> {
  if (args[1] === '-v' || args[1] === '-V') {
    let status = 0;
    for (const name of args.slice(2)) {
      const where = locate(sh, name);
      if (where) io.out.write(`${where}\n`);
      else status = 1;
    }
    return status;
  }
  return args.length > 1 ? yield* sh.external(args.slice(1), [], io, false) : 0;
}

/** `env [-i] [NAME=value]... [command [args]]`: without a command, print the environment. */
function* env(sh: Interp, args: string[], io: Io): Gen<number> {
  let i = 1;
  const assigns: Array<[string, string]> = [];
  for (; i < args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[i]); i++) {
    const eq = args[i].indexOf('=');
    assigns.push([args[i].slice(0, eq), args[i].slice(eq + 1)]);
  }
  if (i < args.length) return yield* sh.external(args.slice(i), assigns, io, false);
  const all = { ...exportedEnv(sh.state), ...Object.fromEntries(assigns) };
  for (const [k, v] of Object.entries(all)) io.out.write(`${k}=${v}\n`);
  return 0;
}

/** A simple command of literal words (to run argv as a job). */
function literalCommand(argv: string[]): Node {
  return { t: 'simple', assigns: [], words: argv.map((a) => ({ parts: [{ k: 'lit', text: a, quoted: true }], raw: a })), redirs: [] };
}

/**
 * busybox `timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS`: PROG runs as a child; at the deadline it
 * gets SIG (default TERM), and its status is ours (143 when TERM ended it).
 */
function* timeout(sh: Interp, args: string[], io: Io): Gen<number> {
  let i = 1;
  let signal = parseSignal('TERM');
  let killAfter: number | undefined;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    if (args[i] === '-s') signal = parseSignal(args[++i] ?? '');
    else if (args[i] === '-k') killAfter = parseDuration(args[++i] ?? '');
  }
  const limit = parseDuration(args[i] ?? '');
  if (limit === undefined || signal === undefined || signal === 0 || i + 1 >= args.length) {
    return fail(io, 'timeout: usage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS');
  }
  const pid = sh.host.spawn(literalCommand(args.slice(i + 1)), sh, io);
  const timers = sh.host.ctx.timers;
  const kill = (sig: Signal) => () => void sh.host.sys.kill(pid, sig);
  const ids = Number.isFinite(limit) ? [timers.setTimeout(kill(signal), limit)] : [];
  if (killAfter !== undefined && Number.isFinite(limit)) ids.push(timers.setTimeout(kill('KILL'), limit + killAfter));
  const status = yield sh.host.wait([pid]);
  ids.forEach((id) => timers.clearTimeout(id));
  return status;
}

export const BUILTINS: Record<string, Builtin> = {
  timeout,
  command,
  env,
  nohup: (sh, args, io) => sh.external(args.slice(1), [], io, false),
  which: (sh, args, io) => command(sh, ['command', '-v', ...args.slice(1)], io),
  type: function* (sh, args, io) {
    let status = 0;
    for (const name of args.slice(1)) {
      const where = locate(sh, name);
      if (where) io.out.write(`${name} is ${where === name ? 'a shell builtin' : where}\n`);
      else status = complain(io, `${name}: not found`);
    }
    return status;
  },
  ':': () => done(0),
  exit,
  export: exportOrReadonly,
  readonly: exportOrReadonly,
  local: exportOrReadonly,
  unset: (sh, args) => {
    for (const a of args.slice(1).filter((x) => !x.startsWith('-'))) {
      sh.state.vars.delete(a);
      sh.state.exported.delete(a);
      sh.state.functions.delete(a);
    }
    return done(0);
  },
  trap,
  wait,
  exec,
  cd,
  pwd: (sh, _args, io) => {
    io.out.write(`${sh.state.cwd}\n`);
    return done(0);
  },
  set,
  shift,
  read: readLine,
  eval: evalBuiltin,
  '.': source,
  source,
  return: (sh, args) => {
    throw new ReturnSignal(number(sh, args[1], sh.state.status));
  },
  break: (sh, args) => {
    throw new BreakSignal(number(sh, args[1], 1));
  },
  continue: (sh, args) => {
    throw new ContinueSignal(number(sh, args[1], 1));
  },
};
