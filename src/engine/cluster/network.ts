/**
 * What a packet from a container meets outside its pod: another pod's IP (pod-to-pod networking),
 * a Service's ClusterIP (kube-proxy: one of the ready endpoints; when none is ready, the serving
 * terminating ones, as ProxyTerminatingEndpoints does; none at all is refused), or the internet.
 * kube-proxy picks an endpoint at random; PodPlay takes them in turn, so runs stay deterministic.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Listener } from '../../runtime';
import { isPodReady, resolveTargetPort, selects } from './endpoint-slices';

export interface PodEndpoint {
  pod: () => Pod | undefined;
  ip: () => string | undefined;
  listener: (port: number) => Listener | undefined;
}

export function clusterNetwork(
  services: Service[],
  pods: () => PodEndpoint[],
  internet: (ip: string, port: number) => Listener | undefined,
): (ip: string, port: number) => Listener | undefined {
  const turn = new Map<string, number>();
  return (ip, port) => {
    const target = pods().find((p) => p.ip() === ip);
    if (target) return target.listener(port);
    const service = services.find((s) => s.spec?.clusterIP === ip);
    if (!service) return internet(ip, port);
    const servicePort = service.spec?.ports?.find((p) => p.port === port);
    if (!servicePort) return undefined;
    const members = pods()
      .map((p) => ({ endpoint: p, pod: p.pod() }))
      .filter((m): m is { endpoint: PodEndpoint; pod: Pod } => m.pod !== undefined && selects(service, m.pod) && Boolean(m.pod.status?.podIP));
    const usable = members.filter((m) => isPodReady(m.pod) && !m.pod.metadata?.deletionTimestamp);
    const chosen = usable.length > 0 ? usable : members.filter((m) => isPodReady(m.pod));
    if (chosen.length === 0) return undefined;
    const key = `${ip}:${port}`;
    const n = turn.get(key) ?? 0;
    turn.set(key, n + 1);
    const pick = chosen[n % chosen.length];
    const targetPort = resolveTargetPort(servicePort.targetPort, pick.pod);
    return targetPort === undefined ? undefined : pick.endpoint.listener(targetPort);
  };
}
