/** Word expansion: parameters, command substitution, arithmetic, field splitting, simple globbing. */
import type { Word, WordPart } from './ast';
import { ArithError, evalArith } from './arith';
import type { FileSystem } from '../types';
import { normalizePath } from '../fs';
import type { Gen } from './task';

export interface Expander {
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  positional(): string[];
  /** Run `source` in a subshell and return its standard output. */
  substitute(source: string): Gen<string>;
  /** `${x:?msg}` and arithmetic errors: report and fail the command. */
  fail(message: string): never;
  fs: FileSystem;
  cwd: string;
}

type Segment = { text: string; split: boolean; quoted: boolean; glob?: boolean } | { fields: string[] };

function* paramValue(x: Expander, part: Extract<WordPart, { k: 'param' }>): Gen<Segment> {
  const split = !part.quoted;
  if (part.name === '@' || part.name === '*') {
    const all = x.positional();
    if (part.name === '@' && part.quoted) return { fields: all };
    return { text: all.join(' '), split, quoted: part.quoted };
  }
  const value = x.lookup(part.name);
  const op = part.op;
  const text = (v: string): Segment => ({ text: v, split, quoted: part.quoted });
  if (!op) return text(value ?? '');
  if (op === 'len') return text(String((value ?? '').length));
  if (op.startsWith('#') || op.startsWith('%')) {
    return text(trim(value ?? '', casePattern(yield* expandJoined(x, part.arg ?? { parts: [], raw: '' }, false)), op));
  }
  const unset = op.startsWith(':') ? !value : value === undefined;
  const arg = (): Gen<string> => expandJoined(x, part.arg ?? { parts: [], raw: '' }, part.quoted);
  switch (op.replace(':', '')) {
    case '-':
      return text(unset ? yield* arg() : (value ?? ''));
    case '=': {
      if (!unset) return text(value ?? '');
      const v = yield* arg();
      x.assign(part.name, v);
      return text(v);
    }
    case '+':
      return text(unset ? '' : yield* arg());
    default: {
      if (!unset) return text(value ?? '');
      const message = yield* arg();
      return x.fail(`${part.name}: ${message || 'parameter not set'}`);
    }
  }
}

/** `${v#p}` shortest prefix, `##` longest prefix, `%` shortest suffix, `%%` longest suffix. */
function trim(value: string, pattern: RegExp, op: string): string {
  const n = value.length;
  const longest = op.length === 2;
  for (let k = 0; k <= n; k++) {
    const len = longest ? n - k : k;
    if (op[0] === '#' && pattern.test(value.slice(0, len))) return value.slice(len);
    if (op[0] === '%' && pattern.test(value.slice(n - len))) return value.slice(0, n - len);
  }
  return value;
}

function* segments(x: Expander, word: Word, forceQuoted = false): Gen<Segment[]> {
  const out: Segment[] = [];
  for (const part of word.parts) {
    const quoted = part.quoted || forceQuoted;
    switch (part.k) {
      case 'lit':
        out.push({ text: part.text, split: false, quoted, glob: !quoted && /[*?]/.test(part.text) });
        break;
      case 'param':
        out.push(yield* paramValue(x, { ...part, quoted }));
        break;
      case 'cmd': {
        const text = (yield* x.substitute(part.source)).replace(/\n+$/, '');
        out.push({ text, split: !quoted, quoted });
        break;
      }
      case 'arith': {
        const inner = yield* expandJoined(x, { parts: [...arithParts(part.source)], raw: part.source }, true);
        try {
          out.push({ text: String(evalArith(inner, (n) => x.lookup(n), (n, v) => x.assign(n, v))), split: !quoted, quoted });
        } catch (e) {
          if (e instanceof ArithError) x.fail(`arithmetic syntax error: ${e.message}`);
          throw e;
        }
        break;
      }
    }
  }
  return out;
}

/** `$x` and `${x}` inside `$(( ))`: the source re-lexed as a double-quoted word. */
function* arithParts(source: string): Generator<WordPart> {
  const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9#?$!])\}?/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    yield { k: 'lit', text: source.slice(last, m.index), quoted: true };
    yield { k: 'param', name: m[1], quoted: true };
    last = m.index + m[0].length;
  }
  yield { k: 'lit', text: source.slice(last), quoted: true };
}

/** Expansion without field splitting (assignments, redirection targets, case words). */
export function* expandJoined(x: Expander, word: Word, quoted = true): Gen<string> {
  const segs = yield* segments(x, word, quoted);
  return segs.map((s) => ('fields' in s ? s.fields.join(' ') : s.text)).join('');
}

/** A `case` pattern (`*`, `?`, `[abc]`) as a regular expression. */
export function casePattern(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}


/** Expand `*` and `?` in the last path component; no match leaves the word as it is. */
function glob(x: Expander, field: string): string[] {
  const slash = field.lastIndexOf('/');
  const dir = slash < 0 ? '' : field.slice(0, slash + 1);
  if (/[*?]/.test(dir)) return [field];
  const names = x.fs.list(normalizePath(dir || '.', x.cwd)) ?? [];
  const re = casePattern(field.slice(slash + 1));
  const hits = names.filter((n) => re.test(n) && !n.startsWith('.')).map((n) => dir + n);
  return hits.length ? hits : [field];
}

/** Full expansion of command words into fields. */
export function* expandWords(x: Expander, words: Word[]): Gen<string[]> {
  const fields: string[] = [];
  for (const word of words) {
    const segs = yield* segments(x, word);
    let cur = '';
    let have = false;
    let globbable = false;
    const push = () => {
      if (globbable) fields.push(...glob(x, cur));
      else fields.push(cur);
      cur = '';
      have = false;
      globbable = false;
    };
    for (const s of segs) {
      if ('fields' in s) {
        s.fields.forEach((f, i) => {
          if (i > 0) push();
          cur += f;
          have = true;
        });
      } else if (!s.split) {
        cur += s.text;
        have ||= s.quoted || s.text !== '';
        globbable ||= s.glob === true;
      } else {
        s.text.split(/[ \t\n]+/).forEach((piece, i) => {
          if (i > 0 && (have || cur !== '')) push();
          cur += piece;
          have ||= piece !== '';
        });
      }
    }
    if (have || cur !== '') push();
  }
  return fields;
}
