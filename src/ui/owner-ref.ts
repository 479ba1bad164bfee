/** The owner a view groups an object under: its controller reference, else its first owner. */
import type { OwnerReference } from 'kubernetes-types/meta/v1';

export function controllerOf(refs: OwnerReference[] | undefined): OwnerReference | undefined {
  return (refs ?? []).find((r) => r.controller) ?? refs?.[0];
}
