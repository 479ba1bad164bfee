/**
 * How containerd's CRI words a failed pull (what the kubelet prints after `Failed to pull image
 * "x": `). Docker Hub answers an unknown repository with insufficient_scope (it cannot tell
 * "missing" from "private"); a known repository with an unknown tag, or registry.k8s.io, says
 * `not found`; a registry host that does not resolve fails in DNS.
 */
import type { ImageRef } from '../../k8s/image-ref';
import type { PullError } from '../sandbox-types';

const KNOWN_REGISTRIES = new Set(['docker.io', 'registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'quay.io', 'ghcr.io', 'mcr.microsoft.com', 'public.ecr.aws']);

const prefix = (code: string, ref: ImageRef) =>
  `rpc error: code = ${code} desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": `;

export function notFound(ref: ImageRef): PullError {
  return { message: `${prefix('NotFound', ref)}${ref.normalized}: not found` };
}

export function accessDenied(ref: ImageRef): PullError {
  return {
    message: `${prefix('NotFound', ref)}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
  };
}

export function noSuchHost(ref: ImageRef): PullError {
  const reference = ref.digest ?? ref.tag ?? 'latest';
  return {
    message: `${prefix('Unknown', ref)}failed to do request: Head "https://${ref.registry}/v2/${ref.repository}/manifests/${reference}": dial tcp: lookup ${ref.registry}: no such host`,
  };
}

/** The error for an image the catalogue lacks; `repositoryKnown` when only the tag is wrong. */
export function pullError(ref: ImageRef, repositoryKnown: boolean): PullError {
  if (repositoryKnown) return notFound(ref);
  if (!KNOWN_REGISTRIES.has(ref.registry)) return noSuchHost(ref);
  return ref.registry === 'docker.io' ? accessDenied(ref) : notFound(ref);
}

export function isPullError(value: object): value is PullError {
  return 'message' in value && !('ref' in value);
}
