import { describe, expect, it } from 'vitest';
import { setup } from '../../testing/fixtures';
import type { ProbeAnswer } from '../../sandbox-types';
import type { ExitStatus } from '../../types';

const MiB = 1024 * 1024;

function httpGet(s: ReturnType<typeof setup>, port: number, path: string): ProbeAnswer[] {
  const answers: ProbeAnswer[] = [];
  s.sandbox.httpGet({ scheme: 'HTTP', port, path, headers: {} }, 1000, (a) => answers.push(a));
  s.clock.advance(1);
  return answers;
}

describe('nginx', () => {
  it('serves / from /usr/share/nginx/html and 404s a missing file', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('web', 'nginx:1.27')).start(() => undefined);
    expect(httpGet(s, 80, '/')[0].result).toBe('success');
    expect(httpGet(s, 80, '/')[0].output).toContain('Welcome to nginx!');
    expect(httpGet(s, 80, '/missing')[0].output).toBe('HTTP probe failed with statuscode: 404');
  });

  it.each([
    ['TERM', 'signal 15 (SIGTERM) received, exiting'],
    ['QUIT', 'signal 3 (SIGQUIT) received, shutting down'],
  ] as const)('exits 0 on %s', (signal, line) => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('web', 'nginx'));
    const exits: ExitStatus[] = [];
    c.start((e) => exits.push(e));
    c.signal(signal);
    s.clock.advance(10);
    expect(exits).toEqual([{ exitCode: 0 }]);
    expect(c.logs().some((l) => l.text.endsWith(line))).toBe(true);
    expect(s.sandbox.net.listener(80)).toBeUndefined();
  });

  it('logs bind() failed and exits 1 when port 80 is taken (port clash)', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('a', 'nginx')).start(() => undefined);
    const b = s.sandbox.createContainer(s.container('b', 'nginx'));
    const exits: Array<[number, ExitStatus]> = [];
    b.start((e) => exits.push([s.clock.now(), e]));
    s.clock.advance(5000);
    expect(b.logs().some((l) => l.text.includes('bind() to 0.0.0.0:80 failed (98: Address already in use)'))).toBe(true);
    expect(exits).toEqual([[2000, { exitCode: 1 }]]);
    expect(s.sandbox.net.listener(80)?.description).toBe('nginx');
  });
});

describe('agnhost', () => {
  it('liveness: /healthz is 200 for the first 10 s, then 500', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('l', 'registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['liveness'] })).start(() => undefined);
    expect(httpGet(s, 8080, '/healthz')[0]).toMatchObject({ result: 'success', output: 'ok' });
    s.clock.advance(10_000);
    expect(httpGet(s, 8080, '/healthz')[0]).toMatchObject({ result: 'failure', output: 'HTTP probe failed with statuscode: 500' });
  });

  it('registry.k8s.io/liveness is the same server', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('l', 'registry.k8s.io/liveness', { args: ['/server'] })).start(() => undefined);
    s.clock.advance(11_000);
    expect(httpGet(s, 8080, '/healthz')[0].output).toBe('HTTP probe failed with statuscode: 500');
  });

  it.each([
    ['/hostname', 'success', 'demo'],
    ['/echo?msg=hello', 'success', 'hello'],
    ['/echo?msg=x&code=503', 'failure', 'HTTP probe failed with statuscode: 503'],
    ['/healthz', 'success', ''],
  ])('netexec answers %s', (path, result, output) => {
    const s = setup();
    s.sandbox
      .createContainer(s.container('n', 'registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['netexec', '--http-port=8080'] }))
      .start(() => undefined);
    expect(httpGet(s, 8080, path)[0]).toMatchObject({ result, output });
  });

  it('serve-hostname answers the hostname on 9376', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('h', 'registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['serve-hostname'] })).start(() => undefined);
    expect(httpGet(s, 9376, '/')[0].output).toBe('demo');
  });

  it.each([
    ['pause', 'TERM', { exitCode: 0 }],
    ['liveness', 'TERM', { exitCode: 2 }],
  ] as const)('%s mode on %s exits %j', (mode, signal, status) => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('a', 'registry.k8s.io/e2e-test-images/agnhost:2.40', { args: [mode] }));
    const exits: ExitStatus[] = [];
    c.start((e) => exits.push(e));
    c.signal(signal);
    s.clock.advance(10);
    expect(exits).toEqual([status]);
  });
});

