/**
 * `kubectl describe pod`: a port of describePod (k8s.io/kubectl/pkg/describe, kubectl 1.36) with
 * its tabwriter (minwidth 0, padding 2). Ages are relative to the virtual time `nowMs`.
 */
import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import type { SimEvent } from '../events';
import { virtualMs } from '../time';
import { describeContainers } from './describe-containers';
import { describeVolumes } from './describe-volumes';
import { ageSince } from './duration';
import { aggregateEvents, eventsSection } from './events-table';
import { podQosClass } from './qos';
import { DESCRIBE_TABWRITER, tabbed } from './tabwriter';
import { rfc1123z } from './timefmt';

/** corev1.LastAppliedConfigAnnotation, which describe leaves out. */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** printLabelsMultiline. */
function labels(title: string, map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).sort(byString);
  if (keys.length === 0) return `${title}:\t<none>\n`;
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${map![k]}\n`).join('');
}

/** printAnnotationsMultiline: long or multi-line values go on their own indented lines. */
function annotations(map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort(byString);
  if (keys.length === 0) return 'Annotations:\t<none>\n';
  const shorten = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n)}...` : s);
  let s = 'Annotations:\t';
  keys.forEach((key, i) => {
    if (i !== 0) s += '\t';
    const value = map![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      s += `${key}:\n`;
      for (const line of value.split('\n')) s += `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`;
    } else {
      s += `${key}: ${value}\n`;
    }
  });
  return s;
}

/** printTolerationsMultilineWithIndent. */
function tolerations(list: Toleration[] | undefined): string {
  const sorted = [...(list ?? [])].sort((a, b) => byString(a.key ?? '', b.key ?? ''));
  if (sorted.length === 0) return 'Tolerations:\t<none>\n';
  return sorted
    .map((t, i) => {
      let s = `${i === 0 ? 'Tolerations:' : ''}\t${t.key ?? ''}`;
      if (t.value) s += `=${t.value}`;
      if (t.effect) s += `:${t.effect}`;
      if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
      if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
        s += ` for ${t.tolerationSeconds}s`;
      return `${s}\n`;
    })
    .join('');
}

function conditionTable(title: string, rows: Array<[string, string]>): string {
  return `${title}:\n  Type\tStatus\n` + rows.map(([type, status]) => `  ${type} \t${status} \n`).join('');
}

export function describePod(pod: Pod, events: SimEvent[], nowMs: number): string {
  const meta = pod.metadata ?? {};
  const spec = pod.spec;
  const status = pod.status ?? {};
  let s = `Name:\t${meta.name ?? ''}\nNamespace:\t${meta.namespace ?? ''}\n`;
  if (spec?.priority !== undefined) s += `Priority:\t${spec.priority}\n`;
  if (spec?.priorityClassName) s += `Priority Class Name:\t${spec.priorityClassName}\n`;
  if (spec?.runtimeClassName) s += `Runtime Class Name:\t${spec.runtimeClassName}\n`;
  if (spec?.serviceAccountName) s += `Service Account:\t${spec.serviceAccountName}\n`;
  s += spec?.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n';
  if (status.startTime) s += `Start Time:\t${rfc1123z(status.startTime)}\n`;
  s += labels('Labels', meta.labels) + annotations(meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    s += `Status:\tTerminating (lasts ${ageSince(virtualMs(meta.deletionTimestamp), nowMs)})\n`;
    const grace = meta.deletionGracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? 30;
    s += `Termination Grace Period:\t${grace}s\n`;
  } else {
    s += `Status:\t${status.phase ?? ''}\n`;
  }
  if (status.reason) s += `Reason:\t${status.reason}\n`;
  if (status.message) s += `Message:\t${status.message}\n`;
  const seccomp = spec?.securityContext?.seccompProfile;
  if (seccomp) {
    s += `SeccompProfile:\t${seccomp.type}\n`;
    if (seccomp.type === 'Localhost') s += `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`;
  }
  s += `IP:\t${status.podIP ?? ''}\n`;
  const ips = status.podIPs ?? [];
  s += ips.length === 0 ? 'IPs:\t<none>\n' : 'IPs:\n' + ips.map((ip) => `  IP:\t${ip.ip}\n`).join('');
  const controller = (meta.ownerReferences ?? []).find((o) => o.controller === true);
  if (controller) s += `Controlled By:\t${controller.kind}/${controller.name}\n`;
  if (status.nominatedNodeName) s += `NominatedNodeName:\t${status.nominatedNodeName}\n`;
  if ((spec?.initContainers ?? []).length > 0) {
    s += describeContainers('Init Containers', pod, spec?.initContainers ?? [], status.initContainerStatuses);
  }
  s += describeContainers('Containers', pod, spec?.containers ?? [], status.containerStatuses);
  const ephemeral = spec?.ephemeralContainers ?? [];
  if (ephemeral.length > 0)
    s += describeContainers('Ephemeral Containers', pod, ephemeral, status.ephemeralContainerStatuses);
  const gates = spec?.readinessGates ?? [];
  if (gates.length > 0) {
    const rows = gates.map((g): [string, string] => [
      g.conditionType,
      (status.conditions ?? []).find((c) => c.type === g.conditionType)?.status ?? '<none>',
    ]);
    s += conditionTable('Readiness Gates', rows);
  }
  const conditions = status.conditions ?? [];
  if (conditions.length > 0)
    s += conditionTable(
      'Conditions',
      conditions.map((c): [string, string] => [c.type, c.status]),
    );
  s += describeVolumes(spec?.volumes);
  s += `QoS Class:\t${podQosClass(pod)}\n`;
  s += labels('Node-Selectors', spec?.nodeSelector);
  s += tolerations(spec?.tolerations);
  const podEvents = events.filter((e) => e.object === `pod/${meta.name ?? ''}`);
  s += eventsSection(aggregateEvents(podEvents, nowMs), nowMs);
  return tabbed(s, DESCRIBE_TABWRITER);
}
