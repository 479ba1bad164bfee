/**
 * A container allocating beyond its memory limit is OOM-killed: Terminated reason OOMKilled, exit
 * 137, restarted per policy.
 * Sources: pkg/kubelet/kuberuntime/kuberuntime_container.go (toKubeContainerStatus: reason from the
 * CRI, OOMKilled), containerd cri (reason OOMKilled on a memory cgroup OOM), kubectl printers.go printPod.
 */
import { describe, expect, it } from 'vitest';
import { containerAt, onePod, podAt, run, statusAt, timesOf } from './builders';

const stress = (restartPolicy: string) =>
  onePod({
    name: 'oom',
    restartPolicy,
    image: 'polinux/stress',
    body: '    resources:\n      limits:\n        memory: 100Mi\n    command: ["stress"]\n    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]',
  });

describe('OOMKilled (kuberuntime_container.go; printers.go printPod)', () => {
  it.each([
    { policy: 'Never', phase: 'Failed', restarts: false },
    { policy: 'OnFailure', phase: 'Running', restarts: true },
    { policy: 'Always', phase: 'Running', restarts: true },
  ])('restartPolicy $policy: Terminated OOMKilled exit 137, phase $phase', ({ policy, phase, restarts }) => {
    const trace = run(stress(policy), { cachedImages: ['polinux/stress'], until: 30_000 });
    const started = timesOf(trace, 'Started');
    const app = containerAt(trace, started[0] + 500);
    expect(app.state?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(statusAt(trace, started[0] + 500)).toBe('OOMKilled');
    expect(started.length > 1).toBe(restarts);
    expect(podAt(trace, 30_000).status?.phase).toBe(phase);
    if (restarts) expect(containerAt(trace, 30_000).lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });
});
