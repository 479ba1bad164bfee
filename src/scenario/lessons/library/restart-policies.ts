import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: retry
spec:
  restartPolicy: OnFailure
  containers:
  - name: task
    image: busybox:1.37
    command: ["sh", "-c", "if [ -f /state/ran ]; then echo second try works; exit 0; fi; touch /state/ran; sleep 3; echo first try fails; exit 1"]
    volumeMounts:
    - name: state
      mountPath: /state
  volumes:
  - name: state
    emptyDir: {}
`;

export const restartPolicies: Lesson = {
  id: 'restart-policies',
  title: 'Restart policies: Always, OnFailure, Never',
  topic: 'Restart policy',
  goal: 'Predict whether the kubelet restarts a container that exited, under each restartPolicy.',
  scenario: lessonScenario('Restart policies', manifest),
  untilMs: seconds(60),
  panes: ['kubectl', 'timeline', 'statechart'],
  misconception: {
    belief: 'restartPolicy decides whether the Pod is moved or recreated.',
    reality: 'restartPolicy only tells the kubelet whether to restart containers in place, on the same node, in the same Pod.',
  },
  steps: [
    {
      id: 'first-try',
      at: onEvent('Started'),
      narration:
        'task fails on its first run (exit 1) and succeeds on the second: it leaves a mark in an emptyDir, which survives restarts. restartPolicy is set for the whole Pod: OnFailure.',
      focus: { pane: 'kubectl', kubectl: 'yaml' },
    },
    {
      id: 'failed',
      at: { status: 'Error' },
      narration: 'Exit code 1. Always restarts any exit, OnFailure only non-zero exits, Never none.',
      focus: { machine: 'container', container: 'task', pane: 'statechart' },
      question: {
        prompt: 'With OnFailure, how many restarts will task have 5 s from now?',
        kind: 'restartCountAt',
        atOffsetMs: seconds(5),
        choices: ['0', '1', '2'],
        explain: 'Exit 1 is a failure, so OnFailure restarts it (the first restart comes at once, no back-off yet). See `kubectl logs retry --previous` for the first run.',
      },
    },
    {
      id: 'second-try',
      at: onEvent('Started', { nth: 2 }),
      narration: 'The second run finds /state/ran, prints "second try works" and exits 0.',
      focus: { pane: 'kubectl', kubectl: 'logs', container: 'task' },
      question: {
        prompt: 'What will STATUS say 10 s from now?',
        kind: 'statusAt',
        atOffsetMs: seconds(10),
        choices: ['Completed', 'CrashLoopBackOff', 'Running', 'Error'],
        explain: 'Exit 0 under OnFailure: no restart. The Pod is Succeeded, and kubectl shows the reason Completed. Try Always: it would restart even after success and end in CrashLoopBackOff.',
      },
    },
  ],
  tryThis: [
    { label: 'restartPolicy: Always', apply: { manifestReplace: [['restartPolicy: OnFailure', 'restartPolicy: Always']] } },
    { label: 'restartPolicy: Never', apply: { manifestReplace: [['restartPolicy: OnFailure', 'restartPolicy: Never']] } },
  ],
};
