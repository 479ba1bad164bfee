import { describe, expect, it } from 'vitest';
import { createPodNetwork } from './network';
import { probeGrpc, probeHttp, probeTcp } from './probe-answers';
import { goDuration } from './go-duration';
import { FakeClock } from './testing/fake-clock';
import type { ProbeAnswer } from './sandbox-types';
import type { GrpcServingStatus, HttpResponse } from './types';

const IP = '10.244.0.5';

function world(http?: HttpResponse | ((path: string) => HttpResponse), grpc?: { status: GrpcServingStatus; delayMs?: number }) {
  const clock = new FakeClock();
  const net = createPodNetwork(IP);
  if (http) net.bind(8080, { description: 'web', http: (r) => (typeof http === 'function' ? http(r.path) : http) }, 'app');
  if (grpc) net.bind(2379, { description: 'etcd', grpc: () => grpc }, 'app');
  const answers: Array<[number, ProbeAnswer]> = [];
  const record = (a: ProbeAnswer) => answers.push([clock.now(), { ...a, detail: '' }]);
  return { clock, net, answers, record };
}

const get = { scheme: 'HTTP' as const, port: 8080, path: '/healthz', headers: {} };

describe('HTTP probe wording (pkg/probe/http/http.go)', () => {
  it.each([
    ['200 is success with the body', { status: 200, body: 'ok' }, 0, { result: 'success', output: 'ok' }],
    ['399 counts (3xx, not followed): a warning', { status: 399, body: '' }, 0, { result: 'warning', output: 'Probe terminated redirects, Response body: ' }],
    ['500 is failure', { status: 500, body: 'boom' }, 0, { result: 'failure', output: 'HTTP probe failed with statuscode: 500' }],
    ['199 is failure', { status: 199 }, 0, { result: 'failure', output: 'HTTP probe failed with statuscode: 199' }],
    ['slow success lands after its delay', { status: 200, body: 'ok', delayMs: 300 }, 300, { result: 'success', output: 'ok' }],
    [
      'slower than the timeout',
      { status: 200, delayMs: 5000 },
      1000,
      { result: 'failure', output: 'Get "http://10.244.0.5:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)' },
    ],
    [
      'a redirect to another host is a warning',
      { status: 302, body: 'moved', headers: { Location: 'http://example.com/' } },
      0,
      { result: 'warning', output: 'Probe terminated redirects, Response body: moved' },
    ],
  ])('%s', (_name, response, at, expected) => {
    const w = world(response);
    probeHttp(w.net, w.clock, get, 1000, w.record);
    expect(w.answers).toEqual([]);
    w.clock.advance(10_000);
    expect(w.answers).toEqual([[at, { ...expected, detail: '' }]]);
  });

  it('follows a redirect to the same host', () => {
    const w = world((path) => (path === '/healthz' ? { status: 301, headers: { Location: '/ok' } } : { status: 200, body: 'fine' }));
    probeHttp(w.net, w.clock, get, 1000, w.record);
    w.clock.advance(1);
    expect(w.answers).toEqual([[0, { result: 'success', output: 'fine', detail: '' }]]);
  });

  it('no listener: connection refused', () => {
    const w = world();
    probeHttp(w.net, w.clock, get, 1000, w.record);
    w.clock.advance(1);
    expect(w.answers[0][1].output).toBe('Get "http://10.244.0.5:8080/healthz": dial tcp 10.244.0.5:8080: connect: connection refused');
  });
});

describe('TCP probe wording (pkg/probe/tcp/tcp.go)', () => {
  it.each([
    ['a listener accepts', true, undefined, 0, { result: 'success', output: '' }],
    ['no listener refuses', false, undefined, 0, { result: 'failure', output: 'dial tcp 10.244.0.5:8080: connect: connection refused' }],
    ['an unreachable host times out', false, '10.9.9.9', 1000, { result: 'failure', output: 'dial tcp 10.9.9.9:8080: i/o timeout' }],
  ])('%s', (_name, listening, host, at, expected) => {
    const w = world(listening ? { status: 200 } : undefined);
    probeTcp(w.net, w.clock, 8080, host, 1000, w.record);
    expect(w.answers).toEqual([]);
    w.clock.advance(5000);
    expect(w.answers).toEqual([[at, { ...expected, detail: '' }]]);
  });
});

describe('gRPC probe wording (pkg/probe/grpc/grpc.go)', () => {
  it.each([
    ['SERVING is success', { status: 'SERVING' as const }, 0, { result: 'success', output: 'service healthy' }],
    ['NOT_SERVING is failure', { status: 'NOT_SERVING' as const }, 0, { result: 'failure', output: 'service unhealthy (responded with "NOT_SERVING")' }],
    ['a slow rpc times out', { status: 'SERVING' as const, delayMs: 2000 }, 1000, { result: 'failure', output: 'timeout: health rpc did not complete within 1s' }],
    [
      'no server: the dial times out',
      undefined,
      1000,
      { result: 'failure', output: 'timeout: failed to connect service "10.244.0.5:2379" within 1s: context deadline exceeded' },
    ],
  ])('%s', (_name, grpc, at, expected) => {
    const w = world(undefined, grpc);
    probeGrpc(w.net, w.clock, 2379, '', 1000, w.record);
    expect(w.answers).toEqual([]);
    w.clock.advance(5000);
    expect(w.answers).toEqual([[at, { ...expected, detail: '' }]]);
  });

  it.each([
    [1000, '1s'],
    [1500, '1.5s'],
    [500, '500ms'],
    [120_000, '2m0s'],
  ])('formats %d ms as Go does: %s', (ms, text) => expect(goDuration(ms)).toBe(text));
});
