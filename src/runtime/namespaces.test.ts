/**
 * What the containers of one Pod share, and what a securityContext lets them do, run through the
 * real shell. Sources:
 *  - Kubernetes "Pods" (concepts/workloads/pods): containers of a Pod share network and IPC
 *    namespaces (System V IPC, POSIX shared memory); runc gives each container its own 64 MiB
 *    /dev/shm tmpfs unless a volume is mounted there.
 *  - tasks/configure-pod-container/share-process-namespace.md: `ps ax` shows `/pause` as PID 1 and
 *    every container's processes; "The container process no longer has PID 1"; /proc/$pid/root.
 *  - tasks/configure-pod-container/security-context.md: privileged, capabilities, runAsUser,
 *    readOnlyRootFilesystem; capabilities(7); busybox ip/mount/sysctl wording.
 */
import { describe, expect, it } from 'vitest';
import type { ContainerConfig, SandboxConfig } from './sandbox-types';
import { FakeClock } from './testing/fake-clock';
import { setup } from './testing/fixtures';
import type { ExecResult, ExitStatus } from './types';

function pod(options: Partial<SandboxConfig> = {}, clock = new FakeClock()) {
  const { sandbox, container: config } = setup({ sandbox: { podName: 'p', hostname: 'p', ip: '10.244.0.9', ...options }, clock, realShell: true });
  const exits = new Map<string, ExitStatus[]>();
  const run = (name: string, command: string[], extra: Partial<ContainerConfig> = {}, image = 'busybox') => {
    const container = sandbox.createContainer(config(name, image, { command: command.length > 0 ? command : undefined, ...extra }));
    const list: ExitStatus[] = [];
    exits.set(name, list);
    container.start((e) => list.push(e));
    clock.advance(10);
    return container;
  };
  const exec = (name: string, script: string): ExecResult => {
    const results: ExecResult[] = [];
    sandbox.container(name)?.exec(['sh', '-c', script], 10_000, (r) => results.push(r));
    clock.advance(100);
    const [result] = results;
    if (!result) throw new Error(`exec in ${name} did not finish`);
    return result;
  };
  return { clock, sandbox, run, exec, exits };
}

const SLEEP = ['sh', '-c', 'sleep 3600'];

describe('IPC namespace: one per Pod, shared by its containers (concepts/workloads/pods)', () => {
  it('ipcmk -M in one container is listed by ipcs -m in the other, with key, shmid, owner, perms, bytes, nattch', () => {
    const p = pod();
    p.run('a', SLEEP);
    p.run('b', SLEEP);
    const made = p.exec('a', 'ipcmk -M 1024');
    expect(made).toMatchObject({ exitCode: 0, output: 'Shared memory id: 0\n' });
    const listed = p.exec('b', 'ipcs -m').output.split('\n');
    expect(listed[1]).toBe('------ Shared Memory Segments --------');
    expect(listed[2]).toBe('key        shmid      owner      perms      bytes      nattch     status      ');
    expect(listed[3]).toMatch(/^0x[0-9a-f]{8} 0 {10}root {7}644 {8}1024 {7}0 {10}/);
  });

  it('ids follow Linux ipc_buildid (seq × 32768 + index); ipcrm -m frees one; a missing id is "invalid id"', () => {
    const p = pod();
    p.run('a', SLEEP);
    expect(p.exec('a', 'ipcmk -M 1M; ipcmk -M 2M; ipcmk -S 2; ipcmk -Q').output).toBe(
      'Shared memory id: 0\nShared memory id: 32769\nSemaphore id: 0\nMessage queue id: 0\n',
    );
    expect(p.exec('a', 'ipcrm -m 0').exitCode).toBe(0);
    expect(p.sandbox.ipc.shm.list().map((s) => s.id)).toEqual([32769]);
    expect(p.exec('a', 'ipcrm -m 0')).toMatchObject({ exitCode: 1, output: 'ipcrm: invalid id (0)\n' });
    expect(p.exec('a', 'ipcs -s').output).toMatch(/------ Semaphore Arrays --------\nkey +semid +owner +perms +nsems +\n0x[0-9a-f]{8} 0 +root +644 +2 +\n/);
  });

  it('segments survive a container restart while the Pod lives, and another Pod does not see them', () => {
    const clock = new FakeClock();
    const p = pod({}, clock);
    p.run('a', SLEEP);
    p.exec('a', 'ipcmk -M 4096');
    p.run('a', SLEEP); // a new instance of the same container (restart)
    expect(p.exec('a', 'ipcs -m').output).toContain(' 4096 ');
    const other = pod({ podName: 'q' }, clock);
    other.run('a', SLEEP);
    expect(other.exec('a', 'ipcs -m').output.trim().split('\n')).toHaveLength(2);
  });
});

