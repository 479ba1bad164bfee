/**
 * The Init Containers / Containers sections of `kubectl describe pod`: describeContainers and its
 * helpers (describeContainerBasicInfo, describeContainerCommand, describeContainerState /
 * describeStatus, describeResources, describeContainerProbe, describeContainerEnvFrom,
 * describeContainerEnvVars, describeContainerVolumes) from k8s.io/kubectl/pkg/describe.
 * Output is tab-separated lines for the tabwriter, indented two spaces per level.
 */
import type {
  Container,
  ContainerPort,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Pod,
} from 'kubernetes-types/core/v1';
import { describeProbe } from './probe';
import { canonicalQuantity, parseQuantity } from './quantity';
import { rfc1123z } from './timefmt';

const L = (level: number): string => '  '.repeat(level);
const bool = (b: boolean | undefined): string => (b ? 'True' : 'False');

function ports(list: ContainerPort[] | undefined, pick: (p: ContainerPort) => number | undefined): string {
  return (list ?? [])
    .map((p) => {
      const s = `${pick(p) ?? 0}/${p.protocol ?? 'TCP'}`;
      return p.name ? `${s} (${p.name})` : s;
    })
    .join(', ');
}

function portLine(label: string, s: string): string {
  return s.includes(',') ? `${L(2)}${label}s:\t${s}\n` : `${L(2)}${label}:\t${s || '<none>'}\n`;
}

function describeStatus(name: string, state: ContainerState | undefined): string {
  if (state?.running)
    return `${L(2)}${name}:\tRunning\n${L(3)}Started:\t${rfc1123z(state.running.startedAt)}\n`;
  if (state?.waiting) {
    const reason = state.waiting.reason ? `${L(3)}Reason:\t${state.waiting.reason}\n` : '';
    return `${L(2)}${name}:\tWaiting\n${reason}`;
  }
  const t = state?.terminated;
  if (t) {
    let s = `${L(2)}${name}:\tTerminated\n`;
    if (t.reason) s += `${L(3)}Reason:\t${t.reason}\n`;
    if (t.message) s += `${L(3)}Message:\t${t.message}\n`;
    s += `${L(3)}Exit Code:\t${t.exitCode}\n`;
    if ((t.signal ?? 0) > 0) s += `${L(3)}Signal:\t${t.signal}\n`;
    s += `${L(3)}Started:\t${rfc1123z(t.startedAt)}\n`;
    s += `${L(3)}Finished:\t${rfc1123z(t.finishedAt)}\n`;
    return s;
  }
  return `${L(2)}${name}:\tWaiting\n`;
}

function resources(c: Container): string {
  let s = '';
  for (const [title, list] of [
    ['Limits', c.resources?.limits],
    ['Requests', c.resources?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) s += `${L(2)}${title}:\n`;
    for (const n of names) s += `${L(3)}${n}:\t${canonicalQuantity(list![n])}\n`;
  }
  return s;
}

/** fieldpath.ExtractFieldPathAsString for the paths the downward API allows. */
function fieldValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return (m[1] === 'labels' ? pod.metadata?.labels : pod.metadata?.annotations)?.[m[2]] ?? '';
  const fields: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
  };
  return fields[path] ?? '';
}

/** kubectl's resourcehelper.ExtractContainerResourceValue: ceil(quantity / divisor). */
function resourceValue(c: Container, resource: string, divisor: string | number | undefined): string {
  const [kind, name] = resource.split('.');
  const list = kind === 'limits' ? c.resources?.limits : c.resources?.requests;
  const q = parseQuantity(list?.[name] ?? '0')?.nano ?? 0n;
  const d = parseQuantity(divisor ?? '1')?.nano ?? 1_000_000_000n;
  if (d === 0n) return '';
  const v = q / d + (q % d === 0n ? 0n : 1n);
  return String(v);
}

