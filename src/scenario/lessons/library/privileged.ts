import { lessonScenario, onEvent, seconds } from '../define';
import type { Lesson } from '../types';

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
  - name: plain
    image: busybox:1.37
    command: ["sh", "-c", "id; ip link set lo mtu 1400; mkdir -p /mnt; mount -t tmpfs tmpfs /mnt; sleep 3600"]
  - name: admin
    image: busybox:1.37
    command: ["sh", "-c", "sleep 1; id; ip link set lo mtu 1400 && ip link show lo; mkdir -p /mnt; mount -t tmpfs tmpfs /mnt && mount | grep /mnt; sleep 3600"]
    securityContext:
      privileged: true
`;

export const privilegedContainers: Lesson = {
  id: 'privileged',
  title: 'Privileged containers',
  topic: 'Privileged containers',
  goal: 'Say what securityContext.privileged grants, why root is not the same thing, and why policies forbid it.',
  scenario: lessonScenario('Privileged containers', manifest),
  untilMs: seconds(30),
  panes: ['kubectl', 'timeline'],
  misconception: {
    belief: 'Running as root (uid 0) is the same as privileged.',
    reality: 'An ordinary root container still runs with a reduced set of capabilities, a seccomp profile and no host devices; privileged: true lifts all of that.',
  },
  steps: [
    {
      id: 'field',
      at: { t: 0 },
      narration:
        'admin sets securityContext.privileged: true (per container). On a real node it gets every Linux capability, all host devices under /dev, and no seccomp or AppArmor confinement: close to root on the node itself.',
      focus: { pane: 'kubectl', kubectl: 'yaml' },
    },
    {
      id: 'starts',
      at: onEvent('Started', { container: 'admin' }),
      narration:
        'The kubelet starts it like any other container. Being privileged is allowed by the kubelet, and refused only by policy: the Pod Security Standards (baseline and restricted) forbid it.',
      focus: { container: 'admin', pane: 'timeline' },
      question: {
        prompt: 'Does the kubelet treat the privileged container differently in kubectl get pods?',
        kind: 'choice',
        choices: ['No: both run, READY 2/2', 'It stays Pending until approved', 'It gets its own IP'],
        answer: 'No: both run, READY 2/2',
        explain: 'Both containers start and are ready: privilege changes what the process may do in the kernel, not its lifecycle. See READY in `kubectl get pods`.',
      },
    },
    {
      id: 'honest',
      at: onEvent('Started', { container: 'admin' }, seconds(5)),
      narration:
        'Both print uid=0, yet `kubectl logs tools -c plain` shows "ip: ioctl 0x8922 failed: Operation not permitted" and "mount: permission denied (are you root?)": root in an ordinary container lacks CAP_NET_ADMIN and CAP_SYS_ADMIN. admin sets lo\'s MTU to 1400 and mounts a tmpfs. Both share one network namespace, so plain\'s `ip link` now shows mtu 1400 too.',
      focus: { pane: 'kubectl', kubectl: 'logs', container: 'plain' },
      question: {
        prompt: 'What does READY say a little later?',
        kind: 'readyAt',
        choices: ['1/2', '2/2', '0/2'],
        explain: 'A refused ip or mount is an ordinary error for the script, not a crash: both keep running and are ready.',
      },
    },
  ],
  tryThis: [
    { label: 'Drop privileged from admin', apply: { manifestReplace: [['    securityContext:\n      privileged: true\n', '']] } },
    { label: 'Grant only NET_ADMIN', apply: { manifestReplace: [['privileged: true', 'capabilities: {add: [NET_ADMIN]}']] } },
  ],
};
