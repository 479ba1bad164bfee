/**
 * Probes sent to a pod, answered and worded as the kubelet's probers do. Sources (kubernetes/kubernetes):
 * - pkg/probe/http/http.go DoHTTPProbe: success iff 200 <= code < 400; 3xx left unfollowed (another
 *   host) → Warning "Probe terminated redirects, Response body: <body>"; else Failure
 *   "HTTP probe failed with statuscode: <code>"; transport errors are Go's client error text
 *   (`Get "<url>": dial tcp <addr>: connect: connection refused`, `... context deadline exceeded
 *   (Client.Timeout exceeded while awaiting headers)`). Same-host redirects are followed
 *   (pkg/probe/http/request.go redirectChecker, at most 10). Bodies are cut at 10 KiB.
 * - pkg/probe/tcp/tcp.go DoTCPProbe: net.DialTimeout error text, success output "".
 * - pkg/probe/grpc/grpc.go: `timeout: failed to connect service %q within %v: %+v` (WithBlock dial:
 *   no listener ends at the deadline), `timeout: health rpc did not complete within %v`,
 *   `service unhealthy (responded with %q)`, success "service healthy".
 * Every answer arrives on the virtual clock (after the server's delay or the timeout), never inside the call.
 */
import type { HttpResponse, PodNetwork, Timers } from './types';
import type { PodSandbox, ProbeAnswer } from './sandbox-types';
import { goDuration } from './go-duration';

type HttpProbeRequest = Parameters<PodSandbox['httpGet']>[0];

const MAX_BODY = 10 * 1024;
const MAX_REDIRECTS = 10;

/** Where a probe goes: the pod's own network, or somewhere the simulation cannot reach. */
function reachable(net: PodNetwork, host: string | undefined): boolean {
  return host === undefined || host === '' || host === net.ip;
}

function answer(result: ProbeAnswer['result'], output: string, detail: string): ProbeAnswer {
  return { result, output, detail };
}

function sameHostTarget(location: string, host: string, port: number, scheme: string): { port: number; path: string } | undefined {
  if (location.startsWith('/')) return { port, path: location };
  const m = /^(https?):\/\/([^/:]+)(?::(\d+))?(\/.*)?$/i.exec(location);
  if (!m || m[2] !== host) return undefined;
  const defaultPort = m[1].toLowerCase() === 'https' ? 443 : 80;
  return { port: m[3] ? Number(m[3]) : m[1].toLowerCase() === scheme ? port : defaultPort, path: m[4] ?? '/' };
}

export function probeHttp(
  net: PodNetwork,
  timers: Timers,
  request: HttpProbeRequest,
  timeoutMs: number,
  done: (answer: ProbeAnswer, response?: HttpResponse) => void,
): void {
  const host = request.host || net.ip;
  const scheme = request.scheme.toLowerCase();
  const urlOf = (port: number, path: string) => `${scheme}://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`;
  const timeoutText = (url: string) => `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
  const finish = (at: number, a: ProbeAnswer, response?: HttpResponse) => timers.setTimeout(() => done(a, response), at);

  if (!reachable(net, request.host)) {
    const url = urlOf(request.port, request.path);
    finish(timeoutMs, answer('failure', `Get "${url}": dial tcp ${host}:${request.port}: i/o timeout (Client.Timeout exceeded while awaiting headers)`, `GET ${url}: no route`));
    return;
  }

  let elapsed = 0;
  let port = request.port;
  let path = request.path || '/';
  for (let hop = 0; ; hop++) {
    const url = urlOf(port, path);
    const listener = net.listener(port);
    if (!listener) {
      finish(elapsed, answer('failure', `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`, `GET ${url}: nothing listens on ${port}`));
      return;
    }
    if (!listener.http) {
      finish(Math.min(elapsed, timeoutMs), answer('failure', `Get "${url}": EOF`, `GET ${url}: ${listener.description} does not speak HTTP`));
      return;
    }
    if (scheme === 'https') {
      finish(elapsed, answer('failure', `Get "${url}": http: server gave HTTP response to HTTPS client`, `GET ${url}: plain HTTP server`));
      return;
    }
    const response = listener.http({ method: 'GET', scheme: request.scheme, host, port, path, headers: { ...request.headers } });
    elapsed += response.delayMs ?? 0;
    if (elapsed >= timeoutMs) {
      finish(timeoutMs, answer('failure', timeoutText(url), `GET ${url}: no answer within ${goDuration(timeoutMs)}`));
      return;
    }
    const body = (response.body ?? '').slice(0, MAX_BODY);
    const detail = `GET ${url} → ${response.status}`;
    const location = response.headers?.Location ?? response.headers?.location;
    if (response.status >= 300 && response.status < 400 && location !== undefined) {
      const next = sameHostTarget(location, host, port, scheme);
      if (next && hop + 1 < MAX_REDIRECTS) {
        port = next.port;
        path = next.path;
        continue;
      }
      if (next) {
        finish(elapsed, answer('failure', `Get "${urlOf(next.port, next.path)}": stopped after 10 redirects`, detail), response);
        return;
      }
    }
    if (response.status >= 200 && response.status < 400) {
      if (response.status >= 300) finish(elapsed, answer('warning', `Probe terminated redirects, Response body: ${body}`, detail), response);
      else finish(elapsed, answer('success', body, detail), response);
      return;
    }
    finish(elapsed, answer('failure', `HTTP probe failed with statuscode: ${response.status}`, detail), response);
    return;
  }
}

export function probeTcp(net: PodNetwork, timers: Timers, port: number, host: string | undefined, timeoutMs: number, done: (a: ProbeAnswer) => void): void {
  const addr = `${host || net.ip}:${port}`;
  if (!reachable(net, host)) {
    timers.setTimeout(() => done(answer('failure', `dial tcp ${addr}: i/o timeout`, `connect ${addr}: no route`)), timeoutMs);
    return;
  }
  const listener = net.listener(port);
  const a = listener
    ? answer('success', '', `connect ${addr}: accepted by ${listener.description}`)
    : answer('failure', `dial tcp ${addr}: connect: connection refused`, `connect ${addr}: nothing listens on ${port}`);
  timers.setTimeout(() => done(a), 0);
}

export function probeGrpc(net: PodNetwork, timers: Timers, port: number, service: string, timeoutMs: number, done: (a: ProbeAnswer) => void): void {
  const addr = `${net.ip}:${port}`;
  const within = goDuration(timeoutMs);
  const health = net.listener(port)?.grpc;
  if (!health) {
    const a = answer('failure', `timeout: failed to connect service "${addr}" within ${within}: context deadline exceeded`, `gRPC ${addr}: no gRPC server`);
    timers.setTimeout(() => done(a), timeoutMs);
    return;
  }
  const reply = health(service);
  const delay = reply.delayMs ?? 0;
  const detail = `grpc.health.v1.Health/Check ${JSON.stringify(service)} at ${addr} → ${reply.status}`;
  if (delay >= timeoutMs) {
    timers.setTimeout(() => done(answer('failure', `timeout: health rpc did not complete within ${within}`, detail)), timeoutMs);
    return;
  }
  let a: ProbeAnswer;
  if (reply.status === 'SERVING') a = answer('success', 'service healthy', detail);
  else if (reply.status === 'SERVICE_UNKNOWN') a = answer('failure', 'error: health rpc probe failed: rpc error: code = NotFound desc = unknown service', detail);
  else a = answer('failure', `service unhealthy (responded with "${reply.status}")`, detail);
  timers.setTimeout(() => done(a), delay);
}
