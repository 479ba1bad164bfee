import { lessonScenario, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: batch
spec:
  restartPolicy: Never
  containers:
  - name: job
    image: busybox:1.37
    command: ["sh", "-c", "echo working; sleep 20; echo done; exit 0"]
`;

export const phases: Lesson = {
  id: 'phases',
  title: 'The five phases of a Pod',
  topic: 'Pod phases',
  goal: 'Name the five phases (Pending, Running, Succeeded, Failed, Unknown) and tell the phase apart from kubectl\'s STATUS column.',
  scenario: lessonScenario('The five phases of a Pod', manifest),
  untilMs: seconds(60),
  panes: ['statechart', 'kubectl', 'timeline'],
  misconception: {
    belief: 'kubectl\'s STATUS column is the Pod\'s phase.',
    reality: 'status.phase has only five values. STATUS is computed by kubectl from the phase, container states and reasons: Completed, CrashLoopBackOff, Terminating are not phases.',
  },
  steps: [
    {
      id: 'pending',
      at: { phase: 'Pending' },
      narration: 'Pending: the API server accepted the Pod, but not every container is running yet (scheduling, image pull, init containers).',
      focus: { machine: 'pod', pane: 'statechart' },
      question: {
        prompt: 'The next event is the kubelet starting to pull busybox. Which phase is the Pod in once that happens?',
        kind: 'phaseAfterNextEvent',
        choices: ['Pending', 'Running', 'Unknown'],
        explain: 'Being scheduled does not make a Pod Running: its container has not started yet. The pod machine stays in pending until the first container runs.',
      },
    },
    {
      id: 'running',
      at: { phase: 'Running' },
      narration: 'Running: bound to a node and at least one container is running (or starting, or restarting). Open `kubectl get pod batch -o yaml` and find status.phase.',
      focus: { machine: 'pod', pane: 'statechart' },
      question: {
        prompt: 'job exits 0 after 20 s, and restartPolicy is Never. What will the STATUS column say at 30 s from now?',
        kind: 'statusAt',
        atOffsetMs: seconds(30),
        choices: ['Succeeded', 'Completed', 'Running', 'CrashLoopBackOff'],
        explain:
          'The phase becomes Succeeded, but kubectl shows the container\'s terminated reason: Completed. Compare status.phase in the YAML view with STATUS in `kubectl get pods`.',
      },
    },
    {
      id: 'succeeded',
      at: { phase: 'Succeeded' },
      narration:
        'Succeeded: every container terminated with exit 0 and none will restart. Succeeded and Failed are final: a Pod never leaves them. Failed means at least one container ended in failure (try the exit 1 variant).',
      focus: { machine: 'pod', pane: 'statechart' },
    },
    {
      id: 'unknown',
      at: { phase: 'Succeeded', offsetMs: seconds(10) },
      narration:
        'The fifth phase, Unknown, means the Pod\'s state could not be obtained, typically because its node stopped reporting. The "When a node is lost" lesson shows what current Kubernetes does then.',
      focus: { pane: 'kubectl', kubectl: 'yaml' },
    },
  ],
  tryThis: [
    { label: 'Exit 1 instead (Failed)', apply: { manifestReplace: [['exit 0"]', 'exit 1"]']] } },
    { label: 'restartPolicy Always', apply: { manifestReplace: [['restartPolicy: Never', 'restartPolicy: Always']] } },
    { label: 'Ask for 8Gi of memory (stays Pending)', apply: { manifestReplace: [['    command:', '    resources:\n      requests:\n        memory: 8Gi\n    command:']] } },
  ],
};
