/**
 * Tokens of the sh subset. Words keep their structure (quoted literals, `$VAR`, `${...}`, `$(...)`,
 * backticks, `$((...))`) so that expansion knows what was quoted. Reserved words are plain words:
 * the parser recognises them by position.
 */
import type { ParamOp, Word, WordPart } from './ast';

export type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: string }
  | { type: 'redir'; op: '>' | '>>' | '<' | '>&' | '<&' | '<<'; fd?: number; strip?: boolean; heredoc?: string }
  | { type: 'nl' }
  | { type: 'eof' };

export class SyntaxError extends Error {}

const OPERATORS = ['&&', '||', ';;', '|', '&', ';', '(', ')'];
const REDIRS = ['>>', '>&', '<&', '<<-', '<<', '>|', '>', '<'] as const;
const SPECIAL_PARAMS = '?$#!@*-0123456789';

function isNameChar(c: string, first: boolean): boolean {
  return /[A-Za-z_]/.test(c) || (!first && /[0-9]/.test(c));
}

/** Index just past the `)` closing a `(` whose content starts at `i` (quotes respected). */
export function matchParen(src: string, i: number): number {
  let depth = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === "'") i = src.indexOf("'", i + 1) + 1 || src.length;
    else if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
      i++;
    } else {
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) return i + 1;
      i++;
    }
  }
  throw new SyntaxError('unterminated (');
}

/** Word parts under construction: literal characters are merged into one part. */
class Parts {
  private readonly parts: WordPart[] = [];
  private lit = '';
  constructor(private readonly quoted: boolean) {}

  char(c: string): void {
    this.lit += c;
  }

  push(part: WordPart): void {
    this.flush();
    this.parts.push(part);
  }

  done(): WordPart[] {
    this.flush();
    return this.parts;
  }

  private flush(): void {
    if (this.lit) this.parts.push({ k: 'lit', text: this.lit, quoted: this.quoted });
    this.lit = '';
  }
}

export class Lexer {
  private pos = 0;
  constructor(private readonly src: string) {}

  tokens(): Token[] {
    const out: Token[] = [];
    const pending: Array<{ redir: Extract<Token, { type: 'redir' }>; delimiter: string }> = [];
    for (;;) {
      const t = this.next();
      const before = out[out.length - 1];
      if (t.type === 'word' && before?.type === 'redir' && before.op === '<<') {
        pending.push({ redir: before, delimiter: t.word.parts.map((p) => (p.k === 'lit' ? p.text : '')).join('') });
      }
      out.push(t);
      if (t.type === 'nl' || t.type === 'eof') {
        for (const p of pending.splice(0)) p.redir.heredoc = this.heredocBody(p.delimiter, p.redir.strip === true);
      }
      if (t.type === 'eof') return out;
    }
  }

  /** The lines after the current one, up to the delimiter line. */
  private heredocBody(delimiter: string, strip: boolean): string {
    let body = '';
    while (this.pos < this.src.length) {
      const end = this.src.indexOf('\n', this.pos);
      let line = this.src.slice(this.pos, end < 0 ? this.src.length : end);
      this.pos = end < 0 ? this.src.length : end + 1;
      if (strip) line = line.replace(/^\t+/, '');
      if (line === delimiter) return body;
      body += `${line}\n`;
    }
    return body;
  }

