/**
 * What the engine (the simulated kubelet) asks of the runtime: resolve images, create a pod sandbox,
 * create/start/signal containers in it, exec into them, and send probes to the pod's IP.
 */
import type { ImageRef } from '../k8s/image-ref';
import type { Listener, ExecResult, ExitStatus, FileSystem, GrpcServingStatus, HttpResponse, LogLine, PodNetwork, Signal, Timers } from './types';


/** What a scenario may declare for an image the catalogue does not know (or to override one). */
export interface CustomImageBehaviour {
  /** Image reference it applies to, as written in the manifest (matched after normalisation). */
  image: string;
  sizeBytes?: number;
  /** Exit after this many seconds with `exitCode` (default: run until killed). */
  exitAfterSeconds?: number;
  exitCode?: number;
  /** Memory use in MiB (above the container's limit: OOMKilled). */
  memoryMiB?: number;
  /** Handle TERM by exiting with this code after `termDelaySeconds` (default: exit 143 at once). Absent: ignore TERM as PID 1. */
  onTerm?: { exitCode?: number; delaySeconds?: number } | 'ignore';
  /** Ports to listen on, with what they answer over time. */
  listen?: Array<{
    port: number;
    protocol?: 'http' | 'tcp' | 'grpc';
    /** HTTP: per path, a list of answers; each holds from its `fromSeconds` (since the process started). */
    paths?: Record<string, Array<{ fromSeconds: number; status: number; delaySeconds?: number }>>;
    /** gRPC health status over time. */
    grpc?: Array<{ fromSeconds: number; status: GrpcServingStatus }>;
    /** Seconds after start before the port is bound (a slow start). */
    afterSeconds?: number;
  }>;
  /** Lines written to stdout at start. */
  logs?: string[];
}

export interface ImageInfo {
  ref: ImageRef;
  sizeBytes: number;
  entrypoint: string[];
  cmd: string[];
  workingDir: string;
  /** Ports the image's documentation says it serves (for the UI). */
  ports: number[];
  description: string;
}

/** How a registry answers a pull of an image it does not have. */
export interface PullError {
  /** The kubelet's message after `Failed to pull image "x": `. */
  message: string;
}

export interface ImageCatalogue {
  resolve(image: string): ImageInfo | PullError;
}

export type VolumeSource =
  | { kind: 'emptyDir'; medium?: 'Memory' | '' }
  | { kind: 'configMap' | 'secret' | 'downwardAPI'; files: Record<string, string> }
  | { kind: 'hostPath'; path: string }
  /** A bound PersistentVolume: storage of its own that outlives the Pod and follows it to any node. */
  | { kind: 'persistent'; fs: FileSystem };

export interface VolumeMount {
  volume: string;
  mountPath: string;
  readOnly: boolean;
  subPath?: string;
}

/** The subset of a container spec the runtime needs, already defaulted by the API server. */
export interface ContainerConfig {
  name: string;
  image: ImageInfo;
  command?: string[];
  args?: string[];
  env: Record<string, string>;
  workingDir?: string;
  memoryLimitBytes?: number;
  privileged: boolean;
  /** securityContext.capabilities: names without `CAP_` (`NET_ADMIN`), `ALL` allowed. Absent: the runtime's default set. */
  capabilities?: { add?: string[]; drop?: string[] };
  /** securityContext.readOnlyRootFilesystem: writes outside volumes (and /dev, /dev/shm) fail with EROFS. */
  readOnlyRootFilesystem?: boolean;
  /** securityContext.runAsUser (default 0, root): a non-root process has no effective capabilities. */
  runAsUser?: number;
  mounts: VolumeMount[];
  terminationMessagePath: string;
  terminationMessagePolicy: 'File' | 'FallbackToLogsOnError';
}

export interface SandboxConfig {
  podName: string;
  namespace: string;
  hostname: string;
  ip: string;
  volumes: Record<string, VolumeSource>;
  /** The node's hostPath file system, shared by every pod on it. */
  hostFs: FileSystem;
  shareProcessNamespace: boolean;
  /** Scenario-declared behaviours, by normalised image reference. */
  customImages: CustomImageBehaviour[];
  /** Names that resolve (Services and Pods the scenario defines): `myservice` → IP. */
  dns: Record<string, string>;
  /** What answers at addresses outside the pod (see src/runtime/world.ts). */
  remote?: (ip: string, port: number) => Listener | undefined;
}

/** Outcome of one probe as the kubelet's prober reports it (pkg/probe: Success, Warning, Failure, Unknown). */
export interface ProbeAnswer {
  result: 'success' | 'failure' | 'warning';
  /** Output as the kubelet words it (`HTTP probe failed with statuscode: 500`). */
  output: string;
  /** What was asked and what came back, for the UI. */
  detail: string;
}

export interface RuntimeContainer {
  readonly name: string;
  readonly fs: FileSystem;
  /** Start PID 1. Calls `onExit` once, later, when it ends. Returns an error message when it cannot run (StartError). */
  start(onExit: (status: ExitStatus) => void): { ok: true } | { ok: false; message: string; exitCode: number };
  signal(signal: Signal): void;
  running(): boolean;
  /** Run a command inside the container (exec probe, exec hook); `done` is called on the virtual clock. */
  exec(argv: string[], timeoutMs: number, done: (result: ExecResult) => void): void;
  /** Logs of the current instance; `previous` of the last terminated one. */
  logs(previous?: boolean): LogLine[];
}

export interface PodSandbox {
  readonly ip: string;
  readonly net: PodNetwork;
  /** Create a container (new instance; the previous one's logs become `previous`). */
  createContainer(config: ContainerConfig): RuntimeContainer;
  httpGet(
    request: { scheme: 'HTTP' | 'HTTPS'; host?: string; port: number; path: string; headers: Record<string, string> },
    timeoutMs: number,
    done: (answer: ProbeAnswer, response?: HttpResponse) => void,
  ): void;
  tcpConnect(port: number, host: string | undefined, timeoutMs: number, done: (answer: ProbeAnswer) => void): void;
  grpcHealth(port: number, service: string, timeoutMs: number, done: (answer: ProbeAnswer) => void): void;
  /** Tear down: every process gets KILL, volumes of kind emptyDir are gone. */
  destroy(): void;
}

export interface Runtime {
  catalogue: ImageCatalogue;
  createSandbox(config: SandboxConfig, timers: Timers): PodSandbox;
}
