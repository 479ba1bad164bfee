import { describe, expect, it } from 'vitest';
import type { Frame, RequestRecord, Trace } from '../../engine/trace-types';
import { NO_ENDPOINT, clientsOf, recentTraffic, requestsUpTo, trafficStrip, trafficTotals } from './traffic-model';

const q = (t: number, pod: string | undefined, outcome: RequestRecord['outcome'] = 'ok'): RequestRecord => ({
  t,
  client: 'client-1',
  service: 'web',
  ...(pod && { pod }),
  outcome,
  tookMs: 0,
});
const REQUESTS = [q(0, 'b'), q(1000, 'a'), q(1500, undefined, 'noEndpoints'), q(2000, 'a', 'httpError'), q(2000, 'b'), q(9000, 'a', 'timeout')];
const frame = (t: number, requestCount: number) => ({ t, requestCount }) as Frame;
// Frames at 0 and 2000 only: requests between frames are counted from the frame on.
const TRACE = { frames: [frame(0, 1), frame(2000, 5)], requests: REQUESTS, until: 10_000 } as unknown as Trace;

describe('requestsUpTo: the frame\'s requestCount, then the requests between the frame and the cursor', () => {
  it.each([
    [0, 1],
    [999, 1],
    [1000, 2],
    [1999, 3],
    [2000, 5],
    [8999, 5],
    [9000, 6],
    [10_000, 6],
  ])('at %i ms: %i requests', (t, n) => {
    expect(requestsUpTo(TRACE, t)).toBe(n);
  });
});

describe('trafficTotals', () => {
  it('counts OK and failed by pod, requests with no endpoint in their own row first, then pods by name', () => {
    expect(trafficTotals(REQUESTS, 5)).toEqual({
      sent: 5,
      ok: 3,
      failed: 2,
      byOutcome: { ok: 3, httpError: 1, refused: 0, timeout: 0, noEndpoints: 1 },
      byPod: [
        { pod: NO_ENDPOINT, ok: 0, failed: 1 },
        { pod: 'a', ok: 1, failed: 1 },
        { pod: 'b', ok: 2, failed: 0 },
      ],
    });
  });
});

describe('trafficStrip', () => {
  it('buckets each lane\'s OK and failed requests over the run, the last instant in the last bucket', () => {
    const strip = trafficStrip([...REQUESTS, q(10_000, 'b')], 10_000, 5);
    expect(strip.bucketMs).toBe(2000);
    expect(strip.lanes.map((l) => [l.pod, l.ok, l.failed])).toEqual([
      [NO_ENDPOINT, [0, 0, 0, 0, 0], [1, 0, 0, 0, 0]],
      ['a', [1, 0, 0, 0, 0], [0, 1, 0, 0, 1]],
      ['b', [1, 1, 0, 0, 1], [0, 0, 0, 0, 0]],
    ]);
    expect(strip.max).toBe(1);
  });
  it('names each client with the Service it calls', () => {
    expect(clientsOf(REQUESTS)).toEqual(['client-1 → web']);
  });
});

describe('recentTraffic: the Cluster view’s traffic as it flows', () => {
  const q = (t: number, service: string, pod: string | undefined, outcome: RequestRecord['outcome']): RequestRecord => ({ t, client: 'c', service, ...(pod && { pod }), outcome, tookMs: 1 });
  const requests = [q(1_000, 'web', 'a', 'ok'), q(5_000, 'web', 'a', 'ok'), q(6_000, 'web', 'b', 'httpError'), q(9_000, 'db', undefined, 'noEndpoints'), q(12_000, 'web', 'b', 'ok')];
  it('counts the window (t − w, t] per Service and per answering Pod', () => {
    const recent = recentTraffic(requests, 10_000, 5_000);
    expect(recent.get('web')).toEqual({ ok: 0, failed: 1, byPod: new Map([['b', { ok: 0, failed: 1 }]]) });
    expect(recent.get('db')).toEqual({ ok: 0, failed: 1, byPod: new Map([[NO_ENDPOINT, { ok: 0, failed: 1 }]]) });
    expect(recentTraffic(requests, 5_000, 5_000).get('web')?.ok).toBe(2);
    expect(recentTraffic(requests, 20_000, 5_000).get('web')).toBeUndefined();
    expect(recentTraffic(requests, 15_000, 5_000).get('web')).toEqual({ ok: 1, failed: 0, byPod: new Map([['b', { ok: 1, failed: 0 }]]) });
  });
});
