/**
 * Simulated clients sending requests to a Service (SimInput.traffic, engine/cluster/traffic.ts).
 * Sources: pkg/proxy/iptables/proxier.go (a random endpoint per connection, `-m statistic --mode
 * random`; a Service with no endpoints is REJECTed), pkg/proxy/topology.go CategorizeEndpoints (ready
 * endpoints; serving terminating ones when none is ready), staging/src/k8s.io/endpointslice/utils.go
 * podToEndpoint (ready = Ready condition and no deletionTimestamp), pkg/kubelet/prober/worker.go
 * (readiness turns False after failureThreshold consecutive failures, one per periodSeconds).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, seek, simulate, type SimAction, type SimInput, type Trace } from '..';
import type { TrafficSource } from '../input';
import type { CustomImageBehaviour } from '../../runtime/sandbox-types';
import type { RequestRecord } from '../trace-types';

const SERVICE = `---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
`;

/** A bare Pod labelled app=web (stable names, unlike a ReplicaSet's). */
const pod = (name: string, image: string, readiness = '') => `---
apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: web } }
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: ${image}
    ports: [{ containerPort: 8080 }]
${readiness}`;

const app = (image: string, more: Partial<CustomImageBehaviour> = {}, afterSeconds?: number): CustomImageBehaviour => ({
  image,
  onTerm: { exitCode: 0, delaySeconds: 20 },
  listen: [{ port: 8080, ...(afterSeconds !== undefined && { afterSeconds }) }],
  ...more,
});
const IMAGES = [app('example.com/app:1'), app('example.com/slow:1', {}, 20)];

const readinessProbe = (period: number, threshold: number) =>
  `    readinessProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: ${period}, failureThreshold: ${threshold} }\n`;

function run(manifest: string, traffic: TrafficSource[], opts: { actions?: SimAction[]; until?: number; seed?: number } = {}): Trace {
  const input: SimInput = {
    manifest,
    node: { ...DEFAULT_NODE, cachedImages: IMAGES.map((i) => i.image) },
    actions: opts.actions ?? [],
    seed: opts.seed ?? 1,
    customImages: IMAGES,
    traffic,
  };
  const r = simulate(input, { until: opts.until ?? 90_000 });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.trace;
}

const to = (trace: Trace, name: string, from = 0, until = Infinity): RequestRecord[] =>
  trace.requests.filter((q) => q.pod === name && q.t >= from && q.t < until);
const endpointReady = (trace: Trace, t: number, name: string) =>
  seek(trace, t).endpointSlices[0]?.endpoints?.find((e) => e.targetRef?.name === name)?.conditions?.ready;
/** The first time (ms) from `after` on the EndpointSlice lists `name` as not ready. */
function removedAt(trace: Trace, name: string, after: number): number | undefined {
  return trace.frames.find((f) => f.t >= after && f.endpointSlices[0]?.endpoints?.some((e) => e.targetRef?.name === name && e.conditions?.ready === false))?.t;
}

describe('requests spread uniformly at random over the ready endpoints (iptables proxier: statistic --mode random)', () => {
  const three = pod('web-a', 'example.com/app:1') + pod('web-b', 'example.com/app:1') + pod('web-c', 'example.com/app:1') + SERVICE;
  const trace = run(three, [{ service: 'web', ratePerSecond: 20, from: 10 }], { until: 70_000 });

  it('every request after the pods are up is answered 200 by one of the three', () => {
    expect(trace.requests).toHaveLength(20 * 60);
    expect(trace.requests.every((q) => q.outcome === 'ok' && q.status === 200)).toBe(true);
  });
  it.each(['web-a', 'web-b', 'web-c'])('%s gets about a third (1200 requests: between 27% and 40%)', (name) => {
    const share = to(trace, name).length / trace.requests.length;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.4);
  });
  it('not in turn: the same pod sometimes answers twice in a row (random, not round robin)', () => {
    expect(trace.requests.some((q, i) => i > 0 && trace.requests[i - 1].pod === q.pod)).toBe(true);
  });
  it('requests make no frames: frames are the same as without traffic, and requestCount counts requests up to each frame', () => {
    const quiet = run(three, [], { until: 70_000 });
    expect(trace.frames.map((f) => f.t)).toEqual(quiet.frames.map((f) => f.t));
    for (const f of trace.frames) expect(f.requestCount).toBe(trace.requests.filter((q) => q.t <= f.t).length);
  });
});

