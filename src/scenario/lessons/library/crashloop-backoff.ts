import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: crasher
spec:
  containers:
  - name: app
    image: busybox:1.37
    command: ["sh", "-c", "echo starting; sleep 2; echo oops; exit 1"]
`;

export const crashLoopBackOff: Lesson = {
  id: 'crashloop-backoff',
  title: 'CrashLoopBackOff and its back-off',
  topic: 'Restart policy',
  goal: 'Explain CrashLoopBackOff: a Waiting reason between restarts, with waits of 10 s, 20 s, 40 s ... up to 5 minutes.',
  scenario: lessonScenario('CrashLoopBackOff', manifest),
  untilMs: seconds(400),
  panes: ['timeline', 'kubectl', 'statechart', 'events'],
  misconception: {
    belief: 'CrashLoopBackOff is an error state the Pod is stuck in.',
    reality: 'It is the Waiting reason while the kubelet holds off the next restart; the container keeps being restarted, with doubling delays capped at 300 s.',
  },
  steps: [
    {
      id: 'first-exit',
      at: { status: 'Error' },
      narration: 'app exits 1 after 2 s. First exit: the kubelet restarts it straight away (PodPlay notices exits exactly 1 s later; a real node takes a second or so).',
      focus: { machine: 'container', container: 'app', pane: 'statechart' },
      question: {
        prompt: 'How many restarts 2 s from now?',
        kind: 'restartCountAt',
        atOffsetMs: seconds(2),
        choices: ['0', '1', '2'],
        explain: 'No back-off on the first exit: restartCount is 1 a second later. The back-off entry is now 10 s.',
      },
    },
    {
      id: 'back-off',
      at: { status: 'CrashLoopBackOff' },
      narration:
        'Second exit: now the kubelet waits 10 s. The container is Waiting with reason CrashLoopBackOff, and the event BackOff repeats each time the kubelet looks at the Pod.',
      focus: { pane: 'kubectl', kubectl: 'describe' },
      question: {
        prompt: 'What will STATUS be 5 s from now?',
        kind: 'statusAt',
        atOffsetMs: seconds(5),
        choices: ['CrashLoopBackOff', 'Running', 'Error', 'Completed'],
        explain: 'Still inside the 10 s back-off: Waiting, reason CrashLoopBackOff. The gap on the container\'s timeline lane is the back-off.',
      },
    },
    {
      id: 'twenty',
      at: onEvent('Started', { nth: 4 }),
      narration: 'The next failure waited 20 s before this start. The delay doubles each time, measured from when the container last finished.',
      focus: { pane: 'timeline' },
      question: {
        prompt: 'After this run fails, how long will the kubelet wait before the next start?',
        kind: 'choice',
        choices: ['10 s', '20 s', '40 s', '5 min'],
        answer: '40 s',
        explain: '10, 20, 40, 80, 160, then 300 s (the cap). Measure the gaps between Started events on the timeline.',
      },
    },
    {
      id: 'long-wait',
      at: onEvent('Started', { nth: 7 }),
      narration:
        'After 160 s of waiting, this start. The next wait would be 300 s, the cap. If the container ran fine for 10 minutes, the back-off would reset to 10 s.',
      focus: { pane: 'kubectl', kubectl: 'watch' },
      question: {
        prompt: 'What does the RESTARTS column count now?',
        kind: 'restartCountAt',
        choices: ['5', '6', '7'],
        explain: 'Seven starts are six restarts. `kubectl get pods` also says how long ago the last one was.',
      },
    },
  ],
  tryThis: [
    { label: 'Exit 0 instead (still restarted under Always)', apply: { manifestReplace: [['exit 1', 'exit 0']] } },
    { label: 'restartPolicy: OnFailure with exit 0', apply: { manifestReplace: [['exit 1', 'exit 0'], ['spec:\n  containers:', 'spec:\n  restartPolicy: OnFailure\n  containers:']] } },
    { label: 'Run 20 s before failing', apply: { manifestReplace: [['sleep 2', 'sleep 20']] } },
  ],
};
