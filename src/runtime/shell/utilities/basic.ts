/** sleep, echo, printf, true, false, seq, expr, yes-free basics. */
import { complain, done, type Utility, type UtilityCall } from '../command';
import { sleep as sleepFor, type Gen } from '../task';

const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `30`, `0.5`, `1m`, `infinity` → milliseconds; undefined when invalid. */
export function parseDuration(text: string): number | undefined {
  if (/^inf(inity)?$/i.test(text)) return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(text);
  return m ? Math.round(Number(m[1]) * UNITS[m[2]] * 1000) : undefined;
}

function* sleep(call: UtilityCall): Gen<number> {
  const args = call.argv.slice(1);
  if (args.length === 0) return complain(call, 'missing operand');
  let total = 0;
  for (const a of args) {
    const ms = parseDuration(a);
    if (ms === undefined) return complain(call, `invalid number '${a}'`);
    total += ms;
  }
  yield sleepFor(call.ctx.timers, total);
  return 0;
}

/** Backslash escapes of `echo -e` and printf formats; `\c` stops output (returned as stop). */
export function unescape(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i === text.length - 1) {
      out += c;
      continue;
    }
    const n = text[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };
    if (n in simple) out += simple[n];
    else if (n === 'c') return { text: out, stop: true };
    else if (n === '0' || /[1-7]/.test(n)) {
      const m = /^[0-7]{0,3}/.exec(text.slice(n === '0' ? i + 1 : i))?.[0] ?? '';
      out += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length - (n === '0' ? 0 : 1);
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

function echo(call: UtilityCall): Gen<number> {
  const args = call.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    const f = args.shift() ?? '';
    if (f.includes('n')) newline = false;
    if (f.includes('e')) escapes = true;
    if (f.includes('E')) escapes = false;
  }
  let text = args.join(' ');
  if (escapes) {
    const u = unescape(text);
    text = u.text;
    if (u.stop) newline = false;
  }
  call.io.out.write(newline ? `${text}\n` : text);
  return done(0);
}

/** printf FORMAT ARGS: %s %d %i %c %x %o %f %%, width and precision; the format repeats for extra args. */
function printf(call: UtilityCall): Gen<number> {
  const [format, ...args] = call.argv.slice(1);
  if (format === undefined) return done(complain(call, 'usage: printf FORMAT [ARGUMENT...]'));
  let status = 0;
  let out = '';
  let used = 0;
  const template = unescape(format).text;
  do {
    const start = used;
    const text = template.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdicxXofeg%b])/g, (_m, fl: string, width: string, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[used++] ?? '';
      let s: string;
      if (conv === 's' || conv === 'b') s = conv === 'b' ? unescape(arg).text : arg;
      else if (conv === 'c') s = arg.slice(0, 1);
      else {
        const n = arg === '' ? 0 : Number(arg);
        if (Number.isNaN(n)) {
          status = complain(call, `invalid number '${arg}'`);
          return '0';
        }
        if (conv === 'd' || conv === 'i') s = String(Math.trunc(n));
        else if (conv === 'x' || conv === 'X') s = Math.trunc(n).toString(16)[conv === 'X' ? 'toUpperCase' : 'toLowerCase']();
        else if (conv === 'o') s = Math.trunc(n).toString(8);
        else s = n.toFixed(prec === undefined ? 6 : Number(prec));
      }
      if (conv === 's' && prec !== undefined) s = s.slice(0, Number(prec));
      const w = Number(width || 0);
      if (s.length < w) s = fl.includes('-') ? s.padEnd(w) : s.padStart(w, fl.includes('0') && conv !== 's' ? '0' : ' ');
      return s;
    });
    out += text;
    if (used === start) break;
  } while (used < args.length);
  call.io.out.write(out);
  return done(status);
}

function seq(call: UtilityCall): Gen<number> {
  const nums = call.argv.slice(1).map(Number);
  if (nums.length === 0 || nums.some(Number.isNaN)) return done(complain(call, 'invalid argument'));
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  let out = '';
  for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
    out += `${v}\n`;
    if (step === 0) break;
  }
  call.io.out.write(out);
  return done(0);
}

/** expr: integer arithmetic and comparisons, `length`, `STRING : REGEX`. */
function expr(call: UtilityCall): Gen<number> {
  const t = call.argv.slice(1);
  let i = 0;
  const isInt = (s: string) => /^-?\d+$/.test(s);
  const primary = (): string => {
    const a = t[i++] ?? '';
    if (a === '(') {
      const v = orExpr();
      i++;
      return v;
    }
    if (a === 'length') return String((t[i++] ?? '').length);
    return a;
  };
  const match = (): string => {
    let left = primary();
    while (t[i] === ':') {
      i++;
      const m = new RegExp(`^(?:${primary()})`).exec(left);
      left = m ? (m[1] ?? String(m[0].length)) : '0';
    }
    return left;
  };
  const arith = (ops: string[], next: () => string) => (): string => {
    let left = next();
    while (ops.includes(t[i])) {
      const op = t[i++];
      const right = next();
      if (!isInt(left) || !isInt(right)) throw new Error('non-integer argument');
      const a = Number(left);
      const b = Number(right);
      if ((op === '/' || op === '%') && b === 0) throw new Error('division by zero');
      left = String(op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? Math.trunc(a / b) : a % b);
    }
    return left;
  };
  const mul = arith(['*', '/', '%'], match);
  const add = arith(['+', '-'], mul);
  const cmp = (): string => {
    let left = add();
    while (['=', '!=', '<', '<=', '>', '>='].includes(t[i])) {
      const op = t[i++];
      const right = add();
      const c = isInt(left) && isInt(right) ? Number(left) - Number(right) : left < right ? -1 : left > right ? 1 : 0;
      const r = { '=': c === 0, '!=': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[op];
      left = r ? '1' : '0';
    }
    return left;
  };
  const andExpr = (): string => {
    let left = cmp();
    while (t[i] === '&') {
      i++;
      const right = cmp();
      left = left !== '' && left !== '0' && right !== '' && right !== '0' ? left : '0';
    }
    return left;
  };
  const orExpr = (): string => {
    let left = andExpr();
    while (t[i] === '|') {
      i++;
      const right = andExpr();
      left = left !== '' && left !== '0' ? left : right;
    }
    return left;
  };
  try {
    const v = orExpr();
    if (i < t.length) return done(complain(call, 'syntax error', 2));
    call.io.out.write(`${v}\n`);
    return done(v === '' || v === '0' ? 1 : 0);
  } catch (e) {
    return done(complain(call, e instanceof Error ? e.message : 'error', 2));
  }
}

export const BASIC: Record<string, Utility> = {
  sleep,
  echo,
  printf,
  true: () => done(0),
  false: () => done(1),
  seq,
  expr,
};
