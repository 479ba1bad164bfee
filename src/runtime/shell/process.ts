/**
 * Shell processes: PID 1 (or an exec'd command) and its background jobs. Signal semantics:
 *  - KILL always ends the process at once (128 + 9, no traps).
 *  - A trapped signal is queued; the trap runs after the current foreground command finishes (as sh
 *    does: the signal went to the shell, not to its child), except that it cuts a `wait` short
 *    (status 128 + n) and then runs at once.
 *  - An untrapped signal is ignored by PID 1 (the kernel's rule for init); any other process dies of
 *    it (128 + n). With shareProcessNamespace the pause process is init, so a container's shell is
 *    not PID 1 and an untrapped TERM ends it (143).
 * `context.exit` is called exactly once, and never synchronously from `start`.
 */
import type { ExitStatus, Process, ProcessContext, Program, Signal } from '../types';
import { BUILTINS } from './builtins';
import type { System, Utility } from './command';
import type { Node } from './ast';
import { commandName, parseShellArgs, SHELLS } from './argv';
import { Interp, type Host } from './interp';
import { LineSink, type Io } from './io';
import { processTable, type ProcessEntry, type ProcessTable } from './process-table';
import { Input } from './stdin';
import { capable, kernelOf } from '../kernel';
import { signalNumber } from './signals';
import { cloneState, Doom, ExitSignal, newState, ReturnSignal } from './state';
import { sleep, Task, type Gen, type Suspend, type TaskResult } from './task';
import { UTILITIES } from './utilities/index';

export interface RunOptions {
  /**
   * PID 1 of the container (ignores untrapped signals); false for exec probes and hooks (default
   * signal actions). Absent: PID 1 unless the container (same root FileSystem) already has one.
   */
  pid1?: boolean;
  /** Programs beyond the shell's utilities (image entrypoints such as nginx), by command name. */
  programs?: (name: string) => Program | undefined;
}

interface Tree {
  ctx: ProcessContext;
  table: ProcessTable;
  io: Io;
  options: RunOptions;
  procs: Set<ShellProcess>;
  memory: number;
  starting: boolean;
}

interface Job {
  status?: number;
  waiters: Set<() => void>;
}

const BUSY_COMMANDS = 1000;
const BUSY_PAUSE_MS = 1000;

class ShellProcess implements Process, Host {
  readonly pid: number;
  readonly sys: System;
  interp: Interp;
  private task?: Task;
  private doomed?: Signal;
  private readonly pendingTraps: Signal[] = [];
  private replacedBy?: Process;
  private isUtility = false;
  private ended = false;
  private readonly jobs = new Map<number, Job>();
  private readonly entry: ProcessEntry;

  constructor(
    private readonly tree: Tree,
    private readonly pid1: boolean,
    name: string,
    private readonly onEnd: (status: ExitStatus) => void,
  ) {
    const creds = kernelOf(tree.ctx.fs, tree.ctx.privileged).creds;
    this.entry = { name, signal: (s) => this.signal(s), root: tree.ctx.fs, uid: creds.uid };
    this.pid = tree.table.register(this.entry, pid1 && !tree.table.shared);
    this.sys = {
      kill: (pid, signal) => {
        const target = tree.table.get(pid);
        if (target && signal !== 0) target.signal(signal);
        return target !== undefined;
      },
      // kill(2): the sender's uid must match the target's, or it holds CAP_KILL.
      mayKill: (pid) => {
        const target = tree.table.get(pid);
        return !target || (target.uid ?? 0) === creds.uid || capable(creds, 'KILL');
      },
      killall: (n, signal) => {
        const pids = tree.table.pidsNamed(n);
        for (const pid of pids) if (signal !== 0) tree.table.get(pid)?.signal(signal);
        return pids.length;
      },
      allocate: (bytes) => this.allocate(bytes),
      processes: () => tree.table.list(),
    };
    this.interp = new Interp(this, newState({}, name, []), BUILTINS);
    tree.procs.add(this);
  }

  get ctx(): ProcessContext {
    return this.tree.ctx;
  }

  run(gen: Gen): void {
    this.task = new Task(gen, (r) => this.finished(r));
    this.task.start();
  }

  signal(signal: Signal): void {
    if (this.ended) return;
    if (signal === 'KILL') return this.die('KILL');
    if (this.replacedBy) return this.replacedBy.signal(signal);
    const action = this.isUtility ? undefined : this.interp.state.traps.get(signal);
    if (action !== undefined) {
      if (action === '') return;
      this.pendingTraps.push(signal);
      this.task?.interrupt(128 + signalNumber(signal));
      return;
    }
    if (this.pid1) return;
    this.die(signal);
  }

