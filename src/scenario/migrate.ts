/**
 * Old scenarios keep meaning what they meant: each format version N < current has one step that
 * turns a version-N object into a version-(N+1) object, and `migrate` runs the chain up to the
 * current version. When version 2 arrives: add `1: (v1) => ({ ...v1, version: 2, ... })` to STEPS
 * and bump SCENARIO_VERSION; version-1 links and files still open.
 */
import { formatIssue, isPlainObject, show, type Issue, type PathSegment } from './check';
import { SCENARIO_VERSION } from './types';

type RawScenario = Record<string, unknown>;
type Step = (from: RawScenario) => RawScenario;

/** STEPS[n] migrates version n to version n + 1. */
const STEPS: Readonly<Record<number, Step>> = {};

export type MigrateResult =
  | { ok: true; value: RawScenario; from: number }
  | { ok: false; kind: 'newer'; version: number; message: string }
  | { ok: false; kind: 'invalid'; issue: Issue; message: string };

function invalid(path: PathSegment[], message: string): MigrateResult {
  const issue = { path, message };
  return { ok: false, kind: 'invalid', issue, message: formatIssue(issue) };
}

export function migrate(
  obj: unknown,
  steps: Readonly<Record<number, Step>> = STEPS,
  current: number = SCENARIO_VERSION,
): MigrateResult {
  if (!isPlainObject(obj)) return invalid([], `must be a mapping, got ${show(obj)}`);
  const from = obj.version;
  if (from === undefined) return invalid(['version'], `required (this PodPlay writes version ${current})`);
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return invalid(['version'], `must be a whole number from 1 to ${current}, got ${show(from)}`);
  }
  if (from > current) {
    return {
      ok: false,
      kind: 'newer',
      version: from,
      message: `version: ${from} is newer than this PodPlay understands (up to ${current})`,
    };
  }
  let value = obj;
  for (let v = from; v < current; v++) {
    const step = steps[v];
    if (step === undefined) return invalid(['version'], `no migration from version ${v}`);
    value = { ...step(value), version: v + 1 };
  }
  return { ok: true, value, from };
}
