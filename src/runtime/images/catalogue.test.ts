import { describe, expect, it } from 'vitest';
import { createCatalogue } from './catalogue';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const catalogue = createCatalogue([{ image: 'example.com/team/app:v1', sizeBytes: 1234 }]);

describe('image resolution', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest', 72_000_000],
    ['nginx:1.27', 'docker.io/library/nginx:1.27', 72_000_000],
    ['nginx:1.27.3-alpine', 'docker.io/library/nginx:1.27.3-alpine', 72_000_000],
    ['docker.io/library/nginx:stable', 'docker.io/library/nginx:stable', 72_000_000],
    [`nginx@${DIGEST}`, `docker.io/library/nginx@${DIGEST}`, 72_000_000],
    [`nginx:1.27@${DIGEST}`, `docker.io/library/nginx:1.27@${DIGEST}`, 72_000_000],
    ['busybox:1.36', 'docker.io/library/busybox:1.36', 2_200_000],
    ['alpine:3.20', 'docker.io/library/alpine:3.20', 3_600_000],
    ['ubuntu:24.04', 'docker.io/library/ubuntu:24.04', 29_000_000],
    ['debian:bookworm-slim', 'docker.io/library/debian:bookworm-slim', 49_000_000],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', 'registry.k8s.io/e2e-test-images/agnhost:2.40', 51_000_000],
    ['registry.k8s.io/liveness', 'registry.k8s.io/liveness:latest', 2_700_000],
    ['registry.k8s.io/goproxy:0.1', 'registry.k8s.io/goproxy:0.1', 3_000_000],
    ['registry.k8s.io/pause:3.9', 'registry.k8s.io/pause:3.9', 320_000],
    ['polinux/stress', 'docker.io/polinux/stress:latest', 4_200_000],
    // The kubernetes.io examples' images (src/k8s/fixtures/docs).
    ['registry.k8s.io/busybox', 'registry.k8s.io/busybox:latest', 760_000],
    ['registry.k8s.io/busybox:1.27.2', 'registry.k8s.io/busybox:1.27.2', 760_000],
    ['registry.k8s.io/etcd:3.5.1-0', 'registry.k8s.io/etcd:3.5.1-0', 98_000_000],
    ['registry.k8s.io/etcd:3.6.4-0', 'registry.k8s.io/etcd:3.6.4-0', 98_000_000],
    ['vish/stress', 'docker.io/vish/stress:latest', 3_300_000],
    ['busybox:1.28', 'docker.io/library/busybox:1.28', 2_200_000],
    ['nginx:1.14.2', 'docker.io/library/nginx:1.14.2', 72_000_000],
    ['redis:7-alpine', 'docker.io/library/redis:7-alpine', 45_000_000],
    ['example.com/team/app:v1', 'example.com/team/app:v1', 1234],
  ])('resolves %s as %s', (image, normalized, size) => {
    const info = catalogue.resolve(image);
    expect('ref' in info && info.ref.normalized).toBe(normalized);
    expect('ref' in info && info.sizeBytes).toBe(size);
  });

  it.each([
    [
      'nginxx',
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    [
      'nginx:1.99',
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    ],
    [
      'registry.k8s.io/e2e-test-images/agnhost:3.0',
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/e2e-test-images/agnhost:3.0": failed to resolve reference "registry.k8s.io/e2e-test-images/agnhost:3.0": registry.k8s.io/e2e-test-images/agnhost:3.0: not found',
    ],
    [
      'example.com/team/app:v2',
      'rpc error: code = Unknown desc = failed to pull and unpack image "example.com/team/app:v2": failed to resolve reference "example.com/team/app:v2": failed to do request: Head "https://example.com/v2/team/app/manifests/v2": dial tcp: lookup example.com: no such host',
    ],
  ])('fails to pull %s as the registry answers', (image, message) => {
    expect(catalogue.resolve(image)).toEqual({ message });
  });

  it.each([
    ['nginx', [80], ['/docker-entrypoint.sh'], ['nginx', '-g', 'daemon off;']],
    ['busybox', [], [], ['sh']],
    ['alpine', [], [], ['/bin/sh']],
    ['debian', [], [], ['bash']],
    ['ubuntu', [], [], ['/bin/bash']],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', [8080], ['/agnhost'], ['pause']],
    ['registry.k8s.io/busybox:1.27.2', [], [], ['sh']],
    ['registry.k8s.io/etcd:3.5.1-0', [2379, 2380], [], ['/usr/local/bin/etcd']],
    ['vish/stress', [], ['/stress', '-logtostderr'], []],
  ])('gives %s the Dockerfile entrypoint and cmd', (image, ports, entrypoint, cmd) => {
    const info = catalogue.resolve(image);
    expect('ref' in info && [info.ports, info.entrypoint, info.cmd]).toEqual([ports, entrypoint, cmd]);
  });

  it('lets a scenario behaviour without tag match every tag of its repository', () => {
    const custom = createCatalogue([{ image: 'myorg/api' }]);
    expect('ref' in custom.resolve('myorg/api:1.2.3')).toBe(true);
    expect('ref' in custom.resolve('docker.io/myorg/api')).toBe(true);
  });
});

describe('invalid image names', () => {
  it('answer with the kubelet\'s InvalidImageName wording', () => {
    expect(catalogue.resolve('NGINX')).toEqual({
      message: 'Failed to apply default image tag "NGINX": couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase',
    });
  });
});
