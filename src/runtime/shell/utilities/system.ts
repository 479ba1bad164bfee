/** date, hostname, env, printenv, kill, killall, stress, id, uname. */
import { SIM_EPOCH_MS } from '../../../k8s';
import { complain, done, type Utility, type UtilityCall } from '../command';
import { parseSignal, signalNames } from '../signals';
import { sleep, type Gen } from '../task';
import { parseDuration } from './basic';
import { kernelOf } from '../../kernel';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** strftime over the virtual clock (UTC). Default format is busybox's: `Wed Jan  1 09:00:05 UTC 2025`. */
export function formatDate(ms: number, format = '%a %b %e %H:%M:%S %Z %Y'): string {
  const d = new Date(SIM_EPOCH_MS + ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const map: Record<string, () => string> = {
    a: () => DAYS[d.getUTCDay()],
    b: () => MONTHS[d.getUTCMonth()],
    e: () => String(d.getUTCDate()).padStart(2, ' '),
    d: () => p(d.getUTCDate()),
    m: () => p(d.getUTCMonth() + 1),
    Y: () => String(d.getUTCFullYear()),
    y: () => p(d.getUTCFullYear() % 100),
    H: () => p(d.getUTCHours()),
    M: () => p(d.getUTCMinutes()),
    S: () => p(d.getUTCSeconds()),
    N: () => p(d.getUTCMilliseconds() * 1e6, 9),
    s: () => String(Math.floor((SIM_EPOCH_MS + ms) / 1000)),
    Z: () => 'UTC',
    z: () => '+0000',
    F: () => `${map.Y()}-${map.m()}-${map.d()}`,
    T: () => `${map.H()}:${map.M()}:${map.S()}`,
    '%': () => '%',
    n: () => '\n',
  };
  return format.replace(/%(.)/g, (m, c: string) => (map[c] ? map[c]() : m));
}

function date(call: UtilityCall) {
  const args = call.argv.slice(1).filter((a) => a !== '-u' && a !== '-R');
  const format = args.find((a) => a.startsWith('+'))?.slice(1);
  const iso = args.find((a) => a.startsWith('-I'));
  const now = call.ctx.timers.now();
  const text = iso ? formatDate(now, iso.includes('s') ? '%FT%T+00:00' : '%F') : formatDate(now, format);
  call.io.out.write(`${text}\n`);
  return done(0);
}

function printenv(call: UtilityCall) {
  const names = call.argv.slice(1);
  if (names.length === 0) {
    for (const [k, v] of Object.entries(call.env)) call.io.out.write(`${k}=${v}\n`);
    return done(0);
  }
  let status = 0;
  for (const n of names) {
    if (n in call.env) call.io.out.write(`${call.env[n]}\n`);
    else status = 1;
  }
  return done(status);
}

function signalArg(call: UtilityCall, args: string[]): { signal?: ReturnType<typeof parseSignal>; rest: string[] } {
  if (args[0] === '-s' || args[0] === '-n') return { signal: parseSignal(args[1] ?? ''), rest: args.slice(2) };
  if (args[0]?.startsWith('-') && args[0] !== '--') return { signal: parseSignal(args[0].slice(1)), rest: args.slice(1) };
  void call;
  return { signal: 'TERM', rest: args[0] === '--' ? args.slice(1) : args };
}

function kill(call: UtilityCall) {
  const args = call.argv.slice(1);
  if (args[0] === '-l') {
    call.io.out.write(`${signalNames().join(' ')}\n`);
    return done(0);
  }
  const { signal, rest } = signalArg(call, args);
  if (signal === undefined) return done(complain(call, `bad signal name '${args[0]}'`));
  if (rest.length === 0) return done(complain(call, 'usage: kill [-s SIG | -SIG] PID...', 2));
  let status = 0;
  for (const p of rest) {
    if (!/^-?\d+$/.test(p)) status = complain(call, `invalid number '${p}'`);
    else if (!call.sys.mayKill(Number(p))) status = complain(call, `can't kill pid ${p}: Operation not permitted`);
    else if (!call.sys.kill(Number(p), signal)) status = complain(call, `can't kill pid ${p}: No such process`);
  }
  return done(status);
}

function killall(call: UtilityCall) {
  const { signal, rest } = signalArg(call, call.argv.slice(1).filter((a) => a !== '-q'));
  if (signal === undefined) return done(complain(call, `bad signal name '${call.argv[1]}'`));
  let status = 0;
  for (const name of rest) {
    if (call.sys.killall(name, signal) === 0) {
      if (!call.argv.includes('-q')) complain(call, `${name}: no process killed`);
      status = 1;
    }
  }
  return done(status);
}

/** `150M`, `1G`, `4096` → bytes (powers of 1024, as stress takes them). */
export function parseBytes(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([bkmgt]?)i?b?$/i.exec(text);
  if (!m) return undefined;
  const power = ' kmgt'.indexOf(m[2].toLowerCase() || ' ');
  return Math.round(Number(m[1]) * 1024 ** Math.max(0, power));
}

/** stress / stress-ng: `--vm N --vm-bytes SIZE [--vm-hang S] [--timeout T]` holds N × SIZE of memory. */
function* stress(call: UtilityCall): Gen<number> {
  const args = call.argv.slice(1);
  const opt = (...names: string[]) => {
    const i = args.findIndex((a) => names.includes(a.split('=')[0]));
    if (i < 0) return undefined;
    return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
  };
  const workers = Number(opt('--vm', '-m') ?? 0);
  const bytes = parseBytes(opt('--vm-bytes') ?? '256M');
  if (bytes === undefined) return complain(call, `invalid number '${opt('--vm-bytes')}'`);
  const timeout = parseDuration(opt('--timeout', '-t') ?? 'infinity') ?? Infinity;
  const name = call.argv[0].replace(/.*\//, '');
  const pid = 1;
  call.io.out.write(`${name}: info: [${pid}] dispatching hogs: 0 cpu, 0 io, ${workers} vm, 0 hdd\n`);
  const release = call.sys.allocate(workers * bytes);
  yield sleep(call.ctx.timers, timeout);
  release();
  call.io.out.write(`${name}: info: [${pid}] successful run completed in ${Math.round(timeout / 1000)}s\n`);
  return 0;
}

/** busybox `ps`: PID, USER, TIME, COMMAND; every process of the PID namespace (the Pod's when shared). */
function ps(call: UtilityCall) {
  const user = (uid: number) => (uid === 0 ? 'root' : String(uid)).padEnd(8);
  const rows = call.sys.processes().map((p) => `${String(p.pid).padStart(5)} ${user(p.uid)}  0:00 ${p.command}`);
  call.io.out.write(['PID   USER     TIME  COMMAND', ...rows].map((l) => `${l}\n`).join(''));
  return done(0);
}

export const SYSTEM: Record<string, Utility> = {
  ps,
  date,
  hostname: (call) => {
    call.io.out.write(`${call.ctx.hostname}\n`);
    return done(0);
  },
  printenv,
  kill,
  killall,
  pkill: killall,
  stress,
  'stress-ng': stress,
  id: (call) => {
    const uid = kernelOf(call.ctx.fs, call.ctx.privileged).creds.uid;
    call.io.out.write(uid === 0 ? 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n' : `uid=${uid} gid=0(root) groups=0(root)\n`);
    return done(0);
  },
  whoami: (call) => {
    const uid = kernelOf(call.ctx.fs, call.ctx.privileged).creds.uid;
    if (uid !== 0) return done(complain(call, `unknown uid ${uid}`));
    call.io.out.write('root\n');
    return done(0);
  },
  uname: (call) => {
    call.io.out.write(call.argv.includes('-a') ? `Linux ${call.ctx.hostname} 6.1.0 #1 SMP x86_64 GNU/Linux\n` : 'Linux\n');
    return done(0);
  },
};
