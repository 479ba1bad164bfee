/**
 * Which pod the pod views follow (describe, -o yaml, logs, the Status pane, the pod's own timeline
 * lanes). A pod the person chose stays chosen, even at a cursor where it does not exist: the views
 * then say so and offer the pods that do. Without a choice it is the first pod of the run that
 * exists at the cursor, so after a rollout the views show a live pod rather than the run's first,
 * which the rollout deleted; the first pod of the run when none exists there.
 */
import type { Frame } from '../engine/trace-types';

/** The names of the pods in the API at this frame, in the order they were created. */
export function podsAt(frame: Frame | undefined): string[] {
  return (frame?.pods ?? []).map((p) => p.metadata?.name ?? '').filter(Boolean);
}

/** `names`: every pod of the run (podNames); `chosen`: the person's choice, '' for none. */
export function choosePod(names: readonly string[], chosen: string, frame: Frame | undefined): string {
  if (names.includes(chosen)) return chosen;
  const present = new Set(podsAt(frame));
  return names.find((n) => present.has(n)) ?? names[0] ?? '';
}
