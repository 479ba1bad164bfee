import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: two-webs
spec:
  containers:
  - name: web
    image: nginx:1.29
  - name: web2
    image: nginx:1.29
`;

export const portClash: Lesson = {
  id: 'port-clash',
  title: 'Two servers, one port',
  topic: 'Shared network',
  goal: 'Recognise a port clash inside a Pod: the second server gets "Address already in use" and crash-loops.',
  scenario: lessonScenario('Two servers, one port', manifest),
  untilMs: seconds(90),
  panes: ['kubectl', 'timeline', 'events'],
  steps: [
    {
      id: 'both-start',
      at: onEvent('Started', { container: 'web2' }),
      narration: 'Two nginx containers start in the same Pod. Both want port 80, and the Pod has only one network namespace.',
      focus: { pane: 'timeline' },
    },
    {
      id: 'bind-fails',
      at: { status: 'Error' },
      narration:
        'web2 exits with code 1. `kubectl logs two-webs -c web2`: `bind() to 0.0.0.0:80 failed (98: Address already in use)`. web got there first.',
      focus: { pane: 'kubectl', kubectl: 'logs', container: 'web2' },
      question: {
        prompt: 'One minute from now, how many times will the kubelet have restarted web (the first nginx)?',
        kind: 'restartCountAt',
        container: 'web',
        atOffsetMs: seconds(60),
        choices: ['0', '1', '3'],
        explain: 'Only web2 fails; web keeps its port and keeps running. Restarts are per container: see the RESTARTS column and web\'s lane on the timeline.',
      },
    },
    {
      id: 'loop',
      at: { status: 'CrashLoopBackOff' },
      narration:
        'web2 failed again, so the kubelet waits before the next try: STATUS CrashLoopBackOff, READY 1/2. Restarting will never help: the port stays taken.',
      focus: { machine: 'container', container: 'web2', pane: 'statechart' },
      question: {
        prompt: 'The back-off is 10 s. What will STATUS say 10 s from now?',
        kind: 'statusAt',
        atOffsetMs: seconds(10),
        choices: ['Running', 'CrashLoopBackOff', 'Error', 'Completed'],
        explain:
          'After the 10 s back-off the kubelet starts web2 again; nginx retries its bind for about 2 s, and meanwhile the Pod looks Running 2/2. Then it fails again and the next back-off is 20 s: a short Running is no proof of health. Watch web2\'s lane on the timeline.',
      },
    },
  ],
  tryThis: [
    { label: 'Make web2 a Redis (port 6379)', apply: { manifestReplace: [['- name: web2\n    image: nginx:1.29', '- name: web2\n    image: redis:7.4']] } },
    { label: 'Make web2 an Apache httpd (also port 80)', apply: { manifestReplace: [['- name: web2\n    image: nginx:1.29', '- name: web2\n    image: httpd:2.4']] } },
  ],
};
