/**
 * `kubectl get nodes` rows, as printNode (pkg/printers/internalversion/printers.go) writes them:
 * STATUS from the Ready condition (`Ready`, or `Not` + `Ready` for False and Unknown alike),
 * `Unknown` only when the node has no Ready condition, `,SchedulingDisabled` when cordoned; ROLES
 * from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels (findNodeRoles).
 */
import type { Node } from 'kubernetes-types/core/v1';
import { ageOf, type KindTable } from './get-table';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort().join(',') || '<none>';
}

/** printNode. */
export function nodeTable(items: readonly Node[], nowMs: number): KindTable {
  return {
    groupKind: 'node',
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    rows: items.map((n) => [
      n.metadata?.name ?? '',
      nodeStatus(n),
      nodeRoles(n),
      ageOf(n.metadata?.creationTimestamp, nowMs),
      n.status?.nodeInfo?.kubeletVersion ?? '',
    ]),
  };
}
