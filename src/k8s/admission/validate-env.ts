import type { EnvVar, EnvVarSource } from 'kubernetes-types/core/v1';
import { fieldError } from './diagnostics';
import type { Reporter } from './reporter';

/*
 * A container's env: ValidateEnv, validateEnvVarValueFrom, validateObjectFieldSelector,
 * validateContainerResourceFieldSelector and validateConfigMapKeySelector /
 * validateSecretKeySelector in pkg/apis/core/validation/validation.go.
 */

const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const HUGEPAGES = /^(limits|requests)\.hugepages-/;
/** metadata.labels['key'] and metadata.annotations['key'] take a subscript; nothing else does. */
const SUBSCRIPTED = /^metadata\.(labels|annotations)\[.+\]$/;

/** A selector's one required string: Required when empty, Unsupported when not one of `supported`. */
function oneOf(value: string | undefined, supported: readonly string[], alsoAllowed: RegExp, path: string, r: Reporter): void {
  if (!value) r.error(path, fieldError.required());
  else if (!alsoAllowed.test(value) && !supported.includes(value)) r.error(path, fieldError.notSupported(value, supported));
}

function validateValueFrom(from: EnvVarSource, value: string | undefined, path: string, r: Reporter): void {
  let sources = 0;
  if (from.fieldRef) {
    sources++;
    oneOf(from.fieldRef.fieldPath, ENV_FIELD_PATHS, SUBSCRIPTED, `${path}.fieldRef.fieldPath`, r);
  }
  if (from.resourceFieldRef) {
    sources++;
    oneOf(from.resourceFieldRef.resource, RESOURCE_FIELD_PATHS, HUGEPAGES, `${path}.resourceFieldRef.resource`, r);
  }
  for (const kind of ['configMapKeyRef', 'secretKeyRef'] as const) {
    const ref = from[kind];
    if (!ref) continue;
    sources++;
    if (!ref.key) r.error(`${path}.${kind}.key`, fieldError.required());
  }
  // fileKeyRef (EnvFiles) is read by the kubelet code that knows it (env-file.ts); it counts as a source.
  if ((from as { fileKeyRef?: unknown }).fileKeyRef) sources++;
  if (sources === 0)
    r.error(path, fieldError.invalid('', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (value) r.error(path, fieldError.invalid('', 'may not be specified when `value` is not empty'));
  else if (sources > 1) r.error(path, fieldError.invalid('', 'may not have more than one field specified at a time'));
}

export function validateEnv(env: readonly EnvVar[], path: string, r: Reporter): void {
  env.forEach((e, i) => {
    if (!e.name) r.error(`${path}[${i}].name`, fieldError.required());
    if (e.valueFrom) validateValueFrom(e.valueFrom, e.value, `${path}[${i}].valueFrom`, r);
  });
}
