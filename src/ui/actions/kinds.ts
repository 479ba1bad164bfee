/** Which form handles each kind of action: on the chosen pod, on a node, on a workload controller. */
import type { FormKind } from './describe';

export type PodKind =
  'deletePod' | 'killContainer' | 'setEndpoint' | 'writeFile' | 'removeFile' | 'setPodCondition';
export type NodeKind = 'setNodeState' | 'nodePressure' | 'cordon' | 'uncordon' | 'drain';
export type WorkloadKind = 'scale' | 'setImage' | 'rollback' | 'pauseRollout' | 'resumeRollout';

const POD_KINDS: readonly string[] = [
  'deletePod',
  'killContainer',
  'setEndpoint',
  'writeFile',
  'removeFile',
  'setPodCondition',
];
const NODE_KINDS: readonly string[] = ['setNodeState', 'nodePressure', 'cordon', 'uncordon', 'drain'];
const WORKLOAD_KINDS: readonly string[] = ['scale', 'setImage', 'rollback', 'pauseRollout', 'resumeRollout'];

export const isPodKind = (k: FormKind): k is PodKind => POD_KINDS.includes(k);
export const isNodeKind = (k: FormKind): k is NodeKind => NODE_KINDS.includes(k);
export const isWorkloadKind = (k: FormKind): k is WorkloadKind => WORKLOAD_KINDS.includes(k);