describe('nginx -s (the signal process reads /run/nginx.pid)', () => {
  it.each([
    ['quit', 'signal 3 (SIGQUIT) received, shutting down', [{ exitCode: 0 }]],
    ['stop', 'signal 15 (SIGTERM) received, exiting', [{ exitCode: 0 }]],
    ['reload', 'signal 1 (SIGHUP) received, reconfiguring', []],
  ])('nginx -s %s signals the master, then exits 0 at once', (name, line, exits) => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('web', 'nginx'));
    const ended: ExitStatus[] = [];
    c.start((e) => ended.push(e));
    s.clock.advance(10);
    expect(c.fs.read('/run/nginx.pid')).toBe('1\n');
    const results: string[] = [];
    c.exec(['nginx', '-s', name], 1000, (r) => results.push(`${r.exitCode} ${r.output.replace(/^\S+ \S+ /, '')}`));
    s.clock.advance(10);
    expect(results).toEqual(['0 [notice] 3#3: signal process started\n']);
    expect(c.logs().map((l) => l.text)).toContainEqual(expect.stringContaining(line));
    expect(ended).toEqual(exits);
  });

  it('without a running master: open() of the pid file fails, exit 1', () => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('web', 'nginx', { command: ['sleep', '3600'] }));
    c.start(() => undefined);
    const results: number[] = [];
    c.exec(['nginx', '-s', 'quit'], 1000, (r) => results.push(r.exitCode));
    s.clock.advance(10);
    expect(results).toEqual([1]);
  });
});

describe('pause, stress, redis, goproxy, httpd', () => {
  it('pause exits 0 on TERM', () => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('p', 'registry.k8s.io/pause:3.9'));
    const exits: ExitStatus[] = [];
    c.start((e) => exits.push(e));
    s.clock.advance(60_000);
    expect(exits).toEqual([]);
    c.signal('TERM');
    s.clock.advance(1);
    expect(exits).toEqual([{ exitCode: 0 }]);
  });

  it('stress above the memory limit is OOMKilled with 137', () => {
    const s = setup();
    const c = s.sandbox.createContainer(
      s.container('m', 'polinux/stress', {
        command: ['stress'],
        args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
        memoryLimitBytes: 100 * MiB,
      }),
    );
    const exits: ExitStatus[] = [];
    c.start((e) => exits.push(e));
    s.clock.advance(1000);
    expect(exits).toEqual([{ exitCode: 137, signal: 'KILL', oomKilled: true }]);
  });

  it('stress within the limit holds its memory', () => {
    const s = setup();
    const c = s.sandbox.createContainer(
      s.container('m', 'polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], memoryLimitBytes: 200 * MiB }),
    );
    c.start(() => undefined);
    s.clock.advance(1000);
    expect(c.running()).toBe(true);
    expect(c.memory()).toBe(150 * MiB);
  });

  it('redis listens on 6379 and redis-cli ping answers PONG', () => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('r', 'redis'));
    c.start(() => undefined);
    const out: string[] = [];
    c.exec(['redis-cli', 'ping'], 1000, (r) => out.push(`${r.exitCode} ${r.output}`));
    s.clock.advance(1);
    expect(out).toEqual(['0 PONG\n']);
    expect(s.sandbox.net.listener(6379)?.description).toBe('redis');
  });

  it('goproxy accepts TCP on 8080', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('g', 'registry.k8s.io/goproxy:0.1')).start(() => undefined);
    const answers: ProbeAnswer[] = [];
    s.sandbox.tcpConnect(8080, undefined, 1000, (a) => answers.push(a));
    s.clock.advance(1);
    expect(answers[0].result).toBe('success');
  });

  it('httpd serves It works!', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('h', 'httpd:2.4')).start(() => undefined);
    expect(httpGet(s, 80, '/')[0].output).toContain('It works!');
  });
});
