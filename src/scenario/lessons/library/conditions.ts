import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: conds
spec:
  initContainers:
  - name: setup
    image: busybox:1.37
    command: ["sh", "-c", "sleep 3"]
  containers:
  - name: web
    image: nginx:1.29
    readinessProbe:
      httpGet:
        path: /
        port: 80
      initialDelaySeconds: 5
      periodSeconds: 5
`;

const ready = (type: string) => ({ condition: { type, status: 'True' as const } });

export const conditions: Lesson = {
  id: 'conditions',
  title: 'Pod conditions, field by field',
  topic: 'Pod conditions',
  goal: 'Read status.conditions: the five types the kubelet and scheduler set, and the fields type, status, reason, message, lastProbeTime, lastTransitionTime.',
  scenario: lessonScenario('Pod conditions, field by field', manifest),
  untilMs: seconds(40),
  panes: ['kubectl', 'timeline'],
  steps: [
    {
      id: 'scheduled',
      at: ready('PodScheduled'),
      narration:
        'Open `kubectl get pod conds -o yaml`, status.conditions. Each entry has type, status (True, False or Unknown), lastProbeTime (null for Pods), lastTransitionTime, and reason/message when something is not True. PodScheduled=True: the scheduler bound the Pod.',
      focus: { pane: 'kubectl', kubectl: 'yaml' },
    },
    {
      id: 'sandbox',
      at: ready('PodReadyToStartContainers'),
      narration: 'PodReadyToStartContainers=True: the sandbox and its network exist. Its lastTransitionTime is the moment it flipped.',
      focus: { machine: 'pod', pane: 'statechart' },
    },
    {
      id: 'initialized',
      at: ready('Initialized'),
      narration: 'Initialized=True: the init container setup finished. Ready and ContainersReady are still False, with reason ContainersNotReady and a message naming web.',
      focus: { pane: 'kubectl', kubectl: 'describe' },
    },
    {
      id: 'web-started',
      at: onEvent('Started', { container: 'web' }),
      narration: 'web is running, yet ContainersReady stays False: its readiness probe has not passed yet.',
      focus: { machine: 'probe', container: 'web', pane: 'statechart' },
      question: {
        prompt: 'web has a readiness probe with initialDelaySeconds 5. What does READY say just after web starts?',
        kind: 'readyAt',
        atOffsetMs: seconds(1),
        choices: ['0/1', '1/1'],
        explain: 'A container with a readiness probe is not ready until the probe first succeeds, delay or not. Watch web\'s probe lane on the timeline.',
      },
    },
    {
      id: 'containers-ready',
      at: ready('ContainersReady'),
      narration: 'The first readiness probe succeeded: ContainersReady=True, then Ready=True (no readiness gates here). Their reason and message disappear.',
      focus: { machine: 'probe', container: 'web', pane: 'statechart' },
      question: {
        prompt: 'What is in the READY column now?',
        kind: 'readyAt',
        choices: ['0/1', '1/1'],
        explain: 'READY counts ready containers: web is ready.',
      },
    },
    {
      id: 'stable',
      at: { t: seconds(35) },
      narration:
        'Probes keep succeeding, yet lastTransitionTime does not move: it changes only when status changes. Use it to tell how long a Pod has been Ready.',
      focus: { pane: 'kubectl', kubectl: 'yaml' },
    },
  ],
  tryThis: [
    { label: 'Probe a page that does not exist', apply: { manifestReplace: [['path: /\n', 'path: /missing\n']] } },
    { label: 'Break the page at 20 s (HTTP 500)', apply: { addActions: [{ at: 20, kind: 'setEndpoint', container: 'web', port: 80, path: '/', status: 500 }] } },
  ],
};
