import { describe, expect, it } from 'vitest';
import { setup } from './testing/fixtures';

describe('volumes', () => {
  it('an emptyDir is shared by two containers and survives a container restart', () => {
    const s = setup({ sandbox: { volumes: { shared: { kind: 'emptyDir' } } } });
    const mounts = (path: string) => [{ volume: 'shared', mountPath: path, readOnly: false }];
    const writer = s.sandbox.createContainer(s.container('writer', 'busybox', { command: ['sleep', 'infinity'], mounts: mounts('/data') }));
    const reader = s.sandbox.createContainer(s.container('reader', 'busybox', { command: ['sleep', 'infinity'], mounts: mounts('/in') }));
    expect(writer.fs.write('/data/x', 'hello')).toBe('ok');
    expect(reader.fs.read('/in/x')).toBe('hello');
    writer.fs.write('/tmp/local', 'gone after restart');
    const again = s.sandbox.createContainer(s.container('writer', 'busybox', { command: ['sleep', 'infinity'], mounts: mounts('/data') }));
    expect(again.fs.read('/data/x')).toBe('hello');
    expect(again.fs.read('/tmp/local')).toBeUndefined();
  });

  it.each(['configMap', 'secret', 'downwardAPI'] as const)('a %s volume is read-only', (kind) => {
    const s = setup({ sandbox: { volumes: { cfg: { kind, files: { 'game.properties': 'lives=3' } } } } });
    const c = s.sandbox.createContainer(s.container('app', 'busybox', { mounts: [{ volume: 'cfg', mountPath: '/etc/cfg', readOnly: false }] }));
    expect(c.fs.read('/etc/cfg/game.properties')).toBe('lives=3');
    expect(c.fs.write('/etc/cfg/game.properties', 'lives=99')).toBe('EROFS');
  });

  it('a hostPath volume is the node file system', () => {
    const s = setup({ sandbox: { volumes: { logs: { kind: 'hostPath', path: '/var/log/pods' } } } });
    const c = s.sandbox.createContainer(s.container('app', 'busybox', { mounts: [{ volume: 'logs', mountPath: '/logs', readOnly: false }] }));
    c.fs.write('/logs/a.log', 'x');
    expect(s.sandbox.volume('logs')?.read('/a.log')).toBe('x');
  });

  it('a Memory emptyDir counts into the container memory (OOMKilled above the limit)', () => {
    const s = setup({ sandbox: { volumes: { ram: { kind: 'emptyDir', medium: 'Memory' } } } });
    const c = s.sandbox.createContainer(
      s.container('app', 'busybox', { command: ['sleep', 'infinity'], memoryLimitBytes: 10, mounts: [{ volume: 'ram', mountPath: '/ram', readOnly: false }] }),
    );
    c.start(() => undefined);
    c.fs.write('/ram/big', 'x'.repeat(8));
    expect(c.memory()).toBe(8);
  });
});

describe('container files and environment', () => {
  it('writes /etc/hostname, /etc/hosts and /etc/podplay/dns', () => {
    const s = setup({ sandbox: { dns: { myservice: '10.96.0.42' } } });
    const c = s.sandbox.createContainer(s.container('app', 'busybox'));
    expect(c.fs.read('/etc/hostname')).toBe('demo\n');
    expect(c.fs.read('/etc/hosts')).toContain('10.244.0.5\tdemo');
    expect(c.fs.read('/etc/podplay/dns')).toBe('myservice 10.96.0.42\n');
  });

  it('gives the process HOSTNAME, KUBERNETES_SERVICE_HOST, PATH and the container env', () => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('app', 'busybox', { command: ['sleep', 'infinity'], env: { GREETING: 'hi' } }));
    c.start(() => undefined);
    const out: string[] = [];
    c.exec(['sh', '-c', 'echo ok'], 1000, (r) => out.push(r.output));
    s.clock.advance(1);
    expect(out).toEqual(['ok\n']);
  });

  it('destroy kills every container', () => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('app', 'busybox', { command: ['sleep', 'infinity'] }));
    c.start(() => undefined);
    s.sandbox.destroy();
    expect(c.running()).toBe(false);
  });
});

describe('custom images', () => {
  it('answer per path over time, and exit 143 on TERM when asked', () => {
    const s = setup({
      customImages: [
        {
          image: 'example.com/api:v1',
          onTerm: {},
          listen: [{ port: 8080, paths: { '/healthz': [{ fromSeconds: 0, status: 200 }, { fromSeconds: 20, status: 503 }] } }],
        },
      ],
    });
    const c = s.sandbox.createContainer(s.container('api', 'example.com/api:v1'));
    const exits: unknown[] = [];
    c.start((e) => exits.push(e));
    const outputs: string[] = [];
    const probe = () => s.sandbox.httpGet({ scheme: 'HTTP', port: 8080, path: '/healthz', headers: {} }, 1000, (a) => outputs.push(a.result));
    probe();
    s.clock.advance(20_000);
    probe();
    s.clock.advance(1);
    c.signal('TERM');
    s.clock.advance(1);
    expect(outputs).toEqual(['success', 'failure']);
    expect(exits).toEqual([{ exitCode: 143, signal: 'TERM' }]);
  });
});
