/**
 * Deleting a pod: deletionTimestamp/deletionGracePeriodSeconds on the object, Killing events,
 * preStop within the grace period, the image's stop signal, KILL when the grace period ends, the
 * object removed once every container stopped.
 * Sources: pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer, executePreStopHook),
 * pkg/kubelet/pod_workers.go (SyncTerminatingPod), staging/src/k8s.io/apiserver rest.BeforeDelete
 * (deletionTimestamp = now + grace), kubectl printers.go printPod ("Terminating" unless terminal).
 */
import { describe, expect, it } from 'vitest';
import { kubeTime } from '../../k8s';
import { KUBELET_WATCH_DELAY_MS } from '../timing';
import { containerAt, eventsOf, podAt, run, statusAt, statusChanges } from './builders';

const manifest = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: term',
  'spec:',
  '  terminationGracePeriodSeconds: 10',
  '  containers:',
  '  - name: app',
  '    image: busybox:1.36',
  '    command: ["sleep", "3600"]',
  '    lifecycle:',
  '      preStop:',
  '        sleep:',
  '          seconds: 3',
  '  - name: web',
  '    image: nginx:1.27',
  '',
].join('\n');
const trace = run(manifest, { cachedImages: ['busybox:1.36', 'nginx:1.27'], until: 40_000, actions: [{ at: 5, kind: 'deletePod' }] });
/** The kubelet hears of the deletion through its watch (kubelet-watch.test.ts) and kills from then. */
const KILL = 5_000 + KUBELET_WATCH_DELAY_MS;

describe('graceful deletion (kuberuntime_container.go killContainer; pod_workers.go SyncTerminatingPod)', () => {
  it('the object gets deletionTimestamp = now + grace and deletionGracePeriodSeconds; kubectl shows Terminating', () => {
    expect(podAt(trace, 6_000).metadata).toMatchObject({ deletionTimestamp: kubeTime(15_000), deletionGracePeriodSeconds: 10 });
    expect(statusAt(trace, 6_000)).toBe('Terminating');
  });

  it('every running container gets Killing "Stopping container NAME" when the kubelet hears of the deletion', () => {
    expect(eventsOf(trace, 'Killing').map((e) => [e.t, e.type, e.fieldPath, e.message])).toEqual([
      [KILL, 'Normal', 'spec.containers{app}', 'Stopping container app'],
      [KILL, 'Normal', 'spec.containers{web}', 'Stopping container web'],
    ]);
  });

  it.each([
    // preStop sleep 3 s, then TERM (ignored by sh as PID 1), KILL at the end of the 10 s grace period.
    { rule: 'busybox sleep ignores TERM: killed at grace end, exit 137', name: 'app', exitCode: 137, finished: KILL + 10_000 },
    // nginx's STOPSIGNAL (QUIT) makes it quit gracefully at once.
    { rule: 'nginx exits on its stop signal promptly', name: 'web', exitCode: 0, finished: KILL },
  ])('$rule', ({ name, exitCode, finished }) => {
    const state = containerAt(trace, finished + 500, name).state?.terminated;
    expect(state).toMatchObject({ exitCode, finishedAt: kubeTime(finished) });
    expect(containerAt(trace, finished - 500, name).state?.running).toBeDefined();
  });

  it('the preStop sleep runs before TERM: the container is still running 2.9 s later', () => {
    expect(containerAt(trace, 7_900, 'app').state?.running).toBeDefined();
  });

  it('the object is gone once all containers stopped (trace.deletedAt; frames without the pod)', () => {
    const gone = trace.deletedAt.term;
    expect(gone).toBeGreaterThanOrEqual(KILL + 10_000);
    expect(gone).toBeLessThanOrEqual(KILL + 11_000);
    expect(trace.frames.filter((f) => f.t >= gone).every((f) => f.pods.length === 0)).toBe(true);
    expect(statusChanges(trace).map(([, s]) => s)).toContain('Terminating');
  });
});
