import { describe, expect, it } from 'vitest';
import { setup } from '../../testing/fixtures';
import type { ProbeAnswer } from '../../sandbox-types';
import type { ExitStatus } from '../../types';
import { urlPorts } from './etcd';

const IMAGE = 'registry.k8s.io/etcd:3.5.1-0';
/** The docs' grpc-liveness.yaml command. */
const DOCS_COMMAND = [
  '/usr/local/bin/etcd',
  '--data-dir',
  '/var/lib/etcd',
  '--listen-client-urls',
  'http://0.0.0.0:2379',
  '--advertise-client-urls',
  'http://127.0.0.1:2379',
  '--log-level',
  'debug',
];

function grpc(s: ReturnType<typeof setup>, port: number): ProbeAnswer[] {
  const answers: ProbeAnswer[] = [];
  s.sandbox.grpcHealth(port, '', 1000, (a) => answers.push(a));
  s.clock.advance(1000);
  return answers;
}

describe('etcd (registry.k8s.io/etcd)', () => {
  it.each([
    ['http://0.0.0.0:2379', [2379]],
    ['http://0.0.0.0:2379,http://[::]:4001', [2379, 4001]],
    [undefined, [2379]],
  ])('--listen-client-urls %s listens on %j', (urls, ports) => {
    expect(urlPorts(urls, 2379)).toEqual(ports);
  });

  it('answers the gRPC health check on 2379 as SERVING (v3rpc/grpc.go health.NewServer)', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('etcd', IMAGE, { command: DOCS_COMMAND })).start(() => undefined);
    expect(grpc(s, 2379)[0]).toMatchObject({ result: 'success', output: 'service healthy' });
    expect(s.sandbox.net.listener(2380)?.description).toBe('etcd peer');
  });

  it('a port without a gRPC server fails the probe with a connect timeout', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('etcd', IMAGE, { command: DOCS_COMMAND })).start(() => undefined);
    expect(grpc(s, 2380)[0].result).toBe('failure');
  });

  it('/health answers {"health":"true"} over HTTP on the client port', () => {
    const s = setup();
    s.sandbox.createContainer(s.container('etcd', IMAGE, { command: DOCS_COMMAND })).start(() => undefined);
    const answers: ProbeAnswer[] = [];
    s.sandbox.httpGet({ scheme: 'HTTP', port: 2379, path: '/health', headers: {} }, 1000, (a) => answers.push(a));
    s.clock.advance(1);
    expect(answers[0]).toMatchObject({ result: 'success' });
  });

  it('logs zap JSON lines and, as PID 1, exits 0 on TERM (osutil/interrupt_unix.go HandleInterrupts)', () => {
    const s = setup();
    const c = s.sandbox.createContainer(s.container('etcd', IMAGE, { command: DOCS_COMMAND }));
    const exits: ExitStatus[] = [];
    c.start((e) => exits.push(e));
    c.signal('TERM');
    s.clock.advance(10);
    expect(exits).toEqual([{ exitCode: 0 }]);
    const lines = c.logs().map((l) => JSON.parse(l.text) as { msg: string });
    expect(lines.map((l) => l.msg)).toContain('ready to serve client requests');
    expect(lines[lines.length - 1]).toMatchObject({ level: 'info', msg: 'received signal; shutting down', signal: 'terminated' });
    expect(s.sandbox.net.listener(2379)).toBeUndefined();
  });
});
