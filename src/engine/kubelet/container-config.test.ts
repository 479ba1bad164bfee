import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { containerEnv, downwardFields, expandVars } from './container-config';
import { EMPTY_STORE } from '../cluster/config-objects';

describe('$(VAR) expansion (third_party/forked/golang/expansion Expand)', () => {
  it.each([
    ['a defined variable is replaced', 'http://$(HOST):$(PORT)/', 'http://svc:80/'],
    ['an undefined variable is left as written', '$(NOPE)', '$(NOPE)'],
    ['$$ escapes a dollar', '$$(HOST)', '$(HOST)'],
    ['a plain $ stays', 'cost $5', 'cost $5'],
  ])('%s', (_rule, input, out) => {
    expect(expandVars(input, { HOST: 'svc', PORT: '80' })).toBe(out);
  });
});

describe('container environment (kubelet_pods.go makeEnvironmentVariables)', () => {
  const pod: Pod = { metadata: { name: 'dapi', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [], serviceAccountName: 'default' } };
  const fields = downwardFields(pod, { uid: 'u-1', nodeName: 'node-1', podIP: '10.244.0.7', hostIP: '10.0.0.10' });
  const container: Container = {
    name: 'c',
    resources: { limits: { memory: '64Mi' } },
    env: [
      { name: 'MY_NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'MY_POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
      { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      { name: 'GREETING', value: 'hello from $(MY_NODE_NAME) and $(LATER)' },
      { name: 'LATER', value: 'x' },
    ],
  };
  it('resolves fieldRef, resourceFieldRef (node allocatable when no limit) and expands only earlier variables', () => {
    expect(containerEnv(container, { fields, allocatable: { cpu: '2', memory: '4Gi', pods: '110' }, store: EMPTY_STORE, namespace: 'default' })).toEqual({
      MY_NODE_NAME: 'node-1',
      MY_POD_IP: '10.244.0.7',
      APP: 'web',
      MEM_LIMIT: '64',
      CPU_LIMIT: '2',
      GREETING: 'hello from node-1 and $(LATER)',
      LATER: 'x',
    });
  });
});
