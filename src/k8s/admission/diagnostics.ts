import type { Diagnostic } from '../admission-types';

// One definition of Diagnostic for the whole app: admission-types.ts is what the engine and the
// editor were written against while this layer was being built.
export type { Diagnostic };

/**
 * `pod.yaml:12:7: spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: ...`;
 * warnings say so before the path: `pod.yaml:9:5: warning: spec.affinity: not simulated ...`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const severity = d.severity === 'warning' ? 'warning: ' : '';
  const path = d.path ? `${d.path}: ` : '';
  return `${d.file}:${d.line}:${d.col}: ${severity}${path}${d.message}`;
}

/**
 * A value printed as field.Error.ErrorBody prints it (apimachinery util/validation/field/errors.go):
 * strings with %q, numbers and booleans with %v, anything else as JSON.
 */
export function goValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? 'null';
}

/** The bodies of field.Error, so messages read exactly as `kubectl apply` prints them. */
export const fieldError = {
  required: (detail = ''): string => (detail ? `Required value: ${detail}` : 'Required value'),
  invalid: (value: unknown, detail: string): string => `Invalid value: ${goValue(value)}: ${detail}`,
  notSupported: (value: unknown, supported: readonly string[]): string =>
    `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  duplicate: (value: unknown): string => `Duplicate value: ${goValue(value)}`,
  forbidden: (detail: string): string => `Forbidden: ${detail}`,
  notFound: (value: unknown): string => `Not found: ${goValue(value)}`,
};
