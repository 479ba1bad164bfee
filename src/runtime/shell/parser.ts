/** Recursive-descent parser for the sh subset: lists, and-or, pipelines, compound commands, functions. */
import type { Node, Redir, Word } from './ast';
import { lex, SyntaxError, type Token } from './lexer';

export { SyntaxError } from './lexer';

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', 'case', 'esac', '{', '}', '!']);

function isLiteral(word: Word): boolean {
  return word.parts.every((p) => p.k === 'lit' && !p.quoted);
}

function describe(t: Token): string {
  if (t.type === 'word') return t.word.raw;
  if (t.type === 'op' || t.type === 'redir') return t.op;
  return t.type === 'nl' ? 'newline' : 'end of file';
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token {
    return this.toks[Math.min(this.i, this.toks.length - 1)];
  }

  private take(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.i++;
    return t;
  }

  private fail(): never {
    const t = this.peek();
    throw new SyntaxError(`syntax error: unexpected ${t.type === 'eof' ? 'end of file' : `"${describe(t)}"`}`);
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.op === op;
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.type === 'word' && t.word.raw === word && isLiteral(t.word);
  }

  private expectKeyword(word: string): void {
    if (!this.isKeyword(word)) this.fail();
    this.i++;
  }

  private skipNewlines(): void {
    while (this.peek().type === 'nl') this.i++;
  }

  program(): Node {
    this.skipNewlines();
    const node = this.list(() => this.peek().type === 'eof');
    if (this.peek().type !== 'eof') this.fail();
    return node;
  }

  /** A list of and-or items separated by `;`, `&` or newlines, until `end()` holds. */
  private list(end: () => boolean): Node {
    const items: Array<{ node: Node; background: boolean }> = [];
    const stop = () => end() || this.peek().type === 'eof' || this.isOp(';;') || this.isOp(')');
    this.skipNewlines();
    while (!stop()) {
      const node = this.andOr();
      const background = this.isOp('&');
      if (background || this.isOp(';')) this.i++;
      else if (this.peek().type !== 'nl' && !stop()) this.fail();
      items.push({ node, background });
      this.skipNewlines();
    }
    return { t: 'list', items };
  }

  private andOr(): Node {
    let node = this.pipeline();
    for (;;) {
      if (this.isOp('&&') || this.isOp('||')) {
        const op = (this.take() as { op: string }).op;
        this.skipNewlines();
        const right = this.pipeline();
        node = op === '&&' ? { t: 'and', left: node, right } : { t: 'or', left: node, right };
      } else return node;
    }
  }

  private pipeline(): Node {
    let negate = false;
    while (this.isKeyword('!')) {
      this.i++;
      negate = !negate;
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    const node: Node = commands.length === 1 ? commands[0] : { t: 'pipe', commands };
    return negate ? { t: 'not', node } : node;
  }

  private command(): Node {
    const t = this.peek();
    let node: Node | undefined;
    if (t.type === 'op' && t.op === '(') {
      this.i++;
      const body = this.list(() => this.isOp(')'));
      if (!this.isOp(')')) this.fail();
      this.i++;
      node = { t: 'subshell', body };
    } else if (t.type === 'word' && isLiteral(t.word)) {
      node = this.compound(t.word.raw);
      if (!node && RESERVED.has(t.word.raw) && t.word.raw !== '!') this.fail();
      if (!node && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.word.raw)) node = this.functionDef(t.word.raw);
    }
    if (!node) return this.simple();
    const redirs = this.redirs();
    return redirs.length ? { t: 'redirected', node, redirs } : node;
  }

  private functionDef(name: string): Node | undefined {
    const next = this.toks[this.i + 1];
    const after = this.toks[this.i + 2];
    if (next?.type !== 'op' || next.op !== '(' || after?.type !== 'op' || after.op !== ')') return undefined;
    this.i += 3;
    this.skipNewlines();
    return { t: 'func', name, body: this.command() };
  }

  private compound(keyword: string): Node | undefined {
    switch (keyword) {
      case '{': {
        this.i++;
        const body = this.list(() => this.isKeyword('}'));
        this.expectKeyword('}');
        return { t: 'group', body };
      }
      case 'if':
        return this.ifClause();
      case 'while':
      case 'until': {
        this.i++;
        const cond = this.list(() => this.isKeyword('do'));
        const body = this.doGroup();
        return { t: 'loop', until: keyword === 'until', cond, body };
      }
      case 'for':
        return this.forClause();
      case 'case':
        return this.caseClause();
      default:
        return undefined;
    }
  }

  private doGroup(): Node {
    this.expectKeyword('do');
    const body = this.list(() => this.isKeyword('done'));
    this.expectKeyword('done');
    return body;
  }

  private ifClause(): Node {
    const clauses: Array<{ cond: Node; body: Node }> = [];
    let otherwise: Node | undefined;
    this.i++;
    for (;;) {
      const cond = this.list(() => this.isKeyword('then'));
      this.expectKeyword('then');
      const body = this.list(() => this.isKeyword('elif') || this.isKeyword('else') || this.isKeyword('fi'));
      clauses.push({ cond, body });
      if (this.isKeyword('elif')) {
        this.i++;
        continue;
      }
      if (this.isKeyword('else')) {
        this.i++;
        otherwise = this.list(() => this.isKeyword('fi'));
      }
      this.expectKeyword('fi');
      return { t: 'if', clauses, otherwise };
    }
  }

  private forClause(): Node {
    this.i++;
    const nameTok = this.take();
    if (nameTok.type !== 'word') this.fail();
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.isKeyword('in')) {
      this.i++;
      items = [];
      for (let t = this.peek(); t.type === 'word'; t = this.peek()) {
        items.push(t.word);
        this.i++;
      }
      if (this.isOp(';')) this.i++;
    } else if (this.isOp(';')) this.i++;
    this.skipNewlines();
    return { t: 'for', name: nameTok.word.raw, items, body: this.doGroup() };
  }

  private caseClause(): Node {
    this.i++;
    const wordTok = this.take();
    if (wordTok.type !== 'word') this.fail();
    this.skipNewlines();
    this.expectKeyword('in');
    this.skipNewlines();
    const arms: Array<{ patterns: Word[]; body?: Node }> = [];
    while (!this.isKeyword('esac')) {
      if (this.isOp('(')) this.i++;
      const patterns: Word[] = [];
      for (;;) {
        const p = this.take();
        if (p.type !== 'word') this.fail();
        patterns.push(p.word);
        if (this.isOp('|')) this.i++;
        else break;
      }
      if (!this.isOp(')')) this.fail();
      this.i++;
      const body = this.list(() => this.isOp(';;') || this.isKeyword('esac'));
      arms.push({ patterns, body });
      if (this.isOp(';;')) this.i++;
      this.skipNewlines();
    }
    this.i++;
    return { t: 'case', word: wordTok.word, arms };
  }

  private redir(): Redir | undefined {
    const t = this.peek();
    if (t.type !== 'redir') return undefined;
    this.i++;
    const target = this.take();
    if (target.type !== 'word') this.fail();
    const fd = t.fd ?? (t.op.startsWith('<') ? 0 : 1);
    if (t.op === '<<') {
      const expand = target.word.parts.every((p) => p.k !== 'lit' || !p.quoted);
      return { fd, op: t.op, target: target.word, heredoc: { body: t.heredoc ?? '', expand } };
    }
    return { fd, op: t.op, target: target.word };
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (let r = this.redir(); r; r = this.redir()) out.push(r);
    return out;
  }

  private simple(): Node {
    const assigns: Array<{ name: string; value: Word }> = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const r = this.redir();
      if (r) {
        redirs.push(r);
        continue;
      }
      const t = this.peek();
      if (t.type !== 'word') break;
      const first = t.word.parts[0];
      const m = first?.k === 'lit' && !first.quoted ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text) : null;
      if (words.length === 0 && m) {
        const rest = first.k === 'lit' ? first.text.slice(m[0].length) : '';
        const parts = rest ? [{ ...first, text: rest }, ...t.word.parts.slice(1)] : t.word.parts.slice(1);
        assigns.push({ name: m[1], value: { parts, raw: t.word.raw.slice(m[0].length) } });
      } else words.push(t.word);
      this.i++;
    }
    if (!words.length && !assigns.length && !redirs.length) this.fail();
    return { t: 'simple', assigns, words, redirs };
  }
}

export function parse(src: string): Node {
  return new Parser(lex(src)).program();
}
