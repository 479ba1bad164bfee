/**
 * The evaluator: walks the syntax tree as a generator, so `sleep`, `wait` and external programs
 * suspend it on the virtual clock. Control flow (exit, return, break, continue, death by signal) is
 * thrown as the classes of state.ts.
 */
import type { Node, Redir, Word } from './ast';
import { casePattern, expandJoined, expandWords, type Expander } from './expand';
import { BufferSink, nullSink, openFileSink, type Io, type Sink } from './io';
import { heredocWord } from './lexer';
import { Input } from './stdin';
import { parse, SyntaxError } from './parser';
import {
  BreakSignal,
  cloneState,
  ContinueSignal,
  Doom,
  exportedEnv,
  ExitSignal,
  newState,
  ReturnSignal,
  type ShellState,
} from './state';
import type { Gen, Suspend } from './task';
import type { Program, ProcessContext, Signal } from '../types';
import { errText, type System, type Utility } from './command';
import { normalizePath } from '../fs';
import { commandName, parseShellArgs, SHELLS, STANDALONE_BUILTINS } from './argv';

/** What the evaluator needs from the process running it. */
export interface Host {
  ctx: ProcessContext;
  sys: System;
  pid: number;
  /** A fatal signal arrived while the shell was busy: throw Doom at the next checkpoint. */
  takeDoom(): Signal | undefined;
  /** Trapped signals waiting for the current foreground command to finish. */
  takePendingTrap(): Signal | undefined;
  /** A pause when the shell has run many commands without time passing (a busy loop). */
  timeSlice(): Suspend | undefined;
  /**
   * Start `node` as a child process running a copy of `interp`; its pid. A background job, or with
   * `onExit` a pipeline stage (not a job: `wait` and `$!` do not see it).
   */
  spawn(node: Node, interp: Interp, io: Io, onExit?: (status: number) => void): number;
  /** Wait for jobs (all when `pids` is empty); interruptible by trapped signals. */
  wait(pids: number[]): Suspend;
  /** Run an external program in the foreground; `replace`: it is now the process (exec). */
  runProgram(program: Program, argv: string[], env: Record<string, string>, io: Io, replace: boolean): Suspend;
  /** `exec utility`: the shell is gone, its traps with it. */
  becomeUtility(name: string, argv?: string[]): void;
  utility(name: string): Utility | undefined;
  program(name: string): Program | undefined;
}

export type Builtin = (sh: Interp, args: string[], io: Io) => Gen<number>;



export class Interp implements Expander {
  /** Only the process's top-level shell runs traps. */
  main = false;
  private condDepth = 0;
  /** Status of the last command substitution (the status of an assignment-only command). */
  private substStatus = 0;

  constructor(
    readonly host: Host,
    readonly state: ShellState,
    private readonly builtins: Record<string, Builtin>,
  ) {}

  get fs() {
    return this.host.ctx.fs;
  }

  get cwd() {
    return this.state.cwd;
  }

  lookup(name: string): string | undefined {
    const s = this.state;
    switch (name) {
      case '?':
        return String(s.status);
      case '$':
        return String(this.host.pid);
      case '#':
        return String(s.positional.length);
      case '!':
        return s.lastBackground === undefined ? '' : String(s.lastBackground);
      case '-':
        return s.errexit ? 'e' : '';
      case '0':
        return s.argv0;
    }
    if (/^\d+$/.test(name)) return s.positional[Number(name) - 1];
    return s.vars.get(name);
  }

  assign(name: string, value: string): void {
    this.state.vars.set(name, value);
  }

  positional(): string[] {
    return this.state.positional;
  }

  fail(message: string): never {
    this.host.ctx.log('stderr', `sh: ${message}`);
    throw new ExitSignal(message.includes('arithmetic') ? 2 : 1);
  }

  subshell(): Interp {
    return new Interp(this.host, cloneState(this.state), this.builtins);
  }

  /** A fresh shell (for `sh -c` run from a script): exported variables only. */
  child(argv0: string, positional: string[]): Interp {
    return new Interp(this.host, newState(exportedEnv(this.state), argv0, positional, this.state.cwd), this.builtins);
  }

  *substitute(source: string): Gen<string> {
    const out = new BufferSink();
    const sub = this.subshell();
    this.substStatus = yield* sub.runIsolated(source, { stdin: Input.of(), out, err: this.errSink() });
    return out.text;
  }

