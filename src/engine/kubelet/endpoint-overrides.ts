/**
 * Endpoints a scenario made answer differently from what the container serves ("make /healthz
 * answer 500 at 20 s"): keyed `port path`, where the port is the number or the port's name and an
 * empty path means every path on that port.
 */
import { createPodNetwork, type SimPodSandbox } from '../../runtime';
import { probeHttp } from '../../runtime/probe-answers';
import type { Timers } from '../../runtime/types';

export interface EndpointAnswer {
  status?: number;
  timeout?: boolean;
}

export class EndpointOverrides {
  private readonly byKey = new Map<string, EndpointAnswer>();

  /** From now on `port` (each of its spellings) + `path` answers so. */
  set(ports: string[], path: string | undefined, answer: EndpointAnswer): void {
    for (const k of ports) this.byKey.set(`${k} ${path ?? ''}`, answer);
  }

  /** What `port` + `path` answers now, if the scenario changed it (for clients outside the pod too). */
  get(port: number, path: string): EndpointAnswer | undefined {
    return this.byKey.get(`${port} ${path}`) ?? this.byKey.get(`${port} `);
  }

  /** The sandbox a probe's httpGet meets: the real one, or one whose answer is the override's, worded by the same prober. */
  sandboxFor(sandbox: SimPodSandbox, httpGet: { port: number | string; path?: string } | undefined, clock: Timers): SimPodSandbox {
    if (!httpGet || this.byKey.size === 0) return sandbox;
    const key = (path?: string) => `${String(httpGet.port)} ${path ?? ''}`;
    const override = this.byKey.get(key(httpGet.path ?? '/')) ?? this.byKey.get(key());
    if (!override) return sandbox;
    const net = createPodNetwork(sandbox.ip);
    return {
      ...sandbox,
      httpGet: (request, timeoutMs, done) => {
        net.bind(
          request.port,
          { description: 'scenario override', http: () => ({ status: override.status ?? 200, delayMs: override.timeout ? Number.MAX_SAFE_INTEGER : 0 }) },
          'scenario',
        );
        probeHttp(net, clock, request, timeoutMs, done);
      },
    };
  }
}
