import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  containers:
  - name: web
    image: nginx:1.29
    readinessProbe:
      httpGet:
        path: /index.html
        port: 80
      periodSeconds: 5
    livenessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
`;

const endpoint = (at: number, path: string, status: number) => ({ at, kind: 'setEndpoint' as const, container: 'web', port: 80, path, status });

export const livenessReadiness: Lesson = {
  id: 'liveness-readiness',
  title: 'Liveness or readiness?',
  topic: 'Probes',
  goal: 'Predict what each probe does on failure: readiness takes the container out of service, liveness restarts it.',
  scenario: lessonScenario('Liveness or readiness?', manifest, [endpoint(30, '/index.html', 503), endpoint(60, '/index.html', 200), endpoint(90, '/', 500)]),
  untilMs: seconds(150),
  panes: ['timeline', 'statechart', 'kubectl'],
  misconception: {
    belief: 'A failing readiness probe restarts the container.',
    reality: 'Readiness failure only marks the container not ready (no traffic from Services); only liveness (and startup) failures restart it.',
  },
  steps: [
    {
      id: 'overloaded',
      at: onEvent('Unhealthy', { message: 'Readiness', nth: 3 }),
      narration:
        'From 30 s /index.html answers 503 (think: overloaded). Third readiness failure: web becomes not ready, READY 0/1, and a Service would stop sending it traffic.',
      focus: { machine: 'probe', container: 'web', pane: 'statechart' },
      question: {
        prompt: 'How many times will web have been restarted 20 s from now?',
        kind: 'restartCountAt',
        atOffsetMs: seconds(20),
        choices: ['0', '1', '3'],
        explain: 'Readiness never restarts anything: RESTARTS stays 0. The container keeps running and can recover by itself.',
      },
    },
    {
      id: 'recovered',
      at: { t: seconds(60), offsetMs: seconds(1) },
      narration: 'At 60 s the page answers 200 again. One success (successThreshold 1) and web is ready again, no restart needed.',
      focus: { pane: 'kubectl', kubectl: 'watch' },
      question: {
        prompt: 'What does READY say 5 s from now?',
        kind: 'readyAt',
        atOffsetMs: seconds(5),
        choices: ['0/1', '1/1'],
        explain: 'The next readiness probe succeeds and the container is ready again. See the Ready lane on the timeline go back up.',
      },
    },
    {
      id: 'hung',
      at: onEvent('Unhealthy', { message: 'Liveness', nth: 3 }),
      narration: 'From 90 s / answers 500 (think: deadlocked). This is the third liveness failure in a row.',
      focus: { machine: 'probe', container: 'web', pane: 'statechart' },
      question: {
        prompt: 'What does the kubelet do next?',
        kind: 'nextEventReason',
        choices: ['Killing', 'Unhealthy', 'BackOff', 'Pulling'],
        explain: 'Liveness failureThreshold reached: the kubelet kills the container ("will be restarted") and starts a new one, per restartPolicy Always.',
      },
    },
    {
      id: 'restarted',
      at: onEvent('Started', { nth: 2 }),
      narration:
        'A new web container started (RESTARTS 1). Here the fault is in the answer PodPlay gives, not in the container, so it keeps failing: a restart only helps when the problem lives inside the process.',
      focus: { pane: 'kubectl', kubectl: 'watch' },
    },
  ],
  tryThis: [
    { label: 'Use the same path for both probes', apply: { manifestReplace: [['path: /index.html', 'path: /']] } },
    { label: 'Readiness failureThreshold 1', apply: { manifestReplace: [['        path: /index.html\n        port: 80\n      periodSeconds: 5', '        path: /index.html\n        port: 80\n      periodSeconds: 5\n      failureThreshold: 1']] } },
  ],
};