describe('a failing readiness probe takes the pod out of the Service after failureThreshold × periodSeconds (prober worker.go, endpointslice utils.go)', () => {
  it.each([
    { period: 5, threshold: 3 },
    { period: 2, threshold: 1 },
    { period: 10, threshold: 2 },
  ])('periodSeconds $period, failureThreshold $threshold', ({ period, threshold }) => {
    const manifest = pod('web-a', 'example.com/app:1', readinessProbe(period, threshold)) + pod('web-b', 'example.com/app:1', readinessProbe(period, threshold)) + SERVICE;
    const failAt = 30_500; // between two probes, so some requests meet the fault before the prober does
    const trace = run(manifest, [{ service: 'web', ratePerSecond: 10 }], {
      actions: [{ at: failAt / 1000, kind: 'setEndpoint', pod: 'web-b', container: 'app', port: 8080, path: '/', status: 503 }],
    });
    const failures = trace.probes.filter((p) => p.pod === 'web-b' && p.probe === 'readiness' && p.t >= failAt && p.result === 'failure');
    const lastFailure = failures[threshold - 1].t;
    // The lag is the prober's: threshold failing probes, one per period (the first within a period of the fault).
    expect(lastFailure - failures[0].t).toBe((threshold - 1) * period * 1000);
    expect(failures[0].t - failAt).toBeLessThanOrEqual(period * 1000);
    // Then the endpoint update: the EndpointSlice drops it at once (PodPlay has no watch latency).
    const removed = removedAt(trace, 'web-b', failAt);
    expect(removed).toBe(lastFailure);
    expect(endpointReady(trace, removed! - 1, 'web-b')).toBe(true);
    // Until then its users get 503s (a request sent in that very instant still meets it: in a real
    // cluster kube-proxy's rules change a little later still); afterwards every request goes to web-a.
    const after = removed! + 1;
    const during = to(trace, 'web-b', failAt, after);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((q) => q.outcome === 'httpError' && q.status === 503)).toBe(true);
    expect(to(trace, 'web-b', after)).toEqual([]);
    expect(trace.requests.filter((q) => q.t >= after).every((q) => q.pod === 'web-a' && q.outcome === 'ok')).toBe(true);
  });
});

describe('what a readiness probe protects users from: a pod that is up but not serving yet', () => {
  it.each([
    { rule: 'no readiness probe: Ready as soon as the container runs, and its requests are refused until the app listens', readiness: '', refused: true },
    { rule: 'a readiness probe: no endpoint until the app answers, so no request fails', readiness: readinessProbe(1, 3), refused: false },
  ])('$rule', ({ readiness, refused }) => {
    const manifest = pod('web-a', 'example.com/app:1', readiness) + pod('web-b', 'example.com/slow:1', readiness) + SERVICE;
    const trace = run(manifest, [{ service: 'web', ratePerSecond: 10, from: 5 }], { until: 60_000 });
    const failed = trace.requests.filter((q) => q.outcome !== 'ok');
    if (refused) {
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((q) => q.pod === 'web-b' && q.outcome === 'refused' && q.t < 25_000)).toBe(true);
    } else {
      expect(failed).toEqual([]);
    }
    // Either way web-b serves once its app listens (20 s after it started).
    expect(to(trace, 'web-b', 30_000).every((q) => q.outcome === 'ok')).toBe(true);
    expect(to(trace, 'web-b', 30_000).length).toBeGreaterThan(0);
  });
});