describe('/dev/shm: the container\'s own 64 MiB tmpfs unless a Memory emptyDir is mounted there', () => {
  const memoryVolume = { shm: { kind: 'emptyDir' as const, medium: 'Memory' as const } };
  const atDevShm = [{ volume: 'shm', mountPath: '/dev/shm', readOnly: false }];

  it.each([
    ['per container (runc default)', {}, [], [], ''],
    ['an emptyDir medium: Memory mounted at /dev/shm by both', memoryVolume, atDevShm, atDevShm, 'hello\n'],
    ['the emptyDir mounted by the writer only', memoryVolume, atDevShm, [], ''],
  ])('%s', (_name, volumes, writerMounts, readerMounts, seen) => {
    const p = pod({ volumes });
    p.run('writer', SLEEP, { mounts: writerMounts });
    p.run('reader', SLEEP, { mounts: readerMounts });
    expect(p.exec('writer', 'echo -n hello > /dev/shm/x').exitCode).toBe(0);
    expect(p.exec('reader', 'cat /dev/shm/x 2>/dev/null').output).toBe(seen);
  });

  it('files in the container\'s /dev/shm count toward its memory (tmpfs pages are charged to its cgroup)', () => {
    const p = pod();
    const c = p.run('a', SLEEP);
    c.fs.write('/dev/shm/blob', 'x'.repeat(1000));
    expect(c.memory()).toBe(1000);
    expect(p.exec('a', 'mount').output).toContain('shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k)');
  });
});

