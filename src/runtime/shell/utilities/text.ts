/** Text filters: wc, grep, head, tail (with -f), tee. */
import { abs, complain, done, errText, flags, readInput, type Utility, type UtilityCall } from '../command';
import { sleep, type Gen } from '../task';

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

function inputs(call: UtilityCall, names: string[]): Array<{ name: string; text: string }> | undefined {
  const out: Array<{ name: string; text: string }> = [];
  let failed = false;
  for (const name of names.length ? names : ['-']) {
    const text = name === '/dev/null' ? '' : readInput(call, name);
    if (text === undefined) failed = true;
    else out.push({ name, text });
  }
  return failed && out.length === 0 ? undefined : out;
}

function wc(call: UtilityCall) {
  const { set, rest } = flags(call.argv.slice(1));
  const files = inputs(call, rest);
  if (!files) return done(1);
  const pick = set.size ? ['l', 'w', 'c'].filter((f) => set.has(f) || (f === 'c' && set.has('m'))) : ['l', 'w', 'c'];
  for (const { name, text } of files) {
    const counts: Record<string, number> = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: text.length };
    const cols = pick.map((f) => (pick.length > 1 ? String(counts[f]).padStart(7) : String(counts[f])));
    call.io.out.write(`${cols.join(' ')}${name === '-' ? '' : ` ${name}`}\n`);
  }
  return done(0);
}

function grepRegExp(pattern: string, fixed: boolean, ignoreCase: boolean, word: boolean): RegExp {
  let source = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern.replace(/\\([|(){}+?])/g, '$1');
  if (word) source = `\\b(?:${source})\\b`;
  try {
    return new RegExp(source, ignoreCase ? 'i' : '');
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), ignoreCase ? 'i' : '');
  }
}

function grep(call: UtilityCall) {
  const { set, values, rest } = flags(call.argv.slice(1), 'em');
  const pattern = values.get('e') ?? rest.shift();
  if (pattern === undefined) return done(complain(call, 'usage: grep [-icvqnFEw] PATTERN [FILE]...', 2));
  const re = grepRegExp(pattern, set.has('F'), set.has('i'), set.has('w'));
  const files = inputs(call, rest);
  if (!files) return done(2);
  let matched = 0;
  for (const { name, text } of files) {
    let count = 0;
    lines(text).forEach((line, i) => {
      if (re.test(line) === set.has('v')) return;
      count++;
      if (set.has('q') || set.has('c') || set.has('l')) return;
      const prefix = (files.length > 1 ? `${name}:` : '') + (set.has('n') ? `${i + 1}:` : '');
      call.io.out.write(`${prefix}${line}\n`);
    });
    if (set.has('c')) call.io.out.write(`${files.length > 1 ? `${name}:` : ''}${count}\n`);
    if (set.has('l') && count) call.io.out.write(`${name}\n`);
    matched += count;
  }
  return done(matched ? 0 : 1);
}

/** `-n N`, `-N`, `-n +N` → { count, fromStart }. */
function countOption(args: string[]): { n: number; from: boolean; follow: boolean; rest: string[] } {
  let n = 10;
  let from = false;
  let follow = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let v: string | undefined;
    if (a === '-n' || a === '-c') v = args[++i];
    else if (/^-n.+/.test(a)) v = a.slice(2);
    else if (/^-\d+$/.test(a)) v = a.slice(1);
    else if (/^-[fF]+$/.test(a)) follow = true;
    else if (a === '-q' || a === '-s') i += a === '-s' ? 1 : 0;
    else rest.push(a);
    if (v !== undefined) {
      from = v.startsWith('+');
      n = Math.abs(Number(v));
    }
  }
  return { n, from, follow, rest };
}

function head(call: UtilityCall) {
  const { n, rest } = countOption(call.argv.slice(1));
  const files = inputs(call, rest);
  if (!files) return done(1);
  for (const { text } of files) call.io.out.write(lines(text).slice(0, n).map((l) => `${l}\n`).join(''));
  return done(0);
}

function* tail(call: UtilityCall): Gen<number> {
  const { n, from, follow, rest } = countOption(call.argv.slice(1));
  const files = inputs(call, rest);
  if (!files) return 1;
  for (const { text } of files) {
    const all = lines(text);
    call.io.out.write((from ? all.slice(Math.max(0, n - 1)) : all.slice(Math.max(0, all.length - n))).map((l) => `${l}\n`).join(''));
  }
  if (!follow) return 0;
  const watched = rest.filter((r) => r !== '/dev/null' && r !== '-').map((r) => ({ path: abs(call, r), seen: call.ctx.fs.read(abs(call, r))?.length ?? 0 }));
  if (watched.length === 0) {
    yield sleep(call.ctx.timers, Infinity);
    return 0;
  }
  for (;;) {
    yield sleep(call.ctx.timers, 1000);
    for (const w of watched) {
      const text = call.ctx.fs.read(w.path) ?? '';
      if (text.length < w.seen) w.seen = 0;
      if (text.length > w.seen) call.io.out.write(text.slice(w.seen));
      w.seen = text.length;
    }
  }
}

function tee(call: UtilityCall) {
  const { set, rest } = flags(call.argv.slice(1));
  let status = 0;
  for (const name of rest) {
    const r = call.ctx.fs.write(abs(call, name), call.io.stdin, set.has('a'));
    if (r !== 'ok') status = complain(call, `${name}: ${errText(r)}`);
  }
  call.io.out.write(call.io.stdin);
  return done(status);
}

export const TEXT: Record<string, Utility> = { wc, grep, egrep: grep, head, tail, tee };
