/**
 * `$(( ))` arithmetic: integers, + - * / %, comparisons, && ||, unary - + !, parentheses, and
 * variable names (unset or empty is 0). `$x` has already been expanded by the caller.
 */
export class ArithError extends Error {}

const LEVELS: string[][] = [['||'], ['&&'], ['==', '!='], ['<=', '>=', '<', '>'], ['+', '-'], ['*', '/', '%']];

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '||':
      return a || b ? 1 : 0;
    case '&&':
      return a && b ? 1 : 0;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    default:
      if (b === 0) throw new ArithError('divide by zero');
      return op === '/' ? Math.trunc(a / b) : a % b;
  }
}

export function evalArith(source: string, lookup: (name: string) => string | undefined): number {
  const tokens = source.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|[-+*/%()<>!]|\S/g) ?? [];
  let i = 0;

  const value = (level: number): number => {
    if (level === LEVELS.length) return unary();
    let left = value(level + 1);
    while (i < tokens.length && LEVELS[level].includes(tokens[i])) {
      const op = tokens[i++];
      left = apply(op, left, value(level + 1));
    }
    return left;
  };

  const unary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new ArithError('syntax error');
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return unary() ? 0 : 1;
    if (t === '(') {
      const v = value(0);
      if (tokens[i++] !== ')') throw new ArithError('missing )');
      return v;
    }
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const v = (lookup(t) ?? '').trim();
      if (v === '') return 0;
      if (!/^-?\d+$/.test(v)) throw new ArithError(`${t}: bad number`);
      return Number(v);
    }
    throw new ArithError('syntax error');
  };

  if (tokens.length === 0) return 0;
  const result = value(0);
  if (i < tokens.length) throw new ArithError('syntax error');
  return result;
}
