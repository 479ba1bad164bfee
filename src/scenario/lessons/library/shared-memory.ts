import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: shm-pair
spec:
  containers:
  - name: producer
    image: busybox:1.37
    command: ["sh", "-c", "ipcmk -M 1M; i=0; while true; do i=$((i+1)); echo tick $i > /dev/shm/latest; sleep 5; done"]
    volumeMounts:
    - name: shm
      mountPath: /dev/shm
  - name: consumer
    image: busybox:1.37
    command: ["sh", "-c", "sleep 2; cat /dev/shm/latest; ipcs -m; sleep 3; while true; do cat /dev/shm/latest; sleep 5; done"]
    volumeMounts:
    - name: shm
      mountPath: /dev/shm
  volumes:
  - name: shm
    emptyDir:
      medium: Memory
      sizeLimit: 64Mi
`;

export const sharedMemory: Lesson = {
  id: 'shared-memory',
  title: 'Talking between containers: localhost and shared memory',
  topic: 'Communication between containers',
  goal: 'Name the ways containers of one Pod talk: localhost, shared volumes, and System V / POSIX shared memory (one IPC namespace).',
  scenario: lessonScenario('Talking between containers', manifest),
  untilMs: seconds(40),
  panes: ['kubectl', 'timeline'],
  steps: [
    {
      id: 'ipc',
      at: { t: 0 },
      narration:
        'Containers of a Pod share an IPC namespace: System V shared memory made in one is visible in the other. producer runs `ipcmk -M 1M` (a 1 MiB segment); consumer lists it with `ipcs -m`. POSIX shared memory lives as files in /dev/shm, which is per container unless a volume is mounted there: here both mount one emptyDir with medium: Memory.',
      focus: { pane: 'kubectl', kubectl: 'describe' },
    },
    {
      id: 'producer',
      at: onEvent('Started', { container: 'producer' }),
      narration:
        'producer writes `tick N` to /dev/shm/latest every 5 s. medium: Memory makes the emptyDir a tmpfs: it lives in RAM and counts toward the container\'s memory, up to sizeLimit.',
      focus: { container: 'producer', pane: 'timeline' },
      question: {
        prompt: 'What will consumer print first?',
        kind: 'choice',
        choices: ['tick 1', 'cat: can\'t open \'/dev/shm/latest\'', 'Nothing: each container has its own /dev/shm'],
        answer: 'tick 1',
        explain: 'Both containers mount the same volume at /dev/shm, so consumer reads what producer wrote. See `kubectl logs shm-pair -c consumer`.',
      },
    },
    {
      id: 'consumer',
      at: onEvent('Started', { container: 'consumer' }, seconds(20)),
      narration:
        '`kubectl logs shm-pair -c consumer` shows producer\'s segment in the `ipcs -m` table (key, shmid, owner root, perms 644, 1048576 bytes) and counts up with producer. Segments outlive a container restart and go with the Pod. Without the shared volume each /dev/shm is private, but the segment stays visible: the IPC namespace is the Pod\'s.',
      focus: { pane: 'kubectl', kubectl: 'logs', container: 'consumer' },
      question: {
        prompt: 'How many containers of this Pod are ready now (READY column)?',
        kind: 'readyAt',
        choices: ['0/2', '1/2', '2/2'],
        explain: 'Both containers run and have no readiness probe, so both count as ready.',
      },
    },
  ],
  tryThis: [
    {
      label: 'Unmount /dev/shm from consumer',
      apply: { manifestReplace: [['sleep 5; done"]\n    volumeMounts:\n    - name: shm\n      mountPath: /dev/shm\n  volumes', 'sleep 5; done"]\n  volumes']] },
    },
    { label: 'Use a disk-backed emptyDir', apply: { manifestReplace: [['      medium: Memory\n', '']] } },
  ],
};
