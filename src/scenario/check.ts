/**
 * A small validation kit: checkers take an unknown value and its path, and either return the typed
 * value or record located issues (`actions[2].at: must be a number >= 0`) and return INVALID.
 * Records are rebuilt with Object.fromEntries, so a `__proto__` key stays an ordinary own key.
 */
export type PathSegment = string | number;

export interface Issue {
  path: PathSegment[];
  message: string;
}

export const INVALID: unique symbol = Symbol('invalid');
export type Checked<T> = T | typeof INVALID;
export type Checker<T> = (value: unknown, path: PathSegment[], issues: Issue[]) => Checked<T>;

/** `node.capacity.memory`, `actions[2].at`, `node.labels["kubernetes.io/os"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out === '' ? '(scenario)' : out;
}

export function formatIssue(issue: Issue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}

export function fail(issues: Issue[], path: PathSegment[], message: string): typeof INVALID {
  issues.push({ path, message });
  return INVALID;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe rendering of a bad value for a message. */
export function show(value: unknown): string {
  const text =
    typeof value === 'string'
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? 'a list'
        : isPlainObject(value)
          ? 'an object'
          : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export const str: Checker<string> = (v, path, issues) =>
  typeof v === 'string' ? v : fail(issues, path, `must be a string, got ${show(v)}`);

export const bool: Checker<boolean> = (v, path, issues) =>
  typeof v === 'boolean' ? v : fail(issues, path, `must be true or false, got ${show(v)}`);

export function num(opts: { min?: number; max?: number; integer?: boolean } = {}): Checker<number> {
  const { min, max, integer = false } = opts;
  const noun = integer ? 'an integer' : 'a number';
  const range = [min !== undefined ? `>= ${min}` : '', max !== undefined ? `<= ${max}` : '']
    .filter(Boolean)
    .join(' and ');
  const want = range ? `must be ${noun} ${range}` : `must be ${noun}`;
  return (v, path, issues) => {
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      (!integer || Number.isInteger(v)) &&
      (min === undefined || v >= min) &&
      (max === undefined || v <= max);
    // `+ 0` turns -0 into 0: JSON cannot carry -0, so a round trip must not depend on it.
    return ok ? v + 0 : fail(issues, path, `${want}, got ${show(v)}`);
  };
}

export function oneOf<const T extends string>(values: readonly T[]): Checker<T> {
  return (v, path, issues) =>
    typeof v === 'string' && (values as readonly string[]).includes(v)
      ? (v as T)
      : fail(
          issues,
          path,
          `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}, got ${show(v)}`,
        );
}

export function arrayOf<T>(item: Checker<T>): Checker<T[]> {
  return (v, path, issues) => {
    if (!Array.isArray(v)) return fail(issues, path, `must be a list, got ${show(v)}`);
    const out: T[] = [];
    let bad = false;
    v.forEach((x, i) => {
      const r = item(x, [...path, i], issues);
      if (r === INVALID) bad = true;
      else out.push(r);
    });
    return bad ? INVALID : out;
  };
}

export function recordOf<T>(
  item: Checker<T>,
  key?: (k: string) => string | undefined,
): Checker<Record<string, T>> {
  return (v, path, issues) => {
    if (!isPlainObject(v)) return fail(issues, path, `must be a mapping, got ${show(v)}`);
    const entries: Array<[string, T]> = [];
    let bad = false;
    for (const [k, x] of Object.entries(v)) {
      const keyProblem = key?.(k);
      if (keyProblem !== undefined) {
        fail(issues, [...path, k], keyProblem);
        bad = true;
        continue;
      }
      const r = item(x, [...path, k], issues);
      if (r === INVALID) bad = true;
      else entries.push([k, r]);
    }
    return bad ? INVALID : Object.fromEntries(entries);
  };
}

interface Field<T, O extends boolean> {
  check: Checker<T>;
  optional: O;
}
export const req = <T>(check: Checker<T>): Field<T, false> => ({ check, optional: false });
export const opt = <T>(check: Checker<T>): Field<T, true> => ({ check, optional: true });

type Shape = Record<string, Field<unknown, boolean>>;
type FieldType<F> = F extends Field<infer T, boolean> ? T : never;
type Flatten<T> = { [K in keyof T]: T[K] };
export type ShapeOutput<S extends Shape> = Flatten<
  { [K in keyof S as S[K] extends Field<unknown, false> ? K : never]: FieldType<S[K]> } & {
    [K in keyof S as S[K] extends Field<unknown, true> ? K : never]?: FieldType<S[K]>;
  }
>;

/** A mapping with known fields only: a typo (`gracePeriod`) is an error, not silently ignored. */
export function objectOf<S extends Shape>(shape: S): Checker<ShapeOutput<S>> {
  return (v, path, issues) => {
    if (!isPlainObject(v)) return fail(issues, path, `must be a mapping, got ${show(v)}`);
    const entries: Array<[string, unknown]> = [];
    let bad = false;
    for (const k of Object.keys(v)) {
      if (!Object.hasOwn(shape, k)) {
        fail(issues, [...path, k], `unknown field (expected one of ${Object.keys(shape).join(', ')})`);
        bad = true;
      }
    }
    for (const [k, field] of Object.entries(shape)) {
      const x = Object.hasOwn(v, k) ? v[k] : undefined;
      if (x === undefined) {
        if (!field.optional) {
          fail(issues, [...path, k], 'required');
          bad = true;
        }
        continue;
      }
      const r = field.check(x, [...path, k], issues);
      if (r === INVALID) bad = true;
      else entries.push([k, r]);
    }
    return bad ? INVALID : (Object.fromEntries(entries) as ShapeOutput<S>);
  };
}

/** A checker that falls back to `fallback` when the value is absent. */
export function withDefault<T>(check: Checker<T>, fallback: () => T): Checker<T> {
  return (v, path, issues) => (v === undefined ? fallback() : check(v, path, issues));
}