  private next(): Token {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      else break;
    }
    if (this.pos >= src.length) return { type: 'eof' };
    if (src[this.pos] === '\n') {
      this.pos++;
      return { type: 'nl' };
    }
    const io = /^[0-9](?=[<>])/.exec(src.slice(this.pos, this.pos + 2));
    const at = this.pos + (io ? 1 : 0);
    for (const r of REDIRS) {
      if (src.startsWith(r, at)) {
        this.pos = at + r.length;
        const op = r === '>|' ? '>' : r === '<<-' ? '<<' : r;
        const token: Token = io ? { type: 'redir', op, fd: Number(io[0]) } : { type: 'redir', op };
        if (r === '<<-') token.strip = true;
        return token;
      }
    }
    for (const op of OPERATORS) {
      if (src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return { type: 'op', op };
      }
    }
    return { type: 'word', word: this.word() };
  }

  private word(): Word {
    const start = this.pos;
    const parts = this.parts((c) => ' \t\n;&|()<>'.includes(c), false);
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  /** Read word parts until `stop` says so (outside quotes). */
  private parts(stop: (c: string) => boolean, inBraces: boolean): WordPart[] {
    const src = this.src;
    const out = new Parts(false);
    while (this.pos < src.length && !stop(src[this.pos])) {
      const c = src[this.pos];
      if (c === '\\') {
        if (src[this.pos + 1] !== '\n') out.push({ k: 'lit', text: src[this.pos + 1] ?? '', quoted: true });
        this.pos += 2;
      } else if (c === "'") {
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0) throw new SyntaxError('unterminated quoted string');
        out.push({ k: 'lit', text: src.slice(this.pos + 1, end), quoted: true });
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        for (const part of this.doubleQuoted()) out.push(part);
      } else this.expansionOrChar(out, false);
    }
    if (inBraces && this.pos >= src.length) throw new SyntaxError('missing }');
    return out.done();
  }

  /** Inside double quotes (up to the closing `"`), or a whole here-document body (`heredoc`). */
  doubleQuoted(heredoc = false): WordPart[] {
    const src = this.src;
    const out = new Parts(true);
    out.push({ k: 'lit', text: '', quoted: true });
    while (this.pos < src.length && (heredoc || src[this.pos] !== '"')) {
      const c = src[this.pos];
      if (c === '\\' && (heredoc ? '$`\\\n' : '$`"\\\n').includes(src[this.pos + 1] ?? '')) {
        if (src[this.pos + 1] !== '\n') out.char(src[this.pos + 1]);
        this.pos += 2;
      } else this.expansionOrChar(out, true);
    }
    if (heredoc) return out.done();
    if (this.pos >= src.length) throw new SyntaxError('unterminated quoted string');
    this.pos++;
    return out.done();
  }

  /** A `$`/backtick expansion at pos, or else the one character there as literal text. */
  private expansionOrChar(out: Parts, quoted: boolean): void {
    const c = this.src[this.pos];
    const part = c === '$' || c === '`' ? this.dollar(quoted) : undefined;
    if (part) out.push(part);
    else {
      out.char(c);
      this.pos++;
    }
  }

  /** `$...` or a backtick substitution at pos; undefined when `$` is literal. */
  private dollar(quoted: boolean): WordPart | undefined {
    const src = this.src;
    if (src[this.pos] === '`') {
      const end = src.indexOf('`', this.pos + 1);
      if (end < 0) throw new SyntaxError('unterminated `');
      const source = src.slice(this.pos + 1, end).replace(/\\([`$\\])/g, '$1');
      this.pos = end + 1;
      return { k: 'cmd', source, quoted };
    }
    const n = src[this.pos + 1] ?? '';
    if (src.startsWith('$((', this.pos)) {
      const end = matchParen(src, this.pos + 3);
      if (src[end] === ')') {
        const source = src.slice(this.pos + 3, end - 1);
        this.pos = end + 1;
        return { k: 'arith', source, quoted };
      }
    }
    if (n === '(') {
      const end = matchParen(src, this.pos + 2);
      const source = src.slice(this.pos + 2, end - 1);
      this.pos = end;
      return { k: 'cmd', source, quoted };
    }
    if (n === '{') return this.braced(quoted);
    if (SPECIAL_PARAMS.includes(n) && n !== '') {
      this.pos += 2;
      return { k: 'param', name: n, quoted };
    }
    if (isNameChar(n, true)) {
      let end = this.pos + 1;
      while (end < src.length && isNameChar(src[end], false)) end++;
      const name = src.slice(this.pos + 1, end);
      this.pos = end;
      return { k: 'param', name, quoted };
    }
    return undefined;
  }

  private braced(quoted: boolean): WordPart {
    const src = this.src;
    this.pos += 2;
    let length = false;
    if (src[this.pos] === '#' && src[this.pos + 1] !== '}') {
      length = true;
      this.pos++;
    }
    let name = '';
    if (SPECIAL_PARAMS.includes(src[this.pos]) && src[this.pos] !== undefined) name = src[this.pos++];
    else while (this.pos < src.length && isNameChar(src[this.pos], name === '')) name += src[this.pos++];
    if (!name) throw new SyntaxError('bad substitution');
    if (length) {
      if (src[this.pos] !== '}') throw new SyntaxError('bad substitution');
      this.pos++;
      return { k: 'param', name, op: 'len', quoted };
    }
    if (src[this.pos] === '}') {
      this.pos++;
      return { k: 'param', name, quoted };
    }
    const m = /^(:?[-=+?]|##?|%%?)/.exec(src.slice(this.pos, this.pos + 2));
    if (!m) throw new SyntaxError('bad substitution');
    this.pos += m[1].length;
    const start = this.pos;
    const argParts = this.parts((c) => c === '}', true);
    const arg: Word = { parts: argParts, raw: src.slice(start, this.pos) };
    this.pos++;
    return { k: 'param', name, op: m[1] as ParamOp, arg, quoted };
  }
}

export function lex(src: string): Token[] {
  return new Lexer(src).tokens();
}

/** A here-document body with `$` expansions, as word parts. */
export function heredocWord(body: string): Word {
  return { parts: new Lexer(body).doubleQuoted(true), raw: body };
}
