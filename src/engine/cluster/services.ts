/**
 * Services as the API server stores them (pkg/registry/core/service: ClusterIP allocated from the
 * service CIDR, none for a headless Service, ports defaulted: protocol TCP, targetPort = port) and
 * the cluster DNS names that resolve to them (<svc>.<ns>.svc.cluster.local); for a headless Service,
 * the names CoreDNS gives its Pods (<hostname>.<subdomain>.<ns>.svc.cluster.local).
 */
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { ManifestObject } from '../../k8s';
import { kubeTime } from '../../k8s/time';
import type { IdSource } from '../ids';
import { isPodReady, selects } from './endpoint-slices';

function defaultPort(p: ServicePort): ServicePort {
  return { ...p, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort ?? p.port };
}

/** The default service CIDR is 10.96.0.0/12; .1 is the kubernetes Service and .10 cluster DNS. */
export function admitServices(objects: ManifestObject[], ids: IdSource): Service[] {
  const used = new Set(['10.96.0.1', '10.96.0.10']);
  return objects
    .filter((o) => o.kind === 'Service' && o.apiVersion === 'v1')
    .map((o) => {
      const raw = o.object as Service;
      const spec = raw.spec ?? {};
      let ip = 'None';
      if (spec.clusterIP !== 'None') {
        ip = `10.96.${ids.int(256)}.${1 + ids.int(254)}`;
        while (used.has(ip)) ip = `10.96.${ids.int(256)}.${1 + ids.int(254)}`;
        used.add(ip);
      }
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { ...raw.metadata, name: o.name, namespace: o.namespace, uid: ids.uid(), creationTimestamp: kubeTime(0) },
        spec: {
          ...spec,
          type: spec.type ?? 'ClusterIP',
          clusterIP: ip,
          clusterIPs: [ip],
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
          internalTrafficPolicy: 'Cluster',
          sessionAffinity: spec.sessionAffinity ?? 'None',
          ports: (spec.ports ?? []).map(defaultPort),
        },
        status: { loadBalancer: {} },
      };
    });
}

/** Fully qualified names only: the pod's resolv.conf search list finds the short forms. */
export function serviceDns(services: Service[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of services) {
    const ip = s.spec?.clusterIP;
    if (ip && ip !== 'None') out[`${s.metadata?.name}.${s.metadata?.namespace ?? 'default'}.svc.cluster.local`] = ip;
  }
  return out;
}

/**
 * What CoreDNS answers for headless Services (plugin/kubernetes): the Service's name resolves to its
 * ready endpoints (the name table holds one address: the first), and a selected Pod whose
 * spec.subdomain names the Service and that has a hostname gets
 * `<hostname>.<service>.<ns>.svc.cluster.local` (StatefulSet Pods: `web-0.nginx.default.svc...`).
 * Not-ready Pods are left out unless the Service sets publishNotReadyAddresses.
 */
export function headlessDns(services: Service[], pods: Pod[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of services) {
    if (s.spec?.clusterIP !== 'None' || !s.spec.selector) continue;
    const ns = s.metadata?.namespace ?? 'default';
    const domain = `${s.metadata?.name}.${ns}.svc.cluster.local`;
    for (const pod of pods) {
      const ip = pod.status?.podIP;
      if (!ip || !selects(s, pod) || (!isPodReady(pod) && !s.spec.publishNotReadyAddresses)) continue;
      out[domain] ??= ip;
      const hostname = pod.spec?.hostname;
      if (hostname && pod.spec?.subdomain === s.metadata?.name) out[`${hostname}.${domain}`] = ip;
    }
  }
  return out;
}