function env(pod: Pod, c: Container): string {
  let s = '';
  if ((c.envFrom ?? []).length > 0) {
    s += `${L(2)}Environment Variables from:\n`;
    for (const e of c.envFrom ?? []) {
      const ref = e.configMapRef ?? e.secretRef;
      const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
      const opt = ref?.optional === true;
      const kind = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
      s += `${L(3)}${ref?.name ?? ''}\t${kind}\tOptional: ${opt}\n`;
    }
  }
  const vars: EnvVar[] = c.env ?? [];
  s += `${L(2)}Environment:${vars.length === 0 ? '\t<none>' : ''}\n`;
  for (const e of vars) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '').split('\n').forEach((line, i) => {
        s += i === 0 ? `${L(3)}${e.name}:\t${line}\n` : `${L(3)}\t${line}\n`;
      });
    } else if (from.fieldRef) {
      const f = from.fieldRef;
      s += `${L(3)}${e.name}:\t${fieldValue(pod, f.fieldPath)} (${f.apiVersion ?? 'v1'}:${f.fieldPath})\n`;
    } else if (from.resourceFieldRef) {
      const r = from.resourceFieldRef;
      let v = resourceValue(c, r.resource, r.divisor);
      if (v === '0' && (r.resource === 'limits.cpu' || r.resource === 'limits.memory'))
        v = 'node allocatable';
      s += `${L(3)}${e.name}:\t${v} (${r.resource})\n`;
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      s += `${L(3)}${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`;
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      s += `${L(3)}${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ''}'>\tOptional: ${r.optional === true}\n`;
    }
  }
  return s;
}

function mounts(c: Container): string {
  const list = [...(c.volumeMounts ?? [])].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  );
  let s = `${L(2)}Mounts:${list.length === 0 ? '\t<none>' : ''}\n`;
  for (const m of list) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    s += `${L(3)}${m.mountPath} from ${m.name} (${flags.join(',')})\n`;
  }
  const devices = [...(c.volumeDevices ?? [])].sort((a, b) => (a.devicePath < b.devicePath ? -1 : 1));
  if (devices.length > 0) {
    s += `${L(2)}Devices:${list.length === 0 ? '\t<none>' : ''}\n`;
    for (const d of devices) s += `${L(3)}${d.devicePath} from ${d.name}\n`;
  }
  return s;
}

function lines(label: string, items: string[] | undefined): string {
  if (!items || items.length === 0) return '';
  return (
    `${L(2)}${label}:\n` +
    items
      .flatMap((i) => i.split('\n'))
      .map((x) => `${L(3)}${x}\n`)
      .join('')
  );
}

function container(pod: Pod, c: Container, status: ContainerStatus | undefined): string {
  let s = `${L(1)}${c.name}:\n`;
  if (status) s += `${L(2)}Container ID:\t${status.containerID ?? ''}\n`;
  s += `${L(2)}Image:\t${c.image ?? ''}\n`;
  if (status) s += `${L(2)}Image ID:\t${status.imageID ?? ''}\n`;
  s += portLine(
    'Port',
    ports(c.ports, (p) => p.containerPort),
  );
  s += portLine(
    'Host Port',
    ports(c.ports, (p) => p.hostPort),
  );
  s += lines('Command', c.command) + lines('Args', c.args);
  if (status) {
    s += describeStatus('State', status.state);
    if (status.lastState?.terminated) s += describeStatus('Last State', status.lastState);
    s += `${L(2)}Ready:\t${bool(status.ready)}\n`;
    s += `${L(2)}Restart Count:\t${status.restartCount ?? 0}\n`;
  }
  s += resources(c);
  if (c.livenessProbe) s += `${L(2)}Liveness:\t${describeProbe(c.livenessProbe)}\n`;
  if (c.readinessProbe) s += `${L(2)}Readiness:\t${describeProbe(c.readinessProbe)}\n`;
  if (c.startupProbe) s += `${L(2)}Startup:\t${describeProbe(c.startupProbe)}\n`;
  return s + env(pod, c) + mounts(c);
}

export function describeContainers(
  label: string,
  pod: Pod,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
): string {
  const byName = new Map((statuses ?? []).map((st) => [st.name, st]));
  let s = `${label}:${containers.length === 0 ? ' <none>' : ''}\n`;
  for (const c of containers) s += container(pod, c, byName.get(c.name));
  return s;
}
