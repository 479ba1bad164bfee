/** More text filters: sort, uniq, cut, tr, sed (s/// and p only), basename, dirname. */
import { complain, done, flags, readInput, type Utility, type UtilityCall } from '../command';
import type { Gen } from '../task';

function* inputLines(call: UtilityCall, names: string[]): Gen<string[] | undefined> {
  let text = '';
  for (const name of names.length ? names : ['-']) {
    const t = yield* readInput(call, name);
    if (t === undefined) return undefined;
    text += t;
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function emit(call: UtilityCall, lines: string[]) {
  call.io.out.write(lines.map((l) => `${l}\n`).join(''));
  return done(0);
}

function* sort(call: UtilityCall): Gen<number> {
  const { set, rest } = flags(call.argv.slice(1));
  const lines = yield* inputLines(call, rest);
  if (!lines) return 2;
  const sorted = set.has('n') ? [...lines].sort((a, b) => parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0)) : [...lines].sort();
  if (set.has('r')) sorted.reverse();
  return yield* emit(call, set.has('u') ? sorted.filter((l, i) => l !== sorted[i - 1]) : sorted);
}

function* uniq(call: UtilityCall): Gen<number> {
  const { set, rest } = flags(call.argv.slice(1));
  const lines = yield* inputLines(call, rest);
  if (!lines) return 1;
  const groups: Array<{ line: string; n: number }> = [];
  for (const line of lines) {
    const last = groups[groups.length - 1];
    if (last?.line === line) last.n++;
    else groups.push({ line, n: 1 });
  }
  const kept = groups.filter((g) => (set.has('d') ? g.n > 1 : set.has('u') ? g.n === 1 : true));
  return yield* emit(call, kept.map((g) => (set.has('c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line)));
}

/** `1,3`, `2-`, `-2` → a predicate over 1-based field numbers. */
function fieldList(spec: string): (n: number) => boolean {
  const ranges = spec.split(',').map((part) => {
    const [a, b] = part.includes('-') ? part.split('-') : [part, part];
    return [a ? Number(a) : 1, b ? Number(b) : Infinity] as const;
  });
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

function* cut(call: UtilityCall): Gen<number> {
  const { values, rest } = flags(call.argv.slice(1), 'dfc');
  const lines = yield* inputLines(call, rest);
  if (!lines) return 1;
  const chars = values.get('c');
  if (chars !== undefined) {
    const pick = fieldList(chars);
    return yield* emit(call, lines.map((l) => [...l].filter((_c, i) => pick(i + 1)).join('')));
  }
  const fields = values.get('f');
  if (fields === undefined) return complain(call, 'you must specify a list of bytes, characters, or fields');
  const delim = values.get('d') ?? '\t';
  const pick = fieldList(fields);
  return yield* emit(call, lines.map((l) => (l.includes(delim) ? l.split(delim).filter((_f, i) => pick(i + 1)).join(delim) : l)));
}

/** `a-z`, `[:upper:]` → the characters of a tr set. */
function trSet(spec: string): string[] {
  const classes: Record<string, string> = { '[:lower:]': 'a-z', '[:upper:]': 'A-Z', '[:digit:]': '0-9', '[:space:]': ' \t\n\r', '[:alpha:]': 'a-zA-Z' };
  const s = spec.replace(/\[:[a-z]+:\]/g, (m) => classes[m] ?? m).replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === '-' && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(s[i]);
  }
  return out;
}

function* tr(call: UtilityCall): Gen<number> {
  const { set, rest } = flags(call.argv.slice(1));
  const from = trSet(rest[0] ?? '');
  const to = trSet(rest[1] ?? '');
  let out = '';
  let last = '';
  for (const c of yield* call.io.stdin.all()) {
    const i = from.indexOf(c);
    if (set.has('d')) {
      if (i < 0) out += c;
      continue;
    }
    const mapped = i < 0 ? c : (to[Math.min(i, to.length - 1)] ?? c);
    if (set.has('s') && mapped === last && (i >= 0 || from.includes(c))) continue;
    out += mapped;
    last = mapped;
  }
  call.io.out.write(out);
  return 0;
}

/** sed with `s/re/repl/[g]` and `Np` / `/re/p` (with -n) scripts, `-e` repeated, `-i` in place. */
function* sed(call: UtilityCall): Gen<number> {
  const { set, values, rest } = flags(call.argv.slice(1), 'e');
  const script = values.get('e') ?? rest.shift() ?? '';
  const lines = yield* inputLines(call, rest);
  if (!lines) return 2;
  const sub = /^s(.)(.*?)\1(.*?)\1([gi]*)$/.exec(script);
  const print = /^(?:(\d+)|\/(.*)\/)p$/.exec(script);
  if (!sub && !print) return complain(call, `unsupported command ${script}`);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (sub) {
      const re = new RegExp(sub[2].replace(/\\([(){}+?|])/g, '$1'), (sub[4].includes('g') ? 'g' : '') + (sub[4].includes('i') ? 'i' : ''));
      const replaced = line.replace(re, sub[3].replace(/\\(\d)/g, '$$$1').replace(/&/g, '$$&'));
      if (!set.has('n')) out.push(replaced);
    } else if (print) {
      const hit = print[1] ? Number(print[1]) === i + 1 : new RegExp(print[2]).test(line);
      if (!set.has('n')) out.push(line);
      if (hit) out.push(line);
    }
  });
  if (set.has('i') && rest[0]) {
    call.ctx.fs.write(rest[0].startsWith('/') ? rest[0] : `${call.cwd}/${rest[0]}`, out.map((l) => `${l}\n`).join(''));
    return 0;
  }
  return yield* emit(call, out);
}

export const FILTERS: Record<string, Utility> = {
  sort,
  uniq,
  cut,
  tr,
  sed,
  basename: (call) => {
    const name = (call.argv[1] ?? '').replace(/\/+$/, '').replace(/.*\//, '');
    return emit(call, [call.argv[2] && name.endsWith(call.argv[2]) ? name.slice(0, -call.argv[2].length) : name]);
  },
  dirname: (call) => {
    const p = (call.argv[1] ?? '').replace(/\/+$/, '');
    const i = p.lastIndexOf('/');
    return emit(call, [i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i)]);
  },
};
