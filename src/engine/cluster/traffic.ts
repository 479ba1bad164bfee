/**
 * Simulated clients outside the pods (SimInput.traffic): each sends an HTTP GET to a Service's
 * ClusterIP every 1/ratePerSecond seconds on the virtual clock, and kube-proxy in iptables mode routes
 * it (pkg/proxy/iptables/proxier.go): one of the usable endpoints (serviceBackends, the same rule a
 * container's own connections meet) chosen uniformly at random (`-m statistic --mode random`), here
 * from a seeded source so the same seed gives the same requests. A Service with no usable endpoint
 * is REJECTed by the proxier's "has no endpoints" rule (ICMP port unreachable: the client sees
 * "connection refused"); PodPlay records that as `noEndpoints` to tell it from a pod that refuses.
 *
 * Outcomes: `refused` (nothing listens on the pod's target port), `timeout` (no answer within the
 * client's timeout), `httpError` (status >= 500: the server failed), `ok` otherwise. A 4xx counts as
 * ok: the server is up and answered what it was asked (a wrong path is the client's mistake), as
 * availability SLIs that count 5xx as errors do. Redirects are not followed.
 *
 * The answer is computed when the request is sent (the handler's delay only sets tookMs), so the
 * records stay in time order and a request costs no timer but its own send. Requests do not bump the
 * recorder's version: they never create frames; views count them with Frame.requestCount plus the
 * requests between the frame and the cursor.
 */
import type { Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Diagnostic } from '../../k8s/admission-types';
import type { Timers } from '../../runtime/types';
import type { IdSource } from '../ids';
import type { TrafficSource } from '../input';
import type { RequestRecord } from '../trace-types';
import { serviceBackends, type PodEndpoint } from './network';

const DEFAULT_TIMEOUT_SECONDS = 1;

/** A scenario's change to what an endpoint answers (the setEndpoint action), applied to every client. */
export type EndpointOverride = { status?: number; timeout?: boolean };

export interface TrafficEndpoint extends PodEndpoint {
  name: string;
  /** What the scenario made this pod's `port` + `path` answer, if anything. */
  override?: (port: number, path: string) => EndpointOverride | undefined;
}

export interface TrafficEnv {
  clock: Timers;
  services: Service[];
  endpoints: () => TrafficEndpoint[];
  ids: IdSource;
  /** Virtual ms the run covers (clients stop there at the latest). */
  until: number;
  requests: RequestRecord[];
}

const clientName = (source: TrafficSource, index: number): string => source.name ?? `client-${index + 1}`;

function findPort(service: Service, port: number | string | undefined): ServicePort | undefined {
  const ports = service.spec?.ports ?? [];
  if (port === undefined) return ports[0];
  return ports.find((p) => p.port === port || (p.name !== undefined && p.name === port));
}

/** Why a source cannot send anything, worded for the scenario's author (undefined: it can). */
function trafficProblem(source: TrafficSource, services: Service[]): string | undefined {
  const service = services.find((s) => s.metadata?.name === source.service);
  if (!service) return `no Service named "${source.service}" in the manifest`;
  if (!findPort(service, source.port))
    return source.port === undefined ? `Service "${source.service}" has no ports` : `Service "${source.service}" has no port ${JSON.stringify(source.port)}`;
  return undefined;
}

/** One request, routed and answered now. */
function send(env: TrafficEnv, client: string, service: Service, servicePort: ServicePort, path: string, timeoutMs: number): RequestRecord {
  const base = { t: env.clock.now(), client, service: service.metadata?.name ?? '' };
  const backends = serviceBackends(service, servicePort, env.endpoints());
  if (backends.length === 0) return { ...base, outcome: 'noEndpoints', tookMs: 0 };
  const pick = backends[backends.length === 1 ? 0 : env.ids.int(backends.length)];
  const endpoint = pick.endpoint as TrafficEndpoint;
  const answered = { ...base, pod: endpoint.name };
  const listener = pick.targetPort === undefined ? undefined : endpoint.listener(pick.targetPort);
  if (pick.targetPort === undefined || !listener) return { ...answered, outcome: 'refused', tookMs: 0 };
  // A port that does not speak HTTP answers garbage or closes: the client fails with no status.
  if (!listener.http) return { ...answered, outcome: 'httpError', tookMs: 0 };
  const override = endpoint.override?.(pick.targetPort, path);
  const response = override
    ? { status: override.status ?? 200, delayMs: override.timeout ? Number.MAX_SAFE_INTEGER : 0 }
    : listener.http({
        method: 'GET',
        scheme: 'HTTP',
        host: service.spec?.clusterIP ?? '',
        port: pick.targetPort,
        path,
        headers: { 'User-Agent': `podplay-traffic/${client}` },
      });
  const delay = response.delayMs ?? 0;
  if (delay >= timeoutMs) return { ...answered, outcome: 'timeout', tookMs: timeoutMs };
  return { ...answered, outcome: response.status >= 500 ? 'httpError' : 'ok', status: response.status, tookMs: delay };
}

/**
 * Start every client on the clock. Sources that name no Service (or port) of the manifest send
 * nothing and come back as warnings.
 */
export function startTraffic(sources: TrafficSource[], env: TrafficEnv): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  sources.forEach((source, index) => {
    const problem = trafficProblem(source, env.services);
    if (problem) {
      warnings.push({ severity: 'warning', file: 'scenario', line: 0, col: 0, path: `traffic[${index}].service`, message: problem });
      return;
    }
    const service = env.services.find((s) => s.metadata?.name === source.service) as Service;
    const servicePort = findPort(service, source.port) as ServicePort;
    const client = clientName(source, index);
    const path = source.path ?? '/';
    const timeoutMs = (source.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    const fromMs = (source.from ?? 0) * 1000;
    const untilMs = Math.min(env.until, source.until === undefined ? Infinity : source.until * 1000);
    const intervalMs = 1000 / source.ratePerSecond;
    // The k-th request goes at from + k × interval (rounded to the ms), so rounding never drifts.
    const tick = (k: number) => {
      const at = fromMs + Math.round(k * intervalMs);
      if (at >= untilMs) return;
      env.clock.setTimeout(() => {
        env.requests.push(send(env, client, service, servicePort, path, timeoutMs));
        tick(k + 1);
      }, at - env.clock.now());
    };
    tick(0);
  });
  return warnings;
}
