/**
 * Small building blocks for image programs: a process that ends once, signal dispatch with PID 1
 * semantics (no handler: ignored), query-string parsing, wall-clock-looking log stamps on the
 * virtual clock.
 */
import { SIM_EPOCH_MS } from '../../k8s';
import type { ExitStatus, Process, Program, ProcessContext, Signal } from '../types';
import { SIGNAL_NUMBERS } from '../types';

/** Finds a program by argv[0] (a name or a path). */
export type ProgramResolver = (argv0: string) => Program | undefined;

export type SignalHandlers = Partial<Record<Signal, () => void>>;

/** Handlers that stand for the default action (a Go binary's re-raise): not a handler outside init. */
const defaultActions = new WeakSet<() => void>();

/**
 * A process whose handlers decide what each signal does; signals without one are ignored as PID 1.
 * `handles` tells the container which signals have a handler, so that outside init (a shared PID
 * namespace) an unhandled signal kills the process with its default action.
 */
export function processWith(handlers: SignalHandlers, command?: string): Process {
  return {
    signal(signal: Signal): void {
      handlers[signal]?.();
    },
    handles(signal: Signal): boolean {
      const handler = handlers[signal];
      return handler !== undefined && !defaultActions.has(handler);
    },
    ...(command !== undefined ? { command } : {}),
  };
}

/** `exit` guarded so a process ends once, however many paths lead there. */
export function onceExit(ctx: ProcessContext): (status: ExitStatus) => void {
  let done = false;
  return (status) => {
    if (done) return;
    done = true;
    ctx.exit(status);
  };
}

/** The status of a process that died of `signal`. */
export function diedOf(signal: Signal): ExitStatus {
  return { exitCode: 128 + SIGNAL_NUMBERS[signal], signal };
}

/**
 * A Go binary with no signal.Notify, running as PID 1: the Go runtime resets the handler and
 * re-raises, the kernel ignores the default action for a namespace's init, and the runtime then
 * exits with status 2 (runtime/signal_unix.go dieFromSignal). Not init (a shared PID namespace):
 * the re-raised signal kills it (128 + n); `processWith(...).handles` says so.
 */
export function goDefaultSignals(exit: (status: ExitStatus) => void): SignalHandlers {
  const die = () => exit({ exitCode: 2 });
  defaultActions.add(die);
  return { TERM: die, INT: die, HUP: die, QUIT: die };
}

/** Query parameters of a request path (`/echo?msg=hi`). */
export function splitPath(path: string): { pathname: string; query: Record<string, string> } {
  const q = path.indexOf('?');
  const pathname = q >= 0 ? path.slice(0, q) : path;
  const query: Record<string, string> = {};
  if (q >= 0) {
    for (const part of path.slice(q + 1).split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const key = decode(eq >= 0 ? part.slice(0, eq) : part);
      query[key] = eq >= 0 ? decode(part.slice(eq + 1)) : '';
    }
  }
  return { pathname: pathname || '/', query };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A `--name=value` or `--name value` flag from argv. */
export function flag(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === `--${name}` || a === `-${name}`) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

/** The virtual clock as a UTC date. */
export function wallDate(ctx: ProcessContext): Date {
  return new Date(SIM_EPOCH_MS + ctx.timers.now());
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `2025/01/01 09:00:05`, as nginx stamps its error log. */
export function slashStamp(ctx: ProcessContext): string {
  const d = wallDate(ctx);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Seconds since the process started, as Go's time.Since(started).Seconds() would print. */
export function secondsSince(ctx: ProcessContext, startedAt: number): number {
  return (ctx.timers.now() - startedAt) / 1000;
}

/** Defer to the next turn of the virtual clock (a process never ends inside its own start). */
export function later(ctx: ProcessContext, fn: () => void, ms = 0): number {
  return ctx.timers.setTimeout(fn, ms);
}

export const MiB = 1024 * 1024;

/** `150M`, `1G`, `512k`, `100` (bytes), as stress and friends parse sizes. */
export function parseSize(text: string | undefined, fallback: number): number {
  if (!text) return fallback;
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(text.trim());
  if (!m) return fallback;
  const unit = m[2].toLowerCase();
  const mult = unit === 'k' ? 1024 : unit === 'm' ? MiB : unit === 'g' ? 1024 * MiB : 1;
  return Math.floor(Number(m[1]) * mult);
}
