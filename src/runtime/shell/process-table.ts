/**
 * The processes of one container, by PID, so that `kill 1` in an exec'd command reaches PID 1.
 * Containers are told apart by their root FileSystem object (one per container instance).
 */
import type { FileSystem, Signal } from '../types';

export interface ProcessEntry {
  name: string;
  /** The command line `ps` shows (default: the name). */
  command?: string;
  signal(signal: Signal): void;
}

export class ProcessTable {
  private readonly entries = new Map<number, ProcessEntry>();
  private nextPid = 2;

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

  list(): Array<{ pid: number; name: string; command: string }> {
    return [...this.entries].map(([pid, e]) => ({ pid, name: e.name, command: e.command ?? e.name })).sort((a, b) => a.pid - b.pid);
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
