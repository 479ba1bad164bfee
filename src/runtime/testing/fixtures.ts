/** Builders for runtime tests: a sandbox on a fake clock, container configs with Kubernetes defaults. */
import { createMemoryFs } from '../fs';
import { createRuntime } from '../index';
import type { ContainerConfig, CustomImageBehaviour, ImageInfo, SandboxConfig } from '../sandbox-types';
import { FakeClock } from './fake-clock';
import { fakeResolveCommand } from './fake-shell';

export const POD_IP = '10.244.0.5';

export function setup(options: { customImages?: CustomImageBehaviour[]; sandbox?: Partial<SandboxConfig>; clock?: FakeClock; realShell?: boolean } = {}) {
  const clock = options.clock ?? new FakeClock();
  const runtime = createRuntime({ customImages: options.customImages, resolveCommand: options.realShell ? undefined : fakeResolveCommand });
  const sandbox = runtime.createSandbox(
    {
      podName: 'demo',
      namespace: 'default',
      hostname: 'demo',
      ip: POD_IP,
      volumes: {},
      hostFs: createMemoryFs(),
      shareProcessNamespace: false,
      customImages: [],
      dns: {},
      ...options.sandbox,
    },
    clock,
  );
  const image = (ref: string): ImageInfo => {
    const info = runtime.catalogue.resolve(ref);
    if (!('ref' in info)) throw new Error(info.message);
    return info;
  };
  const container = (name: string, ref: string, extra: Partial<ContainerConfig> = {}): ContainerConfig => ({
    name,
    image: image(ref),
    env: {},
    privileged: false,
    mounts: [],
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...extra,
  });
  return { clock, runtime, sandbox, image, container };
}
