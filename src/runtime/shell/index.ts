/**
 * The POSIX-sh subset and its utilities, as Programs on the virtual clock.
 *
 * `sh -c 'sleep 3600'` is not exec'd directly: the shell runs `sleep` itself as its foreground
 * command. Nothing observable differs: PID 1 ignores an untrapped TERM either way, and KILL ends
 * both with 137.
 */
import type { Program } from '../types';
import { commandName, SHELLS, STANDALONE_BUILTINS } from './argv';
import { runCommand, type RunOptions } from './process';
import { UTILITIES } from './utilities/index';

export { runCommand, type RunOptions } from './process';
export { processTable, type ProcessTable, type ProcessEntry } from './process-table';
export { formatDate } from './utilities/system';
export { createMemoryFs, readOnlyFs, normalizePath, type MemoryFileSystem, type MemoryFsOptions } from '../fs';

/**
 * The shell and its utilities as a Program. It is PID 1 when the container has none yet, otherwise an
 * exec'd command (exec probe, hook) with default signal actions; `runCommand` says so explicitly.
 */
export const shellProgram: Program = {
  start: (argv, context) => runCommand(argv, context, {}),
};

/**
 * A `resolveCommand` whose shells also run `programs` (an image's own entrypoints, e.g. `nginx`) when
 * a script names a command that is not a builtin or utility.
 */
export function commandResolver(programs?: RunOptions['programs']): (argv0: string) => Program | undefined {
  const program: Program = programs ? { start: (argv, context) => runCommand(argv, context, { programs }) } : shellProgram;
  return (argv0) => {
    if (!/^(\/usr)?(\/local)?(\/s?bin\/)?[^/]+$/.test(argv0)) return undefined;
    const name = commandName(argv0);
    return SHELLS.has(name) || name === 'busybox' || STANDALONE_BUILTINS.has(name) || Object.hasOwn(UTILITIES, name) ? program : undefined;
  };
}

/** The Program for a command name (`sh`, `/bin/sh`, `sleep`, `/usr/bin/wget`, ...), or undefined. */
export const resolveCommand: (argv0: string) => Program | undefined = commandResolver();
