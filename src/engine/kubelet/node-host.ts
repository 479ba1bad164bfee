/**
 * What a pod's kubelet gets from the node it is bound to: the node's name and address, its image
 * manager (each node has its own image cache and pull queue), its filesystem for hostPath volumes,
 * its allocatable resources and its pod CIDR's address allocator.
 */
import type { SandboxConfig } from '../../runtime/sandbox-types';
import type { ImagePuller } from './image-puller';

export interface NodeHost {
  name: string;
  ip: string;
  puller: ImagePuller;
  hostFs: SandboxConfig['hostFs'];
  /** resourceFieldRef limits fall back to these. */
  allocatable: Record<string, string>;
  /** host-local IPAM: a free address in the node's pod CIDR. */
  allocatePodIP(): string;
}
