/**
 * The POSIX-sh subset and its utilities, as Programs on the virtual clock.
 *
 * `sh -c 'sleep 3600'` is not exec'd directly: the shell runs `sleep` itself as its foreground
 * command. Nothing observable differs: PID 1 ignores an untrapped TERM either way, and KILL ends
 * both with 137.
 */
import type { Program } from '../types';
import { commandName } from './interp';
import { runCommand, type RunOptions } from './process';
import { UTILITIES } from './utilities/index';

export { runCommand, type RunOptions } from './process';
export { processTable, type ProcessTable, type ProcessEntry } from './process-table';
export { formatDate } from './utilities/system';
export { createMemoryFs, readOnlyFs, normalizePath, type MemoryFileSystem, type MemoryFsOptions } from '../fs';

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'busybox']);

/** PID 1 running `argv` through the shell machinery (shell, or a utility exec'd directly). */
export const shellProgram: Program = {
  start: (argv, context) => runCommand(argv, context, { pid1: true }),
};

/** Options for programs started by `resolveCommand`'s result. */
function programFor(options: Omit<RunOptions, 'pid1'>): Program {
  return { start: (argv, context) => runCommand(argv, context, { ...options, pid1: true }) };
}

/** The Program for a command name (`sh`, `/bin/sh`, `sleep`, `/usr/bin/wget`, ...), or undefined. */
export function resolveCommand(argv0: string): Program | undefined {
  if (!/^(\/usr)?(\/local)?(\/s?bin\/)?[^/]+$/.test(argv0)) return undefined;
  const name = commandName(argv0);
  if (SHELL_NAMES.has(name)) return shellProgram;
  return Object.hasOwn(UTILITIES, name) ? programFor({}) : undefined;
}
