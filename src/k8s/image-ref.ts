/** A parsed image reference, normalised as a registry would (docker.io/library/ implied, :latest default). */
export interface ImageRef {
  /** As written in the manifest. */
  raw: string;
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
  /** `docker.io/library/nginx:latest`, `registry.k8s.io/pause:3.9`, with `@sha256:...` when given. */
  normalized: string;
}
