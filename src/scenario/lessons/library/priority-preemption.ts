import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: low
value: 1000
description: Batch work that can wait.
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000000
description: The service that must run.
---
apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  priorityClassName: low
  containers:
  - name: work
    image: busybox:1.37
    command: ["sh", "-c", "trap 'echo saving; sleep 3; exit 0' TERM; echo working; while true; do sleep 1; done"]
    resources:
      requests:
        cpu: 1500m
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: critical
spec:
  replicas: 0
  selector:
    matchLabels: { app: critical }
  template:
    metadata:
      labels: { app: critical }
    spec:
      priorityClassName: high
      containers:
      - name: api
        image: nginx:1.29
        resources:
          requests:
            cpu: "1"
`;

export const priorityPreemption: Lesson = {
  id: 'priority-preemption',
  title: 'Priority and preemption',
  topic: 'Scheduling',
  goal: 'Explain how a higher-priority Pod that fits nowhere gets a node: the scheduler preempts lower-priority Pods, gracefully, and waits for them.',
  scenario: lessonScenario('Priority and preemption', manifest, [{ at: 20, kind: 'scale', deployment: 'critical', replicas: 1 }]),
  untilMs: seconds(45),
  panes: ['kubectl', 'events', 'timeline'],
  misconception: {
    belief: 'A higher-priority Pod kills lower-priority containers on the spot.',
    reality:
      'The scheduler deletes its victims like any deletion: each gets its grace period and its preStop hook. The preemptor waits, nominated to the node, until they are gone.',
  },
  steps: [
    {
      id: 'batch-runs',
      at: onEvent('Started'),
      narration:
        'batch has PriorityClass low (priority 1000) and asks for 1.5 of node-1\'s 2 CPUs. A PriorityClass is a cluster object; admission copies its value into the Pod\'s spec.priority (see `kubectl describe pod batch`: Priority 1000).',
      focus: { pane: 'kubectl', kubectl: 'describe' },
    },
    {
      id: 'scaled',
      at: onEvent('ScalingReplicaSet'),
      narration:
        'At 20 s we scaled the Deployment critical to 1. Its Pod has PriorityClass high (priority 1000000) and asks for 1 CPU; node-1 has 0.5 left.',
      focus: { pane: 'events' },
      question: {
        prompt: 'What happens to batch?',
        kind: 'choice',
        choices: ['Nothing: critical waits for room', 'It is deleted to make room', 'It moves to another node', 'Its CPU is throttled'],
        answer: 'It is deleted to make room',
        explain:
          'The scheduler found no node for critical, then looked for lower-priority Pods whose removal would make it fit: batch. It marked batch (condition DisruptionTarget, reason PreemptionByScheduler), deleted it and recorded Preempted on it. Pods are never moved.',
      },
    },
    {
      id: 'preempted',
      at: onEvent('Preempted'),
      narration:
        'Preempted: batch was deleted with its own grace period, so its TERM trap saves its work. critical stays Pending with a FailedScheduling event, but it is nominated to node-1 (`kubectl describe pod` on it: NominatedNodeName), and the scheduler will not preempt again while batch terminates.',
      focus: { pane: 'kubectl', kubectl: 'watch' },
      question: {
        prompt: 'What does `kubectl get pods` show for batch half a second later?',
        kind: 'statusAt',
        atOffsetMs: 500,
        choices: ['Running', 'Terminating', 'Evicted', 'Pending'],
        explain: 'batch has a deletionTimestamp and its container still runs (the trap sleeps 3 s), so STATUS is Terminating.',
      },
    },
    {
      id: 'critical-bound',
      at: onEvent('Scheduled', { nth: 2 }),
      narration:
        'batch is gone, and the scheduler bound critical to node-1, the node it was nominated to. Nothing brings batch back: a bare Pod is not replaced. A Job or a Deployment would make a new Pod, which would then wait for room.',
      focus: { pane: 'events' },
    },
  ],
  tryThis: [
    {
      label: 'critical may not preempt (preemptionPolicy: Never)',
      apply: { manifestReplace: [['description: The service that must run.', 'description: The service that must run.\npreemptionPolicy: Never']] },
    },
    { label: 'batch is high priority too', apply: { manifestReplace: [['priorityClassName: low', 'priorityClassName: high']] } },
    { label: 'batch asks for 1 CPU: both fit', apply: { manifestReplace: [['cpu: 1500m', 'cpu: "1"']] } },
  ],
};
