/** `kubectl get pod -o yaml`: JSON → sigs.k8s.io/yaml (go-yaml v2) conventions. */
import { describe, expect, it } from 'vitest';
import { crashLoopPod } from './describe-fixtures';
import { podToYaml, resolvesAsNonString } from './to-yaml';

describe('podToYaml', () => {
  const yaml = podToYaml(crashLoopPod());
  const lines = yaml.split('\n');

  it('JSONToYAML: top-level keys apiVersion, kind, metadata, spec, status (sorted, as Go marshals maps)', () => {
    expect(lines.filter((l) => /^\S/.test(l)).map((l) => l.split(':')[0])).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'spec',
      'status',
    ]);
  });

  it('JSONToYAML: nested keys sorted; sequences not indented under their key', () => {
    expect(yaml).toContain(
      [
        'spec:',
        '  containers:',
        '  - command:',
        '    - sh',
        '    - -c',
        '    - echo starting; sleep 1; exit 1',
        '    image: busybox:1.36',
        '    name: app',
        '    resources:',
        '      limits:',
        '        cpu: 500m',
        '        memory: 128Mi',
      ].join('\n'),
    );
  });

  it('go-yaml v2: strings that YAML 1.1 would read as another type are double-quoted', () => {
    expect(yaml).toContain('  creationTimestamp: "2025-01-01T09:00:00Z"\n');
    expect(yaml).toContain('  - status: "True"\n    type: PodReadyToStartContainers\n');
    expect(yaml).toContain("  - message: 'containers with unready status: [app]'\n");
  });

  it.each([
    ['True', true],
    ['yes', true],
    ['off', true],
    ['0755', true],
    ['1.5', true],
    ['2025-01-01T09:00:00Z', true],
    ['', true],
    ['Running', false],
    ['500m', false],
    ['busybox:1.36', false],
  ])('resolvesAsNonString(%j) = %s', (s, want) => expect(resolvesAsNonString(s)).toBe(want));
});
