/** `test` and `[`: file tests, string and integer comparisons, `!`, `-a`, `-o`, parentheses. */
import { abs, complain, done, type Utility, type UtilityCall } from '../command';

class TestError extends Error {}

function unary(call: UtilityCall, op: string, arg: string): boolean {
  const fs = call.ctx.fs;
  const path = () => abs(call, arg);
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-e':
    case '-r':
    case '-w':
      return fs.exists(path()) || arg === '/dev/null';
    case '-f':
      return fs.exists(path()) && !fs.isDirectory(path());
    case '-d':
      return fs.isDirectory(path());
    case '-s':
      return (fs.read(path()) ?? '').length > 0;
    case '-x':
      return fs.isDirectory(path()) || /^\/(usr\/)?s?bin\//.test(arg);
    case '-L':
    case '-h':
      return false;
    default:
      throw new TestError(`${op}: unknown operand`);
  }
}

const UNARY = new Set(['-z', '-n', '-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>']);

function int(text: string): number {
  if (!/^\s*-?\d+\s*$/.test(text)) throw new TestError(`${text}: bad number`);
  return Number(text);
}

function binary(a: string, op: string, b: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
  }
  const x = int(a);
  const y = int(b);
  return { '-eq': x === y, '-ne': x !== y, '-lt': x < y, '-le': x <= y, '-gt': x > y, '-ge': x >= y }[op] ?? false;
}

export function evaluateTest(call: UtilityCall, args: string[]): boolean {
  let i = 0;
  const primary = (): boolean => {
    const a = args[i];
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(' && args.length - i > 2) {
      i++;
      const v = orExpr();
      if (args[i++] !== ')') throw new TestError('missing )');
      return v;
    }
    if (BINARY.has(args[i + 1] ?? '') && i + 2 < args.length) {
      i += 3;
      return binary(a, args[i - 2], args[i - 1]);
    }
    if (UNARY.has(a) && i + 1 < args.length) {
      i += 2;
      return unary(call, a, args[i - 1]);
    }
    i++;
    return (a ?? '') !== '';
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (args[i] === '-a') {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === '-o') {
      i++;
      v = andExpr() || v;
    }
    return v;
  };
  if (args.length === 0) return false;
  const v = orExpr();
  if (i < args.length) throw new TestError(`${args[i]}: unexpected operator`);
  return v;
}

const test: Utility = (call) => {
  let args = call.argv.slice(1);
  if (call.argv[0].endsWith('[')) {
    const close = call.argv[0] === '[[' ? ']]' : ']';
    if (args[args.length - 1] !== close) return done(complain(call, `missing ${close}`, 2));
    args = args.slice(0, -1);
  }
  try {
    return done(evaluateTest(call, args) ? 0 : 1);
  } catch (e) {
    if (e instanceof TestError) return done(complain({ ...call, argv: ['sh'] }, e.message, 2));
    throw e;
  }
};

export const TEST: Record<string, Utility> = { test, '[': test, '[[': test };
