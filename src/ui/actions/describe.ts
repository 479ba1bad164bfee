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
  { kind: 'uncordon', label: 'Uncordon the node' },
  { kind: 'drain', label: 'Drain the node' },
  { kind: 'scale', label: 'Scale a workload (kubectl scale)' },
  { kind: 'setImage', label: 'Set image (a rollout)' },
  { kind: 'rollback', label: 'Deployment: roll back (rollout undo)' },
  { kind: 'pauseRollout', label: 'Deployment: pause the rollout' },
  { kind: 'resumeRollout', label: 'Deployment: resume the rollout' },
] as const satisfies ReadonlyArray<{ kind: SimActionKind; label: string }>;

/** The kinds the form offers. */
export type FormKind = (typeof ACTION_KINDS)[number]['kind'];

const NODE_STATE: Record<'Ready' | 'NotReady' | 'Unreachable', (node: string) => string> = {
  Ready: (node) => `${node} reports Ready again`,
  NotReady: (node) => `the kubelet reports ${node} NotReady`,
  Unreachable: (node) => `${node} becomes unreachable (the kubelet stops posting status)`,
};

/** `the node` when the action names none (the scenario's first node), `node node-2` when it does. */
const theNode = (node: string | undefined): string => (node ? `node ${node}` : 'the node');
const named = (node: string | undefined): string => (node ? ` ${node}` : '');

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
      return NODE_STATE[a.state](theNode(a.node));
    case 'nodePressure':
      return `${theNode(a.node)} comes under ${a.resource === 'pid' ? 'PID' : a.resource} pressure`;
    case 'cordon':
      return `kubectl cordon${named(a.node)} (the node is marked unschedulable)`;
    case 'uncordon':
      return `kubectl uncordon${named(a.node)} (the node is schedulable again)`;
    case 'drain':
      return `kubectl drain${named(a.node)} --ignore-daemonsets (cordon, then evict the pods)`;
    case 'scale':
      return a.deployment !== undefined
        ? `kubectl scale deployment/${a.deployment} --replicas=${a.replicas}`
        : a.statefulSet !== undefined
          ? `kubectl scale statefulset ${a.statefulSet} --replicas=${a.replicas}`
          : `kubectl scale replicaset ${a.replicaSet ?? ''} --replicas=${a.replicas}`;
    case 'setImage': {
      const target =
        a.statefulSet !== undefined
          ? `statefulset/${a.statefulSet}`
          : a.daemonSet !== undefined
            ? `daemonset/${a.daemonSet}`
            : `deployment/${a.deployment ?? ''}`;
      return `kubectl set image ${target} ${a.container}=${a.image}`;
    }
    case 'rollback':
      return `kubectl rollout undo deployment/${a.deployment}${a.toRevision !== undefined ? ` --to-revision=${a.toRevision}` : ''}`;
    case 'pauseRollout':
      return `kubectl rollout pause deployment/${a.deployment}`;
    case 'resumeRollout':
      return `kubectl rollout resume deployment/${a.deployment}`;
    case 'addNode':
      return `node ${a.node.name} joins the cluster`;
    case 'removeNode':
      return `kubectl delete node ${a.node} (its kubelet stops)`;
    default: {
      // Kinds other branches add: named by their kind until described here.
      const other: { kind: string } = a;
      return other.kind;
    }
  }
}

/** When an action happens, to the tenth of a second (an action taken at an event's instant is 1 ms after it). */
export function actionClock(a: SimAction): string {
  return formatClock(Math.round(a.at * 10) * 100);
}
