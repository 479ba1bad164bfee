/**
 * Scheduling on the single simulated node: what fits is bound (`Scheduled`); what does not stays
 * Pending forever with PodScheduled=False reason Unschedulable and a FailedScheduling event.
 * Sources: pkg/scheduler/framework/plugins/noderesources/fit.go (fitsRequest, computePodResourceRequest),
 * pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (Filter, ErrReasonPod),
 * pkg/scheduler/schedule_one.go (handleSchedulingFailure, FitError.Error),
 * pkg/scheduler/framework/plugins/defaultpreemption (PostFilter messages),
 * staging/src/k8s.io/component-helpers/resource/helpers.go (PodRequests: max of init vs sum).
 */
import { describe, expect, it } from 'vitest';
import { conditionAt, eventsOf, podAt, run, statusAt } from './builders';

const pod = (resources: string, extra = '') =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: sched',
    'spec:',
    extra,
    '  containers:',
    '  - name: app',
    '    image: busybox:1.36',
    '    command: ["sleep", "3600"]',
    resources,
    '',
  ]
    .filter((l) => l !== '')
    .join('\n') + '\n';

const requests = (cpu: string, memory: string) => `    resources:\n      requests:\n        cpu: "${cpu}"\n        memory: "${memory}"`;

const INSUFFICIENT_MEMORY =
  '0/1 nodes are available: 1 Insufficient memory. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
const INSUFFICIENT_CPU =
  '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
const SELECTOR_MISMATCH =
  "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.";

describe('NodeResourcesFit / NodeAffinity filters (pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest; nodeaffinity/node_affinity.go Filter)', () => {
  it.each([
    { rule: 'a pod whose requests fit is bound to the node', manifest: pod(requests('500m', '1Gi')), message: undefined },
    { rule: 'memory request above allocatable: Insufficient memory', manifest: pod(requests('500m', '5Gi')), message: INSUFFICIENT_MEMORY },
    { rule: 'cpu request above allocatable: Insufficient cpu', manifest: pod(requests('3', '1Gi')), message: INSUFFICIENT_CPU },
    { rule: 'nodeSelector that matches no node label: node affinity/selector', manifest: pod('', '  nodeSelector:\n    disktype: ssd'), message: SELECTOR_MISMATCH },
    { rule: 'nodeSelector that matches the node label fits', manifest: pod('', '  nodeSelector:\n    kubernetes.io/os: linux'), message: undefined },
  ])('$rule', ({ manifest, message }) => {
    const trace = run(manifest, { until: 120_000, cachedImages: ['busybox:1.36'] });
    const scheduled = conditionAt(trace, 120_000, 'PodScheduled');
    if (message === undefined) {
      expect(eventsOf(trace, 'Scheduled').map((e) => [e.t, e.type, e.message])).toEqual([[0, 'Normal', 'Successfully assigned default/sched to node-1']]);
      expect(scheduled?.status).toBe('True');
      expect(podAt(trace, 120_000).spec?.nodeName).toBe('node-1');
      expect(podAt(trace, 120_000).status?.phase).toBe('Running');
      return;
    }
    expect(eventsOf(trace, 'FailedScheduling').map((e) => [e.t, e.type, e.message])).toEqual([[0, 'Warning', message]]);
    expect(eventsOf(trace, 'Scheduled')).toEqual([]);
    expect(scheduled).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message });
    // Unschedulable is a reason, never a condition type.
    expect(podAt(trace, 120_000).status?.conditions?.map((c) => c.type)).toEqual(['PodScheduled']);
  });

  it.each([0, 1_000, 60_000, 120_000])('an unschedulable pod stays Pending forever with no node and no kubelet events (t=%i ms)', (t) => {
    const trace = run(pod(requests('500m', '5Gi')), { until: 120_000 });
    const p = podAt(trace, t);
    expect(p.status?.phase).toBe('Pending');
    expect(p.spec?.nodeName).toBeUndefined();
    expect(p.status?.containerStatuses).toBeUndefined();
    expect(statusAt(trace, t)).toBe('Pending');
    expect(trace.events.filter((e) => e.source === 'kubelet')).toEqual([]);
  });
});

describe('effective request = max(sum of containers, largest init container) (component-helpers resource.PodRequests)', () => {
  const initPod = (initMemory: string) =>
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: sched',
      'spec:',
      '  initContainers:',
      '  - name: init-a',
      '    image: busybox:1.36',
      '    command: ["true"]',
      `    resources: {requests: {memory: "${initMemory}"}}`,
      '  - name: init-b',
      '    image: busybox:1.36',
      '    command: ["true"]',
      `    resources: {requests: {memory: "${initMemory}"}}`,
      '  containers:',
      '  - name: app',
      '    image: busybox:1.36',
      '    command: ["sleep", "3600"]',
      '    resources: {requests: {memory: "1Gi"}}',
      '',
    ].join('\n');

  it.each([
    { rule: 'two 3Gi init containers and a 1Gi container need 3Gi, not 7Gi: fits in 4Gi', initMemory: '3Gi', fits: true },
    { rule: 'one init container above allocatable does not fit', initMemory: '5Gi', fits: false },
  ])('$rule', ({ initMemory, fits }) => {
    const trace = run(initPod(initMemory), { until: 10_000 });
    expect(conditionAt(trace, 10_000, 'PodScheduled')?.status).toBe(fits ? 'True' : 'False');
    expect(eventsOf(trace, fits ? 'Scheduled' : 'FailedScheduling')).toHaveLength(1);
    if (!fits) expect(eventsOf(trace, 'FailedScheduling')[0].message).toBe(INSUFFICIENT_MEMORY);
  });
});
