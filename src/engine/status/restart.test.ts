import type { Container } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { containerShouldRestart, type ContainerRestartRule } from './restart';
import { container, spec } from './status.test-helpers';

const withRules = (restartPolicy: string, rules: ContainerRestartRule[]): Container =>
  Object.assign(container('app', { restartPolicy }), { restartPolicyRules: rules });

// pkg/api/v1/pod/util.go ContainerShouldRestart, findMatchingContainerRestartRule
describe('containerShouldRestart (pkg/api/v1/pod/util.go ContainerShouldRestart)', () => {
  it.each([
    { rule: 'pod Always restarts after exit 0', c: container('app'), pod: 'Always', exit: 0, expected: true },
    { rule: 'pod unset defaults to Always', c: container('app'), pod: undefined, exit: 1, expected: true },
    {
      rule: 'pod OnFailure restarts a failure',
      c: container('app'),
      pod: 'OnFailure',
      exit: 1,
      expected: true,
    },
    {
      rule: 'pod OnFailure does not restart exit 0',
      c: container('app'),
      pod: 'OnFailure',
      exit: 0,
      expected: false,
    },
    { rule: 'pod Never never restarts', c: container('app'), pod: 'Never', exit: 1, expected: false },
    {
      rule: 'container Never overrides pod Always',
      c: container('app', { restartPolicy: 'Never' }),
      pod: 'Always',
      exit: 1,
      expected: false,
    },
    {
      rule: 'container OnFailure overrides pod Never',
      c: container('app', { restartPolicy: 'OnFailure' }),
      pod: 'Never',
      exit: 2,
      expected: true,
    },
    {
      rule: 'rule In matching the exit code restarts',
      c: withRules('Never', [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }]),
      pod: 'Never',
      exit: 42,
      expected: true,
    },
    {
      rule: 'rule In not matching falls back to the container policy',
      c: withRules('Never', [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }]),
      pod: 'Always',
      exit: 1,
      expected: false,
    },
    {
      rule: 'rule NotIn matching restarts',
      c: withRules('Never', [{ action: 'Restart', exitCodes: { operator: 'NotIn', values: [0] } }]),
      pod: 'Never',
      exit: 3,
      expected: true,
    },
  ])('$rule', ({ c, pod, exit, expected }) => {
    expect(containerShouldRestart(c, spec([c], { restartPolicy: pod }), exit)).toBe(expected);
  });
});
