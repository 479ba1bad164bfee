import { describe, expect, it } from 'vitest';
import { defaultImagePullPolicy, parseImageRef, tryParseImageRef } from './image-ref';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

// github.com/distribution/reference normalize.go (ParseNormalizedNamed, splitDockerDomain), as used
// by pkg/util/parsers.ParseImageName.
describe('parseImageRef (distribution/reference ParseNormalizedNamed)', () => {
  it.each([
    [
      'official image: docker.io/library/ implied, :latest default',
      'nginx',
      'docker.io',
      'library/nginx',
      'latest',
      undefined,
      'docker.io/library/nginx:latest',
    ],
    [
      'tag kept',
      'nginx:1.27',
      'docker.io',
      'library/nginx',
      '1.27',
      undefined,
      'docker.io/library/nginx:1.27',
    ],
    [
      'explicit library/',
      'library/nginx',
      'docker.io',
      'library/nginx',
      'latest',
      undefined,
      'docker.io/library/nginx:latest',
    ],
    [
      'docker.io host written',
      'docker.io/nginx',
      'docker.io',
      'library/nginx',
      'latest',
      undefined,
      'docker.io/library/nginx:latest',
    ],
    [
      'legacy index.docker.io host',
      'index.docker.io/nginx',
      'docker.io',
      'library/nginx',
      'latest',
      undefined,
      'docker.io/library/nginx:latest',
    ],
    [
      'Docker Hub user namespace',
      'polinux/stress',
      'docker.io',
      'polinux/stress',
      'latest',
      undefined,
      'docker.io/polinux/stress:latest',
    ],
    [
      'registry with dots and nested path',
      'registry.k8s.io/e2e-test-images/agnhost:2.40',
      'registry.k8s.io',
      'e2e-test-images/agnhost',
      '2.40',
      undefined,
      'registry.k8s.io/e2e-test-images/agnhost:2.40',
    ],
    [
      'host with port',
      'localhost:5000/x',
      'localhost:5000',
      'x',
      'latest',
      undefined,
      'localhost:5000/x:latest',
    ],
    ['bare localhost is a host', 'localhost/x', 'localhost', 'x', 'latest', undefined, 'localhost/x:latest'],
    [
      'digest only: no implied tag',
      `busybox@${DIGEST}`,
      'docker.io',
      'library/busybox',
      undefined,
      DIGEST,
      `docker.io/library/busybox@${DIGEST}`,
    ],
    [
      'tag and digest',
      `busybox:1.36@${DIGEST}`,
      'docker.io',
      'library/busybox',
      '1.36',
      DIGEST,
      `docker.io/library/busybox:1.36@${DIGEST}`,
    ],
  ])('%s: %s', (_rule, image, registry, repository, tag, digest, normalized) => {
    expect(parseImageRef(image)).toEqual({ raw: image, registry, repository, tag, digest, normalized });
  });

  it.each([
    ['upper-case repository', 'NGINX', 'repository name (library/NGINX) must be lowercase'],
    ['empty', '', 'invalid reference format'],
    ['bad tag', 'nginx:bad tag', 'invalid reference format'],
    ['64-hex image id', 'a'.repeat(64), 'cannot specify 64-byte hexadecimal strings'],
    ['short digest', 'nginx@sha256:abc', 'invalid reference format'],
  ])('rejects %s (the kubelet reports InvalidImageName)', (_rule, image, message) => {
    expect(() => parseImageRef(image)).toThrow(message);
    expect(tryParseImageRef(image)).toBeUndefined();
  });
});

// pkg/apis/core/v1/defaults.go, SetDefaults_Container: Always iff ParseImageName's tag is "latest".
describe('defaultImagePullPolicy (defaults.go SetDefaults_Container)', () => {
  it.each([
    ['no tag means latest', 'nginx', 'Always'],
    ['explicit latest', 'nginx:latest', 'Always'],
    ['pinned tag', 'nginx:1.27', 'IfNotPresent'],
    ['digest without tag', `nginx@${DIGEST}`, 'IfNotPresent'],
    ['latest tag with digest still says latest', `nginx:latest@${DIGEST}`, 'Always'],
    ['registry port is not a tag', 'localhost:5000/x', 'Always'],
    ['unparsable image has no tag', 'NGINX', 'IfNotPresent'],
  ])('%s: %s -> %s', (_rule, image, policy) => {
    expect(defaultImagePullPolicy(image)).toBe(policy);
  });
});
