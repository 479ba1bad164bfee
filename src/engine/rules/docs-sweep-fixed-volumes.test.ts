/**
 * The projected-volume docs examples (pods/storage/projected*.yaml, pods/pod-projected-svc-token.yaml)
 * as their pages say: every source lands in the one directory at its path, and a referenced Secret
 * or ConfigMap that does not exist keeps the Pod ContainerCreating with the kubelet's FailedMount
 * event (pkg/volume/projected collectData: every failure, aggregated).
 */
import { describe, expect, it } from 'vitest';
import { admitManifests, formatDiagnostic } from '../../k8s';
import { containerAt, eventsOf, run, statusAt } from './builders';
import { fixture, withDocs, withProbe } from './docs-fixtures';

const secret = (name: string, data: Record<string, string>) =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\nstringData:\n${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}\n`;
const configMap = (name: string, data: Record<string, string>) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}\n`;
const serviceAccount = (name: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n`;

interface Mounted {
  path: string;
  page: string;
  claim: string;
  /** Companion objects the page (or a reader following it) creates first. */
  objects: string[];
  container: string;
  /** A shell check of the mounted files, run as an exec readiness probe. */
  check: string;
}

const TASK = 'tasks/configure-pod-container/configure-projected-volume-storage.md';
const CONCEPT = 'concepts/storage/projected-volumes.md';

const mounted: Mounted[] = [
  {
    path: 'storage/projected.yaml',
    page: TASK,
    claim: 'kubectl create secret generic user/pass --from-file; ls /projected-volume/ shows the projected sources: password.txt username.txt',
    objects: [secret('user', { 'username.txt': 'admin' }), secret('pass', { 'password.txt': '1f2d1e2e67df' })],
    container: 'test-projected-volume',
    check: 'test "$(ls /projected-volume | tr "\\n" " ")" = "password.txt username.txt " && test "$(cat /projected-volume/username.txt)" = admin && test "$(cat /projected-volume/password.txt)" = 1f2d1e2e67df',
  },
  {
    path: 'storage/projected-secret-downwardapi-configmap.yaml',
    page: CONCEPT,
    claim: 'a secret, a downwardAPI and a configMap source in one directory, at their item paths',
    objects: [secret('mysecret', { username: 'admin' }), configMap('myconfigmap', { config: 'level=debug' })],
    container: 'container-test',
    check:
      'test "$(cat /projected-volume/my-group/my-username)" = admin && test "$(cat /projected-volume/my-group/my-config)" = level=debug && test -f /projected-volume/labels && test "$(cat /projected-volume/cpu_limit)" -ge 1',
  },
  {
    path: 'storage/projected-secrets-nondefault-permission-mode.yaml',
    page: CONCEPT,
    claim: 'two secrets projected side by side under my-group (file modes are not modelled)',
    objects: [secret('mysecret', { username: 'admin' }), secret('mysecret2', { password: 's3cr3t' })],
    container: 'container-test',
    check: 'test "$(ls /projected-volume/my-group | tr "\\n" " ")" = "my-password my-username " && test "$(cat /projected-volume/my-group/my-password)" = s3cr3t',
  },
  {
    path: 'pod-projected-svc-token.yaml',
    page: 'tasks/configure-pod-container/configure-service-account.md',
    claim: 'The kubelet will request and store the token on behalf of the Pod; make the token available at a configurable file path (the page creates build-robot first)',
    objects: [serviceAccount('build-robot')],
    container: 'nginx',
    check: 'test "$(ls /var/run/secrets/tokens)" = vault-token && grep -Eq "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$" /var/run/secrets/tokens/vault-token',
  },
];

describe('projected volumes hold every source as the pages say', () => {
  it.each(mounted.map((m) => [`${m.path} (${m.page}): ${m.claim}`, m] as const))('%s', (_, m) => {
    const t = run(withProbe(withDocs(...m.objects, fixture(m.path)), m.container, m.check), { until: 30_000 });
    expect(eventsOf(t, 'FailedMount')).toEqual([]);
    expect(statusAt(t, 29_000)).toBe('Running');
    expect(containerAt(t, 29_000, m.container).ready).toBe(true);
  });

  it('storage/projected-service-account-token.yaml: the token source mounts (busybox without a command then exits, as sh with no stdin does)', () => {
    const t = run(fixture('storage/projected-service-account-token.yaml'), { until: 20_000 });
    expect(eventsOf(t, 'FailedMount')).toEqual([]);
    expect(eventsOf(t, 'Started').length).toBeGreaterThan(0);
  });
});

describe('a missing Secret or ConfigMap: ContainerCreating with the kubelet\'s FailedMount (pkg/volume/projected collectData)', () => {
  it.each([
    ['storage/projected.yaml', 'test-projected-volume', 'MountVolume.SetUp failed for volume "all-in-one" : [secret "user" not found, secret "pass" not found]', []],
    [
      'storage/projected-secret-downwardapi-configmap.yaml',
      'container-test',
      'MountVolume.SetUp failed for volume "all-in-one" : [secret "mysecret" not found, configmap "myconfigmap" not found]',
      [],
    ],
    ['storage/projected-secrets-nondefault-permission-mode.yaml', 'container-test', 'MountVolume.SetUp failed for volume "all-in-one" : secret "mysecret2" not found', [secret('mysecret', { username: 'admin' })]],
    [
      'storage/projected.yaml',
      'test-projected-volume',
      'MountVolume.SetUp failed for volume "all-in-one" : references non-existent secret key: username',
      [secret('user', { 'username.txt': 'admin' }), secret('pass', { 'password.txt': 'x' })],
    ],
  ])('%s → %s: "%s"', (path, container, message, objects) => {
    // The last row lists a key the Secret lacks (items: username) to show MakePayload's failure.
    const manifest = message.includes('non-existent') ? fixture(path).replace('- secret:\n              name: user', '- secret:\n              name: user\n              items:\n                - key: username\n                  path: u') : fixture(path);
    const t = run(withDocs(...objects, manifest), { until: 20_000 });
    expect(eventsOf(t, 'FailedMount').map((e) => [e.type, e.message])).toEqual([['Warning', message]]);
    expect(statusAt(t, 19_000)).toBe('ContainerCreating');
    expect(containerAt(t, 19_000, container).state?.waiting?.reason).toBe('ContainerCreating');
  });

  it('optional: true sources that are missing are skipped: the Pod runs', () => {
    const manifest = fixture('storage/projected.yaml').replace(/name: (user|pass)\n/g, 'name: $1\n              optional: true\n');
    const t = run(manifest, { until: 20_000 });
    expect(eventsOf(t, 'FailedMount')).toEqual([]);
    expect(statusAt(t, 19_000)).toBe('Running');
  });
});

describe('pod-projected-svc-token.yaml without the build-robot ServiceAccount', () => {
  it('the ServiceAccount admission plugin forbids the Pod, as the API server does', () => {
    const admitted = admitManifests(fixture('pod-projected-svc-token.yaml'), 'pod-projected-svc-token.yaml');
    expect(admitted.ok).toBe(false);
    expect(admitted.diagnostics.map(formatDiagnostic)).toContain(
      'pod-projected-svc-token.yaml:12:23: spec.serviceAccountName: pods "nginx" is forbidden: error looking up service account default/build-robot: serviceaccount "build-robot" not found',
    );
  });
});
