import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { getPhase } from './phase';
import type { PodPhase } from './types';
import {
  container,
  crashLooping,
  running,
  sidecar,
  spec,
  stateless,
  terminated,
  waiting,
} from './status.test-helpers';

interface Row {
  rule: string;
  spec: PodSpec;
  init?: ContainerStatus[];
  statuses: ContainerStatus[];
  terminal?: boolean;
  previous?: PodPhase;
  hasInitialized?: boolean;
  expected: PodPhase;
}

const app = [container('app')];
const two = [container('a'), container('b')];
const withInit = (restartPolicy?: string) => spec(app, { init: [container('init')], restartPolicy });
const withSidecar = (restartPolicy?: string) => spec(app, { init: [sidecar('side')], restartPolicy });

function check(row: Row) {
  expect(
    getPhase(row.spec, row.init ?? [], row.statuses, row.terminal ?? false, row.previous, row.hasInitialized),
  ).toBe(row.expected);
}

// pkg/kubelet/kubelet_pods.go getPhase, regular init containers loop
describe('getPhase: regular init containers (kubelet_pods.go getPhase)', () => {
  it.each<Row>([
    {
      rule: 'init container without a status is pending initialization',
      spec: withInit(),
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'running init container is pending initialization',
      spec: withInit(),
      init: [running('init')],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'waiting init container without a last termination is pending',
      spec: withInit(),
      init: [waiting('init')],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'init container status without a state is pending',
      spec: withInit(),
      init: [stateless('init')],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'init container pending wins over running regular containers',
      spec: withInit(),
      init: [running('init')],
      statuses: [running('app')],
      expected: 'Pending',
    },
    {
      rule: 'init exited 0, regular container running',
      spec: withInit(),
      init: [terminated('init', 0, { ready: true })],
      statuses: [running('app')],
      expected: 'Running',
    },
    {
      rule: 'init exited 0, regular container still waiting',
      spec: withInit(),
      init: [terminated('init', 0, { ready: true })],
      statuses: [waiting('app')],
      expected: 'Pending',
    },
    {
      rule: 'init failed with restartPolicy Never fails the pod',
      spec: withInit('Never'),
      init: [terminated('init', 1)],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Failed',
    },
    {
      rule: 'init failed with restartPolicy OnFailure will restart: Pending',
      spec: withInit('OnFailure'),
      init: [terminated('init', 1)],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'init failed with restartPolicy Always will restart: Pending',
      spec: withInit('Always'),
      init: [terminated('init', 1)],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'init failed, restartPolicy unset defaults to Always: Pending',
      spec: withInit(),
      init: [terminated('init', 1)],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'init in back-off after a failure with restartPolicy Never fails the pod',
      spec: withInit('Never'),
      init: [crashLooping('init', 1)],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Failed',
    },
    {
      rule: 'init in back-off after a failure with OnFailure: Pending',
      spec: withInit('OnFailure'),
      init: [crashLooping('init', 1)],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'init failed with a container-level restartPolicy Never fails the pod (ContainerShouldRestart)',
      spec: spec(app, { init: [container('init', { restartPolicy: 'Never' })] }),
      init: [terminated('init', 1)],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Failed',
    },
    {
      rule: 'second init container missing while first done: Pending',
      spec: spec(app, { init: [container('i1'), container('i2')] }),
      init: [terminated('i1', 0, { ready: true })],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
  ])('$rule → $expected', check);
});

describe('getPhase: sidecars, init containers with restartPolicy Always (kubelet_pods.go getPhase)', () => {
  it.each<Row>([
    {
      rule: 'sidecar running but not started, regular not started: Pending',
      spec: withSidecar(),
      init: [running('side', { started: false })],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'sidecar started, regular container waiting: Pending (waiting > 0)',
      spec: withSidecar(),
      init: [running('side')],
      statuses: [waiting('app')],
      expected: 'Pending',
    },
    {
      rule: 'sidecar started and regular running: Running',
      spec: withSidecar(),
      init: [running('side')],
      statuses: [running('app')],
      expected: 'Running',
    },
    {
      rule: 'sidecar restarting (not started) after the pod initialized: stays Running',
      spec: withSidecar(),
      init: [running('side', { started: false, restartCount: 1 })],
      statuses: [running('app')],
      expected: 'Running',
    },
    {
      rule: 'sidecar not started and pod not initialized (sandbox recreated): Pending',
      spec: withSidecar(),
      init: [running('side', { started: false })],
      statuses: [running('app')],
      hasInitialized: false,
      expected: 'Pending',
    },
    {
      rule: 'sidecar waiting without a last termination: Pending',
      spec: withSidecar(),
      init: [waiting('side')],
      statuses: [waiting('app', 'PodInitializing')],
      expected: 'Pending',
    },
    {
      rule: 'sidecar in back-off after a termination does not count',
      spec: withSidecar(),
      init: [crashLooping('side', 1)],
      statuses: [running('app')],
      expected: 'Running',
    },
    {
      rule: 'sidecar without a status counts as unknown: Pending',
      spec: withSidecar(),
      statuses: [running('app')],
      expected: 'Pending',
    },
    {
      rule: 'sidecar status without a state: pending and unknown',
      spec: withSidecar(),
      init: [stateless('side')],
      statuses: [running('app')],
      expected: 'Pending',
    },
    {
      rule: 'terminated sidecar is ignored: regular containers succeeded with Never',
      spec: withSidecar('Never'),
      init: [terminated('side', 143)],
      statuses: [terminated('app', 0)],
      expected: 'Succeeded',
    },
    {
      rule: 'running sidecar keeps the pod Running after the regular containers finished',
      spec: withSidecar('Never'),
      init: [running('side')],
      statuses: [terminated('app', 0)],
      expected: 'Running',
    },
    {
      rule: 'failed sidecar does not fail the pod with Never',
      spec: withSidecar('Never'),
      init: [terminated('side', 1)],
      statuses: [running('app')],
      expected: 'Running',
    },
  ])('$rule → $expected', check);
});

describe('getPhase: regular containers and restartPolicy (kubelet_pods.go getPhase)', () => {
  it.each<Row>([
    { rule: 'running container: Running', spec: spec(app), statuses: [running('app')], expected: 'Running' },
    {
      rule: 'waiting container (ContainerCreating): Pending',
      spec: spec(app),
      statuses: [waiting('app')],
      expected: 'Pending',
    },
    {
      rule: 'waiting ImagePullBackOff: Pending',
      spec: spec(app),
      statuses: [waiting('app', 'ImagePullBackOff')],
      expected: 'Pending',
    },
    { rule: 'no statuses at all: Pending (default)', spec: spec(app), statuses: [], expected: 'Pending' },
    {
      rule: 'one running, one without status (unknown): Pending',
      spec: spec(two),
      statuses: [running('a')],
      expected: 'Pending',
    },
    {
      rule: 'status without a state counts as unknown: Pending',
      spec: spec(two),
      statuses: [running('a'), stateless('b')],
      expected: 'Pending',
    },
    {
      rule: 'one running, one waiting: Pending',
      spec: spec(two),
      statuses: [running('a'), waiting('b')],
      expected: 'Pending',
    },
    {
      rule: 'one running, one failed with Never: Running',
      spec: spec(two, { restartPolicy: 'Never' }),
      statuses: [running('a'), terminated('b', 1)],
      expected: 'Running',
    },
    {
      rule: 'all exited 0 with Always: Running (restarting)',
      spec: spec(two, { restartPolicy: 'Always' }),
      statuses: [terminated('a', 0), terminated('b', 0)],
      expected: 'Running',
    },
    {
      rule: 'exited 0 with restartPolicy unset (Always): Running',
      spec: spec(app),
      statuses: [terminated('app', 0)],
      expected: 'Running',
    },
    {
      rule: 'all exited 0 with OnFailure: Succeeded',
      spec: spec(two, { restartPolicy: 'OnFailure' }),
      statuses: [terminated('a', 0), terminated('b', 0)],
      expected: 'Succeeded',
    },
    {
      rule: 'all exited 0 with Never: Succeeded',
      spec: spec(two, { restartPolicy: 'Never' }),
      statuses: [terminated('a', 0), terminated('b', 0)],
      expected: 'Succeeded',
    },
    {
      rule: 'mixed exit codes with Never: Failed',
      spec: spec(two, { restartPolicy: 'Never' }),
      statuses: [terminated('a', 0), terminated('b', 1)],
      expected: 'Failed',
    },
    {
      rule: 'a failure with OnFailure restarts: Running',
      spec: spec(two, { restartPolicy: 'OnFailure' }),
      statuses: [terminated('a', 0), terminated('b', 1)],
      expected: 'Running',
    },
    {
      rule: 'a failure with Always restarts: Running',
      spec: spec(app, { restartPolicy: 'Always' }),
      statuses: [terminated('app', 137)],
      expected: 'Running',
    },
    {
      rule: 'CrashLoopBackOff after a failure counts as stopped: Running with Always',
      spec: spec(app),
      statuses: [crashLooping('app', 1)],
      expected: 'Running',
    },
    {
      rule: 'CrashLoopBackOff after a failure with OnFailure: Running',
      spec: spec(app, { restartPolicy: 'OnFailure' }),
      statuses: [crashLooping('app', 1)],
      expected: 'Running',
    },
    {
      rule: 'back-off after exit 0 with Always: Running (stopped, not succeeded)',
      spec: spec(app),
      statuses: [crashLooping('app', 0)],
      expected: 'Running',
    },
    {
      rule: 'container-level restartPolicy Never overrides pod Always: Failed (ContainerRestartRules)',
      spec: spec([container('app', { restartPolicy: 'Never' })]),
      statuses: [terminated('app', 1)],
      expected: 'Failed',
    },
    {
      rule: 'restartPolicyRules Restart on exit code 42 overrides container Never: Running',
      spec: spec([
        {
          ...container('app', { restartPolicy: 'Never' }),
          restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }],
        } as PodSpec['containers'][number],
      ]),
      statuses: [terminated('app', 42)],
      expected: 'Running',
    },
  ])('$rule → $expected', check);
});

