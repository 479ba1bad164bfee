/**
 * Readiness gates set by another controller, postStart failures under each restart policy, required
 * node affinity, and the downward API / dependent env examples: rules the engine once got wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionAt, containerAt, eventsOf, onePod, podAt, run, statusAt } from './builders';

const DOCS = join(__dirname, '../../k8s/fixtures/docs');
const fixture = (path: string) => readFileSync(join(DOCS, path), 'utf8');
const GATE = 'example.com/feature-1';

describe('readiness gates follow setPodCondition (status/generate.go GeneratePodReadyCondition)', () => {
  const trace = run(onePod({ specExtra: `  readinessGates:\n  - conditionType: "${GATE}"`, body: '    command: ["sleep", "3600"]' }), {
    cachedImages: ['busybox:1.36'],
    until: 20_000,
    actions: [
      { at: 5, kind: 'setPodCondition', type: GATE, status: 'False' },
      { at: 10, kind: 'setPodCondition', type: GATE, status: 'True' },
    ],
  });
  it('condition False: Ready False, `the status of pod readiness gate "T" is not "True", but False`', () => {
    expect(conditionAt(trace, 6_000, GATE)?.status).toBe('False');
    expect(conditionAt(trace, 6_000, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ReadinessGatesNotReady',
      message: `the status of pod readiness gate "${GATE}" is not "True", but False`,
    });
  });
  it('condition True: Ready True', () => {
    expect(conditionAt(trace, 11_000, 'Ready')?.status).toBe('True');
  });
});

describe('a failing postStart (kuberuntime_container.go startContainer → killContainer(reasonFailedPostStartHook))', () => {
  const failing = (restartPolicy: string) =>
    run(onePod({ restartPolicy, body: '    command: ["sleep", "3600"]\n    lifecycle:\n      postStart:\n        exec:\n          command: ["sh", "-c", "exit 1"]' }), {
      cachedImages: ['busybox:1.36'],
      until: 60_000,
    });

  it('restartPolicy Never: the container is not restarted (ShouldContainerBeRestarted), the pod Fails', () => {
    const trace = failing('Never');
    expect(eventsOf(trace, 'Started')).toHaveLength(1);
    expect(containerAt(trace, 59_000).restartCount).toBe(0);
    expect(podAt(trace, 59_000).status?.phase).toBe('Failed');
  });

  it("the kill uses the pod's terminationGracePeriodSeconds (setTerminationGracePeriod): sleep ignores TERM, so KILL 30 s after the failure", () => {
    const trace = failing('Always');
    // The hook fails at 1 s; killContainer blocks until KILL at 31 s; only then can a new instance start.
    expect(eventsOf(trace, 'Started')[1]?.t ?? Infinity).toBeGreaterThanOrEqual(31_000);
  });

  it('while startContainer is blocked in the kill, the status generated before SyncPod stands: not Running', () => {
    const trace = failing('Always');
    expect(containerAt(trace, 1_500).state?.running).toBeUndefined();
    expect(statusAt(trace, 1_500)).toBe('ContainerCreating');
  });
});

describe('inject/dapi-envars-pod.yaml (tasks/inject-data-application/environment-variable-expose-pod-information.md)', () => {
  it('"The output shows the values of selected environment variables: minikube, dapi-envars-fieldref, default, 172.17.0.4, default"', () => {
    const trace = run(fixture('inject/dapi-envars-pod.yaml'), { until: 30_000 });
    const ip = podAt(trace, 29_000).status?.podIP;
    const logs = trace.logs['dapi-envars-fieldref/test-container'].map((l) => l.text).filter((l) => l !== '');
    expect(logs.slice(0, 5)).toEqual(['node-1', 'dapi-envars-fieldref', 'default', ip, 'default']);
  });
});

describe('inject/dependent-envars.yaml (tasks/inject-data-application/define-interdependent-environment-variables.md)', () => {
  it('"SERVICE_ADDRESS https://172.17.0.1:80 ... ESCAPED_REFERENCE $(PROTOCOL)://172.17.0.1:80" ($(VAR) expansion, third_party/forked/golang/expansion)', () => {
    const trace = run(fixture('inject/dependent-envars.yaml'), { until: 10_000 });
    const logs = trace.logs['dependent-envars-demo/dependent-envars-demo'].map((l) => l.text);
    expect(logs.slice(0, 6)).toEqual(['', 'SERVICE_ADDRESS', 'https://172.17.0.1:80', 'UNCHANGE_REFERENCE', 'ESCAPED_REFERENCE', '$(PROTOCOL)://172.17.0.1:80']);
  });
});

describe('pod-nginx-required-affinity.yaml (assign-pods-nodes-using-node-affinity.md; scheduler NodeAffinity plugin)', () => {
  it('on a node without disktype=ssd the pod is not scheduled: FailedScheduling, PodScheduled False Unschedulable', () => {
    const trace = run(fixture('pod-nginx-required-affinity.yaml'), { until: 30_000 });
    expect(eventsOf(trace, 'FailedScheduling')[0]?.message).toBe("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.");
    expect(conditionAt(trace, 29_000, 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' });
  });
});
