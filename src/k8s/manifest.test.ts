import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { admitManifests, formatDiagnostic } from './manifest';

const MINIMAL = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
    readinessProbe:
      httpGet:
        port: 80
    resources:
      limits: {cpu: 500m, memory: 128Mi}
`;

describe('defaults (pkg/apis/core/v1/defaults.go, zz_generated.defaults.go) and admission plugins', () => {
  const result = admitManifests(MINIMAL);
  const pod = result.pods[0].pod;
  const spec = pod.spec!;
  const c = spec.containers[0];

  it.each([
    ['SetDefaults_PodSpec restartPolicy', spec.restartPolicy, 'Always'],
    ['SetDefaults_PodSpec terminationGracePeriodSeconds', spec.terminationGracePeriodSeconds, 30],
    ['SetDefaults_PodSpec dnsPolicy', spec.dnsPolicy, 'ClusterFirst'],
    ['SetDefaults_PodSpec schedulerName', spec.schedulerName, 'default-scheduler'],
    ['SetDefaults_PodSpec securityContext', spec.securityContext, {}],
    ['SetDefaults_Pod enableServiceLinks', spec.enableServiceLinks, true],
    ['SetDefaults_Container imagePullPolicy (tagged image)', c.imagePullPolicy, 'IfNotPresent'],
    ['SetDefaults_Container terminationMessagePath', c.terminationMessagePath, '/dev/termination-log'],
    ['SetDefaults_Container terminationMessagePolicy', c.terminationMessagePolicy, 'File'],
    ['generated defaults: ContainerPort protocol', c.ports?.[0].protocol, 'TCP'],
    ['SetDefaults_Probe timeoutSeconds', c.readinessProbe?.timeoutSeconds, 1],
    ['SetDefaults_Probe periodSeconds', c.readinessProbe?.periodSeconds, 10],
    ['SetDefaults_Probe successThreshold', c.readinessProbe?.successThreshold, 1],
    ['SetDefaults_Probe failureThreshold', c.readinessProbe?.failureThreshold, 3],
    ['SetDefaults_Probe leaves initialDelaySeconds unset', c.readinessProbe?.initialDelaySeconds, undefined],
    ['SetDefaults_HTTPGetAction path', c.readinessProbe?.httpGet?.path, '/'],
    ['SetDefaults_HTTPGetAction scheme', c.readinessProbe?.httpGet?.scheme, 'HTTP'],
    [
      'SetDefaults_Pod copies limits into missing requests',
      c.resources?.requests,
      { cpu: '500m', memory: '128Mi' },
    ],
    ['request namespace default', pod.metadata?.namespace, 'default'],
    ['ServiceAccount admission: serviceAccountName', spec.serviceAccountName, 'default'],
    ['v1 conversion: deprecated serviceAccount mirrors it', spec.serviceAccount, 'default'],
    ['Priority admission: priority 0 without a class', spec.priority, 0],
    ['Priority admission: preemptionPolicy', spec.preemptionPolicy, 'PreemptLowerPriority'],
  ])('%s', (_rule, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('DefaultTolerationSeconds admission: not-ready and unreachable, NoExecute, 300 s', () => {
    expect(spec.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
  });

  it('ServiceAccount admission: projected API token mounted read-only in every container', () => {
    const volume = spec.volumes?.find((v) => v.name.startsWith('kube-api-access-'));
    expect(volume?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volume?.projected?.sources?.[0].serviceAccountToken).toEqual({
      path: 'token',
      expirationSeconds: 3607,
    });
    expect(c.volumeMounts).toEqual([
      { name: volume?.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
    ]);
    // Deterministic: the simulation replays identically.
    expect(admitManifests(MINIMAL).pods[0].pod.spec?.volumes?.[0].name).toBe(volume?.name);
  });

  it('automountServiceAccountToken: false leaves volumes alone', () => {
    const off = admitManifests(MINIMAL.replace('spec:\n', 'spec:\n  automountServiceAccountToken: false\n'));
    expect(off.pods[0].pod.spec?.volumes).toBeUndefined();
  });

  it('SetDefaults_Container: untagged image pulls Always; SetDefaults_Volume: bare volume is emptyDir', () => {
    const r = admitManifests(
      MINIMAL.replace('nginx:1.27', 'nginx').replace('spec:\n', 'spec:\n  volumes:\n  - name: scratch\n'),
    );
    expect(r.pods[0].pod.spec?.containers[0].imagePullPolicy).toBe('Always');
    expect(r.pods[0].pod.spec?.volumes?.[0]).toEqual({ name: 'scratch', emptyDir: {} });
  });

  it('existing tolerations for the node taints are respected (DefaultTolerationSeconds)', () => {
    const r = admitManifests(
      MINIMAL.replace(
        'spec:\n',
        'spec:\n  tolerations:\n  - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 6000}\n',
      ),
    );
    expect(r.pods[0].pod.spec?.tolerations?.map((t) => [t.key, t.tolerationSeconds])).toEqual([
      ['node.kubernetes.io/unreachable', 6000],
      ['node.kubernetes.io/not-ready', 300],
    ]);
  });

  it('generateName gets a five-character suffix (names.SimpleNameGenerator)', () => {
    const r = admitManifests(MINIMAL.replace('  name: web', '  generateName: web-'));
    expect(r.pods[0].pod.metadata?.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('YAML 1.1 as the API server reads it: 0644 is octal', () => {
    const r = admitManifests(
      MINIMAL.replace(
        'spec:\n',
        'spec:\n  volumes:\n  - name: cfg\n    configMap: {name: cfg, defaultMode: 0644}\n',
      ),
    );
    expect(r.pods[0].pod.spec?.volumes?.[0].configMap?.defaultMode).toBe(420);
  });

  it('does not mutate: a second admission of the same text gives an equal, separate object', () => {
    const again = admitManifests(MINIMAL).pods[0].pod;
    expect(again).toEqual(pod);
    expect(again).not.toBe(pod);
  });
});

describe('documents and positions', () => {
  it('locate() maps a field path to its place in the source', () => {
    const p = admitManifests(MINIMAL).pods[0];
    expect(p.locate('spec.containers[0].image')).toEqual({ line: 8, col: 12 });
    expect(p.locate('spec.containers[0].resources.limits[memory]')).toEqual({ line: 15, col: 35 });
    expect(p.locate('spec.containers[0].resources.limits.memory')).toEqual({ line: 15, col: 35 });
    expect(p.locate('spec.restartPolicy')).toBeUndefined(); // defaulted, not written
  });

  it('multi-document files: Pods admitted, other kinds kept with a warning, empty documents skipped', () => {
    const text = `${MINIMAL}---\n---\n# only a comment\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n---\n${MINIMAL.replace('name: web', 'name: web-2')}`;
    const r = admitManifests(text, 'app.yaml');
    expect(r.pods.map((p) => [p.pod.metadata?.name, p.docIndex])).toEqual([
      ['web', 0],
      ['web-2', 4],
    ]);
    expect(r.others).toEqual([
      expect.objectContaining({
        kind: 'Service',
        apiVersion: 'v1',
        name: 'web',
        namespace: 'default',
        docIndex: 3,
      }),
    ]);
    // Services are simulated: admitted without a warning.
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.pods[1].locate('spec.containers[0].image')).toEqual({ line: 32, col: 12 });
  });

  it.each([
    ['a Service without ports (validation ValidateService)', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    app: web\n', 'pod.yaml:5:1: spec.ports: Required value'],
    ['a Service port out of range', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: 70000\n', 'pod.yaml:7:11: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
  ])('%s', (_rule, text, message) => {
    expect(admitManifests(text).diagnostics.map(formatDiagnostic)).toContain(message);
  });

  it.each([
    [
      'YAML syntax error, located (yaml parser)',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [web\n',
      /^pod\.yaml:\d+:\d+: /,
    ],
    [
      'duplicate keys are a YAML error (strict decoding: duplicate field)',
      'apiVersion: v1\nkind: Pod\nkind: Pod\n',
      /^pod\.yaml:3:1: Map keys must be unique/,
    ],
    ['tab indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n', /^pod\.yaml:4:1: /],
  ])('%s', (_rule, text, pattern) => {
    const r = admitManifests(text);
    expect(r.ok).toBe(false);
    expect(formatDiagnostic(r.diagnostics[0])).toMatch(pattern);
  });

  it.each([
    [
      'a scalar document is not an object',
      'just text\n',
      'pod.yaml:1:1: expected a mapping with apiVersion and kind, got a string',
    ],
    [
      'kind is required (runtime.NewMissingKindErr)',
      'apiVersion: v1\nmetadata: {name: p}\n',
      "pod.yaml:1:1: kind: Object 'Kind' is missing",
    ],
    [
      'apiVersion is required (runtime.NewMissingVersionErr)',
      'kind: Pod\nmetadata: {name: p}\n',
      "pod.yaml:1:1: apiVersion: Object 'apiVersion' is missing",
    ],
    [
      'Pods live in v1 (RESTMapper)',
      'apiVersion: apps/v1\nkind: Pod\nmetadata: {name: p}\n',
      'pod.yaml:1:13: apiVersion: no matches for kind "Pod" in version "apps/v1"',
    ],
    [
      'a second Pod with the same name (registry AlreadyExists)',
      `${MINIMAL}---\n${MINIMAL}`,
      'pod.yaml:20:9: metadata.name: pods "web" already exists',
    ],
  ])('%s', (_rule, text, expected) => {
    const r = admitManifests(text);
    expect(r.diagnostics.map(formatDiagnostic)).toContain(expected);
    expect(r.ok).toBe(false);
  });

  it('never throws, whatever the input', () => {
    for (const text of ['', '---', '[', '&a [*a]', '{', '- 1\n- 2', 'a: *b', '\u0000']) {
      expect(() => admitManifests(text)).not.toThrow();
    }
    expect(admitManifests('')).toEqual({ pods: [], others: [], diagnostics: [], ok: true });
  });
});

// The official examples (kubernetes/website content/en/examples/pods) must pass untouched.
describe('kubernetes.io examples (fixtures/docs)', () => {
  const read = (name: string): string =>
    readFileSync(new URL(`./fixtures/docs/${name}`, import.meta.url), 'utf8');
  it.each([
    'simple-pod.yaml',
    'commands.yaml',
    'init-containers.yaml',
    'lifecycle-events.yaml',
    'probe/exec-liveness.yaml',
    'probe/http-liveness.yaml',
    'probe/tcp-liveness-readiness.yaml',
    'probe/grpc-liveness.yaml',
    'probe/pod-with-http-healthcheck.yaml',
    'resource/memory-request-limit.yaml',
    'resource/cpu-request-limit.yaml',
    'qos/qos-pod.yaml',
    'inject/dependent-envars.yaml',
    'inject/dapi-envars-pod.yaml',
    'multi-container/shared-volume.yaml',
    'pod-nginx-required-affinity.yaml',
  ])('%s: admitted with no errors and no warnings', (name) => {
    const r = admitManifests(read(name), name);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(r.pods).toHaveLength(1);
  });

  it.each([
    [
      'restart-policy/restart-all-containers.yaml',
      'restart-policy/restart-all-containers.yaml:21:7: warning: spec.initContainers[1].restartPolicyRules: not simulated by PodPlay, ignored',
    ],
  ])('%s: admitted, with a warning for what PodPlay does not simulate', (name, warning) => {
    const r = admitManifests(read(name), name);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([warning]);
    expect(r.pods).toHaveLength(1);
  });
});
