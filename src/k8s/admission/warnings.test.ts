import { describe, expect, it } from 'vitest';
import { admitManifests, formatDiagnostic } from '../manifest';
import { pod } from './test-manifest';

// Accepted manifests that look suspicious but are valid on a real cluster.
const validCases: [string, string][] = [
  [
    'a written 0 is defaulted before validation (SetDefaults_Probe)',
    pod(
      '    livenessProbe:\n      exec: {command: [ls]}\n      periodSeconds: 0\n      successThreshold: 0\n',
    ),
  ],
  [
    'readiness successThreshold may exceed 1 (validateReadinessProbe)',
    pod('    readinessProbe:\n      exec: {command: [ls]}\n      successThreshold: 3\n'),
  ],
  [
    'sidecars may have probes and hooks (validateInitContainers, restartPolicy Always)',
    pod(
      '',
      '  initContainers:\n  - name: side\n    image: busybox\n    restartPolicy: Always\n    startupProbe: {exec: {command: [ls]}}\n    lifecycle: {preStop: {exec: {command: [ls]}}}\n',
    ),
  ],
  ['generateName stands in for a name (ValidateObjectMeta)', pod('', '', '  generateName: web-\n')],
  [
    'system priority classes resolve (Priority admission)',
    pod('', '  priorityClassName: system-node-critical\n'),
  ],
];

describe('valid manifests stay valid', () => {
  it.each(validCases)('%s', (_rule, manifest) => {
    const result = admitManifests(manifest);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(result.pods).toHaveLength(1);
  });
});

describe('warnings', () => {
  it.each([
    [
      'typo: unknown field at its key (strict field validation)',
      pod('    imagePullPolicyy: Always\n'),
      'pod.yaml:9:5: warning: spec.containers[0].imagePullPolicyy: unknown field "imagePullPolicyy" (did you mean "imagePullPolicy"?)',
    ],
    [
      'unknown field with no near match',
      pod('    flavour: vanilla\n'),
      'pod.yaml:9:5: warning: spec.containers[0].flavour: unknown field "flavour"',
    ],
    [
      'unknown top-level field',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspce: {}\nspec:\n  containers: [{name: c, image: busybox}]\n',
      'pod.yaml:4:1: warning: spce: unknown field "spce" (did you mean "spec"?)',
    ],
    [
      'real but not simulated field',
      pod('', '  hostAliases:\n  - ip: 10.0.0.1\n    hostnames: [a]\n'),
      'pod.yaml:6:3: warning: spec.hostAliases: not simulated by PodPlay, ignored',
    ],
    [
      "a namespaceSelector on a label PodPlay's namespaces lack (they carry only kubernetes.io/metadata.name)",
      pod('', '  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - topologyKey: kubernetes.io/hostname\n        namespaceSelector: {matchLabels: {team: a}}\n'),
      "pod.yaml:10:9: warning: spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespaceSelector: PodPlay's namespaces carry only the kubernetes.io/metadata.name label: team is absent on every namespace",
    ],
    [
      'negative grace period (pkg/api/pod/warnings.go)',
      pod('', '  terminationGracePeriodSeconds: -1\n'),
      'pod.yaml:6:34: warning: spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ],
    [
      'fractional memory (pkg/api/pod/warnings.go)',
      pod('    resources:\n      requests: {memory: 100m}\n'),
      'pod.yaml:10:26: warning: spec.containers[0].resources.requests[memory]: fractional byte value "100m" is invalid, must be an integer',
    ],
    [
      "named probe port missing from the container (kubelet prober: couldn't find port)",
      pod('    livenessProbe:\n      httpGet: {port: http}\n'),
      'pod.yaml:10:23: warning: spec.containers[0].livenessProbe.httpGet.port: named port "http" is not declared in this container\'s ports: the kubelet will fail the probe',
    ],
  ])('%s', (_rule, manifest, expected) => {
    const result = admitManifests(manifest);
    expect(result.diagnostics.map(formatDiagnostic)).toContain(expected);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['shareProcessNamespace (src/runtime: one PID namespace, pause as PID 1)', pod('', '  shareProcessNamespace: true\n')],
    [
      'pod (anti-)affinity and topologySpreadConstraints (src/engine/kubelet/scheduler-inter-pod.ts, scheduler-spread.ts)',
      pod(
        '',
        '  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector: {matchLabels: {app: web}}\n        topologyKey: kubernetes.io/hostname\n' +
          '  topologySpreadConstraints:\n  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}\n',
      ),
    ],
    [
      'securityContext privileged, capabilities, runAsUser, readOnlyRootFilesystem (src/runtime/kernel.ts)',
      pod('    securityContext:\n      privileged: true\n      capabilities: {add: [NET_ADMIN]}\n      runAsUser: 1000\n      readOnlyRootFilesystem: true\n'),
    ],
  ])('simulated, so no "not simulated" warning: %s', (_rule, manifest) => {
    expect(admitManifests(manifest).diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('the securityContext fields PodPlay does not simulate still warn', () => {
    const result = admitManifests(pod('    securityContext:\n      seccompProfile: {type: RuntimeDefault}\n'));
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'pod.yaml:10:7: warning: spec.containers[0].securityContext.seccompProfile: not simulated by PodPlay, ignored',
    ]);
  });

  it('a named probe port that exists is fine', () => {
    const result = admitManifests(
      pod('    ports: [{containerPort: 80, name: http}]\n    livenessProbe:\n      httpGet: {port: http}\n'),
    );
    expect(result.diagnostics).toEqual([]);
  });

  it("a workload template's namespaceSelector is read as a Pod's (its Pods are scheduled with it), and warned about the same way", () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      affinity:
        podAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 10
            podAffinityTerm:
              topologyKey: kubernetes.io/hostname
              labelSelector: {matchLabels: {app: db}}
              namespaceSelector: {matchExpressions: [{key: team, operator: Exists}, {key: kubernetes.io/metadata.name, operator: In, values: [data]}]}
      containers: [{name: web, image: nginx}]
`;
    expect(admitManifests(deployment).diagnostics.map(formatDiagnostic)).toEqual([
      "pod.yaml:16:15: warning: spec.template.spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.namespaceSelector: PodPlay's namespaces carry only the kubernetes.io/metadata.name label: team is absent on every namespace",
    ]);
  });
});
