import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import {
  generateContainersReadyCondition,
  generatePodInitializedCondition,
  generatePodReadyCondition,
  generatePodReadyToStartContainersCondition,
} from './generate';
import type { AnyPodCondition, GeneratedCondition, PodPhase } from './types';
import { container, crashLooping, running, sidecar, spec, terminated, waiting } from './status.test-helpers';

interface Row {
  rule: string;
  spec: PodSpec;
  statuses: ContainerStatus[] | undefined;
  phase?: PodPhase;
  conditions?: AnyPodCondition[];
  expected: GeneratedCondition;
}

const abc = spec([container('a'), container('b'), container('c')]);
const withSidecar = spec([container('app')], { init: [container('init'), sidecar('side')] });
const gated = (gates: string[]) => spec([container('app')], { gates });
const cond = (type: string, status: string): AnyPodCondition => ({ type, status });

// pkg/kubelet/status/generate.go GenerateContainersReadyCondition
describe('ContainersReady (generate.go GenerateContainersReadyCondition)', () => {
  it.each<Row>([
    {
      rule: 'every container ready: True',
      spec: abc,
      statuses: [running('a', { ready: true }), running('b', { ready: true }), running('c', { ready: true })],
      expected: { type: 'ContainersReady', status: 'True' },
    },
    {
      rule: 'unready names in spec order, not status order',
      spec: abc,
      statuses: [running('c'), running('b', { ready: true }), running('a')],
      expected: {
        type: 'ContainersReady',
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [a c]',
      },
    },
    {
      rule: 'unknown first, then unready, joined by ", "',
      spec: abc,
      statuses: [waiting('a'), running('c')],
      expected: {
        type: 'ContainersReady',
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unknown status: [b], containers with unready status: [a c]',
      },
    },
    {
      rule: 'sidecars count (before regular containers); regular init containers do not',
      spec: withSidecar,
      statuses: [terminated('init', 0), running('side'), running('app')],
      expected: {
        type: 'ContainersReady',
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [side app]',
      },
    },
    {
      rule: 'sidecar without status is unknown',
      spec: withSidecar,
      statuses: [terminated('init', 0, { ready: true }), running('app', { ready: true })],
      expected: {
        type: 'ContainersReady',
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unknown status: [side]',
      },
    },
    {
      rule: 'sidecar and app ready: True',
      spec: withSidecar,
      statuses: [
        terminated('init', 0, { ready: true }),
        running('side', { ready: true }),
        running('app', { ready: true }),
      ],
      expected: { type: 'ContainersReady', status: 'True' },
    },
    {
      rule: 'Succeeded with every container known: False PodCompleted',
      spec: abc,
      phase: 'Succeeded',
      statuses: [terminated('a', 0), terminated('b', 0), terminated('c', 0)],
      expected: { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' },
    },
    {
      rule: 'Succeeded with an unknown container falls through to the messages',
      spec: abc,
      phase: 'Succeeded',
      statuses: [terminated('a', 0), terminated('b', 0)],
      expected: {
        type: 'ContainersReady',
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unknown status: [c], containers with unready status: [a b]',
      },
    },
    {
      rule: 'Failed: False PodFailed even while a container is still ready',
      spec: abc,
      phase: 'Failed',
      statuses: [running('a', { ready: true })],
      expected: { type: 'ContainersReady', status: 'False', reason: 'PodFailed' },
    },
    {
      rule: 'nil statuses: False UnknownContainerStatuses',
      spec: abc,
      statuses: undefined,
      expected: { type: 'ContainersReady', status: 'False', reason: 'UnknownContainerStatuses' },
    },
  ])('$rule', (row) => {
    expect(generateContainersReadyCondition(row.spec, row.statuses, row.phase ?? 'Running')).toStrictEqual(
      row.expected,
    );
  });
});

// pkg/kubelet/status/generate.go GeneratePodReadyCondition
describe('Ready (generate.go GeneratePodReadyCondition)', () => {
  it.each<Row>([
    {
      rule: 'containers not ready: copies ContainersReady status, reason and message',
      spec: abc,
      statuses: [running('a'), running('b', { ready: true })],
      expected: {
        type: 'Ready',
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unknown status: [c], containers with unready status: [a]',
      },
    },
    {
      rule: 'Succeeded: copies PodCompleted',
      spec: abc,
      phase: 'Succeeded',
      statuses: [terminated('a', 0), terminated('b', 0), terminated('c', 0)],
      expected: { type: 'Ready', status: 'False', reason: 'PodCompleted' },
    },
    {
      rule: 'Failed: copies PodFailed',
      spec: abc,
      phase: 'Failed',
      statuses: [terminated('a', 1)],
      expected: { type: 'Ready', status: 'False', reason: 'PodFailed' },
    },
    {
      rule: 'containers ready, no gates: True',
      spec: gated([]),
      statuses: [running('app', { ready: true })],
      expected: { type: 'Ready', status: 'True' },
    },
    {
      rule: 'readiness gate condition missing',
      spec: gated(['example.com/lb']),
      statuses: [running('app', { ready: true })],
      expected: {
        type: 'Ready',
        status: 'False',
        reason: 'ReadinessGatesNotReady',
        message: 'corresponding condition of pod readiness gate "example.com/lb" does not exist.',
      },
    },
    {
      rule: 'readiness gate condition False',
      spec: gated(['example.com/lb']),
      conditions: [cond('example.com/lb', 'False')],
      statuses: [running('app', { ready: true })],
      expected: {
        type: 'Ready',
        status: 'False',
        reason: 'ReadinessGatesNotReady',
        message: 'the status of pod readiness gate "example.com/lb" is not "True", but False',
      },
    },
    {
      rule: 'readiness gate condition Unknown',
      spec: gated(['g']),
      conditions: [cond('g', 'Unknown')],
      statuses: [running('app', { ready: true })],
      expected: {
        type: 'Ready',
        status: 'False',
        reason: 'ReadinessGatesNotReady',
        message: 'the status of pod readiness gate "g" is not "True", but Unknown',
      },
    },
    {
      rule: 'several gates: messages in gate order joined by ", "',
      spec: gated(['one', 'two', 'three']),
      conditions: [cond('three', 'False'), cond('two', 'True')],
      statuses: [running('app', { ready: true })],
      expected: {
        type: 'Ready',
        status: 'False',
        reason: 'ReadinessGatesNotReady',
        message:
          'corresponding condition of pod readiness gate "one" does not exist., ' +
          'the status of pod readiness gate "three" is not "True", but False',
      },
    },
    {
      rule: 'every gate True: True',
      spec: gated(['one', 'two']),
      conditions: [cond('one', 'True'), cond('two', 'True')],
      statuses: [running('app', { ready: true })],
      expected: { type: 'Ready', status: 'True' },
    },
    {
      rule: 'gates are not looked at while containers are unready',
      spec: gated(['one']),
      statuses: [running('app')],
      expected: {
        type: 'Ready',
        status: 'False',
        reason: 'ContainersNotReady',
        message: 'containers with unready status: [app]',
      },
    },
  ])('$rule', (row) => {
    expect(
      generatePodReadyCondition(row.spec, row.conditions ?? [], row.statuses, row.phase ?? 'Running'),
    ).toStrictEqual(row.expected);
  });
});

const inits = spec([container('app')], { init: [container('i1'), sidecar('s1'), container('i2')] });

// pkg/kubelet/status/generate.go GeneratePodInitializedCondition, isInitContainerInitialized
describe('Initialized (generate.go GeneratePodInitializedCondition)', () => {
  it.each<Row>([
    {
      rule: 'no init containers: True',
      spec: spec([container('app')]),
      statuses: [waiting('app')],
      expected: { type: 'Initialized', status: 'True' },
    },
    {
      rule: 'no init containers and nil statuses: True',
      spec: spec([container('app')]),
      statuses: undefined,
      expected: { type: 'Initialized', status: 'True' },
    },
    {
      rule: 'nil statuses with init containers: False UnknownContainerStatuses',
      spec: inits,
      statuses: undefined,
      expected: { type: 'Initialized', status: 'False', reason: 'UnknownContainerStatuses' },
    },
    {
      rule: 'unknown then incomplete, each in spec order',
      spec: inits,
      statuses: [running('i1'), waiting('app', 'PodInitializing')],
      expected: {
        type: 'Initialized',
        status: 'False',
        reason: 'ContainersNotInitialized',
        message: 'containers with unknown status: [s1 i2], containers with incomplete status: [i1]',
      },
    },
    {
      rule: 'a regular init container is done when ready (exited 0); a sidecar is not done until started',
      spec: inits,
      statuses: [
        terminated('i1', 0, { ready: true }),
        running('s1', { started: false }),
        waiting('i2', 'PodInitializing'),
        waiting('app', 'PodInitializing'),
      ],
      expected: {
        type: 'Initialized',
        status: 'False',
        reason: 'ContainersNotInitialized',
        message: 'containers with incomplete status: [s1 i2]',
      },
    },
    {
      rule: 'a started sidecar counts as done (ready or not)',
      spec: inits,
      statuses: [
        terminated('i1', 0, { ready: true }),
        running('s1', { ready: false }),
        terminated('i2', 0, { ready: true }),
        waiting('app'),
      ],
      expected: { type: 'Initialized', status: 'True' },
    },
    {
      rule: 'a failed init container is incomplete',
      spec: spec([container('app')], { init: [container('init')] }),
      statuses: [crashLooping('init', 1), waiting('app', 'PodInitializing')],
      expected: {
        type: 'Initialized',
        status: 'False',
        reason: 'ContainersNotInitialized',
        message: 'containers with incomplete status: [init]',
      },
    },
    {
      rule: 'a regular container has run: True even while a sidecar restarts',
      spec: inits,
      statuses: [
        terminated('i1', 0, { ready: true }),
        crashLooping('s1', 1),
        terminated('i2', 0, { ready: true }),
        running('app'),
      ],
      expected: { type: 'Initialized', status: 'True' },
    },
    {
      rule: 'a regular container in back-off is not "started" (HasAnyRegularContainerStarted looks at state only)',
      spec: inits,
      statuses: [
        terminated('i1', 0, { ready: true }),
        crashLooping('s1', 1),
        terminated('i2', 0, { ready: true }),
        crashLooping('app', 1),
      ],
      expected: {
        type: 'Initialized',
        status: 'False',
        reason: 'ContainersNotInitialized',
        message: 'containers with incomplete status: [s1]',
      },
    },
    {
      rule: 'Succeeded with every init container known: True PodCompleted',
      spec: inits,
      phase: 'Succeeded',
      statuses: [terminated('i1', 0), terminated('s1', 143), terminated('i2', 0), terminated('app', 0)],
      expected: { type: 'Initialized', status: 'True', reason: 'PodCompleted' },
    },
  ])('$rule', (row) => {
    expect(generatePodInitializedCondition(row.spec, row.statuses, row.phase ?? 'Pending')).toStrictEqual(
      row.expected,
    );
  });
});

// pkg/kubelet/status/generate.go GeneratePodReadyToStartContainersCondition
describe('PodReadyToStartContainers (generate.go GeneratePodReadyToStartContainersCondition)', () => {
  it.each([
    { sandboxReady: true, status: 'True' },
    { sandboxReady: false, status: 'False' },
  ])('sandbox with networking $sandboxReady → $status, no reason', ({ sandboxReady, status }) => {
    expect(generatePodReadyToStartContainersCondition(sandboxReady)).toStrictEqual({
      type: 'PodReadyToStartContainers',
      status,
    });
  });
});
