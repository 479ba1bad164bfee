/** Command names and the arguments of `sh`. */

/** Names under which the shell runs (busybox's `sh` applet included). */
export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'ash', 'dash']);

/** Builtins that also exist as programs (`/usr/bin/env`), so they run by path, by `exec` and as PID 1. */
export const STANDALONE_BUILTINS: ReadonlySet<string> = new Set(['env', 'nohup', 'which', 'timeout']);

/** `/bin/sleep`, `/usr/local/bin/sleep` → `sleep`. */
export function commandName(argv0: string): string {
  return argv0.replace(/^(\/usr)?(\/local)?\/s?bin\//, '');
}

/** The arguments of `sh`: options, `-c script [name [args]]` or `file [args]`. */
export function parseShellArgs(argv: string[]): {
  script?: string;
  file?: string;
  argv0: string;
  args: string[];
  errexit: boolean;
} {
  let i = 1;
  let command = false;
  let errexit = false;
  for (; i < argv.length && /^[-+][a-z]+$/i.test(argv[i]); i++) {
    if (argv[i].includes('c')) command = true;
    if (argv[i].startsWith('-') && argv[i].includes('e')) errexit = true;
  }
  if (i < argv.length && argv[i] === '--') i++;
  if (command) return { script: argv[i] ?? '', argv0: argv[i + 1] ?? argv[0], args: argv.slice(i + 2), errexit };
  if (i < argv.length) return { file: argv[i], argv0: argv[i], args: argv.slice(i + 1), errexit };
  return { argv0: argv[0], args: [], errexit };
}
