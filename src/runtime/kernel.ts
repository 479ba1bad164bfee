/**
 * The kernel state a container's processes see beyond their file system: the namespaces a Pod's
 * containers share (IPC always, PID with `shareProcessNamespace`), the process's credentials
 * (uid, capabilities, privileged) and the namespaced sysctls. The sandbox attaches one
 * ContainerKernel per container instance to its root FileSystem; utilities find it with
 * `kernelOf(ctx.fs)`, the way the shell finds the process table.
 *
 * Sources: Kubernetes "Pods" (containers of a Pod share the IPC namespace: System V IPC and POSIX
 * shared memory), "Share Process Namespace between Containers in a Pod", "Configure a Security
 * Context"; Linux ipc/util.c (ipc_buildid: id = seq × 32768 + index), shm(7), capabilities(7);
 * containerd's default capability set (pkg/oci/spec.go populateDefaultUnixSpec).
 */
import type { FileSystem } from './types';
import { normalizePath } from './fs';
import { processTable, type ProcessTable } from './shell/process-table';

/** The capabilities containerd gives a container that asks for nothing (pkg/oci/spec.go). */
export const DEFAULT_CAPABILITIES = [
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
] as const;

export interface Credentials {
  uid: number;
  privileged: boolean;
  /** The bounding set after securityContext.capabilities (add, then drop), `CAP_` prefix removed. */
  capabilities: ReadonlySet<string>;
}

/** securityContext → credentials. `privileged` grants every capability (and the host's devices). */
export function credentials(options: { privileged?: boolean; capabilities?: { add?: string[]; drop?: string[] }; runAsUser?: number }): Credentials {
  const name = (c: string) => c.toUpperCase().replace(/^CAP_/, '');
  const caps = new Set<string>(DEFAULT_CAPABILITIES);
  const add = (options.capabilities?.add ?? []).map(name);
  const drop = (options.capabilities?.drop ?? []).map(name);
  for (const c of add) caps.add(c);
  if (drop.includes('ALL')) caps.clear();
  for (const c of drop) caps.delete(c);
  // Adds are applied after a drop of ALL (the runtime's order: drop ALL, add the named ones).
  if (drop.includes('ALL')) for (const c of add) caps.add(c);
  return { uid: options.runAsUser ?? 0, privileged: Boolean(options.privileged), capabilities: caps };
}

/**
 * Does the process hold `cap` in its effective set? Root holds its bounding set; a non-root uid
 * holds none (execve clears the effective set: capabilities(7), "Transformation of capabilities
 * during execve"), even when privileged or when the capability was added.
 */
export function capable(creds: Credentials, cap: string): boolean {
  if (creds.uid !== 0) return false;
  return creds.privileged || creds.capabilities.has(cap) || creds.capabilities.has('ALL');
}

// ------------------------------------------------------------------------------------------- IPC

export interface IpcObject {
  key: number;
  id: number;
  /** Owner uid. */
  uid: number;
  /** Permission bits (0644 as ipcmk's default). */
  mode: number;
  /** PID of the creator, in the creator's PID namespace. */
  cpid: number;
}

export interface ShmSegment extends IpcObject {
  bytes: number;
  nattch: number;
}

export interface SemaphoreSet extends IpcObject {
  nsems: number;
}

export interface MessageQueue extends IpcObject {
  usedBytes: number;
  messages: number;
}

export type IpcKind = 'shm' | 'sem' | 'msg';

/** ipc/util.h IPCMNI_SHIFT: an id is the slot's sequence number shifted by 15 plus its index. */
const IPCMNI = 32768;

class IpcTable<T extends IpcObject> {
  private readonly slots: Array<T | undefined> = [];
  private seq = 0;

  create(make: (id: number) => T): T {
    let index = this.slots.findIndex((s) => s === undefined);
    if (index < 0) index = this.slots.length;
    const object = make(this.seq * IPCMNI + index);
    this.seq += 1;
    this.slots[index] = object;
    return object;
  }

  get(id: number): T | undefined {
    const object = this.slots[id % IPCMNI];
    return object?.id === id ? object : undefined;
  }

  remove(id: number): boolean {
    if (!this.get(id)) return false;
    this.slots[id % IPCMNI] = undefined;
    return true;
  }

  byKey(key: number): T | undefined {
    return key === 0 ? undefined : this.slots.find((s) => s?.key === key);
  }

  list(): T[] {
    return this.slots.filter((s): s is T => s !== undefined);
  }
}

/**
 * One IPC namespace: System V shared memory segments, semaphore sets and message queues. A Pod's
 * containers share one (the sandbox's); it lives as long as the Pod, so segments survive a
 * container's restart and go with the Pod.
 */
