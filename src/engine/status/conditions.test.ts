import { describe, expect, it } from 'vitest';
import { generateConditions, type ConditionInput } from './conditions';
import type { ApiPodCondition } from './types';
import { container, running, sidecar, spec, terminated, waiting } from './status.test-helpers';

const T1 = '2025-01-01T09:00:01Z';
const T2 = '2025-01-01T09:00:30Z';

function input(over: Partial<ConditionInput> = {}): ConditionInput {
  return {
    spec: spec([container('app')]),
    initStatuses: [],
    statuses: [running('app', { ready: true })],
    phase: 'Running',
    scheduled: { status: 'True' },
    sandboxReady: true,
    externalConditions: [],
    previous: [],
    now: T2,
    ...over,
  };
}

const types = (cs: ApiPodCondition[]) => cs.map((c) => c.type);
const byType = (cs: ApiPodCondition[], type: string) => cs.find((c) => c.type === type);

// pkg/kubelet/kubelet_pods.go generateAPIPodStatus (order); status_manager.go mergePodStatus (non-kubelet first)
describe('generateConditions: order (kubelet_pods.go generateAPIPodStatus, status_manager.go mergePodStatus)', () => {
  it('kubelet conditions in the order kubectl shows them', () => {
    expect(types(generateConditions(input()))).toEqual([
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ]);
  });

  it('conditions not owned by the kubelet come first, in their order; kubelet-owned ones given are regenerated', () => {
    const externalConditions = [
      { type: 'example.com/lb', status: 'True', lastTransitionTime: T1 },
      { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', lastTransitionTime: T1 },
      { type: 'Ready', status: 'False', lastTransitionTime: T1 },
    ];
    const cs = generateConditions(input({ externalConditions }));
    expect(types(cs)).toEqual([
      'example.com/lb',
      'DisruptionTarget',
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ]);
    expect(byType(cs, 'Ready')?.status).toBe('True');
    expect(byType(cs, 'DisruptionTarget')).toStrictEqual({
      lastProbeTime: null,
      lastTransitionTime: T1,
      reason: 'EvictionByEvictionAPI',
      status: 'True',
      type: 'DisruptionTarget',
    });
  });

  it('not scheduled: only the scheduler condition, PodScheduled=False with reason Unschedulable', () => {
    const message = '0/1 nodes are available: 1 Insufficient memory.';
    const cs = generateConditions(
      input({
        scheduled: { status: 'False', reason: 'Unschedulable', message },
        statuses: [],
        phase: 'Pending',
      }),
    );
    expect(cs).toStrictEqual([
      {
        lastProbeTime: null,
        lastTransitionTime: T2,
        message,
        reason: 'Unschedulable',
        status: 'False',
        type: 'PodScheduled',
      },
    ]);
  });
});

describe('generateConditions: shape (API serialisation, status_manager.go updateLastTransitionTime)', () => {
  it('every condition has lastProbeTime null and lastTransitionTime; reason/message only when set; keys sorted', () => {
    const cs = generateConditions(
      input({
        statuses: [running('app')],
        spec: spec([container('app')], { init: [container('init')] }),
        initStatuses: [terminated('init', 0, { ready: true })],
      }),
    );
    expect(cs).toStrictEqual([
      { lastProbeTime: null, lastTransitionTime: T2, status: 'True', type: 'PodReadyToStartContainers' },
      { lastProbeTime: null, lastTransitionTime: T2, status: 'True', type: 'Initialized' },
      {
        lastProbeTime: null,
        lastTransitionTime: T2,
        message: 'containers with unready status: [app]',
        reason: 'ContainersNotReady',
        status: 'False',
        type: 'Ready',
      },
      {
        lastProbeTime: null,
        lastTransitionTime: T2,
        message: 'containers with unready status: [app]',
        reason: 'ContainersNotReady',
        status: 'False',
        type: 'ContainersReady',
      },
      { lastProbeTime: null, lastTransitionTime: T2, status: 'True', type: 'PodScheduled' },
    ]);
    for (const c of cs) expect(Object.keys(c)).toEqual([...Object.keys(c)].sort());
    expect(JSON.stringify(cs[0])).toBe(
      `{"lastProbeTime":null,"lastTransitionTime":"${T2}","status":"True","type":"PodReadyToStartContainers"}`,
    );
  });

  it('observedGeneration on the generated conditions when the generation is given (PodObservedGenerationTracking)', () => {
    const cs = generateConditions(input({ generation: 1 }));
    expect(cs.map((c) => c.observedGeneration)).toEqual([1, 1, 1, 1, 1]);
    expect(generateConditions(input()).some((c) => 'observedGeneration' in c)).toBe(false);
  });
});

// pkg/kubelet/status/status_manager.go updateLastTransitionTime
describe('generateConditions: lastTransitionTime (status_manager.go updateLastTransitionTime)', () => {
  const previous = generateConditions(input({ statuses: [running('app')], now: T1 }));

  it.each([
    { rule: 'unchanged status keeps the previous time', type: 'PodScheduled', expected: T1 },
    { rule: 'unchanged status keeps the previous time', type: 'Initialized', expected: T1 },
    { rule: 'unchanged status keeps the previous time', type: 'PodReadyToStartContainers', expected: T1 },
    { rule: 'changed status (False → True) takes now', type: 'Ready', expected: T2 },
    { rule: 'changed status (False → True) takes now', type: 'ContainersReady', expected: T2 },
  ])('$type: $rule', ({ type, expected }) => {
    const cs = generateConditions(input({ previous }));
    expect(byType(cs, type)?.lastTransitionTime).toBe(expected);
  });

  it('a changed reason or message with the same status keeps the time', () => {
    const before = generateConditions(
      input({
        spec: spec([container('a'), container('b')]),
        statuses: [running('a'), running('b')],
        now: T1,
      }),
    );
    const after = generateConditions(
      input({
        spec: spec([container('a'), container('b')]),
        statuses: [running('a', { ready: true }), running('b')],
        previous: before,
      }),
    );
    const ready = byType(after, 'Ready');
    expect(ready?.message).toBe('containers with unready status: [b]');
    expect(ready?.lastTransitionTime).toBe(T1);
  });

  it('a condition with no previous entry takes now', () => {
    const cs = generateConditions(
      input({ previous: [{ type: 'Ready', status: 'True', lastTransitionTime: T1 }] }),
    );
    expect(byType(cs, 'Ready')?.lastTransitionTime).toBe(T1);
    expect(byType(cs, 'Initialized')?.lastTransitionTime).toBe(T2);
  });

  it('PodScheduled False → True (bound) takes now', () => {
    const pending = generateConditions(
      input({ scheduled: { status: 'False', reason: 'Unschedulable' }, now: T1 }),
    );
    expect(byType(generateConditions(input({ previous: pending })), 'PodScheduled')?.lastTransitionTime).toBe(
      T2,
    );
  });

  it('an external condition without its own time follows the same rule', () => {
    const prev = [{ type: 'g', status: 'True', lastTransitionTime: T1 }];
    const kept = generateConditions(
      input({ externalConditions: [{ type: 'g', status: 'True' }], previous: prev }),
    );
    const flipped = generateConditions(
      input({ externalConditions: [{ type: 'g', status: 'False' }], previous: prev }),
    );
    expect(byType(kept, 'g')?.lastTransitionTime).toBe(T1);
    expect(byType(flipped, 'g')?.lastTransitionTime).toBe(T2);
  });
});

// pkg/kubelet/status/generate.go GeneratePodReadyCondition, fed by generateAPIPodStatus's conditions so far
describe('generateConditions: readiness gates read external conditions (generate.go GeneratePodReadyCondition)', () => {
  const gated = spec([container('app')], { gates: ['example.com/lb'] });
  it.each([
    {
      rule: 'gate condition missing',
      external: [],
      status: 'False',
      message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist.',
    },
    {
      rule: 'gate condition False',
      external: [{ type: 'example.com/lb', status: 'False' }],
      status: 'False',
      message: 'the status of pod readiness gate "example.com/lb" is not "True", but False',
    },
    {
      rule: 'gate condition True',
      external: [{ type: 'example.com/lb', status: 'True' }],
      status: 'True',
      message: undefined,
    },
  ])('$rule → Ready $status', ({ external, status, message }) => {
    const cs = generateConditions(input({ spec: gated, externalConditions: external }));
    expect(byType(cs, 'Ready')?.status).toBe(status);
    expect(byType(cs, 'Ready')?.message).toBe(message);
    expect(byType(cs, 'Ready')?.reason).toBe(message === undefined ? undefined : 'ReadinessGatesNotReady');
    expect(byType(cs, 'ContainersReady')?.status).toBe('True');
  });
});

describe('generateConditions: whole pods (generate.go, kubelet_pods.go generateAPIPodStatus)', () => {
  it('sandbox not ready yet, init running: PodReadyToStartContainers False, Initialized False', () => {
    const cs = generateConditions(
      input({
        spec: spec([container('app')], { init: [container('init')] }),
        initStatuses: [waiting('init')],
        statuses: [waiting('app', 'PodInitializing')],
        sandboxReady: false,
        phase: 'Pending',
      }),
    );
    expect(cs.map((c) => [c.type, c.status, c.reason ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', ''],
      ['Initialized', 'False', 'ContainersNotInitialized'],
      ['Ready', 'False', 'ContainersNotReady'],
      ['ContainersReady', 'False', 'ContainersNotReady'],
      ['PodScheduled', 'True', ''],
    ]);
  });

  it('completed Job pod with a sidecar: Initialized True PodCompleted, Ready/ContainersReady False PodCompleted', () => {
    const cs = generateConditions(
      input({
        spec: spec([container('app')], { init: [sidecar('side')], restartPolicy: 'Never' }),
        initStatuses: [terminated('side', 143)],
        statuses: [terminated('app', 0)],
        sandboxReady: false,
        phase: 'Succeeded',
      }),
    );
    expect(cs.map((c) => [c.type, c.status, c.reason ?? ''])).toEqual([
      ['PodReadyToStartContainers', 'False', ''],
      ['Initialized', 'True', 'PodCompleted'],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
      ['PodScheduled', 'True', ''],
    ]);
  });

  it('failed pod: Ready/ContainersReady False PodFailed', () => {
    const cs = generateConditions(
      input({
        spec: spec([container('app')], { restartPolicy: 'Never' }),
        statuses: [terminated('app', 1)],
        phase: 'Failed',
      }),
    );
    expect(byType(cs, 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(byType(cs, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(byType(cs, 'Ready')).not.toHaveProperty('message');
  });

  it('no container statuses at all: UnknownContainerStatuses', () => {
    const cs = generateConditions(input({ statuses: [], phase: 'Pending' }));
    expect(byType(cs, 'ContainersReady')).toMatchObject({
      status: 'False',
      reason: 'UnknownContainerStatuses',
    });
    expect(byType(cs, 'Ready')).toMatchObject({ status: 'False', reason: 'UnknownContainerStatuses' });
  });
});
