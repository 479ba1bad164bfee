/**
 * Admission and defaulting through simulate(): an invalid manifest never runs (ok: false with
 * located diagnostics); a valid one is defaulted as the API server defaults it, visible in frame
 * pod.spec.
 * Sources: pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe,
 * SetDefaults_HTTPGetAction), pkg/apis/core/validation/validation.go (validateLivenessProbe,
 * ValidatePodCreate).
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../k8s';
import { simulate } from '..';
import { input, podAt, run } from './builders';

describe('validation rejects the pod before it runs (pkg/apis/core/validation/validation.go ValidatePodCreate)', () => {
  it.each([
    {
      rule: 'liveness successThreshold must be 1 (validateLivenessProbe)',
      manifest: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: app\n    image: busybox\n    livenessProbe:\n      exec:\n        command: ["true"]\n      successThreshold: 2\n',
      expected: 'pod.yaml:12:25: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    },
    {
      rule: 'container image is required (validateContainerCommon)',
      manifest: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: app\n',
      expected: /^pod\.yaml:7:5: spec\.containers\[0\]\.image: Required value$/,
    },
    {
      rule: 'container name must be a DNS-1123 label (ValidateDNS1123Label)',
      manifest: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: App_2\n    image: busybox\n',
      expected: /^pod\.yaml:7:11: spec\.containers\[0\]\.name: Invalid value: "App_2": a lowercase RFC 1123 label/,
    },
  ])('$rule', ({ manifest, expected }) => {
    const result = simulate(input(manifest));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(lines).toHaveLength(1);
    if (typeof expected === 'string') expect(lines[0]).toBe(expected);
    else expect(lines[0]).toMatch(expected);
  });
});

describe('API-server defaults are visible in the frame (pkg/apis/core/v1/defaults.go)', () => {
  const trace = run(
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: defaults',
      'spec:',
      '  containers:',
      '  - name: latest',
      '    image: busybox',
      '    command: ["sleep", "3600"]',
      '    readinessProbe:',
      '      httpGet:',
      '        port: 80',
      '    livenessProbe:',
      '      tcpSocket:',
      '        port: 80',
      '      initialDelaySeconds: 3',
      '  - name: tagged',
      '    image: busybox:1.36',
      '    command: ["sleep", "3600"]',
      '  - name: explicit-latest',
      '    image: busybox:latest',
      '    command: ["sleep", "3600"]',
      '  - name: digest',
      '    image: busybox@sha256:0000000000000000000000000000000000000000000000000000000000000000',
      '    command: ["sleep", "3600"]',
      '  - name: pinned',
      '    image: busybox',
      '    imagePullPolicy: Never',
      '    command: ["sleep", "3600"]',
      '',
    ].join('\n'),
    { until: 5_000 },
  );
  const spec = podAt(trace, 0).spec;
  const byName = (name: string) => spec?.containers.find((c) => c.name === name);

  it.each([
    { rule: 'restartPolicy defaults to Always (SetDefaults_PodSpec)', actual: () => spec?.restartPolicy, expected: 'Always' },
    { rule: 'terminationGracePeriodSeconds defaults to 30 (SetDefaults_PodSpec)', actual: () => spec?.terminationGracePeriodSeconds, expected: 30 },
    { rule: 'dnsPolicy defaults to ClusterFirst (SetDefaults_PodSpec)', actual: () => spec?.dnsPolicy, expected: 'ClusterFirst' },
    { rule: 'schedulerName defaults to default-scheduler (SetDefaults_PodSpec)', actual: () => spec?.schedulerName, expected: 'default-scheduler' },
    { rule: 'terminationMessagePath defaults to /dev/termination-log (SetDefaults_Container)', actual: () => byName('tagged')?.terminationMessagePath, expected: '/dev/termination-log' },
    { rule: 'terminationMessagePolicy defaults to File (SetDefaults_Container)', actual: () => byName('tagged')?.terminationMessagePolicy, expected: 'File' },
  ])('$rule', ({ actual, expected }) => {
    expect(actual()).toBe(expected);
  });

  it.each([
    { rule: 'no tag means :latest, so Always (SetDefaults_Container)', name: 'latest', expected: 'Always' },
    { rule: 'an explicit :latest tag gives Always (SetDefaults_Container)', name: 'explicit-latest', expected: 'Always' },
    { rule: 'another tag gives IfNotPresent (SetDefaults_Container)', name: 'tagged', expected: 'IfNotPresent' },
    { rule: 'a digest counts as a tag: IfNotPresent (SetDefaults_Container)', name: 'digest', expected: 'IfNotPresent' },
    { rule: 'an explicit policy is kept (SetDefaults_Container)', name: 'pinned', expected: 'Never' },
  ])('imagePullPolicy by tag: $rule', ({ name, expected }) => {
    expect(byName(name)?.imagePullPolicy).toBe(expected);
  });

  it.each([
    {
      rule: 'readiness probe gets timeout 1, period 10, success 1, failure 3 (SetDefaults_Probe) and httpGet path / scheme HTTP (SetDefaults_HTTPGetAction)',
      probe: () => byName('latest')?.readinessProbe,
      expected: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
    },
    {
      rule: 'liveness probe keeps its initialDelaySeconds and gets the same defaults (SetDefaults_Probe)',
      probe: () => byName('latest')?.livenessProbe,
      expected: { tcpSocket: { port: 80 }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
    },
  ])('probe defaults: $rule', ({ probe, expected }) => {
    expect(probe()).toEqual(expected);
  });
});
