import { describe, expect, it } from 'vitest';
import { containerArgv } from './container';
import { setup } from './testing/fixtures';
import type { ExecResult, ExitStatus } from './types';

describe('command and args precedence', () => {
  const image = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] };
  it.each([
    ['neither: entrypoint + cmd', undefined, undefined, ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']],
    ['command only: command, cmd dropped', ['sleep'], undefined, ['sleep']],
    ['args only: entrypoint + args', undefined, ['nginx', '-T'], ['/docker-entrypoint.sh', 'nginx', '-T']],
    ['both: command + args', ['sh', '-c'], ['echo hi'], ['sh', '-c', 'echo hi']],
  ])('%s', (_name, command, args, argv) => {
    expect(containerArgv(image, command, args)).toEqual(argv);
  });
});

describe('container start', () => {
  it('fails with runc\'s message and exit 128 when the executable is not found', () => {
    const { sandbox, container } = setup();
    const c = sandbox.createContainer(container('app', 'busybox', { command: ['foo'] }));
    expect(c.start(() => undefined)).toEqual({
      ok: false,
      exitCode: 128,
      message:
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown',
    });
  });

  it('reports the exit later on the virtual clock, with the termination message file', () => {
    const { sandbox, container, clock } = setup();
    const c = sandbox.createContainer(container('app', 'busybox', { command: ['sleep', '5'] }));
    const exits: ExitStatus[] = [];
    expect(c.start((s) => exits.push(s))).toEqual({ ok: true });
    c.fs.write('/dev/termination-log', 'bye');
    clock.advance(4999);
    expect(c.running()).toBe(true);
    clock.advance(1);
    expect(exits).toEqual([{ exitCode: 0, message: 'bye' }]);
    expect(c.running()).toBe(false);
  });

  it('falls back to the tail of the logs on error with FallbackToLogsOnError', () => {
    const { sandbox, container, clock } = setup();
    const c = sandbox.createContainer(
      container('app', 'busybox', { command: ['cat', '/nope'], terminationMessagePolicy: 'FallbackToLogsOnError' }),
    );
    const exits: ExitStatus[] = [];
    c.start((s) => exits.push(s));
    clock.advance(0);
    expect(exits).toEqual([{ exitCode: 1, message: "cat: can't open '/nope': No such file or directory\n" }]);
  });

  it('ignores TERM as PID 1 without a handler, and KILL ends it with 137', () => {
    const { sandbox, container, clock } = setup();
    const c = sandbox.createContainer(container('app', 'busybox', { command: ['sleep', 'infinity'] }));
    const exits: ExitStatus[] = [];
    c.start((s) => exits.push(s));
    c.signal('TERM');
    clock.advance(1000);
    expect(c.running()).toBe(true);
    c.signal('KILL');
    clock.advance(0);
    expect(exits).toEqual([{ exitCode: 137, signal: 'KILL' }]);
  });

  it('keeps the previous instance\'s logs as previous', () => {
    const { sandbox, container, clock } = setup();
    const first = sandbox.createContainer(container('app', 'busybox', { command: ['echo', 'one'] }));
    first.start(() => undefined);
    clock.advance(1000);
    const second = sandbox.createContainer(container('app', 'busybox', { command: ['echo', 'two'] }));
    second.start(() => undefined);
    expect(second.logs(true)).toEqual([{ t: 0, stream: 'stdout', text: 'one' }]);
    expect(second.logs()).toEqual([{ t: 1000, stream: 'stdout', text: 'two' }]);
  });
});

describe('exec', () => {
  it.each([
    ['succeeds with the output', ['cat', '/etc/hostname'], 1000, { exitCode: 0, output: 'demo\n' }, 0],
    ['fails with the exit code', ['false'], 1000, { exitCode: 1, output: '' }, 0],
    ['times out as the kubelet words it', ['sleep', '10'], 1000, { exitCode: -1, output: 'command "sleep 10" timed out', timedOut: true }, 1000],
  ])('%s', (_name, argv, timeout, result, at) => {
    const { sandbox, container, clock } = setup();
    const c = sandbox.createContainer(container('app', 'busybox', { command: ['sleep', 'infinity'] }));
    c.start(() => undefined);
    const results: Array<[number, ExecResult]> = [];
    c.exec(argv, timeout, (r) => results.push([clock.now(), r]));
    expect(results).toEqual([]);
    clock.advance(20_000);
    expect(results).toEqual([[at, result]]);
  });
});
