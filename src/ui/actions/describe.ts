/** Scenario actions in words: the list under the action form, timeline marks and the "Why?" card. */
import type { SimAction, SimActionKind } from '../../engine/input';
import { formatClock } from '../trace-utils';

/** What each kind of action is called in the form's menu. */
export const ACTION_KINDS = [
  { kind: 'deletePod', label: 'Delete the pod' },
  { kind: 'killContainer', label: 'Kill a container' },
  { kind: 'setEndpoint', label: 'Make an endpoint answer differently' },
  { kind: 'writeFile', label: 'Create a file in a container' },
  { kind: 'removeFile', label: 'Remove a file from a container' },
  { kind: 'setPodCondition', label: 'Set a readiness-gate condition' },
  { kind: 'setNodeState', label: 'Node: Ready / NotReady / Unreachable' },
  { kind: 'nodePressure', label: 'Node: resource pressure' },
  { kind: 'cordon', label: 'Cordon the node' },
  { kind: 'drain', label: 'Drain the node' },
] as const satisfies ReadonlyArray<{ kind: SimActionKind; label: string }>;

/** The kinds the form offers. */
export type FormKind = (typeof ACTION_KINDS)[number]['kind'];

const NODE_STATE: Record<'Ready' | 'NotReady' | 'Unreachable', string> = {
  Ready: 'the node reports Ready again',
  NotReady: 'the kubelet reports the node NotReady',
  Unreachable: 'the node becomes unreachable (the kubelet stops posting status)',
};

/** A short sentence for one action ("container app crashes with exit code 1"). */
export function describeAction(a: SimAction): string {
  switch (a.kind) {
    case 'deletePod':
      return `kubectl delete pod${a.pod ? ` ${a.pod}` : ''}${a.gracePeriodSeconds !== undefined ? ` --grace-period=${a.gracePeriodSeconds}` : ''}`;
    case 'killContainer':
      return a.how === 'oom'
        ? `container ${a.container} is OOM-killed`
        : `container ${a.container} crashes with exit code ${a.exitCode ?? 1}`;
    case 'setEndpoint':
      return `port ${a.port}${a.path ?? ''} of ${a.container} ${a.timeout ? 'stops answering (times out)' : `answers ${a.status ?? 200}`}`;
    case 'writeFile':
      return `create ${a.path} in ${a.container}${a.content ? ` containing "${a.content.length > 24 ? `${a.content.slice(0, 23)}…` : a.content}"` : ''}`;
    case 'removeFile':
      return `remove ${a.path} from ${a.container}`;
    case 'setPodCondition':
      return `set condition ${a.type} to ${a.status}`;
    case 'setNodeState':
      return NODE_STATE[a.state];
    case 'nodePressure':
      return `the node comes under ${a.resource === 'pid' ? 'PID' : a.resource} pressure`;
    case 'cordon':
      return 'kubectl cordon (the node is marked unschedulable)';
    case 'drain':
      return 'kubectl drain --ignore-daemonsets (cordon, then evict the pods)';
    default: {
      // Kinds that act on other objects than the pod and node (ReplicaSets, Deployments): handled here so
      // this file type-checks with and without them in SimAction.
      const other: { kind: string; replicaSet?: unknown; deployment?: unknown; statefulSet?: unknown; daemonSet?: unknown; replicas?: unknown; container?: unknown; image?: unknown; toRevision?: unknown } = a;
      const deploy = `deployment/${String(other.deployment)}`;
      switch (other.kind) {
        case 'scale':
          return other.deployment !== undefined
            ? `kubectl scale ${deploy} --replicas=${String(other.replicas)}`
            : other.statefulSet !== undefined
              ? `kubectl scale statefulset ${String(other.statefulSet)} --replicas=${String(other.replicas)}`
              : `kubectl scale replicaset ${String(other.replicaSet)} --replicas=${String(other.replicas)}`;
        case 'setImage': {
          const target = other.statefulSet !== undefined ? `statefulset/${String(other.statefulSet)}` : other.daemonSet !== undefined ? `daemonset/${String(other.daemonSet)}` : deploy;
          return `kubectl set image ${target} ${String(other.container)}=${String(other.image)}`;
        }
        case 'rollback':
          return `kubectl rollout undo ${deploy}${other.toRevision !== undefined ? ` --to-revision=${String(other.toRevision)}` : ''}`;
        case 'pauseRollout':
          return `kubectl rollout pause ${deploy}`;
        case 'resumeRollout':
          return `kubectl rollout resume ${deploy}`;
        default:
          return other.kind;
      }
    }
  }
}

/** When an action happens, to the tenth of a second (an action taken at an event's instant is 1 ms after it). */
export function actionClock(a: SimAction): string {
  return formatClock(Math.round(a.at * 10) * 100);
}