describe('PID namespace (share-process-namespace.md)', () => {
  it('without sharing, ps shows only the container\'s processes, its entrypoint as PID 1', () => {
    const p = pod();
    p.run('a', SLEEP);
    p.run('b', SLEEP);
    expect(p.exec('b', 'ps').output).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c sleep 3600\n    2 root      0:00 sh -c ps\n');
  });

  it('with shareProcessNamespace, ps lists /pause as PID 1 and every container\'s processes with distinct PIDs: nginx\'s master (root) and worker (uid 101)', () => {
    const p = pod({ shareProcessNamespace: true });
    p.run('nginx', [], {}, 'nginx');
    p.run('shell', ['sleep', '3600']);
    expect(p.exec('shell', 'ps ax').output.split('\n').slice(0, 6)).toEqual([
      'PID   USER     TIME  COMMAND',
      '    1 root      0:00 /pause',
      '    2 root      0:00 nginx: master process nginx -g daemon off;',
      '    3 101       0:00 nginx: worker process',
      '    4 root      0:00 sleep 3600',
      '    5 root      0:00 sh -c ps ax',
    ]);
  });

  it('kill -HUP <nginx master> reloads: the worker comes back under a new PID, as the page shows', () => {
    const p = pod({ shareProcessNamespace: true });
    const nginx = p.run('nginx', [], {}, 'nginx');
    p.run('shell', ['sleep', '3600']);
    expect(p.exec('shell', 'kill -HUP 2').exitCode).toBe(0);
    const rows = p.exec('shell', 'ps ax').output.split('\n');
    expect(rows.filter((r) => r.includes('nginx'))).toEqual(['    2 root      0:00 nginx: master process nginx -g daemon off;', '    6 101       0:00 nginx: worker process']);
    const log = nginx.logs().map((l) => l.text.replace(/^\S+ \S+ /, ''));
    expect(log.slice(-7)).toEqual([
      '[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring',
      '[notice] 1#1: reconfiguring',
      '[notice] 1#1: using the "epoll" event method',
      '[notice] 1#1: start worker processes',
      '[notice] 1#1: start worker process 6',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 3',
      '[notice] 1#1: worker process 3 exited with code 0',
    ]);
  });

  it.each([
    ['KILL', 'exited on signal 9'],
    ['TERM', 'exited with code 0'],
  ] as const)('a worker killed with %s is replaced by the master (%s)', (signal, how) => {
    const p = pod({ shareProcessNamespace: true });
    const nginx = p.run('nginx', [], {}, 'nginx');
    p.run('shell', ['sleep', '3600']);
    p.exec('shell', `kill -${signal} 3`);
    expect(p.exec('shell', 'ps ax').output).toMatch(/^ +6 101 +0:00 nginx: worker process$/m);
    expect(nginx.logs().map((l) => l.text)).toContainEqual(expect.stringContaining(`worker process 3 ${how}`));
    expect(nginx.running()).toBe(true);
  });

  it.each([
    ['TERM to a shell without a trap: not PID 1, so the default action ends it', ['sh', '-c', 'sleep 3600'], 'TERM', 143],
    ['HUP likewise (128 + 1)', ['sh', '-c', 'sleep 3600'], 'HUP', 129],
    ['TERM to a shell that traps it runs the trap', ['sh', '-c', "trap 'exit 7' TERM; while true; do sleep 1; done"], 'TERM', 7],
  ] as const)('kill from another container: %s', (_name, command, signal, exitCode) => {
    const p = pod({ shareProcessNamespace: true });
    p.run('target', [...command]);
    p.run('killer', SLEEP);
    expect(p.exec('killer', `kill -${signal} 2`).exitCode).toBe(0);
    p.clock.advance(2000);
    expect(p.exits.get('target')?.map((e) => e.exitCode)).toEqual([exitCode]);
  });

  it('without sharing the same TERM cannot reach the other container, and the entrypoint as PID 1 ignores it', () => {
    const p = pod();
    p.run('target', SLEEP);
    expect(p.exec('target', 'kill -TERM 1').exitCode).toBe(0);
    p.clock.advance(2000);
    expect(p.exits.get('target')).toEqual([]);
  });

  it('kill -HUP 1 signals the sandbox (pause ignores it); nginx reloads on HUP', () => {
    const p = pod({ shareProcessNamespace: true });
    const nginx = p.run('nginx', [], {}, 'nginx');
    p.run('shell', SLEEP);
    expect(p.exec('shell', 'kill -HUP 1; kill -HUP 2').exitCode).toBe(0);
    expect(nginx.logs().map((l) => l.text)).toContainEqual(expect.stringContaining('signal 1 (SIGHUP) received, reconfiguring'));
    expect(nginx.running()).toBe(true);
  });

  it('/proc/<pid>/root shows another container\'s file system', () => {
    const p = pod({ shareProcessNamespace: true });
    p.run('nginx', [], {}, 'nginx');
    p.run('shell', SLEEP);
    expect(p.exec('shell', 'ls /proc/2/root/etc/nginx').output).toBe('conf.d\nnginx.conf\n');
    expect(p.exec('shell', 'head -3 /proc/2/root/etc/nginx/nginx.conf').output).toBe('\nuser  nginx;\nworker_processes  auto;\n');
  });
});

