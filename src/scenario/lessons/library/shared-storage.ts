import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: scratch
spec:
  containers:
  - name: writer
    image: busybox:1.37
    command: ["sh", "-c", "ls /tmp; echo boot $(date) >> /cache/boots; cat /cache/boots; touch /tmp/mine; sleep 3600"]
    volumeMounts:
    - name: cache
      mountPath: /cache
  - name: reader
    image: busybox:1.37
    command: ["sh", "-c", "while true; do sleep 15; wc -l /cache/boots; done"]
    volumeMounts:
    - name: cache
      mountPath: /cache
  volumes:
  - name: cache
    emptyDir: {}
`;

export const sharedStorage: Lesson = {
  id: 'shared-storage',
  title: 'An emptyDir lives as long as its Pod',
  topic: 'Shared storage',
  goal: 'Tell what survives a container restart (emptyDir) and what does not (the container filesystem, and everything once the Pod is gone).',
  scenario: lessonScenario('An emptyDir lives as long as its Pod', manifest, [
    { at: 30, kind: 'killContainer', container: 'writer', how: 'crash' },
    { at: 90, kind: 'deletePod', gracePeriodSeconds: 5 },
  ]),
  untilMs: seconds(120),
  panes: ['kubectl', 'timeline', 'events'],
  misconception: {
    belief: 'A restarted container starts from a clean slate, volumes included.',
    reality: 'A restart replaces the container\'s own filesystem, but a Pod volume such as an emptyDir keeps its files until the Pod itself is removed.',
  },
  steps: [
    {
      id: 'first-boot',
      at: onEvent('Started', { container: 'writer' }),
      narration:
        'writer appends a line to /cache/boots (an emptyDir volume, shared with reader) and creates /tmp/mine in its own filesystem. `kubectl logs scratch -c writer` shows one boot line.',
      focus: { pane: 'kubectl', kubectl: 'logs', container: 'writer' },
    },
    {
      id: 'crash',
      at: { status: 'Error' },
      narration: 'At 30 s writer crashes (exit 1). restartPolicy Always: the kubelet will start a new container from the same image.',
      focus: { machine: 'container', container: 'writer', pane: 'statechart' },
      question: {
        prompt: 'When writer starts again, how many lines will `cat /cache/boots` print?',
        kind: 'choice',
        choices: ['1', '2', '0: the file is gone'],
        answer: '2',
        explain:
          'The emptyDir belongs to the Pod, not to the container: the old line is still there and the new container adds a second. `kubectl logs scratch -c writer` shows both; `--previous` shows the first run.',
      },
    },
    {
      id: 'second-boot',
      at: onEvent('Started', { container: 'writer', nth: 2 }),
      narration:
        'Two lines in /cache/boots, but `ls /tmp` printed nothing: /tmp/mine lived in the old container\'s filesystem, which went away with it. reader, which never restarted, sees the same file: `wc -l` counts 2.',
      focus: { pane: 'kubectl', kubectl: 'logs', container: 'writer' },
      question: {
        prompt: 'How many restarts does the RESTARTS column show now?',
        kind: 'restartCountAt',
        choices: ['0', '1', '2'],
        explain: 'RESTARTS sums the containers\' restartCount: writer restarted once, reader never.',
      },
    },
    {
      id: 'pod-deleted',
      at: onEvent('Killing', { container: 'writer' }),
      narration:
        'At 90 s we delete the Pod. When it is gone, the kubelet removes the emptyDir with it. A new Pod from the same manifest starts with an empty /cache. Data that must outlive a Pod belongs in a PersistentVolume.',
      focus: { pane: 'timeline' },
    },
  ],
  tryThis: [
    { label: 'Keep the log in /tmp instead of the volume', apply: { manifestReplace: [['>> /cache/boots; cat /cache/boots', '>> /tmp/boots; cat /tmp/boots']] } },
    { label: 'Crash reader instead of writer', apply: { removeActionKinds: ['killContainer'], addActions: [{ at: 30, kind: 'killContainer', container: 'reader', how: 'crash' }] } },
  ],
};
