/**
 * End to end through simulate: what two busybox containers of one Pod share and what their
 * securityContext lets them do, read from the container logs (trace.logs['pod/container']).
 * Sources: concepts/workloads/pods (one IPC namespace per Pod), tasks/configure-pod-container/
 * share-process-namespace.md (pause is PID 1; a container's process is not), security-context.md.
 */
import { describe, expect, it } from 'vitest';
import { containerAt, run } from './builders';
import type { Trace } from '..';

const logs = (trace: Trace, key: string) => (trace.logs[key] ?? []).map((l) => l.text);

const pair = (spec: string, first: string, second: string, security = '') => `apiVersion: v1
kind: Pod
metadata: { name: duo }
spec:
${spec}  containers:
  - name: first
    image: busybox:1.36
    command: ["sh", "-c", ${JSON.stringify(first)}]
  - name: second
    image: busybox:1.36
    command: ["sh", "-c", ${JSON.stringify(second)}]
${security}`;

describe('runtime namespaces through the engine', () => {
  it('IPC: a segment made by one container is listed by the other (one IPC namespace per Pod)', () => {
    const trace = run(pair('', 'ipcmk -M 2048; sleep 3600', 'sleep 5; ipcs -m; sleep 3600'), { cachedImages: ['busybox:1.36'], until: 20_000 });
    expect(logs(trace, 'duo/first')).toEqual(['Shared memory id: 0']);
    expect(logs(trace, 'duo/second').join('\n')).toMatch(/0x[0-9a-f]{8} 0 +root +644 +2048 +0/);
  });

  it('shareProcessNamespace: ps lists /pause as PID 1; kill -TERM of the other container\'s shell ends it with 143', () => {
    const trace = run(
      pair('  shareProcessNamespace: true\n  restartPolicy: Never\n', 'sleep 3600', 'sleep 5; ps; kill -TERM 2; sleep 3600'),
      { cachedImages: ['busybox:1.36'], until: 20_000 },
    );
    const ps = logs(trace, 'duo/second');
    expect(ps[0]).toBe('PID   USER     TIME  COMMAND');
    expect(ps[1]).toBe('    1 root      0:00 /pause');
    expect(ps[2]).toBe('    2 root      0:00 sh -c sleep 3600');
    expect(containerAt(trace, 19_000, 'first').state?.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
    expect(containerAt(trace, 19_000, 'second').state?.running).toBeDefined();
  });

  it('without shareProcessNamespace each container\'s shell is its own PID 1', () => {
    const trace = run(pair('', 'sleep 3600', 'ps; sleep 3600'), { cachedImages: ['busybox:1.36'], until: 10_000 });
    expect(logs(trace, 'duo/second').slice(1)).toEqual(['    1 root      0:00 sh -c ps; sleep 3600']);
  });

  it('securityContext from the manifest: privileged may set the MTU, the plain one gets EPERM; readOnlyRootFilesystem', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata: { name: tools }
spec:
  containers:
  - name: plain
    image: busybox:1.36
    command: ["sh", "-c", "ip link set lo mtu 1400; echo x > /tmp/x; sleep 3600"]
    securityContext:
      readOnlyRootFilesystem: true
  - name: admin
    image: busybox:1.36
    command: ["sh", "-c", "ip link set lo mtu 1400 && ip link show lo; sleep 3600"]
    securityContext:
      privileged: true
`;
    const trace = run(manifest, { cachedImages: ['busybox:1.36'], until: 10_000 });
    expect(logs(trace, 'tools/plain')).toEqual(['ip: ioctl 0x8922 failed: Operation not permitted', "sh: can't create /tmp/x: Read-only file system"]);
    expect(logs(trace, 'tools/admin')[0]).toContain('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 1400');
  });
});
