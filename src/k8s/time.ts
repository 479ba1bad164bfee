/**
 * Virtual time ↔ Kubernetes timestamps. Virtual time is milliseconds since the scenario started;
 * it is pinned to a fixed epoch so that timestamps in `-o yaml` are the same on every run.
 * metav1.Time serialises at one-second precision (RFC 3339), and so do we.
 */
export const SIM_EPOCH_MS = Date.UTC(2025, 0, 1, 9, 0, 0);

export function kubeTime(tMs: number): string {
  const second = Math.floor(tMs / 1000);
  let text = stamps.get(second);
  if (text === undefined) {
    text = new Date(SIM_EPOCH_MS + second * 1000).toISOString().replace('.000Z', 'Z');
    // Every object snapshot stamps its times: a run asks for the same few thousand seconds again and again.
    if (stamps.size >= MAX_STAMPS) stamps.clear();
    stamps.set(second, text);
  }
  return text;
}

const MAX_STAMPS = 10_000;
const stamps = new Map<number, string>();

/** Virtual milliseconds of a Kubernetes timestamp written by kubeTime. */
export function virtualMs(time: string): number {
  return Date.parse(time) - SIM_EPOCH_MS;
}
