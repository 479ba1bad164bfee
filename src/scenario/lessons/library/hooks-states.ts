import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: hooks
spec:
  containers:
  - name: app
    image: nginx:1.29
    lifecycle:
      postStart:
        exec:
          command: ["sh", "-c", "sleep 5; echo warm > /usr/share/nginx/html/warm.txt"]
      preStop:
        exec:
          command: ["sh", "-c", "sleep 8"]
`;

export const hooksAndStates: Lesson = {
  id: 'hooks-states',
  title: 'Container states and lifecycle hooks',
  topic: 'Container states',
  goal: 'Follow a container through Waiting, Running and Terminated, and place postStart and preStop on that path.',
  scenario: lessonScenario('Container states and hooks', manifest, [{ at: 30, kind: 'deletePod' }]),
  untilMs: seconds(60),
  panes: ['statechart', 'kubectl', 'timeline'],
  steps: [
    {
      id: 'waiting',
      at: onEvent('Pulling'),
      narration:
        'Waiting: the container does not run yet. The reason says why: ContainerCreating while the image is pulled (ErrImagePull, CrashLoopBackOff... are other Waiting reasons). See State in `kubectl describe pod hooks`.',
      focus: { machine: 'container', container: 'app', pane: 'statechart' },
    },
    {
      id: 'post-start',
      at: onEvent('Started'),
      narration:
        'The container process started, and right away the kubelet runs the postStart hook (here: 5 s). The hook runs alongside the entrypoint, and the kubelet does not report the container as running until the hook returns.',
      focus: { machine: 'container', container: 'app', pane: 'statechart' },
      question: {
        prompt: 'What does STATUS show 2 s from now?',
        kind: 'statusAt',
        atOffsetMs: seconds(2),
        choices: ['ContainerCreating', 'Running', 'PostStartHookError', 'Pending'],
        explain: 'While postStart runs, the container status is still Waiting (ContainerCreating). Compare the container machine\'s state with the kubectl view.',
      },
    },
    {
      id: 'running',
      at: { status: 'Running' },
      narration: 'The hook returned: state Running, with startedAt. READY 1/1.',
      focus: { pane: 'kubectl', kubectl: 'describe' },
    },
    {
      id: 'pre-stop',
      at: onEvent('Killing'),
      narration:
        'At 30 s the Pod is deleted. Before any signal, the kubelet runs preStop (8 s here), inside the 30 s grace period. nginx keeps serving meanwhile.',
      focus: { machine: 'container', container: 'app', pane: 'statechart' },
      question: {
        prompt: 'What does STATUS show 5 s from now?',
        kind: 'statusAt',
        atOffsetMs: seconds(5),
        choices: ['Running', 'Terminating', 'Completed', 'NotFound'],
        explain: 'The Pod has a deletionTimestamp, so kubectl says Terminating even though the container is still Running (preStop is not over).',
      },
    },
    {
      id: 'terminated',
      at: { phase: 'Succeeded' },
      narration:
        'After preStop, the stop signal (nginx\'s is QUIT): nginx exits 0. Terminated, reason Completed, exitCode 0, with startedAt and finishedAt. Then the Pod object goes away.',
      focus: { machine: 'container', container: 'app', pane: 'statechart' },
    },
  ],
  tryThis: [
    { label: 'A postStart hook that fails', apply: { manifestReplace: [['sleep 5; echo warm > /usr/share/nginx/html/warm.txt', 'sleep 2; exit 1']] } },
    { label: 'A preStop hook longer than the grace period', apply: { manifestReplace: [['"sleep 8"', '"sleep 45"']] } },
  ],
};
