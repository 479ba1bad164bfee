import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: hello
spec:
  containers:
  - name: web
    image: nginx:1.29
  - name: helper
    image: busybox:1.37
    command: ["sh", "-c", "echo helper up; sleep 3600"]
`;

export const podBasics: Lesson = {
  id: 'pod-basics',
  title: 'What a Pod is',
  topic: 'Pods',
  goal: 'Say what a Pod is: one instance of an app, one or more containers that live and die together.',
  scenario: lessonScenario('What a Pod is', manifest, [{ at: 60, kind: 'deletePod' }]),
  untilMs: seconds(120),
  panes: ['kubectl', 'timeline', 'events'],
  misconception: {
    belief: 'A Pod is a container.',
    reality: 'A Pod wraps one or more containers that share a node, an IP and volumes; it is the unit Kubernetes schedules, and it is never moved or revived.',
  },
  steps: [
    {
      id: 'one-object',
      at: { t: 0 },
      narration:
        'This manifest is one Pod with two containers, web (nginx) and helper (busybox). In `kubectl get pods` it is one row: READY counts its containers (0/2 for now).',
      focus: { pane: 'kubectl', kubectl: 'watch' },
    },
    {
      id: 'scheduled',
      at: onEvent('Scheduled'),
      narration:
        'The scheduler bound the whole Pod to node-1. The containers of a Pod always run together on the same node: you never schedule a container alone. `kubectl get pods -w` printed Pending a second time for it: the binding is a write of its own, though no column it shows changes.',
      focus: { machine: 'pod', pane: 'statechart' },
      question: {
        prompt: 'The Pod is bound to node-1. What does the kubelet record next?',
        kind: 'nextEventReason',
        choices: ['Pulling', 'Started', 'Created', 'Killing'],
        explain:
          'Before a container can start, its image must be on the node: the next event is Pulling for web. Follow the events list: Pulling, Pulled, Created, Started, once per container.',
      },
    },
    {
      id: 'running',
      at: { status: 'Running' },
      narration:
        'Both containers run: STATUS Running, READY 2/2. The Pod is one instance of your app. To run three instances you make three Pods (a Deployment does that), not three containers in one Pod.',
      focus: { pane: 'kubectl', kubectl: 'watch' },
      question: {
        prompt: 'What does the READY column show now?',
        kind: 'readyAt',
        choices: ['1/1', '1/2', '2/2', '2/1'],
        explain: 'READY is ready containers / containers of the Pod. Both web and helper are running and have no readiness probe, so both count as ready: 2/2.',
      },
    },
    {
      id: 'deleted',
      at: onEvent('Killing', { container: 'web' }),
      narration:
        'At 60 s we ran `kubectl delete pod hello`. The kubelet stops both containers (Killing): a Pod ends as a whole. helper is a shell that ignores TERM, so it holds on until the grace period ends.',
      focus: { pane: 'timeline' },
      question: {
        prompt: 'What will `kubectl get pods` show 5 seconds after the delete?',
        kind: 'statusAt',
        atOffsetMs: seconds(5),
        choices: ['Running', 'Terminating', 'Completed', 'NotFound'],
        explain:
          'The Pod has a deletionTimestamp but helper is still running (it ignores TERM), so STATUS is Terminating until the kubelet kills it at the end of the 30 s grace period.',
      },
    },
    {
      id: 'gone',
      at: { status: 'NotFound' },
      narration:
        'The Pod object is gone and nothing brings it back: Pods are ephemeral. Applying the manifest again would make a new Pod, with a new UID and a new IP. Replacing Pods is the job of controllers such as Deployments.',
      focus: { pane: 'events' },
    },
  ],
  tryThis: [
    {
      label: 'Delete with --grace-period=5',
      apply: { removeActionKinds: ['deletePod'], addActions: [{ at: 60, kind: 'deletePod', gracePeriodSeconds: 5 }] },
    },
    {
      label: 'Let helper handle TERM (trap)',
      apply: { manifestReplace: [['echo helper up; sleep 3600', "trap 'exit 0' TERM; echo helper up; while true; do sleep 1; done"]] },
    },
  ],
};
