/** `kubectl logs POD -c NAME [--previous]` from trace.logs at the cursor. */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Trace } from '../../engine/trace-types';

export function logsAt(trace: Trace, pod: Pod | undefined, container: string, tMs: number, previous: boolean): string {
  const name = pod?.metadata?.name;
  if (!name) return 'Error from server (NotFound): pods not found\n';
  const lines = (trace.logs[`${name}/${container}`] ?? []).filter((l) => l.t <= tMs);
  const instances = [...new Set(lines.map((l) => l.instance))].sort((a, b) => a - b);
  const status = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === container);
  if (!status) return `Error from server (BadRequest): container "${container}" in pod "${name}" is waiting to start: ContainerCreating\n`;
  const current = instances[instances.length - 1];
  if (previous) {
    if ((status.restartCount ?? 0) === 0) {
      return `Error from server (BadRequest): previous terminated container "${container}" in pod "${name}" not found\n`;
    }
    // The instance before the latest one that ran (or the latest, while the next is still being created).
    const prev = status.state?.running || status.state?.terminated ? instances[instances.length - 2] : current;
    return render(lines.filter((l) => l.instance === prev));
  }
  if (status.state?.waiting && !status.lastState?.terminated) {
    return `Error from server (BadRequest): container "${container}" in pod "${name}" is waiting to start: ${status.state.waiting.reason ?? 'ContainerCreating'}\n`;
  }
  if (status.state?.waiting) return render(lines.filter((l) => l.instance === current));
  return render(lines.filter((l) => l.instance === current));
}

function render(lines: Array<{ text: string }>): string {
  return lines.map((l) => (l.text.endsWith('\n') ? l.text : `${l.text}\n`)).join('');
}
