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

// The grammar of github.com/distribution/reference (regexp.go), which the kubelet uses through
// pkg/util/parsers.ParseImageName.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const NAME_MAX = 255;

/** Thrown by parseImageRef; the message is the kubelet's InvalidImageName wording. */
export class ImageRefError extends Error {
  override name = 'ImageRefError';
}

// distribution/reference normalize.go, splitDockerDomain (the Docker CLI's rule).
function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash === -1) return ['docker.io', `library/${name}`];
  const maybeDomain = name.slice(0, slash);
  let domain = 'docker.io';
  let remote = name;
  if (maybeDomain === 'localhost' || /[.:]/.test(maybeDomain) || maybeDomain.toLowerCase() !== maybeDomain) {
    domain = maybeDomain;
    remote = name.slice(slash + 1);
  }
  // The legacy "Docker Index" host is Docker Hub.
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remote.includes('/')) remote = `library/${remote}`;
  return [domain, remote];
}

function invalid(image: string, reason: string): ImageRefError {
  return new ImageRefError(`couldn't parse image name "${image}": ${reason}`);
}

/**
 * nginx -> docker.io/library/nginx:latest; localhost:5000/x -> registry localhost:5000;
 * repo:tag@sha256:... keeps both. Throws ImageRefError for what the kubelet would report as
 * InvalidImageName (the API server itself accepts any non-blank image string).
 */
export function parseImageRef(image: string): ImageRef {
  if (/^[a-f0-9]{64}$/.test(image)) {
    throw invalid(image, `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`);
  }
  const [registry, remainder] = splitDockerDomain(image);
  const colon = remainder.indexOf(':');
  const remoteName = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remoteName.toLowerCase() !== remoteName) {
    throw invalid(image, `invalid reference format: repository name (${remoteName}) must be lowercase`);
  }
  const m = REFERENCE.exec(`${registry}/${remainder}`);
  if (!m) throw invalid(image, 'invalid reference format');
  const [, name, tag, digest] = m;
  if (name.length > NAME_MAX)
    throw invalid(image, `repository name must not be more than ${NAME_MAX} characters`);
  const repository = name.slice(registry.length + 1);
  // parsers.ParseImageName: "If no tag was specified, use the default "latest"" - only without a digest.
  const effectiveTag = tag ?? (digest ? undefined : 'latest');
  const normalized = `${name}${effectiveTag ? `:${effectiveTag}` : ''}${digest ? `@${digest}` : ''}`;
  return { raw: image, registry, repository, tag: effectiveTag, digest, normalized };
}

/** parseImageRef without the throw. */
export function tryParseImageRef(image: string): ImageRef | undefined {
  try {
    return parseImageRef(image);
  } catch {
    return undefined;
  }
}

/**
 * pkg/apis/core/v1/defaults.go, SetDefaults_Container: Always when the tag ParseImageName yields is
 * "latest" (written, or implied by no tag and no digest), otherwise IfNotPresent. So
 * `nginx:latest@sha256:...` is Always, `nginx@sha256:...` IfNotPresent; an unparsable image has no
 * tag and gets IfNotPresent, as the API server does.
 */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return tryParseImageRef(image)?.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
