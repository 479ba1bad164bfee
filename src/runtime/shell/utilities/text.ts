/** Text filters: wc, grep, head, tail (with -f), tee. */
import { abs, complain, errText, flags, readInput, type Utility, type UtilityCall } from '../command';
import { sleep, type Gen } from '../task';

function lines(text: string): string[] {
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

function* inputs(call: UtilityCall, names: string[]): Gen<Array<{ name: string; text: string }> | undefined> {
  const out: Array<{ name: string; text: string }> = [];
  let failed = false;
  for (const name of names.length ? names : ['-']) {
    const text = name === '/dev/null' ? '' : yield* readInput(call, name);
    if (text === undefined) failed = true;
    else out.push({ name, text });
  }
  return failed && out.length === 0 ? undefined : out;
}

/**
 * Calls `each` per line of a file operand; stdin (`-`) line by line as it arrives, so a filter in a
 * pipeline passes lines on while its writer runs. `each` returns true to stop reading. False when
 * the file cannot be read (already reported).
 */
function* eachLine(call: UtilityCall, name: string, each: (line: string, index: number) => boolean | void): Gen<boolean> {
  if (name !== '-') {
    const text = name === '/dev/null' ? '' : yield* readInput(call, name);
    if (text === undefined) return false;
    lines(text).some((line, i) => each(line, i) === true);
    return true;
  }
  for (let i = 0; ; i++) {
    const line = yield* call.io.stdin.line();
    if (line === undefined || each(line, i) === true) return true;
  }
}

function* wc(call: UtilityCall): Gen<number> {
  const { set, rest } = flags(call.argv.slice(1));
  const files = yield* inputs(call, rest);
  if (!files) return 1;
  const pick = set.size ? ['l', 'w', 'c'].filter((f) => set.has(f) || (f === 'c' && set.has('m'))) : ['l', 'w', 'c'];
  for (const { name, text } of files) {
    const counts: Record<string, number> = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: text.length };
    const cols = pick.map((f) => (pick.length > 1 ? String(counts[f]).padStart(7) : String(counts[f])));
    call.io.out.write(`${cols.join(' ')}${name === '-' ? '' : ` ${name}`}\n`);
  }
  return 0;
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

function* grep(call: UtilityCall): Gen<number> {
  const { set, values, rest } = flags(call.argv.slice(1), 'em');
  const pattern = values.get('e') ?? rest.shift();
  if (pattern === undefined) return complain(call, 'usage: grep [-icvqnFEw] PATTERN [FILE]...', 2);
  const re = grepRegExp(pattern, set.has('F'), set.has('i'), set.has('w'));
  const names = rest.length ? rest : ['-'];
  let matched = 0;
  let readable = 0;
  for (const name of names) {
    let count = 0;
    const ok = yield* eachLine(call, name, (line, i) => {
      if (re.test(line) === set.has('v')) return false;
      count++;
      if (set.has('q')) return true;
      if (set.has('c') || set.has('l')) return false;
      const prefix = (names.length > 1 ? `${name}:` : '') + (set.has('n') ? `${i + 1}:` : '');
      call.io.out.write(`${prefix}${line}\n`);
      return false;
    });
    if (!ok) continue;
    readable++;
    if (set.has('c')) call.io.out.write(`${names.length > 1 ? `${name}:` : ''}${count}\n`);
    if (set.has('l') && count) call.io.out.write(`${name}\n`);
    matched += count;
    if (set.has('q') && matched) break;
  }
  if (readable === 0) return 2;
  return matched ? 0 : 1;
}

/** `-n N`, `-N`, `-n +N` → { count, fromStart }. */
function countOption(args: string[]): { n: number; from: boolean; follow: boolean; retry: boolean; rest: string[] } {
  let n = 10;
  let from = false;
  let follow = false;
  let retry = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let v: string | undefined;
    if (a === '-n' || a === '-c') v = args[++i];
    else if (/^-n.+/.test(a)) v = a.slice(2);
    else if (/^-\d+$/.test(a)) v = a.slice(1);
    else if (/^-[fF]+$/.test(a)) {
      follow = true;
      retry ||= a.includes('F');
    }
    else if (a === '-q' || a === '-s') i += a === '-s' ? 1 : 0;
    else rest.push(a);
    if (v !== undefined) {
      from = v.startsWith('+');
      n = Math.abs(Number(v));
    }
  }
  return { n, from, follow, retry, rest };
}

function* head(call: UtilityCall): Gen<number> {
  const { n, rest } = countOption(call.argv.slice(1));
  let status = 0;
  for (const name of rest.length ? rest : ['-']) {
    // Stops reading after n lines: in a pipeline its writer then gets SIGPIPE.
    const ok = yield* eachLine(call, name, (line, i) => {
      if (i >= n) return true;
      call.io.out.write(`${line}\n`);
      return i + 1 >= n;
    });
    if (!ok) status = 1;
  }
  return status;
}

/**
 * `tail -f`/`-F` follows: it checks the file once a second (busybox's sleep(1) loop) and writes what
 * was appended; `-F` also retries a file that is missing and starts over when it was truncated or
 * replaced. On stdin it prints the last lines at end of file.
 */
function* tail(call: UtilityCall): Gen<number> {
  const { n, from, follow, retry, rest } = countOption(call.argv.slice(1));
  const names = rest.length ? rest : ['-'];
  const files = yield* inputs(call, names);
  if (!files && !retry) return 1;
  for (const { text } of files ?? []) {
    const all = lines(text);
    call.io.out.write((from ? all.slice(Math.max(0, n - 1)) : all.slice(Math.max(0, all.length - n))).map((l) => `${l}\n`).join(''));
  }
  if (!follow) return files && files.length === names.length ? 0 : 1;
  const watched = names.filter((r) => r !== '/dev/null' && r !== '-').map((r) => ({ path: abs(call, r), seen: call.ctx.fs.read(abs(call, r))?.length ?? 0 }));
  if (watched.length === 0) {
    // A pipe cannot be followed (GNU tail ignores -f there): done at its end. Anything else
    // (/dev/null, a closed stdin) is followed forever: `tail -f /dev/null` is a way to sleep.
    if (names.includes('-') && call.io.stdin.isPipe) return 0;
    yield sleep(call.ctx.timers, Infinity);
    return 0;
  }
  for (;;) {
    yield sleep(call.ctx.timers, 1000);
    for (const w of watched) {
      const text = call.ctx.fs.read(w.path);
      if (text === undefined) {
        if (retry) w.seen = 0;
        continue;
      }
      if (text.length < w.seen) w.seen = 0;
      if (text.length > w.seen) call.io.out.write(text.slice(w.seen));
      w.seen = text.length;
    }
  }
}

function* tee(call: UtilityCall): Gen<number> {
  const { set, rest } = flags(call.argv.slice(1));
  let status = 0;
  const targets: string[] = [];
  for (const name of rest) {
    const r = call.ctx.fs.write(abs(call, name), '', set.has('a'));
    if (r === 'ok') targets.push(name);
    else status = complain(call, `${name}: ${errText(r)}`);
  }
  // Line by line, so `... | tee log` shows each line as it comes.
  yield* eachLine(call, '-', (line) => {
    for (const name of targets) call.ctx.fs.write(abs(call, name), `${line}\n`, true);
    call.io.out.write(`${line}\n`);
  });
  return status;
}

export const TEXT: Record<string, Utility> = { wc, grep, egrep: grep, head, tail, tee };