export class IpcNamespace {
  readonly shm = new IpcTable<ShmSegment>();
  readonly sem = new IpcTable<SemaphoreSet>();
  readonly msg = new IpcTable<MessageQueue>();
  private keySeed: number;

  constructor(seed = 0x5eed) {
    this.keySeed = seed >>> 0 || 1;
  }

  /** A fresh non-zero key, as ipcmk draws one from random(3) (deterministic here: xorshift). */
  nextKey(): number {
    let x = this.keySeed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.keySeed = x >>> 0 || 1;
    return this.keySeed;
  }

  table(kind: IpcKind): IpcTable<IpcObject> {
    return kind === 'shm' ? this.shm : kind === 'sem' ? this.sem : this.msg;
  }

  /** Bytes of System V shared memory allocated (what `ipcs -u` calls pages allocated, in bytes). */
  shmBytes(): number {
    return this.shm.list().reduce((sum, s) => sum + s.bytes, 0);
  }
}

// --------------------------------------------------------------------------------------- mounts

export interface MountEntry {
  source: string;
  target: string;
  type: string;
  options: string;
}

/** What `mount` and `umount` act on: the container's mount namespace. */
export interface MountNamespace {
  list(): MountEntry[];
  /** Attach `fs` at `target` (a tmpfs from `mount -t tmpfs`). */
  mount(entry: MountEntry, fs: FileSystem): void;
  /** Detach the last mount at `target`; false when nothing is mounted there. */
  unmount(target: string): boolean;
}

// ------------------------------------------------------------------------------------ network

export interface NetLink {
  index: number;
  name: string;
  kind: 'loopback' | 'ether';
  mtu: number;
  up: boolean;
  mac: string;
  /** CIDRs (`10.244.0.5/24`). */
  addresses: string[];
}

/** The Pod's network namespace as `ip` shows it: lo and eth0 (the veth end the CNI plugin made). */
export interface NetDevices {
  links: NetLink[];
  routes: string[];
}

export function podNetDevices(ip: string): NetDevices {
  const parts = ip.split('.').map(Number);
  const net = `${parts.slice(0, 3).join('.')}`;
  const mac = `0a:58:${parts.map((p) => (p & 255).toString(16).padStart(2, '0')).join(':')}`;
  return {
    links: [
      { index: 1, name: 'lo', kind: 'loopback', mtu: 65536, up: true, mac: '00:00:00:00:00:00', addresses: ['127.0.0.1/8'] },
      { index: 2, name: 'eth0', kind: 'ether', mtu: 1500, up: true, mac, addresses: [`${ip}/24`] },
    ],
    routes: [`default via ${net}.1 dev eth0`, `${net}.0/24 dev eth0 scope link  src ${ip}`],
  };
}

// --------------------------------------------------------------------------------------- kernel

export interface ContainerKernel {
  /** The PID namespace's table: the container's own, or the Pod's with `shareProcessNamespace`. */
  pids: ProcessTable;
  ipc: IpcNamespace;
  creds: Credentials;
  /** Namespaced sysctls (net.*, kernel.shm*, ...) by dotted name; the Pod's network and IPC namespaces hold them. */
  sysctls: Map<string, string>;
  mounts: MountNamespace;
  /** The Pod's network devices and routes. */
  net: NetDevices;
}

const kernels = new WeakMap<FileSystem, ContainerKernel>();

export function attachKernel(fs: FileSystem, kernel: ContainerKernel): void {
  kernels.set(fs, kernel);
}

/** Namespaced sysctls a fresh network / IPC namespace starts with (Linux defaults). */
export function defaultSysctls(): Map<string, string> {
  return new Map([
    ['net.ipv4.ip_forward', '0'],
    ['net.ipv4.ip_unprivileged_port_start', '0'],
    ['net.ipv4.ping_group_range', '0\t2147483647'],
    ['net.ipv4.tcp_syncookies', '1'],
    ['net.core.somaxconn', '4096'],
    ['kernel.shmmax', '18446744073692774399'],
    ['kernel.shmall', '18446744073692774399'],
    ['kernel.shmmni', '4096'],
    ['kernel.msgmax', '8192'],
    ['kernel.msgmnb', '16384'],
    ['kernel.msgmni', '32000'],
    ['kernel.sem', '32000\t1024000000\t500\t32000'],
    ['kernel.hostname', 'localhost'],
  ]);
}

/**
 * The kernel state of the container whose root file system is `fs`. A file system the sandbox did
 * not set up (a bare test context) gets a private one: its own PID and IPC namespaces, root with
 * the default capabilities (privileged as asked), and no mount namespace to change.
 */
