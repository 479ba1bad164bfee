import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: probes
spec:
  containers:
  - name: web
    image: nginx:1.29
    readinessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
    livenessProbe:
      tcpSocket:
        port: 80
  - name: worker
    image: busybox:1.37
    command: ["sh", "-c", "touch /tmp/healthy; sleep 3600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      periodSeconds: 5
`;

export const probeHandlers: Lesson = {
  id: 'probe-handlers',
  title: 'Probe handlers: exec, tcpSocket, httpGet',
  topic: 'Probes',
  goal: 'Tell when each probe handler succeeds: exec exits 0, tcpSocket connects, httpGet answers 200 to 399.',
  scenario: lessonScenario('Probe handlers', manifest, [
    { at: 20, kind: 'setEndpoint', container: 'web', port: 80, path: '/', status: 204 },
    { at: 30, kind: 'removeFile', container: 'worker', path: '/tmp/healthy' },
    { at: 60, kind: 'setEndpoint', container: 'web', port: 80, path: '/', status: 404 },
  ]),
  untilMs: seconds(90),
  panes: ['timeline', 'events', 'kubectl'],
  misconception: {
    belief: 'An HTTP probe succeeds only on 200 OK.',
    reality: 'Any status from 200 to 399 is a success; 400 and above (or no answer in timeoutSeconds) is a failure.',
  },
  steps: [
    {
      id: 'handlers',
      at: onEvent('Started', { container: 'worker' }),
      narration:
        'Three handlers: web\'s readiness is httpGet / on port 80, its liveness is tcpSocket 80 (does a connection open?), worker\'s liveness is exec `cat /tmp/healthy` (does it exit 0?). The timeline has one lane per probe.',
      focus: { pane: 'timeline' },
    },
    {
      id: 'no-content',
      at: { t: seconds(20) },
      narration: 'At 20 s we make nginx answer / with 204 No Content instead of 200.',
      focus: { machine: 'probe', container: 'web', pane: 'statechart' },
      question: {
        prompt: 'Will web still be ready 15 s from now?',
        kind: 'readyAt',
        container: 'web',
        atOffsetMs: seconds(15),
        choices: ['true', 'false'],
        explain: 'The kubelet counts 200 <= status < 400 as success: 204 (and 301 or 302) keep web ready. Look at the probe marks on web\'s readiness lane.',
      },
    },
    {
      id: 'exec-fails',
      at: onEvent('Unhealthy', { container: 'worker', nth: 3 }),
      narration:
        'At 30 s /tmp/healthy was removed: `cat` exits 1, a failure. This is worker\'s third failure in a row (failureThreshold 3, period 5 s).',
      focus: { machine: 'probe', container: 'worker', pane: 'statechart' },
      question: {
        prompt: 'What will the kubelet record next for worker?',
        kind: 'nextEventReason',
        container: 'worker',
        choices: ['Killing', 'BackOff', 'Unhealthy', 'Started'],
        explain: 'Three consecutive liveness failures: the kubelet kills the container to restart it (Killing: "failed liveness probe, will be restarted").',
      },
    },
    {
      id: 'not-found',
      at: { t: seconds(60) },
      narration:
        'Now / answers 404: that is a failure. After three failures web becomes not ready (READY drops), but it is not restarted: readiness only decides traffic. tcpSocket liveness still passes, since nginx still accepts connections.',
      focus: { machine: 'probe', container: 'web', pane: 'statechart' },
      question: {
        prompt: 'What does READY say 20 s from now?',
        kind: 'readyAt',
        atOffsetMs: seconds(20),
        choices: ['0/2', '1/2', '2/2'],
        explain: 'web is not ready (404 three times). worker was restarted by its liveness probe and is running again, without a readiness probe, so it is ready: 1/2.',
      },
    },
  ],
  tryThis: [
    { label: 'Answer 302 instead of 204', apply: { addActions: [{ at: 21, kind: 'setEndpoint', container: 'web', port: 80, path: '/', status: 302 }] } },
    { label: 'Make / hang (timeout)', apply: { addActions: [{ at: 40, kind: 'setEndpoint', container: 'web', port: 80, path: '/', timeout: true }] } },
    { label: 'Probe port 8080 with tcpSocket', apply: { manifestReplace: [['tcpSocket:\n        port: 80', 'tcpSocket:\n        port: 8080']] } },
  ],
};
