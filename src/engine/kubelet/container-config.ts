/**
 * What the kubelet hands the runtime per container: its environment
 * (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables: fieldRef, resourceFieldRef, `$(VAR)`
 * expansion per third_party/forked/golang/expansion) and command/args with `$(VAR)` expanded.
 */
import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../k8s';
import type { ContainerConfig, ImageInfo } from '../../runtime/sandbox-types';
import type { ConfigStore } from '../cluster/config-objects';
import { ContainerConfigError } from './config-error';
import { fileKeyRefOf, fileKeyValue, type PodVolumeFiles } from './env-file';

function formatMap(map: Record<string, string>): string {
  return Object.keys(map)
    .sort()
    .map((k) => `${k}="${map[k]}"`)
    .join('\n');
}

/** The pod's downward API fields (fieldRef.fieldPath → value). */
export function downwardFields(pod: Pod, extra: { uid: string; nodeName: string; podIP?: string; hostIP: string }): Record<string, string> {
  const meta = pod.metadata ?? {};
  const fields: Record<string, string> = {
    'metadata.name': meta.name ?? '',
    'metadata.namespace': meta.namespace ?? 'default',
    'metadata.uid': extra.uid,
    // The kubelet writes them sorted by key (fieldpath.FormatMap).
    'metadata.labels': formatMap(meta.labels ?? {}),
    'metadata.annotations': formatMap(meta.annotations ?? {}),
    'spec.nodeName': extra.nodeName,
    // The old v1 name the API server converts (ConvertDownwardAPIFieldLabel).
    'spec.host': extra.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName ?? 'default',
    'status.hostIP': extra.hostIP,
    'status.hostIPs': extra.hostIP,
    'status.podIP': extra.podIP ?? '',
    'status.podIPs': extra.podIP ?? '',
  };
  for (const [k, v] of Object.entries(meta.labels ?? {})) fields[`metadata.labels['${k}']`] = v;
  for (const [k, v] of Object.entries(meta.annotations ?? {})) fields[`metadata.annotations['${k}']`] = v;
  return fields;
}

/**
 * `$(VAR)` expansion as Kubernetes does it: a defined variable is replaced, an undefined one is left
 * as written, and `$$` escapes a `$`.
 */
export function expandVars(input: string, env: Record<string, string>): string {
  return input.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) => {
    if (match === '$$') return '$';
    return name !== undefined && Object.hasOwn(env, name) ? env[name] : match;
  });
}

/** resourceFieldRef: limits fall back to the node's allocatable when unset; divisor defaults to 1. */
export function resourceValue(container: Container, resource: string, divisor: string | undefined, allocatable: Record<string, string>): string {
  const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
  const set = container.resources?.[kind]?.[name];
  const raw = set ?? (kind === 'limits' ? allocatable[name] : '0') ?? '0';
  const value = parseQuantity(raw) / parseQuantity(divisor ?? '1');
  return String(Math.ceil(value));
}

export { ContainerConfigError } from './config-error';

export interface EnvSources {
  fields: Record<string, string>;
  allocatable: Record<string, string>;
  store: ConfigStore;
  namespace: string;
  /** The Pod's volumes as the kubelet reads them (fileKeyRef); absent: none can be read. */
  volumes?: PodVolumeFiles;
}

const NO_VOLUMES: PodVolumeFiles = { hostPath: () => undefined, read: () => undefined };

/** A key of a ConfigMap or Secret, worded as makeEnvironmentVariables reports a missing one. */
function keyRef(kind: 'ConfigMap' | 'Secret', ref: { name?: string; key: string; optional?: boolean }, src: EnvSources): string | undefined {
  const name = ref.name ?? '';
  const data = kind === 'ConfigMap' ? src.store.configMap(src.namespace, name) : src.store.secret(src.namespace, name);
  if (!data) {
    if (ref.optional) return undefined;
    throw new ContainerConfigError(`${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${name}" not found`);
  }
  if (!Object.hasOwn(data, ref.key)) {
    if (ref.optional) return undefined;
    throw new ContainerConfigError(`couldn't find key ${ref.key} in ${kind} ${src.namespace}/${name}`);
  }
  return data[ref.key];
}

function envValue(e: EnvVar, container: Container, env: Record<string, string>, src: EnvSources): string | undefined {
  if (e.value !== undefined) return expandVars(e.value, env);
  const from = e.valueFrom;
  if (!from) return '';
  if (from.fieldRef) return src.fields[from.fieldRef.fieldPath] ?? '';
  if (from.resourceFieldRef) return resourceValue(container, from.resourceFieldRef.resource, from.resourceFieldRef.divisor, src.allocatable);
  if (from.configMapKeyRef) return keyRef('ConfigMap', from.configMapKeyRef, src);
  if (from.secretKeyRef) return keyRef('Secret', from.secretKeyRef, src);
  const fileRef = fileKeyRefOf(from);
  if (fileRef) return fileKeyValue(fileRef, src.volumes ?? NO_VOLUMES);
  return undefined;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** envFrom first (in order, later sources win), then env (which wins over envFrom). */
export function containerEnv(container: Container, src: EnvSources): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    const name = ref?.name ?? '';
    const data = kind === 'ConfigMap' ? src.store.configMap(src.namespace, name) : src.store.secret(src.namespace, name);
    if (!data) {
      if (ref?.optional) continue;
      throw new ContainerConfigError(`${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${name}" not found`);
    }
    for (const [k, v] of Object.entries(data)) {
      const key = `${from.prefix ?? ''}${k}`;
      // Invalid names are skipped (the kubelet records an InvalidEnvironmentVariableNames event).
      if (ENV_NAME.test(key)) env[key] = v;
    }
  }
  for (const e of container.env ?? []) {
    const value = envValue(e, container, env, src);
    if (value !== undefined) env[e.name] = value;
  }
  return env;
}

export function containerConfig(container: Container, image: ImageInfo, src: EnvSources): ContainerConfig {
  const env = containerEnv(container, src);
  const limit = container.resources?.limits?.memory;
  return {
    name: container.name,
    image,
    command: container.command?.map((c) => expandVars(c, env)),
    args: container.args?.map((a) => expandVars(a, env)),
    env,
    workingDir: container.workingDir,
    memoryLimitBytes: limit !== undefined ? parseQuantity(limit) : undefined,
    privileged: Boolean(container.securityContext?.privileged),
    capabilities: container.securityContext?.capabilities,
    readOnlyRootFilesystem: container.securityContext?.readOnlyRootFilesystem,
    runAsUser: container.securityContext?.runAsUser,
    mounts: (container.volumeMounts ?? []).map((m) => ({ volume: m.name, mountPath: m.mountPath, readOnly: Boolean(m.readOnly), subPath: m.subPath })),
    terminationMessagePath: container.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: container.terminationMessagePolicy === 'FallbackToLogsOnError' ? 'FallbackToLogsOnError' : 'File',
  };
}
