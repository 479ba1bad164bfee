import { lessonScenario, seconds } from '../define';
import type { Lesson } from '../types';

const gate = 'example.com/lb-ready';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: gated
spec:
  readinessGates:
  - conditionType: ${gate}
  containers:
  - name: web
    image: nginx:1.29
    readinessProbe:
      httpGet:
        path: /
        port: 80
      periodSeconds: 5
`;

export const readinessGates: Lesson = {
  id: 'readiness-gates',
  title: 'Readiness gates',
  topic: 'Pod conditions',
  goal: 'Explain how a readiness gate lets an outside controller hold a Pod\'s Ready condition at False.',
  scenario: lessonScenario('Readiness gates', manifest, [{ at: 30, kind: 'setPodCondition', type: gate, status: 'True' }]),
  untilMs: seconds(60),
  panes: ['kubectl', 'timeline'],
  misconception: {
    belief: 'READY 1/1 in kubectl get pods means the Pod is Ready.',
    reality: 'READY counts ready containers. With readiness gates the Pod\'s Ready condition also waits for each gate\'s condition to be True.',
  },
  steps: [
    {
      id: 'containers-ready',
      at: { condition: { type: 'ContainersReady', status: 'True' } },
      narration: `web passed its readiness probe: ContainersReady=True. But the Pod lists a readiness gate, ${gate}, and no such condition exists yet: Ready=False, reason ReadinessGatesNotReady.`,
      focus: { pane: 'kubectl', kubectl: 'describe' },
      question: {
        prompt: 'What does the READY column of `kubectl get pods` show?',
        kind: 'readyAt',
        choices: ['0/1', '1/1'],
        explain: 'READY counts containers, and web is ready: 1/1. The gate shows in `kubectl get pods -o wide` (READINESS GATES 0/1) and in Conditions.',
      },
    },
    {
      id: 'controller',
      at: { t: seconds(30) },
      narration: `At 30 s an outside controller (say, a load-balancer controller once its target is registered) patches status.conditions with ${gate}=True.`,
      focus: { pane: 'kubectl', kubectl: 'yaml' },
    },
    {
      id: 'ready',
      at: { condition: { type: 'Ready', status: 'True' } },
      narration: 'Every gate is True and every container is ready: Ready=True. Only now would Services send traffic.',
      focus: { pane: 'kubectl', kubectl: 'describe' },
      question: {
        prompt: 'What does READINESS GATES show in `kubectl get pods -o wide` now?',
        kind: 'choice',
        choices: ['0/1', '1/1'],
        answer: '1/1',
        explain: 'One gate, and its condition is True. The kubelet never sets a gate\'s condition: only the outside controller does.',
      },
    },
  ],
  tryThis: [
    { label: 'The controller sets the gate False', apply: { removeActionKinds: ['setPodCondition'], addActions: [{ at: 30, kind: 'setPodCondition', type: gate, status: 'False' }] } },
    { label: 'No controller at all', apply: { removeActionKinds: ['setPodCondition'] } },
  ],
};