describe('getPhase: podIsTerminal (kubelet_pods.go getPhase)', () => {
  it.each<Row>([
    {
      rule: 'terminal pod, all exited 0, even with Always: Succeeded',
      spec: spec(two),
      statuses: [terminated('a', 0), terminated('b', 0)],
      terminal: true,
      expected: 'Succeeded',
    },
    {
      rule: 'terminal pod, one killed (137), with Always: Failed',
      spec: spec(two),
      statuses: [terminated('a', 0), terminated('b', 137)],
      terminal: true,
      expected: 'Failed',
    },
    {
      rule: 'terminal pod, failed with OnFailure: Failed',
      spec: spec(app, { restartPolicy: 'OnFailure' }),
      statuses: [terminated('app', 1)],
      terminal: true,
      expected: 'Failed',
    },
    {
      rule: 'terminal pod with a container still running: Running',
      spec: spec(two),
      statuses: [running('a'), terminated('b', 143)],
      terminal: true,
      expected: 'Running',
    },
    {
      rule: 'terminal pod with an unknown container: Pending',
      spec: spec(two),
      statuses: [terminated('a', 0)],
      terminal: true,
      expected: 'Pending',
    },
    {
      rule: 'terminal pod, sidecar terminated, app exited 0: Succeeded',
      spec: withSidecar(),
      init: [terminated('side', 143)],
      statuses: [terminated('app', 0)],
      terminal: true,
      expected: 'Succeeded',
    },
  ])('$rule → $expected', check);
});

