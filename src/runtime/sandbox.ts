/**
 * A pod sandbox: the pod's IP and network namespace, its volumes, and per-container root file
 * systems (image files + kubelet-managed /etc files + volume mounts). emptyDirs are created with
 * the sandbox, shared by every container mounting them and survive container restarts;
 * configMap/secret/downwardAPI volumes are read-only; hostPath views the node's file system.
 */
import { createMemoryFs } from './fs';
import { createContainer, type SimRuntimeContainer } from './container';
import type { RuntimeCatalogue } from './images/catalogue';
import type { ProgramResolver } from './images/program-kit';
import { createPodNetwork, type SimPodNetwork } from './network';
import { probeGrpc, probeHttp, probeTcp } from './probe-answers';
import type { ContainerConfig, PodSandbox, SandboxConfig, VolumeSource } from './sandbox-types';
import type { FileSystem, LogLine, Timers } from './types';

export const KUBERNETES_SERVICE_HOST = '10.96.0.1';
export const CLUSTER_DNS = '10.96.0.10';
const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export interface SimPodSandbox extends PodSandbox {
  readonly net: SimPodNetwork;
  createContainer(config: ContainerConfig): SimRuntimeContainer;
  /** The current instance of each container, by name. */
  container(name: string): SimRuntimeContainer | undefined;
  /** The file system of a volume (emptyDir, configMap, ...), for the UI. */
  volume(name: string): FileSystem | undefined;
}

/** A view of `fs` below `base` (hostPath, subPath). */
export function subtreeFs(fs: FileSystem, base: string): FileSystem {
  const root = base.replace(/\/+$/, '');
  const at = (p: string) => `${root}${p === '/' ? '' : p}` || '/';
  return {
    read: (p) => fs.read(at(p)),
    write: (p, content, append) => fs.write(at(p), content, append),
    remove: (p, recursive) => (p === '/' ? 'EACCES' : fs.remove(at(p), recursive)),
    mkdir: (p, parents) => fs.mkdir(at(p), parents),
    exists: (p) => fs.exists(at(p)),
    isDirectory: (p) => fs.isDirectory(at(p)),
    list: (p) => fs.list(at(p)),
  };
}

/** Bytes of every file below `path`. */
export function fsBytes(fs: FileSystem, path = '/'): number {
  const names = fs.list(path);
  if (!names) return (fs.read(path) ?? '').length;
  return names.reduce((sum, name) => sum + fsBytes(fs, `${path === '/' ? '' : path}/${name}`), 0);
}

interface Volume {
  source: VolumeSource;
  fs: FileSystem;
  readOnly: boolean;
}

function createVolume(source: VolumeSource, hostFs: FileSystem): Volume {
  switch (source.kind) {
    case 'emptyDir':
      return { source, fs: createMemoryFs(), readOnly: false };
    case 'hostPath':
      if (!hostFs.exists(source.path)) hostFs.mkdir(source.path, true);
      return { source, fs: subtreeFs(hostFs, source.path), readOnly: false };
    default: {
      const files = Object.fromEntries(Object.entries(source.files).map(([k, v]) => [`/${k.replace(/^\/+/, '')}`, v]));
      return { source, fs: createMemoryFs({ files, readOnly: true }), readOnly: true };
    }
  }
}

function etcFiles(config: SandboxConfig): Record<string, string> {
  const hosts = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    `${config.ip}\t${config.hostname}`,
  ];
  const ns = config.namespace;
  return {
    '/etc/hostname': `${config.hostname}\n`,
    '/etc/hosts': `${hosts.join('\n')}\n`,
    '/etc/resolv.conf': `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${CLUSTER_DNS}\noptions ndots:5\n`,
    '/etc/podplay/dns': Object.entries(config.dns)
      .map(([name, ip]) => `${name} ${ip}\n`)
      .join(''),
  };
}

export function createSandbox(
  config: SandboxConfig,
  timers: Timers,
  catalogue: RuntimeCatalogue,
  resolveCommand: ProgramResolver,
): SimPodSandbox {
  const net = createPodNetwork(config.ip, config.remote);
  const volumes = new Map<string, Volume>(Object.entries(config.volumes).map(([name, source]) => [name, createVolume(source, config.hostFs)]));
  const current = new Map<string, SimRuntimeContainer>();
  let destroyed = false;

  const rootFs = (container: ContainerConfig, imageFiles: Record<string, string>): FileSystem => {
    const workingDir = container.workingDir || container.image.workingDir || '/';
    const fs = createMemoryFs({
      files: { ...imageFiles, ...etcFiles(config), [container.terminationMessagePath]: '' },
      directories: ['/tmp', '/root', '/proc', '/dev', workingDir],
    });
    for (const mount of container.mounts) {
      const volume = volumes.get(mount.volume);
      if (!volume) continue;
      let source = volume.fs;
      if (mount.subPath) {
        if (!source.exists(`/${mount.subPath}`)) source.mkdir(`/${mount.subPath}`, true);
        source = subtreeFs(source, `/${mount.subPath.replace(/^\/+/, '')}`);
      }
      fs.mount(mount.mountPath, source, { readOnly: mount.readOnly || volume.readOnly });
    }
    return fs;
  };

  const memoryVolumesOf = (container: ContainerConfig) =>
    container.mounts
      .map((m) => volumes.get(m.volume))
      .filter((v): v is Volume => v?.source.kind === 'emptyDir' && v.source.medium === 'Memory');

  return {
    ip: config.ip,
    net,
    createContainer(containerConfig) {
      const before = current.get(containerConfig.name);
      if (before?.running()) before.signal('KILL');
      const previousLogs: LogLine[] = before ? [...before.logs()] : [];
      const image = catalogue.image(containerConfig.image);
      const memoryVolumes = memoryVolumesOf(containerConfig);
      const container = createContainer(containerConfig, {
        timers,
        net,
        hostname: config.hostname,
        fs: rootFs(containerConfig, image?.files ?? {}),
        env: {
          PATH,
          HOSTNAME: config.hostname,
          HOME: '/root',
          PWD: containerConfig.workingDir || containerConfig.image.workingDir || '/',
          KUBERNETES_SERVICE_HOST,
          KUBERNETES_SERVICE_PORT: '443',
          KUBERNETES_PORT: `tcp://${KUBERNETES_SERVICE_HOST}:443`,
          ...containerConfig.env,
        },
        image,
        resolveCommand,
        previousLogs,
        volumeMemory: () => memoryVolumes.reduce((sum, v) => sum + fsBytes(v.fs), 0),
      });
      if (!destroyed) current.set(containerConfig.name, container);
      return container;
    },
    httpGet: (request, timeoutMs, done) => probeHttp(net, timers, request, timeoutMs, done),
    tcpConnect: (port, host, timeoutMs, done) => probeTcp(net, timers, port, host, timeoutMs, done),
    grpcHealth: (port, service, timeoutMs, done) => probeGrpc(net, timers, port, service, timeoutMs, done),
    destroy() {
      destroyed = true;
      for (const container of current.values()) container.signal('KILL');
      for (const [name, volume] of volumes) if (volume.source.kind === 'emptyDir') volumes.delete(name);
    },
    container: (name) => current.get(name),
    volume: (name) => volumes.get(name)?.fs,
  };
}
