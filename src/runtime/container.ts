/**
 * One container instance: PID 1 started from the image's program (or the shell's), signals with
 * PID 1 semantics (KILL is the kernel's, the rest go to the program's handlers; in a shared PID
 * namespace the entrypoint is not PID 1, so a signal it has no handler for kills it), OOM kill above the
 * memory limit, exec'd commands with a timeout, logs with virtual timestamps, and the termination
 * message read on exit.
 */
import type { ContainerConfig, ImageInfo, RuntimeContainer } from './sandbox-types';
import type { ExecResult, ExitStatus, FileSystem, LogLine, LogStream, PodNetwork, Process, Program, ProcessContext, Signal, Timers } from './types';
import type { RuntimeImage } from './images/catalogue';
import { diedOf, type ProgramResolver } from './images/program-kit';
import type { ProcessEntry, ProcessTable } from './shell/process-table';

/** The kubelet's limits for a termination message (pkg/kubelet/container: 4 KiB; from logs: 80 lines, 2 KiB). */
const MAX_MESSAGE_BYTES = 4096;
const FALLBACK_LOG_LINES = 80;
const FALLBACK_LOG_BYTES = 2048;

export interface ContainerDeps {
  timers: Timers;
  net: PodNetwork;
  hostname: string;
  fs: FileSystem;
  env: Record<string, string>;
  image: RuntimeImage | undefined;
  /** The shell's lookup (resolveCommand): sh, bash, sleep, cat, ... by name or path. */
  resolveCommand: ProgramResolver;
  /** Logs of the instance this one replaces. */
  previousLogs: LogLine[];
  /** Bytes held in Memory-medium emptyDirs this container mounts and its own /dev/shm (they count into its memory). */
  volumeMemory(): number;
  /** The container's PID namespace (its own, or the Pod's shared one). */
  pids: ProcessTable;
}

export interface SimRuntimeContainer extends RuntimeContainer {
  /** The signal the runtime sends on StopContainer: the image's STOPSIGNAL, else TERM. */
  readonly stopSignal: Signal;
  /** Memory in use now (processes + Memory-medium volumes). */
  memory(): number;
  /** End PID 1 at once with this exit code (a crash injected by the scenario). */
  crash(exitCode: number): void;
  /** The kernel's OOM killer ends the container. */
  oomKill(): void;
}

/**
 * The argv Kubernetes runs (docs "Define a Command and Arguments for a Container"): `command`
 * replaces the ENTRYPOINT and drops the CMD; `args` replaces the CMD.
 */
export function containerArgv(image: Pick<ImageInfo, 'entrypoint' | 'cmd'>, command?: string[], args?: string[]): string[] {
  if (command && command.length > 0) return [...command, ...(args ?? [])];
  return [...image.entrypoint, ...(args && args.length > 0 ? args : image.cmd)];
}

/** `exec: "foo": executable file not found in $PATH`, as runc reports through containerd. */
export function notFoundMessage(argv0: string): string {
  const why = argv0.includes('/') ? 'no such file or directory' : 'executable file not found in $PATH';
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv0}": ${why}: unknown`;
}

/** A Timers that forgets every pending callback of a process when it dies. */
function processTimers(timers: Timers): Timers & { cancelAll(): void } {
  const pending = new Set<number>();
  return {
    now: () => timers.now(),
    setTimeout(callback, ms) {
      const id = timers.setTimeout(() => {
        pending.delete(id);
        callback();
      }, ms);
      pending.add(id);
      return id;
    },
    clearTimeout(id) {
      pending.delete(id);
      timers.clearTimeout(id);
    },
    cancelAll() {
      for (const id of pending) timers.clearTimeout(id);
      pending.clear();
    },
  };
}

interface Running {
  timers: ReturnType<typeof processTimers>;
  /** PID 1 of its own PID namespace (the entrypoint, unless the Pod shares one: then pause is). */
  init: boolean;
  process?: Process;
  memory: number;
  end(status: ExitStatus): void;
}

