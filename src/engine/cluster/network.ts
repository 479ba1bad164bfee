/**
 * What a packet from a container meets outside its pod: another pod's IP (pod-to-pod networking),
 * a Service's ClusterIP (kube-proxy: one of the ready endpoints; when none is ready, the serving
 * terminating ones, as pkg/proxy/topology.go CategorizeEndpoints does; none at all is refused), or
 * the internet. kube-proxy picks an endpoint at random; here a container's own connections take them
 * in turn (the simulated traffic clients of cluster/traffic.ts pick at random, with a seeded source).
 */
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Listener } from '../../runtime';
import { isPodReady, resolveTargetPort, selects } from './endpoint-slices';

export interface PodEndpoint {
  pod: () => Pod | undefined;
  ip: () => string | undefined;
  listener: (port: number) => Listener | undefined;
}

/** One endpoint kube-proxy may send a Service port's connection to. */
export interface Backend {
  endpoint: PodEndpoint;
  pod: Pod;
  /** The Service's targetPort resolved against this pod (a named port may not exist on it). */
  targetPort: number | undefined;
}

/**
 * The endpoints kube-proxy routes a Service port to (pkg/proxy/topology.go CategorizeEndpoints,
 * Cluster traffic policy): the ready ones; when none is ready, the serving terminating ones; else none.
 */
export function serviceBackends(service: Service, servicePort: ServicePort, endpoints: PodEndpoint[]): Backend[] {
  const members = endpoints
    .map((p) => ({ endpoint: p, pod: p.pod() }))
    .filter((m): m is { endpoint: PodEndpoint; pod: Pod } => m.pod !== undefined && selects(service, m.pod) && Boolean(m.pod.status?.podIP));
  const usable = members.filter((m) => isPodReady(m.pod) && !m.pod.metadata?.deletionTimestamp);
  const chosen = usable.length > 0 ? usable : members.filter((m) => isPodReady(m.pod));
  return chosen.map((m) => ({ ...m, targetPort: resolveTargetPort(servicePort.targetPort, m.pod) }));
}

export function clusterNetwork(
  services: Service[],
  pods: () => PodEndpoint[],
  internet: (ip: string, port: number) => Listener | undefined,
): (ip: string, port: number) => Listener | undefined {
  const turn = new Map<string, number>();
  return (ip, port) => {
    const all = pods();
    const target = all.find((p) => p.ip() === ip);
    if (target) return target.listener(port);
    const service = services.find((s) => s.spec?.clusterIP === ip);
    if (!service) return internet(ip, port);
    const servicePort = service.spec?.ports?.find((p) => p.port === port);
    if (!servicePort) return undefined;
    const chosen = serviceBackends(service, servicePort, all);
    if (chosen.length === 0) return undefined;
    const key = `${ip}:${port}`;
    const n = turn.get(key) ?? 0;
    turn.set(key, n + 1);
    const pick = chosen[n % chosen.length];
    return pick.targetPort === undefined ? undefined : pick.endpoint.listener(pick.targetPort);
  };
}
