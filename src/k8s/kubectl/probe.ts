/** DescribeProbe (k8s.io/kubectl/pkg/describe, kubectl 1.36): one line per probe in describe. */
import type { Probe } from 'kubernetes-types/core/v1';

/** net.JoinHostPort: brackets a host that contains a colon (IPv6). */
const joinHostPort = (host: string, port: string): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

/** url.URL{Scheme, Host, Path}.String(). */
function urlString(scheme: string, host: string, path: string): string {
  let s = scheme ? `${scheme}:` : '';
  if (scheme || host) s += `//${host}`;
  if (path && !path.startsWith('/') && host) s += '/';
  return s + encodeURI(path).replace(/%25/g, '%');
}

export function describeProbe(probe: Probe): string {
  // API-server defaults for fields a stored Probe always has.
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s ` +
    `period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const port = String(g.port ?? '');
    const host = port.length > 0 ? joinHostPort(g.host ?? '', port) : (g.host ?? '');
    return `http-get ${urlString(scheme, host, g.path ?? '')} ${attrs}`;
  }
  if (probe.tcpSocket)
    return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}
