/**
 * The contract between the kubelet simulation (src/engine) and what runs inside containers
 * (src/runtime). Everything is synchronous and callback-driven on the virtual clock: no promises,
 * no wall clock, so a run is deterministic and a step is "pop the next timer".
 */

/** Signals a container process can receive. Numbers are Linux's (exit code = 128 + number). */
export type Signal = 'HUP' | 'INT' | 'QUIT' | 'KILL' | 'USR1' | 'USR2' | 'PIPE' | 'TERM';

export const SIGNAL_NUMBERS: Record<Signal, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  KILL: 9,
  USR1: 10,
  USR2: 12,
  PIPE: 13,
  TERM: 15,
};

/** The virtual clock as the runtime sees it. Milliseconds. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** How a process ended. `signal` is set when it died of a signal (exitCode is then 128 + n). */
export interface ExitStatus {
  exitCode: number;
  signal?: Signal;
  /** The kernel's OOM killer ended it (exitCode 137, reason OOMKilled). */
  oomKilled?: boolean;
  /** What the container wrote to its terminationMessagePath, if anything. */
  message?: string;
}

export type LogStream = 'stdout' | 'stderr';

export interface LogLine {
  t: number;
  stream: LogStream;
  text: string;
}

/** A file system view: a container's root file system with its volume mounts. Paths are absolute. */
export interface FileSystem {
  read(path: string): string | undefined;
  write(path: string, content: string, append?: boolean): FsResult;
  remove(path: string, recursive?: boolean): FsResult;
  mkdir(path: string, parents?: boolean): FsResult;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  list(path: string): string[] | undefined;
}

/** `ok`, or the errno name a real syscall would give. */
export type FsResult = 'ok' | 'ENOENT' | 'EEXIST' | 'EROFS' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EACCES';

export interface HttpRequest {
  method: string;
  scheme: 'HTTP' | 'HTTPS';
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Virtual milliseconds the server takes to answer; a probe times out when this exceeds its timeout. */
  delayMs?: number;
}

/** gRPC health-checking protocol statuses (grpc.health.v1). */
export type GrpcServingStatus = 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN' | 'UNKNOWN';

/** What a process that binds a port answers. */
export interface Listener {
  /** Present when the port speaks HTTP. */
  http?: (request: HttpRequest) => HttpResponse;
  /** Present when the port speaks gRPC with the health service. */
  grpc?: (service: string) => { status: GrpcServingStatus; delayMs?: number };
  /** A name for the UI ("nginx", "agnhost liveness"). */
  description: string;
}

export type BindResult = 'ok' | 'EADDRINUSE' | 'EACCES';

/** A pod's network namespace: one IP shared by its containers. */
export interface PodNetwork {
  readonly ip: string;
  bind(port: number, listener: Listener, owner: string): BindResult;
  unbind(port: number, owner: string): void;
  /** Everything bound by `owner` (a container name) goes when its process dies. */
  unbindAll(owner: string): void;
  listener(port: number): Listener | undefined;
  /** What answers at another address (a Service, another pod, a host on the internet), if anything. */
  remote?(ip: string, port: number): Listener | undefined;
}

/** What a container's process sees of the world. */
export interface ProcessContext {
  timers: Timers;
  fs: FileSystem;
  net: PodNetwork;
  env: Record<string, string>;
  hostname: string;
  containerName: string;
  log(stream: LogStream, text: string): void;
  /** Memory the process now uses; the container kills it with OOMKilled above its limit. */
  setMemory(bytes: number): void;
  privileged: boolean;
  /**
   * The image's own programs on the container's PATH (`redis-cli` in redis, `nginx` in nginx), so a
   * shell inside the container runs them by name. Absent outside a container.
   */
  programs?: (name: string) => Program | undefined;
  /** This process's PID in its namespace, once it has one (a program gets it after `start` returns). */
  pid?(): number | undefined;
  /** kill(2) in the process's PID namespace: false when there is no such process. */
  kill?(pid: number, signal: Signal): boolean;
  /**
   * Start a child of this process in its PID namespace (nginx's worker processes): what `ps`
   * shows, with its own uid; `signal` is what a signal sent to its PID does. It ends with the
   * parent. Absent outside a container.
   */
  spawnChild?(command: string, options: { uid?: number; signal(signal: Signal): void }): ChildProcess;
  /** Call once when the process has ended (after its own cleanup, e.g. a TERM trap). */
  exit(status: ExitStatus): void;
}

/** A process a program started beside itself (ProcessContext.spawnChild). */
export interface ChildProcess {
  readonly pid: number;
  /** It has ended: `ps` no longer lists it. */
  exit(): void;
}

/** A running process (PID 1 of a container, or an exec'd command). */
export interface Process {
  /** Deliver a signal. PID 1 ignores signals it has no handler for, except KILL. */
  signal(signal: Signal): void;
  /**
   * Whether the program installed a handler for `signal`. A process that is not its PID namespace's
   * init (shareProcessNamespace: the pause process is PID 1) dies of an unhandled signal (128 + n).
   * Absent: the program decides in `signal` itself (the shell does).
   */
  handles?(signal: Signal): boolean;
  /** The PID the process registered itself under in its PID namespace (the shell does); absent: the container registers it. */
  readonly pid?: number;
  /** What `ps` shows for it (`nginx: master process nginx -g daemon off;`); default: its argv. */
  readonly command?: string;
}

/** Something that can run: an image's entrypoint, a shell, a utility. */
export interface Program {
  start(argv: string[], context: ProcessContext): Process;
}

/** Result of running a command inside a running container (exec probe, exec hook). */
export interface ExecResult {
  exitCode: number;
  output: string;
  /** The command did not finish within the timeout. */
  timedOut?: boolean;
}
