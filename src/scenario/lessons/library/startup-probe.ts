import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: slow-start
spec:
  containers:
  - name: app
    image: busybox:1.37
    command: ["sh", "-c", "echo warming up; sleep 45; touch /tmp/ready; echo serving; sleep 3600"]
    startupProbe:
      exec:
        command: ["cat", "/tmp/ready"]
      periodSeconds: 10
      failureThreshold: 6
    livenessProbe:
      exec:
        command: ["cat", "/tmp/ready"]
      periodSeconds: 10
`;

export const startupProbe: Lesson = {
  id: 'startup-probe',
  title: 'The startup probe protects slow starters',
  topic: 'Probes',
  goal: 'Explain why a slow-starting app needs a startup probe: liveness waits until startup succeeds.',
  scenario: lessonScenario('The startup probe', manifest),
  untilMs: seconds(120),
  panes: ['timeline', 'statechart', 'kubectl'],
  steps: [
    {
      id: 'warming',
      at: onEvent('Started'),
      narration:
        'app needs 45 s before it is healthy. Its startup probe allows failureThreshold × periodSeconds = 60 s. While startup has not succeeded, the kubelet runs neither liveness nor readiness.',
      focus: { machine: 'probe', container: 'app', pane: 'statechart' },
    },
    {
      id: 'startup-fails',
      at: onEvent('Unhealthy', { message: 'Startup', nth: 2 }),
      narration: 'Startup probe failures are normal here: the events say Unhealthy, but there is room for 6.',
      focus: { pane: 'events' },
      question: {
        prompt: 'How many restarts will app have 40 s from now?',
        kind: 'restartCountAt',
        atOffsetMs: seconds(40),
        choices: ['0', '1', '2'],
        explain: 'The startup probe succeeds at 50 s, within its budget, so nothing is killed. Watch the startup lane turn green, then the liveness lane begin.',
      },
    },
    {
      id: 'started',
      at: { condition: { type: 'ContainersReady', status: 'True' } },
      narration: 'The startup probe succeeded: started=true in containerStatuses, the container is ready, and from now on the liveness probe guards it.',
      focus: { pane: 'kubectl', kubectl: 'describe' },
    },
  ],
  tryThis: [
    { label: 'Remove the startup probe', apply: { manifestReplace: [['    startupProbe:\n      exec:\n        command: ["cat", "/tmp/ready"]\n      periodSeconds: 10\n      failureThreshold: 6\n', '']] } },
    { label: 'Startup budget of 30 s', apply: { manifestReplace: [['failureThreshold: 6', 'failureThreshold: 3']] } },
  ],
};
