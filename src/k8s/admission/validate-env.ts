import type { EnvVar, EnvVarSource } from 'kubernetes-types/core/v1';
import { fieldError } from './diagnostics';
import { isConfigMapKey, isDNS1123Subdomain, isQualifiedName, isRelaxedEnvVarName } from './names';
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
/** podshelper.ConvertDownwardAPIFieldLabel: the fields the downward API knows at all. */
const DOWNWARD_FIELDS = [
  'metadata.annotations',
  'metadata.labels',
  ...ENV_FIELD_PATHS,
  'spec.restartPolicy',
  'spec.schedulerName',
  'status.phase',
];

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['key']` → [path, key]. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const open = fieldPath.indexOf("['");
  if (open <= 0) return undefined;
  return [fieldPath.slice(0, open), fieldPath.slice(open + 2, -2)];
}

/**
 * validateObjectFieldSelector for env: converted first (spec.host is the old name of
 * spec.nodeName; anything unknown is "error converting fieldPath"), then only the env fields, or
 * a label or annotation by key.
 */
function validateFieldPath(fieldPath: string | undefined, path: string, r: Reporter): void {
  if (!fieldPath) {
    r.error(path, fieldError.required());
    return;
  }
  const subscripted = splitSubscript(fieldPath);
  if (subscripted) {
    const [field, key] = subscripted;
    if (field !== 'metadata.labels' && field !== 'metadata.annotations') {
      r.error(path, fieldError.invalid(fieldPath, `error converting fieldPath: field label does not support subscript: ${fieldPath}`));
      return;
    }
    // ValidateQualifiedName on the key (an annotation's lowercased), reported on the fieldRef.
    const name = field === 'metadata.annotations' ? key.toLowerCase() : key;
    for (const msg of isQualifiedName(name)) r.error(path.replace(/\.fieldPath$/, ''), fieldError.invalid(name, msg));
    return;
  }
  const converted = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  if (!DOWNWARD_FIELDS.includes(converted))
    r.error(path, fieldError.invalid(fieldPath, `error converting fieldPath: field label not supported: ${fieldPath}`));
  else if (!ENV_FIELD_PATHS.includes(converted)) r.error(path, fieldError.notSupported(converted, ENV_FIELD_PATHS));
}

const RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const HUGEPAGES = /^(limits|requests)\.hugepages-/;

function validateValueFrom(from: EnvVarSource, value: string | undefined, path: string, r: Reporter): void {
  let sources = 0;
  if (from.fieldRef) {
    sources++;
    validateFieldPath(from.fieldRef.fieldPath, `${path}.fieldRef.fieldPath`, r);
  }
  if (from.resourceFieldRef) {
    sources++;
    const resource = from.resourceFieldRef.resource;
    const at = `${path}.resourceFieldRef.resource`;
    if (!resource) r.error(at, fieldError.required());
    else if (!HUGEPAGES.test(resource) && !RESOURCE_FIELD_PATHS.includes(resource)) r.error(at, fieldError.notSupported(resource, RESOURCE_FIELD_PATHS));
  }
  // validateConfigMapKeySelector / validateSecretKeySelector: a name (a DNS subdomain) and a key.
  for (const kind of ['configMapKeyRef', 'secretKeyRef'] as const) {
    const ref = from[kind];
    if (!ref) continue;
    sources++;
    for (const msg of isDNS1123Subdomain(ref.name ?? '')) r.error(`${path}.${kind}.name`, fieldError.invalid(ref.name ?? '', msg));
    if (!ref.key) r.error(`${path}.${kind}.key`, fieldError.required());
    else for (const msg of isConfigMapKey(ref.key)) r.error(`${path}.${kind}.key`, fieldError.invalid(ref.key, msg));
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
    else for (const msg of isRelaxedEnvVarName(e.name)) r.error(`${path}[${i}].name`, fieldError.invalid(e.name, msg));
    if (e.valueFrom) validateValueFrom(e.valueFrom, e.value, `${path}[${i}].valueFrom`, r);
  });
}
