/**
 * The processes of one PID namespace, by PID, so that `kill 1` in an exec'd command reaches PID 1.
 * Without `shareProcessNamespace` each container instance has its own (told apart by its root
 * FileSystem object) and its entrypoint is PID 1; with it the Pod has one, whose PID 1 is the
 * sandbox's pause process and every container's processes get distinct PIDs after it.
 */
import type { FileSystem, Signal } from '../types';

export interface ProcessEntry {
  name: string;
  /** The command line `ps` shows (default: the name). */
  command?: string;
  /** The process's root file system (what /proc/<pid>/root shows). */
  root?: FileSystem;
  /** Its uid (`ps` USER column); default 0. */
  uid?: number;
  signal(signal: Signal): void;
}

export class ProcessTable {
  private readonly entries = new Map<number, ProcessEntry>();
  private nextPid = 2;

  /** `shared`: the Pod's table of a shared PID namespace (PID 1 is pause; no container's process is init). */
  constructor(readonly shared = false) {}

  /** Register `entry`; PID 1 starts a fresh table (a new container instance). */
  register(entry: ProcessEntry, pid1 = false): number {
    if (pid1) {
      this.entries.clear();
      this.nextPid = 2;
      this.entries.set(1, entry);
      return 1;
    }
    const pid = this.nextPid++;
    this.entries.set(pid, entry);
    return pid;
  }

  unregister(pid: number): void {
    this.entries.delete(pid);
  }

  get(pid: number): ProcessEntry | undefined {
    return this.entries.get(pid);
  }

  list(): Array<{ pid: number; name: string; command: string; uid: number }> {
    return [...this.entries]
      .map(([pid, e]) => ({ pid, name: e.name, command: e.command ?? e.name, uid: e.uid ?? 0 }))
      .sort((a, b) => a.pid - b.pid);
  }

  pidsNamed(name: string): number[] {
    return [...this.entries].filter(([, e]) => e.name === name).map(([pid]) => pid);
  }
}

const tables = new WeakMap<FileSystem, ProcessTable>();

/** The process table of the container whose root file system is `fs`. */
export function processTable(fs: FileSystem): ProcessTable {
  let table = tables.get(fs);
  if (!table) {
    table = new ProcessTable();
    tables.set(fs, table);
  }
  return table;
}

/** Make `table` the PID namespace of the container whose root file system is `fs` (the sandbox does). */
export function setProcessTable(fs: FileSystem, table: ProcessTable): void {
  tables.set(fs, table);
}
