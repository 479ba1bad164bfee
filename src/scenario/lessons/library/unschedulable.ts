import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: too-big
spec:
  containers:
  - name: app
    image: nginx:1.29
    resources:
      requests:
        memory: 8Gi
`;

export const unschedulable: Lesson = {
  id: 'unschedulable',
  title: 'An unschedulable Pod',
  topic: 'Pod conditions',
  goal: 'Diagnose a Pod stuck in Pending: FailedScheduling, and PodScheduled=False with reason Unschedulable.',
  scenario: lessonScenario('An unschedulable Pod', manifest),
  untilMs: seconds(60),
  panes: ['kubectl', 'events'],
  misconception: {
    belief: 'Unschedulable is a Pod condition type.',
    reality: 'The condition type is PodScheduled; Unschedulable is the reason it gives when its status is False.',
  },
  steps: [
    {
      id: 'failed-scheduling',
      at: onEvent('FailedScheduling'),
      narration:
        'The scheduler found no node: `0/1 nodes are available: 1 Insufficient memory.` The Pod asks for 8Gi; node-1 has 4Gi allocatable. See the Warning in the events list.',
      focus: { pane: 'events' },
      question: {
        prompt: 'What does `kubectl get pods` show in STATUS?',
        kind: 'statusAt',
        choices: ['Pending', 'Unschedulable', 'Failed', 'ContainerCreating'],
        explain: 'The phase is Pending and nothing else has happened, so STATUS is Pending. The why is in `kubectl describe pod too-big`: Conditions and Events.',
      },
    },
    {
      id: 'condition',
      at: { condition: { type: 'PodScheduled', status: 'False' } },
      narration:
        '`kubectl describe pod too-big`, Conditions: PodScheduled False. In the YAML: reason Unschedulable, and the scheduler\'s message. No other condition exists yet: no node has taken the Pod.',
      focus: { pane: 'kubectl', kubectl: 'describe' },
      question: {
        prompt: 'Which condition type tells you the Pod cannot be placed?',
        kind: 'choice',
        choices: ['Unschedulable', 'PodScheduled', 'Ready', 'Initialized'],
        answer: 'PodScheduled',
        explain: 'The condition is PodScheduled with status False; Unschedulable is its reason field. Look at status.conditions in `kubectl get pod too-big -o yaml`.',
      },
    },
    {
      id: 'waiting',
      at: { t: seconds(50) },
      narration:
        'Nothing else happens: no pull, no container, no node. The Pod waits until the cluster changes (a bigger node, a smaller request); it never fails on its own.',
      focus: { pane: 'kubectl', kubectl: 'watch' },
      question: {
        prompt: 'How many restarts does it show?',
        kind: 'restartCountAt',
        choices: ['0', '1', '5'],
        explain: 'No container was ever created, so there is nothing to restart.',
      },
    },
  ],
  tryThis: [
    { label: 'Request 256Mi', apply: { manifestReplace: [['memory: 8Gi', 'memory: 256Mi']] } },
    { label: 'Give the node 16Gi', apply: { setNode: { capacity: { cpu: '2', memory: '16Gi', pods: '110' } } } },
  ],
};