describe('privileged and capabilities (security-context.md, capabilities(7))', () => {
  const table: Array<[string, Partial<ContainerConfig>, number, string]> = [
    ['ip link set lo mtu 1400', {}, 1, 'ip: ioctl 0x8922 failed: Operation not permitted\n'],
    ['ip link set lo mtu 1400', { privileged: true }, 0, ''],
    ['ip link set lo mtu 1400', { capabilities: { add: ['NET_ADMIN'] } }, 0, ''],
    ['ip link set lo mtu 1400', { capabilities: { add: ['NET_ADMIN'] }, runAsUser: 1000 }, 1, 'ip: ioctl 0x8922 failed: Operation not permitted\n'],
    ['ip route add 10.9.0.0/16 via 10.244.0.1', {}, 2, 'ip: RTNETLINK answers: Operation not permitted\n'],
    ['mount -t tmpfs tmpfs /mnt', {}, 1, 'mount: permission denied (are you root?)\n'],
    ['mount -t tmpfs tmpfs /mnt', { privileged: true }, 0, ''],
    ['mount -t tmpfs tmpfs /mnt', { capabilities: { add: ['SYS_ADMIN'] } }, 0, ''],
    ['umount /etc/hosts', {}, 1, "umount: can't unmount /etc/hosts: Operation not permitted\n"],
    ['sysctl -w net.ipv4.ip_forward=1', {}, 1, "sysctl: error setting key 'net.ipv4.ip_forward': Read-only file system\n"],
    ['sysctl -w net.ipv4.ip_forward=1', { privileged: true }, 0, 'net.ipv4.ip_forward = 1\n'],
    ['sysctl net.ipv4.ip_forward', {}, 0, 'net.ipv4.ip_forward = 0\n'],
  ];
  it.each(table)('%s with %j: exit %i', (command, security, exitCode, output) => {
    const p = pod();
    p.run('c', SLEEP, security);
    if (command.startsWith('mount')) p.exec('c', 'mkdir -p /mnt');
    expect(p.exec('c', `${command} 2>&1`)).toMatchObject({ exitCode, output });
  });

  it('read-only commands work for everyone: ip addr shows lo and eth0 with the Pod IP', () => {
    const p = pod();
    p.run('c', SLEEP);
    const out = p.exec('c', 'ip addr').output;
    expect(out).toContain('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536');
    expect(out).toContain('    inet 10.244.0.9/24 scope global eth0');
  });

  it('a privileged container\'s change is seen by its neighbour (one network namespace): mtu 1400', () => {
    const p = pod();
    p.run('admin', SLEEP, { privileged: true });
    p.run('plain', SLEEP);
    p.exec('admin', 'ip link set lo mtu 1400');
    expect(p.exec('plain', 'ip link show lo').output).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 1400 .*\n {4}link\/loopback [0:]+ brd [0:]+\n$/);
  });

  it('a privileged mount -t tmpfs is a new empty file system at the target; umount removes it', () => {
    const p = pod();
    p.run('c', SLEEP, { privileged: true });
    expect(p.exec('c', 'mkdir -p /mnt/t && echo a > /mnt/t/f && mount -t tmpfs tmpfs /mnt/t && ls /mnt/t | wc -l && echo b > /mnt/t/g && umount /mnt/t && ls /mnt/t').output).toBe('0\nf\n');
  });
});

describe('runAsUser and readOnlyRootFilesystem (security-context.md)', () => {
  it('runAsUser: id prints the uid', () => {
    const p = pod();
    p.run('c', SLEEP, { runAsUser: 1000 });
    expect(p.exec('c', 'id').output).toBe('uid=1000 gid=0(root) groups=0(root)\n');
  });

  it.each([
    ['/tmp/x (root file system)', 'echo x > /tmp/x', 1, "sh: can't create /tmp/x: Read-only file system\n"],
    ['/data/x (an emptyDir volume)', 'echo x > /data/x', 0, ''],
    ['/dev/shm/x (its own tmpfs)', 'echo x > /dev/shm/x', 0, ''],
    ['/dev/termination-log (bind-mounted by the kubelet)', 'echo bye > /dev/termination-log', 0, ''],
  ])('readOnlyRootFilesystem: a write to %s', (_name, script, exitCode, output) => {
    const p = pod({ volumes: { data: { kind: 'emptyDir' } } });
    p.run('c', SLEEP, { readOnlyRootFilesystem: true, mounts: [{ volume: 'data', mountPath: '/data', readOnly: false }] });
    expect(p.exec('c', `${script} 2>&1`)).toMatchObject({ exitCode, output });
  });
});
