/**
 * ConfigMaps and Secrets in a pod (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables; the
 * configMap and secret volume plugins). A missing object or key is CreateContainerConfigError
 * (`configmap "x" not found`, `couldn't find key k in ConfigMap ns/x`), retried at each sync; a
 * missing volume source is FailedMount and the pod stays ContainerCreating.
 */
import { describe, expect, it } from 'vitest';
import { BUSYBOX, containerAt, eventsOf, run, statusAt } from './builders';

const objects = `apiVersion: v1
kind: ConfigMap
metadata: { name: special-config }
data:
  special.how: very
  SPECIAL_LEVEL: "7"
---
apiVersion: v1
kind: Secret
metadata: { name: mysecret }
type: Opaque
data:
  username: YWRtaW4=
stringData:
  password: s3cr3t
---
`;

const pod = (containerExtra: string, specExtra = '') => `apiVersion: v1
kind: Pod
metadata: { name: cfg }
spec:
  restartPolicy: Never
${specExtra}  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "env | sort; ls /etc/config 2>/dev/null; cat /etc/config/* 2>/dev/null; true"]
${containerExtra}`;

const logs = (trace: ReturnType<typeof run>) => (trace.logs['cfg/app'] ?? []).map((l) => l.text).join('');

describe('environment from ConfigMaps and Secrets', () => {
  it('configMapKeyRef, secretKeyRef (base64 decoded, stringData as written) and envFrom with a prefix', () => {
    const trace = run(
      objects +
        pod(`    env:
    - name: SPECIAL_LEVEL_KEY
      valueFrom: { configMapKeyRef: { name: special-config, key: special.how } }
    - name: SECRET_USERNAME
      valueFrom: { secretKeyRef: { name: mysecret, key: username } }
    envFrom:
    - configMapRef: { name: special-config }
      prefix: CM_
    - secretRef: { name: mysecret }
`),
      { cachedImages: [BUSYBOX], until: 10_000 },
    );
    const out = logs(trace);
    expect(out).toContain('SPECIAL_LEVEL_KEY=very');
    expect(out).toContain('SECRET_USERNAME=admin');
    expect(out).toContain('CM_SPECIAL_LEVEL=7');
    expect(out).toContain('password=s3cr3t');
    // Dots are valid in environment variable names (validation.IsEnvVarName: [-._a-zA-Z][-._a-zA-Z0-9]*).
    expect(out).toContain('CM_special.how=very');
  });

  it.each([
    ['a missing ConfigMap', '      valueFrom: { configMapKeyRef: { name: nope, key: k } }', 'configmap "nope" not found'],
    ['a missing key', '      valueFrom: { configMapKeyRef: { name: special-config, key: missing } }', "couldn't find key missing in ConfigMap default/special-config"],
    ['a missing Secret', '      valueFrom: { secretKeyRef: { name: nope, key: k } }', 'secret "nope" not found'],
  ])('%s: CreateContainerConfigError, Failed "Error: …", retried', (_rule, ref, message) => {
    const trace = run(objects + pod(`    env:\n    - name: X\n${ref}\n`), { cachedImages: [BUSYBOX], until: 30_000 });
    expect(containerAt(trace, 5_000).state).toEqual({ waiting: { reason: 'CreateContainerConfigError', message } });
    expect(statusAt(trace, 5_000)).toBe('CreateContainerConfigError');
    expect(eventsOf(trace, 'Failed').map((e) => e.message)).toContain(`Error: ${message}`);
    // The kubelet keeps trying at each sync.
    expect(eventsOf(trace, 'Failed').filter((e) => e.message === `Error: ${message}`).length).toBeGreaterThan(1);
    expect(containerAt(trace, 29_000).restartCount).toBe(0);
  });

  it('an optional reference to a missing ConfigMap is skipped', () => {
    const trace = run(pod('    env:\n    - name: X\n      valueFrom: { configMapKeyRef: { name: nope, key: k, optional: true } }\n'), { cachedImages: [BUSYBOX], until: 10_000 });
    expect(containerAt(trace, 9_000).state?.terminated?.exitCode).toBe(0);
    expect(logs(trace)).not.toContain('X=');
  });
});

describe('configMap and secret volumes', () => {
  const volume = (source: string) =>
    pod('    volumeMounts:\n    - { name: config, mountPath: /etc/config }\n', `  volumes:\n  - name: config\n${source}\n`);

  it('every key becomes a file', () => {
    const trace = run(objects + volume('    configMap: { name: special-config }'), { cachedImages: [BUSYBOX], until: 10_000 });
    const out = logs(trace);
    expect(out).toContain('SPECIAL_LEVEL');
    expect(out).toContain('very');
  });

  it('a missing source: FailedMount, the pod stays ContainerCreating without a sandbox', () => {
    const trace = run(volume('    configMap: { name: nope }'), { cachedImages: [BUSYBOX], until: 20_000 });
    expect(eventsOf(trace, 'FailedMount').map((e) => e.message)).toEqual(['MountVolume.SetUp failed for volume "config" : configmap "nope" not found']);
    expect(statusAt(trace, 19_000)).toBe('ContainerCreating');
    expect(eventsOf(trace, 'Started')).toEqual([]);
  });
});
