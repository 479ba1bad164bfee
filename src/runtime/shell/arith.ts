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

export function evalArith(source: string, lookup: (name: string) => string | undefined, assign: (name: string, value: string) => void = () => undefined): number {
  const tokens = source.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|[-+*/%]=|\|\||&&|==|!=|<=|>=|[-+*/%()<>!=]|\S/g) ?? [];
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

  const read = (name: string): number => {
    const v = (lookup(name) ?? '').trim();
    if (v === '') return 0;
    if (!/^-?\d+$/.test(v)) throw new ArithError(`${name}: bad number`);
    return Number(v);
  };
  const store = (name: string, v: number): number => {
    assign(name, String(v));
    return v;
  };

  const unary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new ArithError('syntax error');
    if ((t === '++' || t === '--') && /^[A-Za-z_]/.test(tokens[i] ?? '')) {
      const name = tokens[i++];
      return store(name, read(name) + (t === '++' ? 1 : -1));
    }
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
      const op = tokens[i];
      if (op === '++' || op === '--') {
        i++;
        const before = read(t);
        store(t, before + (op === '++' ? 1 : -1));
        return before;
      }
      if (op === '=' || (op?.length === 2 && op.endsWith('=') && '+-*/%'.includes(op[0]))) {
        i++;
        const right = value(0);
        return store(t, op === '=' ? right : apply(op[0], read(t), right));
      }
      return read(t);
    }
    throw new ArithError('syntax error');
  };

  if (tokens.length === 0) return 0;
  const result = value(0);
  if (i < tokens.length) throw new ArithError('syntax error');
  return result;
}
