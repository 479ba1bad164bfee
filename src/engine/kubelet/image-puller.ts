/**
 * The node's image manager (pkg/kubelet/images/image_manager.go EnsureImageExists) with the
 * kubelet's default serializeImagePulls=true: one pull at a time per node, so a second image waits,
 * and its Pulled message says how long it waited ("in 1.2s (3.4s including waiting)").
 */
import type { ImageCatalogue, ImageInfo } from '../../runtime/sandbox-types';
import { goDuration } from '../../runtime';
import { parseImageRef } from '../../k8s';
import { PULL_OVERHEAD_MS } from '../timing';
import type { Timers } from '../../runtime/types';

export type PullOutcome =
  | { kind: 'present'; info: ImageInfo }
  | { kind: 'pulled'; info: ImageInfo }
  | { kind: 'failed'; message: string }
  | { kind: 'neverPull'; message: string }
  | { kind: 'invalid'; message: string };

export interface PullEvents {
  event(type: 'Normal' | 'Warning', reason: string, message: string): void;
}

export class ImagePuller {
  private readonly cache = new Set<string>();
  private busyUntil = 0;

  constructor(
    private readonly catalogue: ImageCatalogue,
    private readonly timers: Timers,
    private readonly bytesPerSecond: number,
    cached: string[],
  ) {
    for (const image of cached) {
      const info = catalogue.resolve(image);
      this.cache.add('ref' in info ? info.ref.normalized : image);
    }
  }

  isCached(info: ImageInfo): boolean {
    return this.cache.has(info.ref.normalized);
  }

  /** Bytes of `image` in this node's cache (the scheduler's ImageLocality reads node.status.images); 0 when absent. */
  bytesOf(image: string): number {
    const info = this.catalogue.resolve(image);
    return 'ref' in info && this.isCached(info) ? info.sizeBytes : 0;
  }

  /** EnsureImageExists: answers through `done` on the virtual clock, recording the kubelet's events. */
  ensure(image: string, policy: string, events: PullEvents, done: (outcome: PullOutcome) => void): void {
    // applyDefaultImageTag: a name that does not parse never reaches a registry (ErrInvalidImageName).
    try {
      parseImageRef(image);
    } catch (err) {
      const message = `Failed to apply default image tag "${image}": ${err instanceof Error ? err.message : String(err)}`;
      events.event('Warning', 'InspectFailed', message);
      events.event('Warning', 'Failed', 'Error: InvalidImageName');
      this.timers.setTimeout(() => done({ kind: 'invalid', message }), 0);
      return;
    }
    const resolved = this.catalogue.resolve(image);
    const present = 'ref' in resolved && this.isCached(resolved);
    if (present && policy !== 'Always') {
      // KubeletEnsureSecretPulledImages (beta, on by default since 1.35) adds "and can be accessed by the pod".
      events.event('Normal', 'Pulled', `Container image "${image}" already present on machine and can be accessed by the pod`);
      this.timers.setTimeout(() => done({ kind: 'present', info: resolved }), 0);
      return;
    }
    if (policy === 'Never') {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      events.event('Warning', 'ErrImageNeverPull', message);
      events.event('Warning', 'Failed', 'Error: ErrImageNeverPull');
      this.timers.setTimeout(() => done({ kind: 'neverPull', message }), 0);
      return;
    }
    events.event('Normal', 'Pulling', `Pulling image "${image}"`);
    const requested = this.timers.now();
    const start = Math.max(requested, this.busyUntil);
    const took = 'ref' in resolved ? PULL_OVERHEAD_MS + Math.round((resolved.sizeBytes / this.bytesPerSecond) * 1000) : PULL_OVERHEAD_MS;
    this.busyUntil = start + took;
    this.timers.setTimeout(() => {
      if (!('ref' in resolved)) {
        events.event('Warning', 'Failed', `Failed to pull image "${image}": ${resolved.message}`);
        events.event('Warning', 'Failed', 'Error: ErrImagePull');
        done({ kind: 'failed', message: resolved.message });
        return;
      }
      this.cache.add(resolved.ref.normalized);
      const total = this.timers.now() - requested;
      events.event(
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${goDuration(took)} (${goDuration(total)} including waiting). Image size: ${resolved.sizeBytes} bytes.`,
      );
      done({ kind: 'pulled', info: resolved });
    }, start + took - requested);
  }
}
