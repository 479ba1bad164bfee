/**
 * The images PodPlay knows, with what their Dockerfiles declare (ENTRYPOINT, CMD, WORKDIR,
 * EXPOSE, STOPSIGNAL), their compressed size (linux/amd64, as a registry reports it, rounded),
 * their files and their programs. Shell images (busybox, alpine, debian, ubuntu) have no
 * programs of their own: their argv goes to the shell's resolveCommand.
 */
import type { Program, Signal } from '../types';
import { agnhostProgram, livenessServerProgram } from './programs/agnhost';
import { entrypointScript, nginxEntrypointPrelude } from './programs/entrypoint-script';
import { etcdProgram } from './programs/etcd';
import { goproxyProgram } from './programs/goproxy';
import { HTTPD_INDEX, httpdProgram } from './programs/httpd';
import { NGINX_INDEX, nginxProgram } from './programs/nginx';
import { pauseProgram } from './programs/pause';
import { redisCliProgram, redisRewrite, redisServerProgram } from './programs/redis';
import { stressProgram } from './programs/stress';
import { vishStressProgram } from './programs/vish-stress';
import type { ProgramResolver } from './program-kit';
import { tags, type TagCheck } from './tags';

export interface CatalogueEntry {
  /** `docker.io/library/nginx` */
  name: string;
  tagExists: TagCheck;
  sizeBytes: number;
  entrypoint: string[];
  cmd: string[];
  workingDir: string;
  ports: number[];
  description: string;
  /** The image's STOPSIGNAL (what containerd sends on StopContainer); TERM when unset. */
  stopSignal: Signal;
  files: Record<string, string>;
  /** Programs of the image by name; `resolve` finds any program of the container (for exec "$@"). */
  programs(resolve: () => ProgramResolver): Record<string, Program>;
}

const MB = 1000 * 1000;

const osRelease = (pretty: string, id: string) => ({
  '/etc/os-release': `PRETTY_NAME="${pretty}"\nNAME="${pretty.split(' ')[0]}"\nID=${id}\n`,
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
});
const debianFiles = osRelease('Debian GNU/Linux 12 (bookworm)', 'debian');
const alpineFiles = osRelease('Alpine Linux v3.21', 'alpine');
const noPrograms = () => ({});

