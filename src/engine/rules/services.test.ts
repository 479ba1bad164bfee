/**
 * Services, EndpointSlices, cluster DNS and kube-proxy routing. Sources: staging/src/k8s.io/
 * endpointslice/utils.go (podToEndpoint: serving = Ready, terminating = deletionTimestamp,
 * ready = serving && !terminating; ShouldPodBeInEndpoints: no IP or terminal phase → out),
 * pkg/registry/core/service (ClusterIP from 10.96.0.0/12, targetPort defaults to port),
 * pkg/proxy (only ready endpoints; serving terminating ones when none is ready).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, seek, simulate, type Trace } from '..';

const manifest = (readiness: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  terminationGracePeriodSeconds: 20
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    ports: [{ containerPort: 8080, name: http }]
${readiness}
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
`;

function run(text: string, actions: Parameters<typeof simulate>[0]['actions'] = [], until = 60_000): Trace {
  const r = simulate({ manifest: text, node: { ...DEFAULT_NODE, cachedImages: ['busybox:1.36'] }, actions, seed: 1 }, { until });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.trace;
}

const endpointAt = (trace: Trace, t: number) => seek(trace, t).endpointSlices[0]?.endpoints?.[0];

describe('a Service as the API server stores it', () => {
  const trace = run(manifest(''));
  const svc = seek(trace, 0).services[0];
  it('gets a ClusterIP from 10.96.0.0/12, TCP ports and a targetPort', () => {
    expect(svc.spec?.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(svc.spec?.ports).toEqual([{ port: 80, targetPort: 'http', protocol: 'TCP' }]);
  });
  it('its EndpointSlice is named after it, labelled and owned by it, with the named port resolved', () => {
    const slice = seek(trace, 10_000).endpointSlices[0];
    expect(slice.metadata?.name).toMatch(/^web-[0-9a-f]{5}$/);
    expect(slice.metadata?.labels?.['kubernetes.io/service-name']).toBe('web');
    expect(slice.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
  });
  it('its EndpointSlice is created with the Service (kubectl get endpointslices shows an AGE)', () => {
    expect(seek(trace, 10_000).endpointSlices[0].metadata?.creationTimestamp).toBe(svc.metadata?.creationTimestamp);
  });
});

describe('endpoint conditions follow the pod (endpointslice utils.go podToEndpoint)', () => {
  it.each([
    { rule: 'no pod IP before the sandbox: not listed', t: 500, endpoint: undefined },
    { rule: 'running without a readiness probe: ready and serving', t: 5_000, endpoint: { ready: true, serving: true, terminating: false } },
    { rule: 'deleted: terminating, still serving, no longer ready', t: 31_000, endpoint: { ready: false, serving: true, terminating: true } },
    { rule: 'gone from the API: not listed', t: 59_000, endpoint: undefined },
  ])('$rule', ({ t, endpoint }) => {
    const trace = run(manifest(''), [{ at: 30, kind: 'deletePod', pod: 'web' }]);
    expect(endpointAt(trace, t)?.conditions).toEqual(endpoint);
  });

  it('a failing readiness probe: listed, but neither ready nor serving', () => {
    const trace = run(manifest('    readinessProbe: { exec: { command: ["false"] }, periodSeconds: 5 }'));
    expect(endpointAt(trace, 20_000)?.conditions).toEqual({ ready: false, serving: false, terminating: false });
  });
});

describe('cluster DNS and kube-proxy as a container sees them', () => {
  const client = (cmd: string) => `---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: ["sh", "-c", ${JSON.stringify(cmd)}]
`;
  it('the short name resolves through the search list to the ClusterIP', () => {
    const trace = run(manifest('') + client('sleep 3; nslookup web'));
    const ip = seek(trace, 0).services[0].spec?.clusterIP;
    const out = (trace.logs['client/c'] ?? []).map((l) => l.text).join('');
    expect(out).toContain('Name:\tweb.default.svc.cluster.local');
    expect(out).toContain(`Address: ${ip}`);
  });
  it('with no ready endpoint the ClusterIP refuses connections', () => {
    const trace = run(manifest('    readinessProbe: { exec: { command: ["false"] } }') + client('sleep 3; wget -q -O- http://web/'));
    const ip = seek(trace, 0).services[0].spec?.clusterIP;
    expect((trace.logs['client/c'] ?? []).map((l) => l.text).join('')).toContain(`wget: can't connect to remote host (${ip}): Connection refused`);
  });
});