  private die(signal: Signal): void {
    this.doomed = signal;
    const replacedBy = this.replacedBy;
    // Aborting a suspended task cancels its wait, which kills an exec'd program; a running one is
    // stopped at its next suspension, so the program is killed here.
    this.task?.abort(new Doom(signal));
    if (!this.task?.finished) replacedBy?.signal('KILL');
  }

  private allocate(bytes: number): () => void {
    this.tree.memory += bytes;
    this.tree.ctx.setMemory(this.tree.memory);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.tree.memory -= bytes;
      this.tree.ctx.setMemory(this.tree.memory);
    };
    this.releases.add(release);
    return release;
  }

  private readonly releases = new Set<() => void>();

  private finished(result: TaskResult): void {
    let status: ExitStatus;
    if (result.ok) status = { exitCode: result.value & 255 };
    else if (result.error instanceof Doom) {
      const signal = result.error.signal;
      status = { exitCode: 128 + signalNumber(signal), signal };
    } else if (result.error instanceof ExitSignal) status = { exitCode: result.error.code & 255 };
    else if (result.error instanceof ReturnSignal) status = { exitCode: result.error.code & 255 };
    else {
      this.tree.io.err.write(`sh: internal error: ${String(result.error)}\n`);
      status = { exitCode: 2 };
    }
    this.end(status);
  }

  private end(status: ExitStatus): void {
    if (this.ended) return;
    this.ended = true;
    for (const release of this.releases) release();
    this.tree.table.unregister(this.pid);
    this.tree.procs.delete(this);
    this.onEnd(status);
  }

  /** Stop without reporting (the tree's root ended). */
  reap(): void {
    if (this.ended) return;
    this.replacedBy?.signal('KILL');
    this.task?.abort(new Doom('KILL'));
  }

  takeDoom(): Signal | undefined {
    return this.doomed;
  }

  /**
   * `while true; do :; done` would never give the clock back: after BUSY_COMMANDS commands at the
   * same virtual instant the shell pauses for BUSY_PAUSE_MS, so a busy loop costs virtual time.
   */
  timeSlice(): Suspend | undefined {
    const now = this.tree.ctx.timers.now();
    if (now !== this.sliceAt) {
      this.sliceAt = now;
      this.sliceCommands = 0;
    }
    if (++this.sliceCommands < BUSY_COMMANDS) return undefined;
    this.sliceCommands = 0;
    return sleep(this.tree.ctx.timers, BUSY_PAUSE_MS);
  }

  private sliceAt = -1;
  private sliceCommands = 0;

  takePendingTrap(): Signal | undefined {
    return this.pendingTraps.shift();
  }

  spawn(node: Node, interp: Interp, io: Io, onExit?: (status: number) => void): number {
    const first = node.t === 'simple' ? node.words[0]?.raw : undefined;
    const name = first ? commandName(first) : interp.state.argv0;
    const job: Job = { waiters: new Set() };
    const proc = new ShellProcess(this.tree, false, name, (status) => {
      job.status = status.exitCode;
      for (const w of [...job.waiters]) w();
      onExit?.(status.exitCode);
    });
    if (node.t === 'simple') proc.describe(node.words.map((w) => w.raw).join(' '));
    if (!onExit) this.jobs.set(proc.pid, job);
    proc.interp = new Interp(proc, cloneState(interp.state), BUILTINS);
    proc.interp.main = true;
    proc.interp.rootIo = io;
    // `( trap ... ; ... ) &`: the job is that subshell, so its traps are the job's own.
    proc.run(proc.interp.runIsolated(node.t === 'subshell' ? node.body : node, io));
    return proc.pid;
  }

  wait(pids: number[]): Suspend {
    return {
      start: (resume) => {
        const targets = pids.length ? pids.map((p) => this.jobs.get(p)) : [...this.jobs.values()];
        const check = () => {
          if (targets.some((j) => j && j.status === undefined)) return false;
          const last = pids.length ? targets[targets.length - 1] : undefined;
          for (const p of pids.length ? pids : [...this.jobs.keys()]) {
            if (this.jobs.get(p)?.status !== undefined) this.jobs.delete(p);
          }
          resume(last ? (last.status ?? 127) : pids.length ? 127 : 0);
          return true;
        };
        if (check()) return { cancel: () => undefined };
        const waiter = () => {
          if (check()) cancel();
        };
        const cancel = () => targets.forEach((j) => j?.waiters.delete(waiter));
        targets.forEach((j) => j?.waiters.add(waiter));
        return { cancel, interruptible: true };
      },
    };
  }

  runProgram(program: Program, argv: string[], env: Record<string, string>, io: Io, replace: boolean): Suspend {
    return {
      start: (resume) => {
        let exited = false;
        const child = program.start(argv, {
          ...this.tree.ctx,
          env,
          log: (stream, text) => (stream === 'stdout' ? io.out : io.err).write(`${text}\n`),
          exit: (status) => {
            exited = true;
            if (replace) this.replacedBy = undefined;
            resume(status.exitCode);
          },
        });
        if (replace && !exited) this.replacedBy = child;
        return { cancel: () => (exited ? undefined : child.signal('KILL')) };
      },
    };
  }

  /** What `ps` shows for this process. */
  describe(command: string): void {
    this.entry.command = command;
  }

  becomeUtility(name: string, argv?: string[]): void {
    this.isUtility = true;
    this.entry.name = name;
    if (argv) this.entry.command = argv.join(' ');
    this.interp.state.traps.clear();
  }

  utility(name: string): Utility | undefined {
    return Object.hasOwn(UTILITIES, name) ? UTILITIES[name] : undefined;
  }

  program(name: string): Program | undefined {
    return this.tree.options.programs?.(name) ?? this.tree.ctx.programs?.(name);
  }
}

