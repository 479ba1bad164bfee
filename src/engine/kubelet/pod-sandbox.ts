/**
 * The pod's sandbox (RunPodSandbox): its volumes mounted first, then an IP from the node's pod CIDR
 * and the runtime's sandbox, which holds the network namespace and the volumes' contents.
 */
import type { SimPodSandbox } from '../../runtime';
import { volumeHostPath, type PodVolumeFiles } from './env-file';
import type { NodeHost } from './node-host';
import type { PodScope } from './pod-scope';
import { podVolumes } from './volume-payload';

/** The sandbox and its IP, or nothing while a volume cannot be mounted (each failure a FailedMount event). */
export function createPodSandbox(scope: PodScope, node: NodeHost, fields: Record<string, string>): { ip: string; sandbox: SimPodSandbox } | undefined {
  const { pod, env } = scope;
  // Volumes are mounted before the sandbox exists; one that cannot be keeps the pod ContainerCreating.
  const { volumes, failures } = podVolumes(pod, { fields, store: env.store, allocatable: node.allocatable, now: env.clock.now(), uid: scope.uid });
  if (failures.length > 0) {
    for (const message of failures) scope.event('Warning', 'FailedMount', message);
    return undefined;
  }
  const ip = node.allocatePodIP();
  const sandbox = env.runtime.createSandbox(
    {
      podName: scope.name,
      namespace: scope.namespace,
      hostname: pod.spec?.hostname ?? scope.name,
      ip,
      volumes,
      shareProcessNamespace: Boolean(pod.spec?.shareProcessNamespace),
      ...env.sandboxExtras,
      hostFs: node.hostFs,
    },
    env.clock,
  );
  return { ip, sandbox };
}

/** The Pod's volumes on the node, for fileKeyRef (the sandbox, once there, holds their contents). */
export function podVolumeFiles(scope: PodScope, sandbox: () => SimPodSandbox | undefined): PodVolumeFiles {
  return {
    hostPath: (volume) => (sandbox()?.volume(volume) ? volumeHostPath(scope.pod, scope.uid, volume) : undefined),
    read: (volume, path) => sandbox()?.volume(volume)?.read(`/${path.replace(/^\/+/, '')}`),
  };
}
