import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: shutdown
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: stubborn
    image: busybox:1.37
    command: ["sh", "-c", "echo up; while true; do sleep 1; done"]
  - name: polite
    image: busybox:1.37
    command: ["sh", "-c", "trap 'echo got TERM; sleep 3; exit 0' TERM; echo up; while true; do sleep 1; done"]
    lifecycle:
      preStop:
        exec:
          command: ["sh", "-c", "sleep 5"]
`;

export const gracefulTermination: Lesson = {
  id: 'graceful-termination',
  title: 'Graceful termination: preStop, TERM, grace period, KILL',
  topic: 'Termination',
  goal: 'Predict how a container stops: preStop hook, then TERM, then KILL when the grace period runs out; and why PID 1 must handle TERM.',
  scenario: lessonScenario('Graceful termination', manifest, [{ at: 20, kind: 'deletePod' }]),
  untilMs: seconds(90),
  panes: ['timeline', 'kubectl', 'statechart', 'events'],
  misconception: {
    belief: 'kubectl delete stops a container at once.',
    reality: 'The kubelet runs preStop, sends TERM and waits up to terminationGracePeriodSeconds (30 s by default) before KILL. A shell as PID 1 without a trap ignores TERM.',
  },
  steps: [
    {
      id: 'delete',
      at: onEvent('Killing', { container: 'stubborn' }),
      narration:
        '`kubectl delete pod shutdown` at 20 s: the API server gives the Pod a deletionTimestamp (`kubectl get pods -w` prints Terminating while both containers still run). The kubelet hears of it through its watch a moment later (0.1 s here), records Killing for both containers and starts the grace period: 30 s for everything below.',
      focus: { pane: 'kubectl', kubectl: 'watch' },
      question: {
        prompt: 'Which container will be gone first?',
        kind: 'choice',
        choices: ['polite', 'stubborn', 'Both at once'],
        answer: 'polite',
        explain:
          'polite runs its 5 s preStop hook, gets TERM, and its trap exits 0 about 4 s later. stubborn is a shell as PID 1 with no trap: TERM does nothing, so it runs until KILL at the end of the grace period. Compare the two lanes on the timeline.',
      },
    },
    {
      id: 'term',
      at: onEvent('Killing', { container: 'polite' }, seconds(5)),
      narration:
        'polite\'s preStop hook (sleep 5) has returned, so the kubelet now sends TERM. `kubectl logs shutdown -c polite` shows `got TERM`: the trap runs its cleanup. stubborn got TERM at 20.1 s and ignored it.',
      focus: { machine: 'container', container: 'polite', pane: 'statechart' },
    },
    {
      id: 'polite-done',
      at: onEvent('Killing', { container: 'polite' }, seconds(9)),
      narration: 'polite exited 0 (Terminated, reason Completed). The Pod is still Terminating: stubborn is running.',
      focus: { pane: 'kubectl', kubectl: 'describe' },
      question: {
        prompt: 'What exit code will stubborn get?',
        kind: 'choice',
        choices: ['0', '1', '137', '143'],
        answer: '137',
        explain:
          'After 30 s the kubelet sends KILL, which cannot be ignored: 128 + 9 = 137, reason Error. 143 (128 + TERM) would mean TERM had killed it. See `kubectl describe pod shutdown` at the end.',
      },
    },
    {
      id: 'killed',
      at: { phase: 'Failed' },
      narration:
        'KILL at 50.1 s (30 s after the kubelet began): stubborn is Terminated with 137, so the Pod ends Failed and is removed. Give PID 1 a TERM handler (trap, or exec a program that handles it) so shutdowns take seconds, not the whole grace period.',
      focus: { machine: 'container', container: 'stubborn', pane: 'statechart' },
    },
  ],
  tryThis: [
    { label: 'Grace period 10 s', apply: { manifestReplace: [['terminationGracePeriodSeconds: 30', 'terminationGracePeriodSeconds: 10']] } },
    {
      label: 'Give stubborn a trap too',
      apply: { manifestReplace: [['"echo up; while true; do sleep 1; done"]\n  - name: polite', '"trap \'exit 0\' TERM; echo up; while true; do sleep 1; done"]\n  - name: polite']] },
    },
    { label: 'A preStop hook longer than the grace period', apply: { manifestReplace: [['command: ["sh", "-c", "sleep 5"]', 'command: ["sh", "-c", "sleep 60"]']] } },
  ],
};