function* mainShell(interp: Interp, source: string, io: Io): Gen<number> {
  let status: number;
  try {
    status = yield* interp.runSource(source, io);
  } catch (e) {
    if (e instanceof ExitSignal) {
      if (!e.trap) return e.code;
      status = e.code;
    } else if (e instanceof ReturnSignal) status = e.code;
    else throw e;
  }
  const action = interp.state.traps.get('EXIT');
  if (action) {
    interp.state.traps.delete('EXIT');
    interp.state.status = status;
    try {
      yield* interp.runSource(action, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    }
  }
  return status;
}

/**
 * Run `argv` as a process of the container: a shell (`sh -c ...`), a utility, or an external program
 * from `options.programs`. See RunOptions.pid1 for exec probes and hooks.
 */
export function runCommand(argv: string[], ctx: ProcessContext, options: RunOptions): Process {
  const out = new LineSink('stdout', ctx.log);
  const err = new LineSink('stderr', ctx.log);
  const tree: Tree = {
    ctx,
    table: processTable(ctx.fs),
    io: { stdin: Input.of(), out, err },
    options,
    procs: new Set(),
    memory: 0,
    starting: true,
  };
  const name = commandName(argv[0] ?? 'sh');
  // In a shared PID namespace the pause process is init: no container's process is PID 1.
  const pid1 = !tree.table.shared && (options.pid1 ?? tree.table.get(1) === undefined);
  const root = new ShellProcess(tree, pid1, name, (status) => {
    for (const p of [...tree.procs]) p.reap();
    out.flush();
    err.flush();
    if (tree.starting) ctx.timers.setTimeout(() => ctx.exit(status), 0);
    else ctx.exit(status);
  });
  root.describe(argv.join(' '));
  const interp = root.interp;
  interp.main = true;
  // The working directory: ProcessContext has none, so `PWD` in the environment stands for it.
  if (ctx.env.PWD?.startsWith('/')) interp.state.cwd = ctx.env.PWD;
  interp.rootIo = tree.io;
  const shellArgv = name === 'busybox' && SHELLS.has(argv[1] ?? '') ? argv.slice(1) : argv;
  if (SHELLS.has(commandName(shellArgv[0] ?? 'sh'))) {
    const parsed = parseShellArgs(shellArgv);
    interp.state.argv0 = parsed.argv0;
    interp.state.positional = parsed.args;
    interp.state.errexit = parsed.errexit;
    for (const [k, v] of Object.entries(ctx.env)) {
      interp.state.vars.set(k, v);
      interp.state.exported.add(k);
    }
    let source = parsed.script ?? '';
    if (parsed.file !== undefined) source = `. ${JSON.stringify(parsed.file)}`;
    root.run(mainShell(interp, source, tree.io));
  } else {
    for (const [k, v] of Object.entries(ctx.env)) {
      interp.state.vars.set(k, v);
      interp.state.exported.add(k);
    }
    root.run(interp.external(argv, [], tree.io, true));
  }
  tree.starting = false;
  return root;
}