describe('getPhase: a pod never leaves Succeeded/Failed (kubelet_pods.go generateAPIPodStatus)', () => {
  it.each<Row>([
    {
      rule: 'previous Succeeded, containers restarted and running: stays Succeeded',
      spec: spec(app),
      statuses: [running('app')],
      previous: 'Succeeded',
      expected: 'Succeeded',
    },
    {
      rule: 'previous Failed, all exited 0: stays Failed',
      spec: spec(app, { restartPolicy: 'Never' }),
      statuses: [terminated('app', 0)],
      previous: 'Failed',
      expected: 'Failed',
    },
    {
      rule: 'previous Succeeded, now computed Failed: stays Succeeded',
      spec: spec(app, { restartPolicy: 'Never' }),
      statuses: [terminated('app', 1)],
      previous: 'Succeeded',
      expected: 'Succeeded',
    },
    {
      rule: 'previous Running may become Pending again (not terminal)',
      spec: spec(app),
      statuses: [waiting('app')],
      previous: 'Running',
      expected: 'Pending',
    },
    {
      rule: 'previous Unknown does not stick',
      spec: spec(app),
      statuses: [running('app')],
      previous: 'Unknown',
      expected: 'Running',
    },
    {
      rule: 'previous Pending moves to Succeeded',
      spec: spec(app, { restartPolicy: 'Never' }),
      statuses: [terminated('app', 0)],
      previous: 'Pending',
      expected: 'Succeeded',
    },
  ])('$rule → $expected', check);
});
