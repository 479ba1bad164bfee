/**
 * vish/stress (github.com/vishh/stress, main.go), the docs' CPU-limit example: ENTRYPOINT
 * `/stress -logtostderr`; `-cpus N` spawns N goroutines copying /dev/zero (CPU is not simulated:
 * it runs forever), `-mem-total Q` allocates Q in `-mem-alloc-size` chunks (4Ki) with a
 * `-mem-alloc-sleep` pause (1ms) between them, then blocks forever. glog lines on stderr. A Go
 * binary without signal.Notify: TERM ends it with status 2 as PID 1.
 */
import { parseQuantity } from '../../../k8s';
import type { Program, ProcessContext } from '../../types';
import { flag, goDefaultSignals, later, onceExit, pad, processWith, wallDate } from '../program-kit';

/** Go's time.ParseDuration for the forms flags take (`1ms`, `1s`, `1m30s`); milliseconds. */
export function goDurationMs(text: string | undefined, fallback: number): number {
  if (!text) return fallback;
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = text.trim();
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/.exec(rest);
    if (!m) return fallback;
    total += Number(m[1]) * units[m[2]];
    rest = rest.slice(m[0].length);
  }
  return total;
}

/** `I0807 20:03:43.940596       1 main.go:26] msg`, as glog stamps a line. */
function glog(ctx: ProcessContext, line: number, msg: string): void {
  const d = wallDate(ctx);
  const stamp = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000`;
  ctx.log('stderr', `I${stamp}       1 main.go:${line}] ${msg}`);
}

function quantity(text: string): number | undefined {
  try {
    return parseQuantity(text);
  } catch {
    return undefined;
  }
}

/** Memory updates while allocating: at most this many steps on the virtual clock. */
const MAX_UPDATES = 10;

export const vishStressProgram: Program = {
  start(argv, ctx) {
    const exit = onceExit(ctx);
    const args = argv.slice(1);
    const totalText = flag(args, 'mem-total') ?? '0';
    const stepText = flag(args, 'mem-alloc-size') ?? '4Ki';
    const sleepText = flag(args, 'mem-alloc-sleep') ?? '1ms';
    const total = quantity(totalText);
    const step = quantity(stepText);
    if (total === undefined || step === undefined) {
      // resource.MustParse panics: the Go runtime prints the panic and exits 2.
      ctx.log('stderr', `panic: cannot parse '${total === undefined ? totalText : stepText}': quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
      later(ctx, () => exit({ exitCode: 2 }));
      return processWith({});
    }
    const sleepMs = goDurationMs(sleepText, 1);
    const cpus = Number(flag(args, 'cpus') ?? '0') || 0;
    glog(ctx, 26, `Allocating "${totalText}" memory, in "${stepText}" chunks, with a ${sleepText} sleep between allocations`);
    for (let i = 0; i < cpus; i++) glog(ctx, 39, 'Spawning a thread to consume CPU');
    const chunks = step > 0 ? Math.floor(total / step) : 0;
    const updates = Math.min(chunks, MAX_UPDATES);
    for (let u = 1; u <= updates; u++) {
      const upTo = Math.round((chunks * u) / updates);
      later(ctx, () => ctx.setMemory(upTo * step), upTo * sleepMs);
    }
    later(ctx, () => glog(ctx, 29, `Allocated "${totalText}" memory`), chunks * sleepMs);
    return processWith(goDefaultSignals(exit));
  },
};