  private errSink(): Sink {
    return { write: (t) => t.split('\n').filter(Boolean).forEach((l) => this.host.ctx.log('stderr', l)) };
  }

  /** Parse and run `source`; syntax errors report and give status 2. */
  *runSource(source: string, io: Io): Gen<number> {
    let node: Node;
    try {
      node = parse(source);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      io.err.write(`sh: ${e.message}\n`);
      return 2;
    }
    return yield* this.run(node, io);
  }

  /** Run as a subshell: `exit` ends only this. */
  *runIsolated(source: string | Node, io: Io): Gen<number> {
    try {
      return typeof source === 'string' ? yield* this.runSource(source, io) : yield* this.run(source, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    }
  }

  *run(node: Node, io: Io): Gen<number> {
    const status = yield* this.eval(node, io);
    this.state.status = status;
    return status;
  }

  private *cond(node: Node, io: Io): Gen<number> {
    this.condDepth++;
    try {
      return yield* this.run(node, io);
    } finally {
      this.condDepth--;
    }
  }

  private *eval(node: Node, io: Io): Gen<number> {
    switch (node.t) {
      case 'list': {
        let status = 0;
        for (const item of node.items) {
          if (item.background) {
            this.state.lastBackground = this.host.spawn(item.node, this, io);
            status = 0;
          } else status = yield* this.run(item.node, io);
          this.state.status = status;
        }
        return status;
      }
      case 'and':
      case 'or': {
        const left = yield* this.cond(node.left, io);
        if ((left === 0) === (node.t === 'and')) return yield* this.run(node.right, io);
        return left;
      }
      case 'not':
        return (yield* this.cond(node.node, io)) === 0 ? 1 : 0;
      case 'pipe':
        return yield* this.pipe(node.commands, io);
      case 'simple':
        return yield* this.simple(node, io);
      case 'if':
        for (const clause of node.clauses) {
          if ((yield* this.cond(clause.cond, io)) === 0) return yield* this.run(clause.body, io);
        }
        return node.otherwise ? yield* this.run(node.otherwise, io) : 0;
      case 'loop':
        return yield* this.loop(node.until, node.cond, node.body, io);
      case 'for':
        return yield* this.forLoop(node.name, node.items, node.body, io);
      case 'case':
        return yield* this.caseOf(node, io);
      case 'group':
        return yield* this.run(node.body, io);
      case 'subshell':
        return yield* this.subshell().runIsolated(node.body, io);
      case 'func':
        this.state.functions.set(node.name, node.body);
        return 0;
      case 'redirected': {
        const redirected = yield* this.redirect(node.redirs, io);
        if (typeof redirected === 'number') return redirected;
        return yield* this.run(node.node, redirected);
      }
    }
  }

  private *loop(until: boolean, cond: Node, body: Node, io: Io): Gen<number> {
    let status = 0;
    for (;;) {
      if (((yield* this.cond(cond, io)) === 0) === until) return status;
      const r = yield* this.loopBody(body, io);
      if (r === 'break') return this.state.status;
      status = this.state.status;
    }
  }

  private *loopBody(body: Node, io: Io): Gen<'break' | 'next'> {
    try {
      yield* this.run(body, io);
      return 'next';
    } catch (e) {
      if (e instanceof BreakSignal) {
        if (e.levels > 1) throw new BreakSignal(e.levels - 1);
        return 'break';
      }
      if (e instanceof ContinueSignal) {
        if (e.levels > 1) throw new ContinueSignal(e.levels - 1);
        return 'next';
      }
      throw e;
    }
  }

  private *forLoop(name: string, items: Word[] | undefined, body: Node, io: Io): Gen<number> {
    const values = items ? yield* expandWords(this, items) : [...this.state.positional];
    this.state.status = 0;
    for (const v of values) {
      this.state.vars.set(name, v);
      if ((yield* this.loopBody(body, io)) === 'break') break;
    }
    return this.state.status;
  }

  private *caseOf(node: Extract<Node, { t: 'case' }>, io: Io): Gen<number> {
    const subject = yield* expandJoined(this, node.word);
    for (const arm of node.arms) {
      for (const p of arm.patterns) {
        const pattern = yield* expandJoined(this, p, false);
        if (casePattern(pattern).test(subject)) return arm.body ? yield* this.run(arm.body, io) : 0;
      }
    }
    return 0;
  }

  /**
   * `a | b | c`: every stage runs at once, as its own process, joined by pipes; the last runs in
   * this shell's task (as a subshell: its assignments do not stay). A reader sees each line when its
   * writer writes it; a writer whose reader has exited gets SIGPIPE on its next write. The status
   * is the last stage's, once every stage has ended.
   */
  private *pipe(commands: Node[], io: Io): Gen<number> {
    const timers = this.host.ctx.timers;
    const pipes: Input[] = [];
    const running = new Set<number>();
    let allDone: (() => void) | undefined;
    for (let i = 0; i < commands.length - 1; i++) {
      let writer = 0;
      const pipe = Input.pipe(timers, () => void this.host.sys.kill(writer, 'PIPE'));
      const stdin = i === 0 ? io.stdin : pipes[i - 1];
      pipes.push(pipe);
      writer = this.host.spawn(commands[i], this, { stdin, out: pipe, err: io.err }, () => {
        running.delete(writer);
        pipe.close();
        if (i > 0) pipes[i - 1].closeReader();
        if (running.size === 0) allDone?.();
      });
      // A stage that ended while being started (`echo a | ...`) has already been reported.
      if (!pipe.isOpen) continue;
      running.add(writer);
    }
    const last = pipes[pipes.length - 1];
    const status = yield* this.subshell().runIsolated(commands[commands.length - 1], { stdin: last ?? io.stdin, out: io.out, err: io.err });
    last?.closeReader();
    if (running.size > 0) {
      yield {
        start: (resume) => {
          allDone = () => timers.setTimeout(() => resume(0), 0);
          return { cancel: () => (allDone = undefined) };
        },
      };
    }
    return status;
  }

  /** Apply redirections; a status when one failed (already reported). */
  *redirect(redirs: Redir[], io: Io): Gen<Io | number> {
    if (redirs.length === 0) return io;
    const next: Io = { ...io };
    for (const r of redirs) {
      if (r.heredoc) {
        next.stdin = Input.of(r.heredoc.expand ? yield* expandJoined(this, heredocWord(r.heredoc.body)) : r.heredoc.body);
        continue;
      }
      const target = yield* expandJoined(this, r.target);
      if (r.op === '<') {
        const text = target === '/dev/null' ? '' : this.fs.read(normalizePath(target, this.cwd));
        if (text === undefined) {
          io.err.write(`sh: can't open ${target}: no such file\n`);
          return 1;
        }
        next.stdin = Input.of(text);
        continue;
      }
      if (r.op === '<&' || r.fd > 2 || r.fd === 0) continue;
      let sink: Sink;
      if (r.op === '>&') {
        if (target === '1') sink = next.out;
        else if (target === '2') sink = next.err;
        else sink = nullSink;
      } else if (target === '/dev/null') sink = nullSink;
      else if (target === '/dev/stdout') sink = io.out;
      else if (target === '/dev/stderr') sink = io.err;
      else {
        const opened = openFileSink(this.fs, normalizePath(target, this.cwd), r.op === '>>');
        if (typeof opened === 'string') {
          io.err.write(`sh: can't create ${target}: ${errText(opened)}\n`);
          return 1;
        }
        sink = opened;
      }
      if (r.fd === 1) next.out = sink;
      else next.err = sink;
    }
    return next;
  }

  private *simple(node: Extract<Node, { t: 'simple' }>, io: Io): Gen<number> {
    this.substStatus = 0;
    const argv = yield* expandWords(this, node.words);
    const assigns: Array<[string, string]> = [];
    for (const a of node.assigns) assigns.push([a.name, yield* expandJoined(this, a.value)]);
    const redirected = yield* this.redirect(node.redirs, io);
    let status: number;
    if (typeof redirected === 'number') status = redirected;
    else if (argv.length === 0 || (argv.length === 1 && argv[0] === 'exec' && node.redirs.length > 0)) {
      // `exec >file 2>&1` redirects the rest of the script: the caller's io object is shared.
      if (argv.length === 1) Object.assign(io, redirected);
      for (const [k, v] of assigns) this.state.vars.set(k, v);
      status = this.substStatus;
    } else status = yield* this.command(argv, assigns, redirected);
    this.state.status = status;
    yield* this.checkpoint();
    if (status !== 0 && this.state.errexit && this.condDepth === 0) throw new ExitSignal(status);
    return status;
  }

  /** Between commands: die of a pending fatal signal, run pending traps. */
  *checkpoint(): Gen<void> {
    const slice = this.host.timeSlice();
    if (slice) yield slice;
    const doom = this.host.takeDoom();
    if (doom) throw new Doom(doom);
    if (!this.main) return;
    for (let sig = this.host.takePendingTrap(); sig; sig = this.host.takePendingTrap()) {
      const action = this.state.traps.get(sig);
      if (!action) continue;
      const saved = this.state.status;
      yield* this.runSource(action, this.rootIo);
      this.state.status = saved;
    }
  }

  /** The process's own stdout/stderr (traps write there). */
  rootIo: Io = { stdin: Input.of(), out: nullSink, err: nullSink };

  /** Run a command by name: function, builtin, utility, nested shell, external program, script file. */
  *command(argv: string[], assigns: Array<[string, string]>, io: Io): Gen<number> {
    const name = argv[0];
    const fn = this.state.functions.get(name);
    if (fn) return yield* this.callFunction(fn, argv, io);
    const builtin = this.builtins[name];
    if (builtin) {
      for (const [k, v] of assigns) this.state.vars.set(k, v);
      return yield* builtin(this, argv, io);
    }
    return yield* this.external(argv, assigns, io, false);
  }

  /** Variables made `local` in the running functions, with the values to restore on return. */
  private readonly localFrames: Array<Map<string, string | undefined>> = [];

  /** `local NAME`: remember NAME's value to restore when the current function returns. */
  makeLocal(name: string): void {
    const frame = this.localFrames[this.localFrames.length - 1];
    if (frame && !frame.has(name)) frame.set(name, this.state.vars.get(name));
  }

  private *callFunction(fn: Node, argv: string[], io: Io): Gen<number> {
    const saved = this.state.positional;
    this.state.positional = argv.slice(1);
    const frame = new Map<string, string | undefined>();
    this.localFrames.push(frame);
    try {
      return yield* this.run(fn, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      this.state.positional = saved;
      this.localFrames.pop();
      for (const [name, value] of frame) {
        if (value === undefined) this.state.vars.delete(name);
        else this.state.vars.set(name, value);
      }
    }
  }

  /** A command that is not a builtin or function; `replace` when `exec` runs it. */
  *external(argv: string[], assigns: Array<[string, string]>, io: Io, replace: boolean): Gen<number> {
    const env = { ...exportedEnv(this.state), ...Object.fromEntries(assigns) };
    const name = commandName(argv[0]);
    if (name === 'busybox' && argv.length > 1) return yield* this.external(argv.slice(1), assigns, io, replace);
    if (SHELLS.has(name) || name === 'busybox') {
      if (replace) this.host.becomeUtility(name);
      return yield* this.nestedShell(argv, env, io);
    }
    if (STANDALONE_BUILTINS.has(name)) return yield* this.builtins[name](this, [name, ...argv.slice(1)], io);
    const utility = this.host.utility(name);
    if (utility) {
      if (replace) this.host.becomeUtility(name, argv);
      return yield* utility({ argv, io, env, cwd: this.state.cwd, ctx: this.host.ctx, sys: this.host.sys });
    }
    const program = this.host.program(name);
    if (program) return yield this.host.runProgram(program, argv, env, io, replace);
    const path = normalizePath(argv[0], this.state.cwd);
    if (argv[0].includes('/') && this.fs.exists(path)) {
      const script = this.fs.read(path);
      if (script === undefined) {
        io.err.write(`sh: ${argv[0]}: Permission denied\n`);
        return 126;
      }
      return yield* this.child(argv[0], argv.slice(1)).runIsolated(script, io);
    }
    io.err.write(`sh: ${argv[0]}: not found\n`);
    return 127;
  }

  /** `sh -c 'script' name args`, `sh file args`, or `sh` alone (reads nothing). */
  *nestedShell(argv: string[], env: Record<string, string>, io: Io): Gen<number> {
    const parsed = parseShellArgs(argv);
    if (parsed.script === undefined && parsed.file === undefined) return 0;
    let source = parsed.script;
    if (source === undefined) {
      source = this.fs.read(normalizePath(parsed.file ?? '', this.state.cwd));
      if (source === undefined) {
        io.err.write(`sh: can't open '${parsed.file}': No such file or directory\n`);
        return 2;
      }
    }
    const sub = new Interp(this.host, newState(env, parsed.argv0, parsed.args, this.state.cwd), this.builtins);
    sub.state.errexit = parsed.errexit;
    return yield* sub.runIsolated(source, io);
  }
}
