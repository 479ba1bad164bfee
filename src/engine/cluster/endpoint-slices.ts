/**
 * The EndpointSlice controller's view of a Service (pkg/controller/endpointslice, and
 * staging/src/k8s.io/endpointslice utils.go podToEndpoint / ShouldPodBeInEndpoints): every pod the
 * selector matches that has an IP and is not terminal, with conditions
 *   serving     = the pod's Ready condition is True
 *   terminating = the pod has a deletionTimestamp
 *   ready       = serving and not terminating (unless publishNotReadyAddresses)
 * and the Service's target ports resolved against the pods' container ports.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

export function selects(service: Service, pod: Pod): boolean {
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return false;
  if ((pod.metadata?.namespace ?? 'default') !== (service.metadata?.namespace ?? 'default')) return false;
  const labels = pod.metadata?.labels ?? {};
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** A named targetPort resolves per pod, against its containers' ports (FindPort). */
export function resolveTargetPort(target: number | string | undefined, pod: Pod): number | undefined {
  if (typeof target === 'number') return target;
  if (target === undefined) return undefined;
  for (const c of pod.spec?.containers ?? []) {
    const found = c.ports?.find((p) => p.name === target);
    if (found) return found.containerPort;
  }
  return undefined;
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export function endpointSlice(service: Service, pods: Pod[], suffix: string): EndpointSlice {
  const name = service.metadata?.name ?? '';
  const members = pods.filter(
    (p) => selects(service, p) && p.status?.podIP && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed',
  );
  const ports = (service.spec?.ports ?? []).map((p) => ({
    name: p.name ?? '',
    port: members.length > 0 ? resolveTargetPort(p.targetPort, members[0]) : typeof p.targetPort === 'number' ? p.targetPort : undefined,
    protocol: p.protocol ?? 'TCP',
  }));
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${name}-${suffix}`,
      namespace: service.metadata?.namespace ?? 'default',
      // The EndpointSlice controller creates the slice as soon as the Service exists.
      ...(service.metadata?.creationTimestamp ? { creationTimestamp: service.metadata.creationTimestamp } : {}),
      labels: {
        'kubernetes.io/service-name': name,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        // setEndpointSliceLabels marks the slices of a headless Service.
        ...(service.spec?.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}),
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: service.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: members.map((p) => {
      const serving = isPodReady(p);
      const terminating = Boolean(p.metadata?.deletionTimestamp);
      return {
        addresses: [p.status?.podIP ?? ''],
        conditions: { ready: Boolean(service.spec?.publishNotReadyAddresses) || (serving && !terminating), serving, terminating },
        // podToEndpoint: a Pod whose subdomain names the Service publishes its hostname (StatefulSet Pods).
        ...(p.spec?.hostname && p.spec.subdomain === name ? { hostname: p.spec.hostname } : {}),
        nodeName: p.spec?.nodeName,
        targetRef: { kind: 'Pod', name: p.metadata?.name, namespace: p.metadata?.namespace, uid: p.metadata?.uid },
      };
    }),
    ports: ports.map((p) => (p.port === undefined ? { name: p.name, protocol: p.protocol } : p)),
  };
}
