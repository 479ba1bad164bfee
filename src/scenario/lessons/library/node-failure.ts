import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: lonely
spec:
  containers:
  - name: web
    image: nginx:1.29
`;

export const nodeFailure: Lesson = {
  id: 'node-failure',
  title: 'When a node is lost',
  topic: 'Node failure and the Unknown phase',
  goal: 'Follow a lost node: Ready=Unknown after the grace period, eviction after 300 s, and why a controller must make the replacement.',
  scenario: lessonScenario('When a node is lost', manifest, [{ at: 30, kind: 'setNodeState', state: 'Unreachable' }]),
  untilMs: seconds(420),
  panes: ['statechart', 'kubectl', 'events', 'timeline'],
  misconception: {
    belief: 'When a node dies, Kubernetes moves its Pods to another node.',
    reality: 'A Pod is bound to one node for life. It is deleted after the toleration expires; only a controller (Deployment, StatefulSet, Job...) creates a new Pod elsewhere.',
  },
  steps: [
    {
      id: 'running',
      at: { status: 'Running' },
      narration: 'A bare Pod, no controller owns it (no ownerReferences in `kubectl get pod lonely -o yaml`). It runs on node-1.',
      focus: { pane: 'kubectl', kubectl: 'yaml' },
    },
    {
      id: 'silent',
      at: { t: seconds(30) },
      narration:
        'At 30 s node-1 stops reporting (think: network cable pulled). nginx keeps running on the node, but the API server hears nothing from its kubelet.',
      focus: { machine: 'node', pane: 'statechart' },
      question: {
        prompt: 'What will `kubectl get pods` show 30 s from now?',
        kind: 'statusAt',
        atOffsetMs: seconds(30),
        choices: ['Running', 'Unknown', 'Terminating', 'Error'],
        explain:
          'The API server keeps the last status the kubelet posted: still Running. Nothing changes until the node controller decides the node is lost (watch the node machine on the statechart).',
      },
    },
    {
      id: 'not-ready',
      at: onEvent('NodeNotReady'),
      narration:
        'No status for the node monitor grace period: the node controller sets the node\'s Ready condition to Unknown, taints it node.kubernetes.io/unreachable:NoExecute, and marks the Pod Ready=False (event NodeNotReady). A Service would stop sending it traffic.',
      focus: { machine: 'node', pane: 'events' },
      question: {
        prompt: 'And what does the READY column say now?',
        kind: 'readyAt',
        choices: ['0/1', '1/1'],
        explain:
          'READY counts containerStatuses[].ready, which only the (unreachable) kubelet updates: it still says 1/1. The Pod\'s Ready condition is False, though: compare `kubectl describe pod lonely` Conditions.',
      },
    },
    {
      id: 'evicted',
      at: onEvent('TaintManagerEviction'),
      narration:
        'The Pod tolerated the unreachable taint for 300 s (tolerationSeconds added by the DefaultTolerationSeconds admission plugin). Now the taint eviction controller deletes it, adding the DisruptionTarget condition.',
      focus: { pane: 'kubectl', kubectl: 'describe' },
      question: {
        prompt: 'What STATUS does kubectl print for the deleted Pod on the lost node?',
        kind: 'statusAt',
        choices: ['Terminating', 'Unknown', 'Failed', 'NotFound'],
        explain:
          'kubectl prints Unknown only when a deleted Pod has status.reason NodeLost. Today\'s taint eviction does not set that reason (older node controllers did), so it prints Terminating. The phase field still says Running: the Unknown phase means "the node cannot report", and nothing here writes it.',
      },
    },
    {
      id: 'stuck',
      at: onEvent('TaintManagerEviction', {}, seconds(30)),
      narration:
        'The Pod stays Terminating: only its kubelet can confirm the containers stopped, and it is unreachable. Nobody recreates it on another node. That is why you run Pods under a controller: a Deployment\'s ReplicaSet would already have created a replacement Pod.',
      focus: { pane: 'kubectl', kubectl: 'watch' },
    },
  ],
  tryThis: [
    {
      label: 'Tolerate the unreachable node for 60 s only',
      apply: {
        manifestReplace: [
          ['spec:\n  containers:', 'spec:\n  tolerations:\n  - key: node.kubernetes.io/unreachable\n    operator: Exists\n    effect: NoExecute\n    tolerationSeconds: 60\n  containers:'],
        ],
      },
    },
    { label: 'The node comes back at 200 s', apply: { addActions: [{ at: 200, kind: 'setNodeState', state: 'Ready' }] } },
  ],
};
