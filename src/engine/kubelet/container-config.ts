/**
 * What the kubelet hands the runtime: volumes for the sandbox, and per container its environment
 * (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables: fieldRef, resourceFieldRef, `$(VAR)`
 * expansion per third_party/forked/golang/expansion) and command/args with `$(VAR)` expanded.
 */
import type { Container, EnvVar, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../k8s';
import type { ContainerConfig, ImageInfo, SandboxConfig } from '../../runtime/sandbox-types';

/** The pod's downward API fields (fieldRef.fieldPath → value). */
export function downwardFields(pod: Pod, extra: { uid: string; nodeName: string; podIP?: string; hostIP: string }): Record<string, string> {
  const meta = pod.metadata ?? {};
  const fields: Record<string, string> = {
    'metadata.name': meta.name ?? '',
    'metadata.namespace': meta.namespace ?? 'default',
    'metadata.uid': extra.uid,
    'metadata.labels': Object.entries(meta.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n'),
    'metadata.annotations': Object.entries(meta.annotations ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n'),
    'spec.nodeName': extra.nodeName,
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

export function podVolumes(pod: Pod, fields: Record<string, string>): SandboxConfig['volumes'] {
  const volumes: SandboxConfig['volumes'] = {};
  for (const v of pod.spec?.volumes ?? []) {
    if (v.emptyDir) volumes[v.name] = { kind: 'emptyDir', medium: v.emptyDir.medium === 'Memory' ? 'Memory' : '' };
    else if (v.hostPath) volumes[v.name] = { kind: 'hostPath', path: v.hostPath.path };
    else if (v.configMap) volumes[v.name] = { kind: 'configMap', files: {} };
    else if (v.secret) volumes[v.name] = { kind: 'secret', files: {} };
    else if (v.downwardAPI) {
      const files: Record<string, string> = {};
      for (const item of v.downwardAPI.items ?? []) if (item.fieldRef) files[item.path] = fields[item.fieldRef.fieldPath] ?? '';
      volumes[v.name] = { kind: 'downwardAPI', files };
    } else if (v.projected) volumes[v.name] = { kind: 'secret', files: { token: 'eyJhbGciOiJSUzI1NiJ9.simulated', namespace: fields['metadata.namespace'], 'ca.crt': '' } };
    else volumes[v.name] = { kind: 'emptyDir' };
  }
  return volumes;
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
function resourceValue(container: Container, resource: string, divisor: string | undefined, allocatable: Record<string, string>): string {
  const [kind, name] = resource.split('.') as ['limits' | 'requests', string];
  const set = container.resources?.[kind]?.[name];
  const raw = set ?? (kind === 'limits' ? allocatable[name] : '0') ?? '0';
  const value = parseQuantity(raw) / parseQuantity(divisor ?? '1');
  return String(Math.ceil(value));
}

function envValue(e: EnvVar, container: Container, env: Record<string, string>, fields: Record<string, string>, allocatable: Record<string, string>): string | undefined {
  if (e.value !== undefined) return expandVars(e.value, env);
  const from = e.valueFrom;
  if (!from) return '';
  if (from.fieldRef) return fields[from.fieldRef.fieldPath] ?? '';
  if (from.resourceFieldRef) {
    const target = from.resourceFieldRef.containerName ? undefined : container;
    return resourceValue(target ?? container, from.resourceFieldRef.resource, from.resourceFieldRef.divisor, allocatable);
  }
  // configMapKeyRef / secretKeyRef: the scenario defines no ConfigMaps or Secrets yet.
  return undefined;
}

export function containerEnv(container: Container, fields: Record<string, string>, allocatable: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) {
    const value = envValue(e, container, env, fields, allocatable);
    if (value !== undefined) env[e.name] = value;
  }
  return env;
}

export function containerConfig(
  container: Container,
  image: ImageInfo,
  fields: Record<string, string>,
  allocatable: Record<string, string>,
): ContainerConfig {
  const env = containerEnv(container, fields, allocatable);
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
