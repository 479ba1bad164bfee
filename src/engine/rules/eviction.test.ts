/**
 * Node-pressure eviction and drain. Sources: pkg/kubelet/eviction/eviction_manager.go (evictPod:
 * event Evicted, status Failed/Evicted, DisruptionTarget reason TerminationByKubelet,
 * immediateEvictionGracePeriodSeconds 1, so TERM then KILL 2 s later), helpers.go evictionMessage; kubectl drain (cordon, then the
 * Eviction API deletes each pod with its own grace period).
 */
import { describe, expect, it } from 'vitest';
import { KUBELET_WATCH_DELAY_MS } from '../timing';
import { BUSYBOX, conditionAt, eventsOf, onePod, podAt, run, statusAt, timesOf } from './builders';

const sleeper = onePod({ body: '    command: ["sleep", "3600"]' });

describe('node-pressure eviction (eviction_manager.go evictPod)', () => {
  const trace = run(sleeper, { cachedImages: [BUSYBOX], until: 60_000, actions: [{ at: 10, kind: 'nodePressure', resource: 'memory' }, { at: 30, kind: 'deletePod' }] });

  it('records Evicted with the eviction message, then kills with the 1 s immediate grace period (KILL 2 s after TERM, the kubelet minimum)', () => {
    const evicted = eventsOf(trace, 'Evicted');
    expect(evicted).toHaveLength(1);
    expect(evicted[0]).toMatchObject({ t: 10_000, type: 'Warning' });
    // sleep uses no memory, so no container is over its request and none is named (evictionMessage).
    expect(evicted[0].message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+Mi\. $/);
    expect(timesOf(trace, 'Killing')).toEqual([10_000]);
    // sleep ignores TERM as PID 1: the kubelet's 2 s minimum, then KILL.
    expect(podAt(trace, 13_000).status?.containerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('the pod is Failed with reason Evicted and DisruptionTarget TerminationByKubelet; kubectl shows Evicted, then the container reason', () => {
    expect(podAt(trace, 11_000).status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(conditionAt(trace, 11_000, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'TerminationByKubelet' });
    expect(statusAt(trace, 11_000)).toBe('Evicted');
    // printPod: a terminated container's reason wins over status.reason once the container is down.
    expect(statusAt(trace, 20_000)).toBe('Error');
  });

  it('an evicted pod stays in the API until deleted, and a delete then removes it at once', () => {
    expect(podAt(trace, 29_000)).toBeDefined();
    expect(trace.deletedAt[podAt(trace, 29_000).metadata?.name ?? '']).toBe(30_000);
  });
});

describe('kubectl drain (cordon, then evict every pod through the Eviction API)', () => {
  it('marks the node unschedulable and deletes the pod with its own grace period, DisruptionTarget EvictionByEvictionAPI', () => {
    const trace = run(sleeper, { cachedImages: [BUSYBOX], until: 60_000, actions: [{ at: 5, kind: 'drain' }] });
    expect(conditionAt(trace, 6_000, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    const frame = trace.frames.find((f) => f.t >= 5_000);
    expect(frame?.nodes[0].unschedulable).toBe(true);
    expect(podAt(trace, 6_000).metadata?.deletionTimestamp).toBeDefined();
    // terminationGracePeriodSeconds 30 from the kubelet's kill (its watch delivers the deletion):
    // sleep ignores TERM, KILL at 35.1 s, gone after the next relist.
    expect(Object.values(trace.deletedAt)[0]).toBe(36_000 + KUBELET_WATCH_DELAY_MS);
  });
});
