/**
 * Image references, parsed and normalised by src/k8s (distribution/reference grammar, docker.io/library/
 * implied, :latest without tag or digest). An unparseable name resolves to the kubelet's
 * InvalidImageName message (pkg/kubelet/images/image_manager.go applyDefaultImageTag).
 */
import { parseImageRef, type ImageRef } from '../../k8s/image-ref';
import type { PullError } from '../sandbox-types';

export { parseImageRef };

export function parseOrError(image: string): ImageRef | PullError {
  try {
    return parseImageRef(image);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { message: `Failed to apply default image tag "${image}": ${reason}` };
  }
}
