/**
 * A pod sandbox: the pod's IP and network namespace, its volumes, and per-container root file
 * systems (image files + kubelet-managed /etc files + /dev, /dev/shm, /proc + volume mounts).
 * emptyDirs are created with the sandbox, shared by every container mounting them and survive
 * container restarts; configMap/secret/downwardAPI volumes are read-only; hostPath views the
 * node's file system. The containers share the Pod's IPC namespace, and its PID namespace with
 * shareProcessNamespace (src/runtime/kernel.ts).
 */
import { createMemoryFs, subtreeFs } from './fs';

export { subtreeFs } from './fs';
import { createContainer, type SimRuntimeContainer } from './container';
import type { RuntimeCatalogue } from './images/catalogue';
import type { ProgramResolver } from './images/program-kit';
import { createPodNetwork, type SimPodNetwork } from './network';
import { probeGrpc, probeHttp, probeTcp } from './probe-answers';
import type { ContainerConfig, PodSandbox, SandboxConfig, VolumeSource } from './sandbox-types';
import type { FileSystem, LogLine, Timers } from './types';
import { attachKernel, credentials, defaultSysctls, IpcNamespace, podNetDevices, procFs, type MountEntry, type MountNamespace } from './kernel';
import { processTable, ProcessTable, setProcessTable } from './shell/process-table';

/** A small number from a text (FNV-1a), to seed the Pod's IPC keys deterministically. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

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
  /** The Pod's IPC namespace (System V shared memory, semaphores, message queues). */
  readonly ipc: IpcNamespace;
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
    case 'persistent':
      return { source, fs: source.fs, readOnly: false };
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

  // The Pod's namespaces: one IPC namespace (System V objects live as long as the Pod), the network
  // namespace's sysctls, and with shareProcessNamespace one PID namespace whose init is pause.
  const ipc = new IpcNamespace(seedOf(`${config.namespace}/${config.podName}`));
  const sysctls = defaultSysctls();
  sysctls.set('kernel.hostname', config.hostname);
  const netDevices = podNetDevices(config.ip);
  const sharedPids = config.shareProcessNamespace ? new ProcessTable(true) : undefined;
  // pause (build/pause/linux/pause.c) handles INT and TERM; a signal from inside the Pod is not
  // simulated as ending the sandbox, and what it has no handler for is ignored (it is init).
  sharedPids?.register({ name: 'pause', command: '/pause', root: createMemoryFs({ readOnly: true }), signal: () => undefined }, true);

  const rootFs = (container: ContainerConfig, imageFiles: Record<string, string>): { fs: FileSystem; devShm: FileSystem } => {
    const workingDir = container.workingDir || container.image.workingDir || '/';
    const etc = etcFiles(config);
    const inDev = container.terminationMessagePath.startsWith('/dev/');
    const fs = createMemoryFs({
      files: { ...imageFiles, ...etc, ...(inDev ? {} : { [container.terminationMessagePath]: '' }) },
      directories: ['/tmp', '/root', '/proc', '/dev', '/sys', workingDir],
      readOnly: container.readOnlyRootFilesystem,
      // The kubelet bind-mounts these files read-write even over a read-only root.
      writable: [...Object.keys(etc), container.terminationMessagePath],
    });
    const mountList: MountEntry[] = [
      { source: 'overlay', target: '/', type: 'overlay', options: container.readOnlyRootFilesystem ? 'ro,relatime' : 'rw,relatime' },
      { source: 'proc', target: '/proc', type: 'proc', options: 'rw,nosuid,nodev,noexec,relatime' },
      { source: 'tmpfs', target: '/dev', type: 'tmpfs', options: 'rw,nosuid,size=65536k,mode=755' },
      { source: 'shm', target: '/dev/shm', type: 'tmpfs', options: 'rw,nosuid,nodev,noexec,relatime,size=65536k' },
    ];
    // runc's defaults (libcontainer/specconv): /dev is a tmpfs, /dev/shm a 64 MiB tmpfs of the
    // container's own, /proc the PID namespace's procfs; all writable over a read-only root.
    const dev = createMemoryFs({ files: inDev ? { [container.terminationMessagePath.slice(4)]: '' } : {}, directories: ['/shm'] });
    const devShm = createMemoryFs();
    fs.mount('/dev', dev);
    fs.mount('/dev/shm', devShm);
    for (const mount of container.mounts) {
      const volume = volumes.get(mount.volume);
      if (!volume) continue;
      let source = volume.fs;
      if (mount.subPath) {
        if (!source.exists(`/${mount.subPath}`)) source.mkdir(`/${mount.subPath}`, true);
        source = subtreeFs(source, `/${mount.subPath.replace(/^\/+/, '')}`);
      }
      const readOnly = mount.readOnly || volume.readOnly;
      fs.mount(mount.mountPath, source, { readOnly });
      const type = volume.source.kind === 'emptyDir' && volume.source.medium === 'Memory' ? 'tmpfs' : 'ext4';
      mountList.push({ source: type === 'tmpfs' ? 'tmpfs' : '/dev/sda1', target: mount.mountPath, type, options: readOnly ? 'ro,relatime' : 'rw,relatime' });
    }
    const pids = sharedPids ?? processTable(fs);
    if (sharedPids) setProcessTable(fs, sharedPids);
    fs.mount('/proc', procFs(() => pids, () => mountList));
    const mounts: MountNamespace = {
      list: () => mountList,
      mount(entry, mounted) {
        fs.mount(entry.target, mounted);
        mountList.push(entry);
      },
      unmount(target) {
        const i = mountList.findLastIndex((m) => m.target === target);
        if (i < 0 || target === '/') return false;
        mountList.splice(i, 1);
        fs.unmount(target);
        return true;
      },
    };
    attachKernel(fs, { pids, ipc, creds: credentials(container), sysctls, mounts, net: netDevices });
    return { fs, devShm };
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
      const { fs, devShm } = rootFs(containerConfig, image?.files ?? {});
      const container = createContainer(containerConfig, {
        timers,
        net,
        hostname: config.hostname,
        fs,
        pids: processTable(fs),
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
        // tmpfs pages are charged to the memory cgroup of the container that wrote them: its own
        // /dev/shm and the Memory-medium emptyDirs it mounts (simplified: every mounting container
        // counts the whole volume). System V segments made by ipcmk are never touched, so they
        // charge nothing (Linux charges shmem pages on first touch).
        volumeMemory: () => memoryVolumes.reduce((sum, v) => sum + fsBytes(v.fs), 0) + fsBytes(devShm),
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
    ipc,
    volume: (name) => volumes.get(name)?.fs,
  };
}
