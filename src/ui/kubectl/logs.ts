/**
 * `kubectl logs POD [-c NAME] [--previous]` at the cursor, from trace.logs. Container instances are
 * numbered from 1 as the kubelet creates them; restartCount counts the dead ones. The kubelet reads
 * the newest instance (while the next waits in back-off that is the dead one), `--previous` the one
 * before it.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { Trace } from '../../engine/trace-types';

/** The newest container instance the kubelet has created, 0 when none. */
export function latestInstance(status: ContainerStatus): number {
  const restarts = status.restartCount ?? 0;
  if (status.state?.running || status.state?.terminated) return restarts + 1;
  return status.lastState?.terminated ? restarts : 0;
}

export function logsAt(trace: Trace, pod: Pod, container: string, tMs: number, previous: boolean): string {
  const name = pod.metadata?.name ?? '';
  const status = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ].find((s) => s.name === container);
  const latest = status ? latestInstance(status) : 0;
  const wanted = previous ? latest - 1 : latest;
  if (wanted < 1) {
    if (previous)
      return `Error from server (BadRequest): previous terminated container "${container}" in pod "${name}" not found\n`;
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
    return `Error from server (BadRequest): container "${container}" in pod "${name}" is waiting to start: ${reason}\n`;
  }
  return (trace.logs[`${name}/${container}`] ?? [])
    .filter((l) => l.instance === wanted && l.t <= tMs)
    .map((l) => (l.text.endsWith('\n') ? l.text : `${l.text}\n`))
    .join('');
}
