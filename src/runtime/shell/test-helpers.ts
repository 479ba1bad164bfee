/** Test helpers: a fake pod network and a harness that runs a command on the test clock. */
import { createMemoryFs, type MemoryFileSystem } from '../fs';
import type { ExitStatus, Listener, LogStream, PodNetwork, Process, ProcessContext, Signal } from '../types';
import { FakeClock } from '../testing/fake-clock';
import { runCommand } from './process';


export function fakeNetwork(ip = '10.244.0.7', listeners: Record<number, Listener> = {}): PodNetwork {
  const bound = new Map<number, Listener>(Object.entries(listeners).map(([p, l]) => [Number(p), l]));
  return {
    ip,
    bind: (port, listener) => {
      if (bound.has(port)) return 'EADDRINUSE';
      bound.set(port, listener);
      return 'ok';
    },
    unbind: (port) => void bound.delete(port),
    unbindAll: () => bound.clear(),
    listener: (port) => bound.get(port),
  };
}

export interface Harness {
  timers: FakeClock;
  fs: MemoryFileSystem;
  lines: Array<{ t: number; stream: LogStream; text: string }>;
  exits: Array<{ t: number; status: ExitStatus }>;
  memory: number[];
  process: Process;
  ctx: ProcessContext;
  /** stdout lines joined with newlines. */
  stdout(): string;
  stderr(): string;
  signalAt(ms: number, signal: Signal): void;
}

export interface HarnessOptions {
  fs?: MemoryFileSystem;
  net?: PodNetwork;
  env?: Record<string, string>;
  pid1?: boolean;
  timers?: FakeClock;
}

export function start(argv: string[], options: HarnessOptions = {}): Harness {
  const timers = options.timers ?? new FakeClock();
  const fs = options.fs ?? createMemoryFs({ files: { '/etc/hostname': 'demo\n' }, directories: ['/tmp'] });
  const lines: Harness['lines'] = [];
  const exits: Harness['exits'] = [];
  const memory: number[] = [];
  const ctx: ProcessContext = {
    timers,
    fs,
    net: options.net ?? fakeNetwork(),
    env: options.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' },
    hostname: 'demo',
    containerName: 'main',
    log: (stream, text) => lines.push({ t: timers.now(), stream, text }),
    setMemory: (bytes) => memory.push(bytes),
    privileged: false,
    exit: (status) => exits.push({ t: timers.now(), status }),
  };
  const process = runCommand(argv, ctx, { pid1: options.pid1 });
  return {
    timers,
    fs,
    lines,
    exits,
    memory,
    process,
    ctx,
    stdout: () => lines.filter((l) => l.stream === 'stdout').map((l) => l.text).join('\n'),
    stderr: () => lines.filter((l) => l.stream === 'stderr').map((l) => l.text).join('\n'),
    signalAt: (ms, signal) => void timers.setTimeout(() => process.signal(signal), ms - timers.now()),
  };
}

/** Run `sh -c script` until `until` ms. */
export function sh(script: string, until = 3_600_000, options: HarnessOptions = {}): Harness {
  const h = start(['sh', '-c', script], options);
  h.timers.runUntil(until);
  return h;
}