export function kernelOf(fs: FileSystem, privileged = false): ContainerKernel {
  let kernel = kernels.get(fs);
  if (!kernel) {
    const list: MountEntry[] = [];
    kernel = {
      pids: processTable(fs),
      ipc: new IpcNamespace(),
      creds: credentials({ privileged }),
      sysctls: defaultSysctls(),
      mounts: { list: () => list, mount: (entry) => list.push(entry), unmount: () => false },
      net: podNetDevices('10.244.0.7'),
    };
    kernels.set(fs, kernel);
  }
  return kernel;
}

// --------------------------------------------------------------------------------------- procfs

/**
 * /proc of a container: a directory per PID of its PID namespace with `cmdline`, `comm`, `status`
 * and `root` (the process's root file system: `ls /proc/8/root/etc/nginx` reads another container's
 * files in a shared PID namespace), plus `mounts`. Read-only (writes: EACCES; /proc/sys is the
 * sysctl utility's business).
 */
export function procFs(pids: () => ProcessTable, mounts: () => MountEntry[]): FileSystem {
  const split = (path: string): { pid?: number; rest: string[]; top?: string } => {
    const parts = normalizePath(path).split('/').filter(Boolean);
    if (parts.length === 0) return { rest: [] };
    if (/^\d+$/.test(parts[0])) return { pid: Number(parts[0]), rest: parts.slice(1) };
    return { top: parts[0], rest: parts.slice(1) };
  };
  const entryOf = (pid: number) => pids().get(pid);
  const fileOf = (pid: number, name: string): string | undefined => {
    const entry = entryOf(pid);
    if (!entry) return undefined;
    const command = entry.command ?? entry.name;
    if (name === 'cmdline') return `${command.split(' ').join('\0')}\0`;
    if (name === 'comm') return `${entry.name.slice(0, 15)}\n`;
    if (name === 'status') return `Name:\t${entry.name.slice(0, 15)}\nState:\tS (sleeping)\nPid:\t${pid}\nUid:\t${entry.uid ?? 0}\t${entry.uid ?? 0}\t${entry.uid ?? 0}\t${entry.uid ?? 0}\n`;
    return undefined;
  };
  const mountsText = () => mounts().map((m) => `${m.source} ${m.target} ${m.type} ${m.options} 0 0\n`).join('');
  const inRoot = (pid: number, rest: string[]): { fs: FileSystem; path: string } | undefined => {
    const root = entryOf(pid)?.root;
    return root && rest[0] === 'root' ? { fs: root, path: `/${rest.slice(1).join('/')}` } : undefined;
  };
  return {
    read(path) {
      const { pid, rest, top } = split(path);
      if (top === 'mounts' && rest.length === 0) return mountsText();
      if (pid === undefined) return undefined;
      const r = inRoot(pid, rest);
      if (r) return r.fs.read(r.path);
      return rest.length === 1 ? fileOf(pid, rest[0]) : undefined;
    },
    exists(path) {
      const { pid, rest, top } = split(path);
      if (pid === undefined) return top === undefined || (top === 'mounts' && rest.length === 0);
      if (!entryOf(pid)) return false;
      const r = inRoot(pid, rest);
      if (r) return r.fs.exists(r.path);
      return rest.length === 0 || (rest.length === 1 && fileOf(pid, rest[0]) !== undefined);
    },
    isDirectory(path) {
      const { pid, rest, top } = split(path);
      if (pid === undefined) return top === undefined;
      if (!entryOf(pid)) return false;
      const r = inRoot(pid, rest);
      if (r) return r.fs.isDirectory(r.path);
      return rest.length === 0;
    },
    list(path) {
      const { pid, rest, top } = split(path);
      if (pid === undefined) return top === undefined ? [...pids().list().map((p) => String(p.pid)), 'mounts'] : undefined;
      if (!entryOf(pid)) return undefined;
      const r = inRoot(pid, rest);
      if (r) return r.fs.list(r.path);
      return rest.length === 0 ? ['cmdline', 'comm', 'root', 'status'] : undefined;
    },
    write(path, content, append) {
      const { pid, rest } = split(path);
      const r = pid !== undefined ? inRoot(pid, rest) : undefined;
      return r && rest.length > 1 ? r.fs.write(r.path, content, append) : 'EACCES';
    },
    remove(path, recursive) {
      const { pid, rest } = split(path);
      const r = pid !== undefined ? inRoot(pid, rest) : undefined;
      return r && rest.length > 1 ? r.fs.remove(r.path, recursive) : 'EACCES';
    },
    mkdir(path, parents) {
      const { pid, rest } = split(path);
      const r = pid !== undefined ? inRoot(pid, rest) : undefined;
      return r && rest.length > 1 ? r.fs.mkdir(r.path, parents) : 'EACCES';
    },
  };
}
