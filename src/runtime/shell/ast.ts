/** The syntax tree of the POSIX-sh subset. */

export type WordPart =
  | { k: 'lit'; text: string; quoted: boolean }
  | { k: 'param'; name: string; op?: ParamOp; arg?: Word; quoted: boolean }
  | { k: 'cmd'; source: string; quoted: boolean }
  | { k: 'arith'; source: string; quoted: boolean };

/** `${x:-w}` and friends; `len` is `${#x}`; `#`, `##`, `%`, `%%` trim a pattern. */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | 'len' | '#' | '##' | '%' | '%%';

export interface Word {
  parts: WordPart[];
  /** The source text, for reserved-word checks and error messages. */
  raw: string;
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '<<';

export interface Redir {
  fd: number;
  op: RedirOp;
  target: Word;
  /** `<<`: the body, and whether `$` expands in it (the delimiter was not quoted). */
  heredoc?: { body: string; expand: boolean };
}

export type Node =
  | { t: 'list'; items: Array<{ node: Node; background: boolean }> }
  | { t: 'and'; left: Node; right: Node }
  | { t: 'or'; left: Node; right: Node }
  | { t: 'not'; node: Node }
  | { t: 'pipe'; commands: Node[] }
  | { t: 'simple'; assigns: Array<{ name: string; value: Word }>; words: Word[]; redirs: Redir[] }
  | { t: 'if'; clauses: Array<{ cond: Node; body: Node }>; otherwise?: Node }
  | { t: 'loop'; until: boolean; cond: Node; body: Node }
  | { t: 'for'; name: string; items?: Word[]; body: Node }
  | { t: 'case'; word: Word; arms: Array<{ patterns: Word[]; body?: Node }> }
  | { t: 'group'; body: Node }
  | { t: 'subshell'; body: Node }
  | { t: 'func'; name: string; body: Node }
  | { t: 'redirected'; node: Node; redirs: Redir[] };
