/**
 * A container's status through its life: Waiting (ContainerCreating while the image is pulled),
 * Running with startedAt, Terminated with exitCode/reason/startedAt/finishedAt, lastState after a
 * restart, restartCount, ready and started.
 * Sources: pkg/kubelet/kubelet_pods.go (convertToAPIContainerStatuses: default waiting reason,
 * lastTerminationState), pkg/kubelet/kuberuntime/kuberuntime_container.go (getTerminationReason:
 * Completed/Error), pkg/kubelet/prober/prober_manager.go (UpdatePodStatus: ready, started).
 */
import { describe, expect, it } from 'vitest';
import { kubeTime } from '../../k8s';
import { BUSYBOX_PULL_MS, SANDBOX_MS, containerAt, onePod, podAt, run, statusAt } from './builders';

// Pulled (not cached): starts at 1.605 s, runs 5 s, exits 2; restarted at the relist 1 s later.
const trace = run(onePod({ name: 'states', body: '    command: ["sh", "-c", "sleep 5; exit 2"]' }), { until: 12_000 });
const startedAt = SANDBOX_MS + BUSYBOX_PULL_MS;
const finishedAt = startedAt + 5_000;

describe('container states (kubelet_pods.go convertToAPIContainerStatuses)', () => {
  it.each([
    {
      rule: 'before the sandbox: Waiting ContainerCreating',
      t: 500,
      expected: { state: { waiting: { reason: 'ContainerCreating' } }, ready: false, started: false, restartCount: 0, lastState: {} },
      status: 'ContainerCreating',
    },
    {
      rule: 'while the image is pulled: Waiting ContainerCreating',
      t: 1_200,
      expected: { state: { waiting: { reason: 'ContainerCreating' } }, ready: false, started: false, restartCount: 0, lastState: {} },
      status: 'ContainerCreating',
    },
    {
      rule: 'running: Running startedAt, ready and started (no probes)',
      t: 3_000,
      expected: { state: { running: { startedAt: kubeTime(startedAt) } }, ready: true, started: true, restartCount: 0, lastState: {} },
      status: 'Running',
    },
    {
      rule: 'exited non-zero: Terminated Error with exitCode, startedAt and finishedAt; not ready, not started',
      t: finishedAt + 200,
      expected: {
        state: { terminated: { exitCode: 2, reason: 'Error', startedAt: kubeTime(startedAt), finishedAt: kubeTime(finishedAt) } },
        ready: false,
        started: false,
        restartCount: 0,
        lastState: {},
      },
      status: 'Error',
    },
    {
      rule: 'restarted: Running again, restartCount 1, lastState holds the termination',
      t: finishedAt + 1_500,
      expected: {
        state: { running: { startedAt: kubeTime(finishedAt + 1_000) } },
        ready: true,
        started: true,
        restartCount: 1,
        lastState: { terminated: { exitCode: 2, reason: 'Error', startedAt: kubeTime(startedAt), finishedAt: kubeTime(finishedAt) } },
      },
      status: 'Running',
    },
  ])('$rule', ({ t, expected, status }) => {
    expect(containerAt(trace, t)).toMatchObject(expected);
    expect(statusAt(trace, t)).toBe(status);
  });

  it('containerID and imageID are set once a container exists, and the ID changes on restart', () => {
    expect(containerAt(trace, 1_200).containerID).toBeUndefined();
    const first = containerAt(trace, 3_000);
    const second = containerAt(trace, finishedAt + 1_500);
    expect(first.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(second.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(second.containerID).not.toBe(first.containerID);
    expect(second.lastState?.terminated?.containerID).toBe(first.containerID);
    expect(first.imageID).toMatch(/^docker\.io\/library\/busybox@sha256:[0-9a-f]{64}$/);
    expect(first.image).toBe('busybox:1.36');
  });

  it('exit 0 under Never: Terminated Completed', () => {
    const done = run(onePod({ restartPolicy: 'Never', body: '    command: ["true"]' }), { cachedImages: ['busybox:1.36'], until: 5_000 });
    expect(containerAt(done, 5_000).state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(podAt(done, 5_000).status?.phase).toBe('Succeeded');
  });
});
