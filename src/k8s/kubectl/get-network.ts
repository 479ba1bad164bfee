/**
 * `kubectl get services` and `kubectl get endpointslices` rows, as printService and
 * printEndpointSlice (pkg/printers/internalversion/printers.go) write them.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { ageOf, type KindTable } from './get-table';

/** getServiceExternalIP (not wide: LoadBalancer addresses clipped to loadBalancerWidth 16). */
function externalIP(svc: Service): string {
  const external = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = svc.status?.loadBalancer?.ingress ?? [];
      const set = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter((s) => s !== ''))].sort();
      let lb = set.join(',');
      if (lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      if (external.length > 0) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP` with a node port, joined by commas. */
function portString(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
}

/** printService. */
export function serviceTable(items: readonly Service[], nowMs: number): KindTable {
  return {
    groupKind: 'service',
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    rows: items.map((svc) => [
      svc.metadata?.name ?? '',
      svc.spec?.type ?? '',
      svc.spec?.clusterIPs?.[0] ?? '<none>',
      externalIP(svc),
      portString(svc) || '<none>',
      ageOf(svc.metadata?.creationTimestamp, nowMs),
    ]),
  };
}

/** listWithMoreString: the first `max` items, then ` + N more...`; `<unset>` when there are none. */
function listWithMore(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(',');
  if (items.length > max) return `${shown} + ${items.length - max} more...`;
  return shown === '' ? '<unset>' : shown;
}

/** formatDiscoveryPorts: the port number, or its name, or `*`. */
function slicePorts(slice: EndpointSlice): string {
  return listWithMore((slice.ports ?? []).map((p) => (p.port !== undefined ? String(p.port) : (p.name ?? '*'))));
}

/** formatDiscoveryEndpoints: every address of every endpoint, whatever its conditions. */
function sliceEndpoints(slice: EndpointSlice): string {
  return listWithMore((slice.endpoints ?? []).flatMap((e) => e.addresses));
}

/** printEndpointSlice. */
export function endpointSliceTable(items: readonly EndpointSlice[], nowMs: number): KindTable {
  return {
    groupKind: 'endpointslice.discovery.k8s.io',
    headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    rows: items.map((s) => [
      s.metadata?.name ?? '',
      s.addressType,
      slicePorts(s),
      sliceEndpoints(s),
      ageOf(s.metadata?.creationTimestamp, nowMs),
    ]),
  };
}
