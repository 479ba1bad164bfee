import { defaultNodeAt } from '../../validate-node';
import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.29
        readinessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: 5
`;

/** Three equal nodes with nginx already cached, so the Pods start at once. */
const nodes = [0, 1, 2].map((i) => ({ ...defaultNodeAt(i), cachedImages: ['nginx:1.29'] }));

export const lostNode: Lesson = {
  id: 'lost-node',
  title: 'A lost node: who moves the Pods?',
  topic: 'Several nodes, node failure and controllers',
  goal: 'Say how long a Deployment takes to replace the Pod of a lost node, why, and what happens to the old Pod.',
  scenario: {
    ...lessonScenario('A lost node: who moves the Pods?', manifest, [{ at: 30, kind: 'setNodeState', node: 'node-2', state: 'Unreachable' }]),
    node: nodes[0],
    nodes,
  },
  untilMs: seconds(480),
  panes: ['cluster', 'statechart', 'events', 'kubectl'],
  misconception: {
    belief: 'When a node dies, Kubernetes moves its Pods to another node within seconds.',
    reality:
      'Nothing is moved. The control plane first waits for the node (50 s), then for the Pods\u2019 300 s toleration of the unreachable taint; only when a Pod is deleted does its controller create a new one, which the scheduler places on a healthy node.',
  },
  steps: [
    {
      id: 'spread',
      at: { t: seconds(10) },
      narration:
        'Three nodes, a Deployment of three nginx Pods. The Cluster view shows each node with its Pods (`kubectl get pods -o wide` says the same): where did the scheduler put them?',
      focus: { pane: 'cluster' },
      question: {
        prompt: 'How did the scheduler place the three Pods?',
        kind: 'choice',
        choices: ['One on each node', 'All on node-1', 'Two on node-1, one on node-2', 'At random, any way'],
        answer: 'One on each node',
        explain:
          'The scheduler scores every node that fits. For Pods of one controller its default topology spread constraint (by hostname) favours the node with the fewest of them, and LeastAllocated favours the emptiest node: one Pod per node.',
      },
    },
    {
      id: 'silent',
      at: { t: seconds(30) },
      narration: 'At 30 s node-2 stops reporting: its kubelet is cut off (think of a pulled network cable). Its nginx may still be serving; nobody can tell.',
      focus: { machine: 'node', name: 'node-2', pane: 'statechart' },
      question: {
        prompt: 'When does the Deployment get a replacement for the Pod on node-2?',
        kind: 'choice',
        choices: ['At once', 'After 50 s', 'After about 350 s', 'Never: it waits for node-2'],
        answer: 'After about 350 s',
        explain:
          'The node controller waits the node monitor grace period (50 s) before it calls the node lost; then the Pod tolerates the unreachable taint for 300 s (tolerationSeconds added at admission). Only the deletion at 30 + 50 + 300 = 380 s makes the ReplicaSet count one Pod short.',
      },
    },
    {
      id: 'not-ready',
      at: onEvent('NodeNotReady'),
      narration:
        'Node-2\u2019s Ready condition is now Unknown and it is tainted unreachable (NoSchedule and NoExecute). Its Pod is marked Ready=False, so a Service would stop routing to it. The Deployment still counts it: it is not being deleted.',
      focus: { machine: 'node', name: 'node-2', pane: 'events' },
    },
    {
      id: 'evicted',
      at: onEvent('TaintManagerEviction'),
      narration: 'The 300 s toleration is over: the taint eviction controller deletes the Pod. The ReplicaSet sees two live Pods and creates a third.',
      focus: { pane: 'events' },
      question: {
        prompt: 'Where does the scheduler put the new Pod?',
        kind: 'choice',
        choices: ['node-2, where the old one was', 'node-1 or node-3', 'Nowhere: it stays Pending'],
        answer: 'node-1 or node-3',
        explain:
          'node-2 carries node.kubernetes.io/unreachable:NoSchedule, which the new Pod does not tolerate, so the TaintToleration filter drops it. Of the two nodes left, the scorer picks one; a Pod never goes back to a node because an older Pod lived there.',
      },
    },
    {
      id: 'stuck',
      at: onEvent('TaintManagerEviction', {}, seconds(60)),
      narration:
        'Three Pods serve again, on two nodes. The old Pod still shows Terminating (see `get all`): only node-2\u2019s kubelet could confirm its containers stopped. It goes when node-2 comes back, or when someone deletes node-2 (then PodGC removes it after 40 s).',
      focus: { pane: 'kubectl', kubectl: 'all' },
    },
  ],
  tryThis: [
    { label: 'node-2 comes back at 200 s', apply: { addActions: [{ at: 200, kind: 'setNodeState', node: 'node-2', state: 'Ready' }] } },
    { label: 'Delete node-2 at 100 s (kubectl delete node)', apply: { removeActionKinds: ['setNodeState'], addActions: [{ at: 100, kind: 'removeNode', node: 'node-2' }] } },
    {
      label: 'Tolerate the unreachable node for 30 s only',
      apply: {
        manifestReplace: [
          ['    spec:\n      containers:', '    spec:\n      tolerations:\n      - key: node.kubernetes.io/unreachable\n        operator: Exists\n        effect: NoExecute\n        tolerationSeconds: 30\n      containers:'],
        ],
      },
    },
  ],
};
