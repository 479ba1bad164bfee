import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: net
spec:
  containers:
  - name: web
    image: nginx:1.29
  - name: client
    image: busybox:1.37
    command: ["sh", "-c", "sleep 5; while true; do hostname; wget -qO- http://localhost:80 | head -n 4 | tail -n 1; sleep 20; done"]
`;

export const sharedNetwork: Lesson = {
  id: 'shared-network',
  title: 'One Pod, one network',
  topic: 'Shared network',
  goal: 'Explain why containers of a Pod reach each other on localhost and share one IP and hostname.',
  scenario: lessonScenario('One Pod, one network', manifest),
  untilMs: seconds(60),
  panes: ['kubectl', 'timeline', 'events'],
  misconception: {
    belief: 'Each container of a Pod gets its own IP address.',
    reality: 'All containers of a Pod share one network namespace: one IP, one set of ports, one hostname; they talk over localhost.',
  },
  steps: [
    {
      id: 'sandbox',
      at: { condition: { type: 'PodReadyToStartContainers', status: 'True' } },
      narration:
        'Before any container starts, the kubelet creates the Pod sandbox: one network namespace with one IP (PodReadyToStartContainers=True). Every container of the Pod joins it.',
      focus: { machine: 'pod', pane: 'statechart' },
    },
    {
      id: 'web-up',
      at: onEvent('Started', { container: 'web' }),
      narration: 'nginx listens on port 80 of that shared namespace. `kubectl get pods -o wide` shows one IP for the whole Pod.',
      focus: { pane: 'kubectl', kubectl: 'watch', container: 'web' },
      question: {
        prompt: 'client will run `wget http://localhost:80`. Which container answers?',
        kind: 'choice',
        choices: ['web: localhost is the whole Pod', 'Nobody: localhost is client itself', 'The node'],
        answer: 'web: localhost is the whole Pod',
        explain:
          'localhost is the Pod\'s loopback, shared by all its containers. Open `kubectl logs net -c client`: it prints the nginx welcome page title.',
      },
    },
    {
      id: 'logs',
      at: onEvent('Started', { container: 'client' }, seconds(6)),
      narration:
        'Look at `kubectl logs net -c client`: hostname prints `net`, the Pod\'s name (the hostname is shared too), then nginx\'s page title, fetched over localhost. `kubectl logs net -c web` shows the request.',
      focus: { pane: 'kubectl', kubectl: 'logs', container: 'client' },
    },
    {
      id: 'ports',
      at: { t: seconds(40) },
      narration:
        'Sharing a network means sharing ports: two containers of one Pod cannot both listen on 80. The next lesson (port clash) shows what happens when they try.',
      focus: { pane: 'timeline' },
      question: {
        prompt: 'How many IP addresses does this Pod have for its two containers?',
        kind: 'choice',
        choices: ['One', 'Two', 'None until a Service exists'],
        answer: 'One',
        explain: 'status.podIPs in `kubectl get pod net -o yaml` lists one address, and there is no IP per container in containerStatuses.',
      },
    },
  ],
  tryThis: [
    { label: 'Ask port 8080 instead (nobody listens)', apply: { manifestReplace: [['http://localhost:80', 'http://localhost:8080']] } },
    { label: 'Use the Pod\'s name instead of localhost', apply: { manifestReplace: [['http://localhost:80', 'http://net:80']] } },
  ],
};
