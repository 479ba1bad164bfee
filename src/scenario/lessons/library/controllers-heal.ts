import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: lonely
spec:
  containers:
  - name: web
    image: nginx:1.28
---
apiVersion: apps/v1
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
        image: nginx:1.28
        readinessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: 2
`;

/** The Deployment's first Pod with the lesson's seed (its ReplicaSet's hash and a random suffix). */
export const CONTROLLERS_HEAL_VICTIM = 'web-cd845f5bf-lt4mj';

export const controllersHeal: Lesson = {
  id: 'controllers-heal',
  title: 'Pods do not heal themselves',
  topic: 'Controllers',
  goal: 'Say who replaces a deleted Pod (a controller, with a new Pod), and how a Deployment rolls out a new image.',
  scenario: lessonScenario('Pods do not heal themselves', manifest, [
    { at: 20, kind: 'deletePod', pod: 'lonely' },
    { at: 40, kind: 'deletePod', pod: CONTROLLERS_HEAL_VICTIM },
    { at: 70, kind: 'setImage', deployment: 'web', container: 'web', image: 'nginx:1.29' },
  ]),
  untilMs: seconds(120),
  panes: ['kubectl', 'events', 'statechart', 'timeline'],
  misconception: {
    belief: 'Kubernetes restarts a deleted Pod.',
    reality: 'A deleted Pod is gone for good. A controller (here a Deployment\u2019s ReplicaSet) notices it has too few Pods and creates a new one, with a new name.',
  },
  steps: [
    {
      id: 'two-ways',
      at: { t: 0 },
      narration:
        'Two ways to run nginx: a bare Pod, lonely, and a Deployment, web, asking for 3 replicas. The Deployment created a ReplicaSet named web- plus a hash of its Pod template (event ScalingReplicaSet), and the ReplicaSet created three Pods (SuccessfulCreate).',
      focus: { pane: 'events' },
    },
    {
      id: 'lonely-deleted',
      at: onEvent('Killing'),
      narration: 'At 20 s we ran `kubectl delete pod lonely`. The kubelet stops its container; nginx quits at once on TERM.',
      focus: { pane: 'kubectl', kubectl: 'watch' },
      question: {
        prompt: 'Who makes a new lonely Pod?',
        kind: 'choice',
        choices: ['The kubelet', 'The scheduler', 'The Deployment', 'Nobody'],
        answer: 'Nobody',
        explain:
          'No controller owns lonely (it has no ownerReferences), and nothing in Kubernetes revives a deleted Pod. It is gone for good: `kubectl get pod lonely` answers NotFound.',
      },
    },
    {
      id: 'replica-deleted',
      // Just before the deletion: the ReplicaSet reacts at the API write, before the kubelet's Killing.
      at: { t: seconds(40), offsetMs: -1 },
      narration: `At 40 s we run \`kubectl delete pod ${CONTROLLERS_HEAL_VICTIM}\`, one of the Deployment\u2019s Pods.`,
      focus: { pane: 'events' },
      question: {
        prompt: 'What is the next event?',
        kind: 'nextEventReason',
        choices: ['Started', 'SuccessfulCreate', 'ScalingReplicaSet', 'BackOff'],
        explain:
          'The ReplicaSet controller counts the Pods it owns that are not being deleted: 2, and it wants 3. It creates one more at once (SuccessfulCreate), as soon as the deletion is in the API: even before the old Pod\u2019s kubelet hears of it and stops its container (Killing, 0.1 s later).',
      },
    },
    {
      id: 'replacement',
      at: onEvent('SuccessfulCreate', { nth: 4 }),
      narration:
        'The replacement is a new Pod with a new name, a new UID and a new IP: the deleted Pod was not moved or restarted. Pods are cattle; the ReplicaSet keeps the count.',
      focus: { pane: 'events' },
    },
    {
      id: 'rolling',
      at: onEvent('ScalingReplicaSet', { nth: 2 }),
      narration:
        'At 70 s: `kubectl set image deployment/web web=nginx:1.29`. A new Pod template means a new ReplicaSet. The default strategy is RollingUpdate with maxSurge 25% (of 3, rounded up: 1 extra Pod) and maxUnavailable 25% (rounded down: 0), so the controller adds one new Pod first.',
      focus: { machine: 'deployment', pane: 'statechart' },
      question: {
        prompt: 'What does the controller do once that new Pod is ready?',
        kind: 'choice',
        choices: [
          'Scales the old ReplicaSet down from 3 to 2',
          'Deletes the three old Pods at once',
          'Restarts the old Pods with the new image',
          'Waits until three new Pods are ready',
        ],
        answer: 'Scales the old ReplicaSet down from 3 to 2',
        explain:
          'With maxUnavailable 0 it may remove an old Pod only when a new one is available; with maxSurge 1 it may then add the next new one. Watch the ScalingReplicaSet events alternate: down 3 to 2, up 1 to 2, and so on.',
      },
    },
    {
      id: 'complete',
      at: onEvent('ScalingReplicaSet', { message: 'from 1 to 0' }),
      narration:
        'The last old Pod is gone: three Pods from the new ReplicaSet, every one available. The Progressing condition says NewReplicaSetAvailable and the rollout machine is complete.',
      focus: { machine: 'deployment', pane: 'statechart' },
      question: {
        prompt: 'How many ReplicaSets does `kubectl get rs` list now?',
        kind: 'choice',
        choices: ['1', '2', '3', '4'],
        answer: '2',
        explain:
          'The old ReplicaSet stays, scaled to 0, as revision 1: `kubectl rollout undo` scales it back up. A Deployment keeps revisionHistoryLimit (10) old ReplicaSets.',
      },
    },
  ],
  tryThis: [
    {
      label: 'Roll out with maxSurge 0 and maxUnavailable 1',
      apply: { manifestReplace: [['  replicas: 3\n', '  replicas: 3\n  strategy:\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 1\n']] },
    },
    { label: 'Undo the rollout at 100 s', apply: { addActions: [{ at: 100, kind: 'rollback', deployment: 'web' }] } },
    { label: 'Scale the Deployment to 5 at 30 s', apply: { addActions: [{ at: 30, kind: 'scale', deployment: 'web', replicas: 5 }] } },
  ],
};