/** The official nginx image's /etc/nginx/nginx.conf (what the docs `head /proc/8/root/etc/nginx/nginx.conf`). */
const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;

    keepalive_timeout  65;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const CATALOGUE: CatalogueEntry[] = [
  {
    name: 'docker.io/library/busybox',
    tagExists: tags({ names: ['latest', 'stable', 'musl', 'glibc', 'uclibc'], versions: { 1: [21, 37] }, suffixes: ['-musl', '-glibc', '-uclibc'] }),
    sizeBytes: 2.2 * MB,
    entrypoint: [],
    cmd: ['sh'],
    workingDir: '/',
    ports: [],
    description: 'BusyBox: a shell and the usual utilities',
    stopSignal: 'TERM',
    files: osRelease('BusyBox', 'busybox'),
    programs: noPrograms,
  },
  {
    // The old gcr.io/google-containers/busybox, mirrored on registry.k8s.io (the docs' probe and
    // downward-API examples): tags latest, 1.24, 1.27, 1.27.2; a static uclibc busybox.
    name: 'registry.k8s.io/busybox',
    tagExists: tags({ names: ['latest'], versions: { 1: [24, 27] } }),
    sizeBytes: 0.76 * MB,
    entrypoint: [],
    cmd: ['sh'],
    workingDir: '/',
    ports: [],
    description: 'BusyBox (registry.k8s.io mirror): a shell and the usual utilities',
    stopSignal: 'TERM',
    files: osRelease('BusyBox', 'busybox'),
    programs: noPrograms,
  },
  {
    name: 'docker.io/library/alpine',
    tagExists: tags({ names: ['latest', 'edge'], versions: { 3: [0, 22] } }),
    sizeBytes: 3.6 * MB,
    entrypoint: [],
    cmd: ['/bin/sh'],
    workingDir: '/',
    ports: [],
    description: 'Alpine Linux',
    stopSignal: 'TERM',
    files: alpineFiles,
    programs: noPrograms,
  },
  {
    name: 'docker.io/library/debian',
    tagExists: tags({ names: ['latest', 'stable', 'bookworm', 'bullseye', 'buster', 'trixie', 'testing', 'unstable'], versions: { 10: [0, 13], 11: [0, 11], 12: [0, 12], 13: [0, 2] }, suffixes: ['-slim'] }),
    sizeBytes: 49 * MB,
    entrypoint: [],
    cmd: ['bash'],
    workingDir: '/',
    ports: [],
    description: 'Debian',
    stopSignal: 'TERM',
    files: debianFiles,
    programs: noPrograms,
  },
  {
    name: 'docker.io/library/ubuntu',
    tagExists: tags({ names: ['latest', 'rolling', 'devel', 'bionic', 'focal', 'jammy', 'noble', 'oracular', 'plucky'], versions: { 18: [4, 4], 20: [4, 4], 22: [4, 4], 24: [4, 10], 25: [4, 10] } }),
    sizeBytes: 29 * MB,
    entrypoint: [],
    cmd: ['/bin/bash'],
    workingDir: '/',
    ports: [],
    description: 'Ubuntu',
    stopSignal: 'TERM',
    files: osRelease('Ubuntu 24.04.1 LTS', 'ubuntu'),
    programs: noPrograms,
  },
  {
    name: 'docker.io/library/nginx',
    tagExists: tags({ names: ['latest', 'stable', 'mainline', 'alpine', 'perl', 'bookworm', 'alpine-slim'], versions: { 1: [9, 29] }, suffixes: ['-alpine', '-perl', '-bookworm', '-alpine-slim', '-alpine-perl'] }),
    sizeBytes: 72 * MB,
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    workingDir: '/',
    ports: [80],
    description: 'nginx: serves /usr/share/nginx/html on port 80',
    stopSignal: 'QUIT',
    files: {
      ...debianFiles,
      '/usr/share/nginx/html/index.html': NGINX_INDEX,
      '/usr/share/nginx/html/50x.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n',
      '/etc/nginx/nginx.conf': NGINX_CONF,
      '/etc/nginx/conf.d/default.conf': 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}\n',
      '/docker-entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n',
    },
    programs: (resolve) => ({
      '/docker-entrypoint.sh': entrypointScript({ path: '/docker-entrypoint.sh', prelude: nginxEntrypointPrelude }, resolve),
      nginx: nginxProgram,
      'nginx-debug': nginxProgram,
    }),
  },
  {
    name: 'docker.io/library/httpd',
    tagExists: tags({ names: ['latest', 'alpine', 'bookworm'], versions: { 2: [2, 4] }, suffixes: ['-alpine', '-bookworm'] }),
    sizeBytes: 58 * MB,
    entrypoint: [],
    cmd: ['httpd-foreground'],
    workingDir: '/usr/local/apache2',
    ports: [80],
    description: 'Apache httpd: serves /usr/local/apache2/htdocs on port 80',
    stopSignal: 'TERM', // the Dockerfile says SIGWINCH, which the Signal type lacks
    files: { ...debianFiles, '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX },
    programs: () => ({ 'httpd-foreground': httpdProgram, httpd: httpdProgram }),
  },
  {
    name: 'registry.k8s.io/e2e-test-images/agnhost',
    tagExists: tags({ versions: { 2: [0, 99] } }),
    sizeBytes: 51 * MB,
    entrypoint: ['/agnhost'],
    cmd: ['pause'],
    workingDir: '/',
    ports: [8080],
    description: 'agnhost: liveness, netexec, serve-hostname, pause',
    stopSignal: 'TERM',
    files: alpineFiles,
    programs: () => ({ '/agnhost': agnhostProgram, agnhost: agnhostProgram }),
  },
  {
    name: 'registry.k8s.io/liveness',
    tagExists: tags({ names: ['latest'] }),
    sizeBytes: 2.7 * MB,
    entrypoint: ['/server'],
    cmd: [],
    workingDir: '/',
    ports: [8080],
    description: 'liveness: /healthz 200 for 10 s, then 500',
    stopSignal: 'TERM',
    files: {},
    programs: () => ({ '/server': livenessServerProgram, server: livenessServerProgram }),
  },
  {
    name: 'registry.k8s.io/goproxy',
    tagExists: tags({ names: ['0.1'] }),
    sizeBytes: 3 * MB,
    entrypoint: ['/goproxy'],
    cmd: [],
    workingDir: '/',
    ports: [8080],
    description: 'goproxy: an HTTP proxy on TCP 8080',
    stopSignal: 'TERM',
    files: {},
    programs: () => ({ '/goproxy': goproxyProgram, goproxy: goproxyProgram }),
  },
  {
    name: 'docker.io/library/redis',
    tagExists: tags({ names: ['latest', 'alpine', 'bookworm'], versions: { 5: [0, 0], 6: [0, 2], 7: [0, 4], 8: [0, 2] }, suffixes: ['-alpine', '-bookworm'] }),
    sizeBytes: 45 * MB,
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    workingDir: '/data',
    ports: [6379],
    description: 'Redis on TCP 6379',
    stopSignal: 'TERM',
    files: { ...debianFiles, '/usr/local/bin/docker-entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n' },
    programs: (resolve) => ({
      'docker-entrypoint.sh': entrypointScript({ path: '/usr/local/bin/docker-entrypoint.sh', rewrite: redisRewrite }, resolve),
      'redis-server': redisServerProgram,
      'redis-cli': redisCliProgram,
    }),
  },
  {
    name: 'docker.io/polinux/stress',
    tagExists: tags({ names: ['latest'], versions: { 1: [0, 0] } }),
    sizeBytes: 4.2 * MB,
    entrypoint: [],
    cmd: ['/usr/local/bin/stress'],
    workingDir: '/',
    ports: [],
    description: 'stress: allocates memory (--vm-bytes) and CPU on demand',
    stopSignal: 'TERM',
    files: alpineFiles,
    programs: () => ({ stress: stressProgram, '/usr/local/bin/stress': stressProgram }),
  },
  {
    // The docs' CPU-limit example (github.com/vishh/stress): FROM scratch, ENTRYPOINT ["/stress", "-logtostderr"].
    name: 'docker.io/vish/stress',
    tagExists: tags({ names: ['latest'] }),
    sizeBytes: 3.3 * MB,
    entrypoint: ['/stress', '-logtostderr'],
    cmd: [],
    workingDir: '/',
    ports: [],
    description: 'stress (vishh): -cpus N burns CPU, -mem-total allocates memory; runs forever',
    stopSignal: 'TERM',
    files: {},
    programs: () => ({ '/stress': vishStressProgram, stress: vishStressProgram }),
  },
  {
    // Kubernetes' etcd image (cluster/images/etcd): tags like 3.5.1-0 (the docs' gRPC probe example).
    name: 'registry.k8s.io/etcd',
    tagExists: tags({ versions: { 3: [0, 6] }, suffixes: ['-0', '-1', '-2', '-3'] }),
    sizeBytes: 98 * MB,
    entrypoint: [],
    cmd: ['/usr/local/bin/etcd'],
    workingDir: '/',
    ports: [2379, 2380],
    description: 'etcd: clients on 2379 (gRPC health SERVING, /health), peers on 2380',
    stopSignal: 'TERM',
    files: debianFiles,
    programs: () => ({ '/usr/local/bin/etcd': etcdProgram, etcd: etcdProgram }),
  },
  {
    name: 'registry.k8s.io/pause',
    tagExists: tags({ names: ['latest', '1.0', '2.0'], versions: { 3: [0, 10] } }),
    sizeBytes: 0.32 * MB,
    entrypoint: ['/pause'],
    cmd: [],
    workingDir: '/',
    ports: [],
    description: 'pause: sleeps until TERM',
    stopSignal: 'TERM',
    files: {},
    programs: () => ({ '/pause': pauseProgram, pause: pauseProgram }),
  },
];