describe('terminating endpoints (CategorizeEndpoints: ready first, serving terminating as a fallback)', () => {
  const two = pod('web-a', 'example.com/app:1') + pod('web-b', 'example.com/app:1') + SERVICE;
  it('a deleted pod gets no new requests while another is ready, though it still serves', () => {
    const trace = run(two, [{ service: 'web', ratePerSecond: 10 }], { actions: [{ at: 30, kind: 'deletePod', pod: 'web-b' }] });
    expect(to(trace, 'web-b', 29_000, 30_000).length).toBeGreaterThan(0);
    expect(to(trace, 'web-b', 30_000)).toEqual([]);
    expect(seek(trace, 40_000).endpointSlices[0].endpoints?.find((e) => e.targetRef?.name === 'web-b')?.conditions).toEqual({
      ready: false,
      serving: true,
      terminating: true,
    });
    expect(trace.requests.filter((q) => q.t >= 30_000).every((q) => q.pod === 'web-a' && q.outcome === 'ok')).toBe(true);
  });
  it('when every pod is terminating, the serving ones still get requests; once none serves, noEndpoints', () => {
    const trace = run(two, [{ service: 'web', ratePerSecond: 10 }], {
      actions: [
        { at: 30, kind: 'deletePod', pod: 'web-a' },
        { at: 30, kind: 'deletePod', pod: 'web-b' },
      ],
    });
    const terminating = trace.requests.filter((q) => q.t >= 30_000 && q.t < 45_000);
    expect(terminating.every((q) => q.outcome === 'ok' && q.pod !== undefined)).toBe(true);
    const after = trace.requests.filter((q) => q.t >= 55_000);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((q) => q.outcome === 'noEndpoints' && q.pod === undefined)).toBe(true);
  });
});

describe('what else a client can meet', () => {
  const one = pod('web-a', 'example.com/app:1') + SERVICE;
  it('a Service that selects nothing: every request is noEndpoints (iptables REJECT: connection refused), instantly', () => {
    const trace = run(SERVICE, [{ service: 'web', ratePerSecond: 2 }], { until: 10_000 });
    expect(trace.requests).toHaveLength(20);
    expect(trace.requests.every((q) => q.outcome === 'noEndpoints' && q.tookMs === 0)).toBe(true);
  });
  it('an endpoint that never answers in time: timeout after the client timeout', () => {
    const trace = run(one, [{ service: 'web', ratePerSecond: 1, timeoutSeconds: 3 }], {
      actions: [{ at: 20, kind: 'setEndpoint', pod: 'web-a', container: 'app', port: 8080, timeout: true }],
      until: 30_000,
    });
    const late = trace.requests.filter((q) => q.t >= 20_000);
    expect(late.length).toBe(10);
    expect(late.every((q) => q.outcome === 'timeout' && q.tookMs === 3000)).toBe(true);
  });
  it.each([
    { status: 404, outcome: 'ok' },
    { status: 500, outcome: 'httpError' },
    { status: 301, outcome: 'ok' },
  ])('status $status counts as $outcome (5xx are the server failing; a 4xx is an answer)', ({ status, outcome }) => {
    const trace = run(one, [{ service: 'web', ratePerSecond: 1, path: '/x' }], {
      actions: [{ at: 10, kind: 'setEndpoint', pod: 'web-a', container: 'app', port: 8080, path: '/x', status }],
      until: 15_000,
    });
    expect(trace.requests.filter((q) => q.t >= 10_000).map((q) => [q.outcome, q.status])).toEqual(Array(5).fill([outcome, status]));
  });
  it('the port by name and from/until bound the requests; an unknown Service sends nothing and warns', () => {
    const trace = run(one, [
      { name: 'shop', service: 'web', port: 'http', ratePerSecond: 4, from: 10, until: 12 },
      { service: 'nope', ratePerSecond: 1 },
    ], { until: 20_000 });
    expect(trace.requests.map((q) => [q.t, q.client])).toEqual([10_000, 10_250, 10_500, 10_750, 11_000, 11_250, 11_500, 11_750].map((t) => [t, 'shop']));
    expect(trace.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', path: 'traffic[1].service', message: 'no Service named "nope" in the manifest' }));
  });
});

describe('determinism (seeded IdSource, never Math.random)', () => {
  const two = pod('web-a', 'example.com/app:1') + pod('web-b', 'example.com/app:1') + SERVICE;
  const picks = (seed: number) => run(two, [{ service: 'web', ratePerSecond: 5 }], { seed, until: 30_000 }).requests.map((q) => q.pod ?? '-').join(',');
  it('the same seed gives the same requests', () => {
    expect(picks(7)).toBe(picks(7));
  });
  it('another seed picks other pods', () => {
    expect(picks(7)).not.toBe(picks(8));
  });
  it('adding traffic changes nothing else in the run (its own random source)', () => {
    const without = run(two, [], { until: 30_000 });
    const withTraffic = run(two, [{ service: 'web', ratePerSecond: 5 }], { until: 30_000 });
    expect(withTraffic.events).toEqual(without.events);
    expect(seek(withTraffic, 30_000).pods).toEqual(seek(without, 30_000).pods);
  });
});
