/** Command-line arguments of `npm run sim -- FILE [--until 300|90s|5m] [--json] [--delete-at S]`. */
export interface CliArgs {
  file: string;
  untilMs: number;
  json: boolean;
  deleteAt?: number;
}

/** `300` (seconds), `90s`, `5m`, `1h`, `1m30s` → milliseconds; NaN when it is not a duration. */
export function parseDuration(text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    total += Number(m[1]) * unit;
    matched = re.lastIndex;
  }
  return matched === text.length && text.length > 0 ? total : NaN;
}

export function parseArgs(argv: string[]): CliArgs | { error: string } {
  let file: string | undefined;
  let untilMs = 300_000;
  let json = false;
  let deleteAt: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--until' || arg === '--delete-at') {
      const value = argv[++i];
      const ms = value === undefined ? NaN : parseDuration(value);
      if (!Number.isFinite(ms) || ms < 0) return { error: `${arg}: not a duration: ${value ?? '(missing)'}` };
      if (arg === '--until') untilMs = ms;
      else deleteAt = ms / 1000;
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else if (file === undefined) file = arg;
    else return { error: `unexpected argument ${arg}` };
  }
  if (!file) return { error: 'usage: sim FILE [--until 300] [--json] [--delete-at SECONDS]' };
  return { file, untilMs, json, deleteAt };
}