function tailOfLogs(lines: LogLine[]): string {
  const text = lines.slice(-FALLBACK_LOG_LINES).map((l) => `${l.text}\n`).join('');
  return text.length > FALLBACK_LOG_BYTES ? text.slice(text.length - FALLBACK_LOG_BYTES) : text;
}

export function createContainer(config: ContainerConfig, deps: ContainerDeps): SimRuntimeContainer {
  const logs: LogLine[] = [];
  const processes = new Set<Running>();
  let pid1: Running | undefined;
  let started = false;

  const imageProgram = (argv0: string): Program | undefined => {
    const own = deps.image?.programs(() => lookup) ?? {};
    const base = argv0.slice(argv0.lastIndexOf('/') + 1);
    return own[argv0] ?? (argv0.includes('/') ? own[base] : undefined);
  };
  const lookup = (argv0: string): Program | undefined => imageProgram(argv0) ?? deps.resolveCommand(argv0);

  const totalMemory = () => [...processes].reduce((sum, p) => sum + p.memory, 0) + deps.volumeMemory();

  const terminationMessage = (status: ExitStatus): string | undefined => {
    const written = (deps.fs.read(config.terminationMessagePath) ?? '').slice(0, MAX_MESSAGE_BYTES);
    if (written) return written;
    if (config.terminationMessagePolicy === 'FallbackToLogsOnError' && status.exitCode !== 0) return tailOfLogs(logs) || undefined;
    return undefined;
  };

  const spawn = (
    program: Program,
    argv: string[],
    log: (stream: LogStream, text: string) => void,
    onEnd: (status: ExitStatus) => void,
    main = false,
  ): Running => {
    const timers = processTimers(deps.timers);
    let alive = true;
    // A program's children (nginx's workers) go with it.
    const children = new Set<() => void>();
    const running: Running = {
      timers,
      memory: 0,
      init: main && !deps.pids.shared,
      end(status) {
        if (!alive) return;
        alive = false;
        timers.cancelAll();
        for (const exit of children) exit();
        processes.delete(running);
        onEnd(status);
      },
    };
    processes.add(running);
    const context: ProcessContext = {
      timers,
      fs: deps.fs,
      net: deps.net,
      env: { ...deps.env },
      hostname: deps.hostname,
      containerName: config.name,
      log,
      setMemory(bytes) {
        running.memory = Math.max(0, bytes);
        if (config.memoryLimitBytes !== undefined && totalMemory() > config.memoryLimitBytes) oomKill();
      },
      privileged: config.privileged,
      programs: imageProgram,
      pid: () => ownPid ?? running.process?.pid,
      kill: (pid, signal) => {
        const target = deps.pids.get(pid);
        target?.signal(signal);
        return target !== undefined;
      },
      spawnChild: (command, options) => {
        const entry: ProcessEntry = { name: command.split(/[ :]/)[0], command, root: deps.fs, uid: options.uid ?? config.runAsUser ?? 0, signal: options.signal };
        const pid = deps.pids.register(entry);
        const exit = () => {
          if (deps.pids.get(pid) === entry) deps.pids.unregister(pid);
        };
        children.add(exit);
        return { pid, exit };
      },
      exit: (status) => running.end(status),
    };
    let ownPid: number | undefined;
    const process = program.start(argv, context);
    running.process = process;
    // A program that did not register itself (the shell does) gets its PID here: PID 1 of its own
    // namespace for the entrypoint, the next free PID otherwise (always in a shared namespace).
    if (process.pid === undefined && alive) {
      const entry: ProcessEntry = {
        // An entrypoint script that exec'd a program is that program (`nginx: master process` → nginx).
        name: process.command?.split(/[ :]/)[0] ?? argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? '',
        command: process.command ?? argv.join(' '),
        root: deps.fs,
        uid: config.runAsUser ?? 0,
        signal: (signal) => deliver(running, signal),
      };
      const pid = deps.pids.register(entry, running.init);
      ownPid = pid;
      const end = running.end;
      running.end = (status) => {
        if (deps.pids.get(pid) === entry) deps.pids.unregister(pid);
        end(status);
      };
    }
    return running;
  };

  /**
   * A signal for one of the container's processes: KILL is the kernel's; init (PID 1 of its own
   * namespace) ignores what it has no handler for; any other process dies of it (128 + n).
   */
  const deliver = (running: Running, signal: Signal) => {
    if (!processes.has(running)) return;
    if (signal === 'KILL') return running.end(diedOf('KILL'));
    const process = running.process;
    if (!running.init && process?.handles && !process.handles(signal)) return running.end(diedOf(signal));
    process?.signal(signal);
  };

  const killAll = (status: ExitStatus) => {
    pid1?.end(status);
  };
  const oomKill = () => killAll({ exitCode: 137, signal: 'KILL', oomKilled: true });

  const container: SimRuntimeContainer = {
    name: config.name,
    fs: deps.fs,
    stopSignal: deps.image?.stopSignal ?? 'TERM',
    start(onExit) {
      if (started) return { ok: false, message: 'container already started', exitCode: 128 };
      started = true;
      const argv = containerArgv(config.image, config.command, config.args);
      if (argv.length === 0 && !deps.image?.custom) {
        return { ok: false, message: `failed to generate container "${config.name}" spec: failed to generate spec: no command specified`, exitCode: 128 };
      }
      const program = deps.image?.custom ?? lookup(argv[0]);
      if (!program) return { ok: false, message: notFoundMessage(argv[0]), exitCode: 128 };
      const log = (stream: LogStream, text: string) => {
        for (const line of text.replace(/\n$/, '').split('\n')) logs.push({ t: deps.timers.now(), stream, text: line });
      };
      pid1 = spawn(program, argv, log, (status) => {
        deps.net.unbindAll(config.name);
        for (const p of [...processes]) p.end(diedOf('KILL'));
        const final: ExitStatus = { ...status };
        const message = terminationMessage(status);
        if (message !== undefined) final.message = message;
        deps.timers.setTimeout(() => onExit(final), 0);
      }, true);
      return { ok: true };
    },
    signal(signal) {
      if (pid1) deliver(pid1, signal);
    },
    running: () => pid1 !== undefined && processes.has(pid1),
    exec(argv, timeoutMs, done) {
      const finish = (result: ExecResult) => deps.timers.setTimeout(() => done(result), 0);
      if (!container.running()) {
        finish({ exitCode: 126, output: 'cannot exec in a stopped state: unknown' });
        return;
      }
      const program = argv.length > 0 ? lookup(argv[0]) : undefined;
      if (!program) {
        finish({
          exitCode: 126,
          output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown`,
        });
        return;
      }
      let output = '';
      let timer = 0;
      let settled = false;
      const settle = (result: ExecResult) => {
        if (settled) return;
        settled = true;
        deps.timers.clearTimeout(timer);
        finish(result);
      };
      const proc = spawn(program, argv, (_stream, text) => (output += text.endsWith('\n') ? text : `${text}\n`), (status) =>
        settle({ exitCode: status.exitCode, output }),
      );
      // pkg/kubelet/cri/remote/remote_runtime.go ExecSync: DeadlineExceeded → `command "<cmd>" timed out`,
      // which pkg/probe/exec/exec.go (ExecProbeTimeout on) returns as the Failure output.
      if (!settled) {
        timer = deps.timers.setTimeout(() => {
          settle({ exitCode: -1, output: `command "${argv.join(' ')}" timed out`, timedOut: true });
          proc.end(diedOf('KILL'));
        }, timeoutMs);
      }
    },
    logs: (previous) => (previous ? deps.previousLogs : logs),
    memory: totalMemory,
    crash(exitCode) {
      killAll({ exitCode });
    },
    oomKill,
  };
  return container;
}
