/**
 * The runtime's public face: `createRuntime()` gives the image catalogue and pod sandboxes the
 * engine drives. Scenario-declared images become catalogue entries.
 */
import { createCatalogue, type RuntimeCatalogue } from './images/catalogue';
import type { ProgramResolver } from './images/program-kit';
import { createSandbox, type SimPodSandbox } from './sandbox';
import type { CustomImageBehaviour, Runtime, SandboxConfig } from './sandbox-types';
import type { Timers } from './types';
import { resolveCommand as shellResolveCommand } from './shell';

export interface SimRuntime extends Runtime {
  catalogue: RuntimeCatalogue;
  createSandbox(config: SandboxConfig, timers: Timers): SimPodSandbox;
}

export interface RuntimeOptions {
  customImages?: CustomImageBehaviour[];
  /** The shell's command lookup; defaults to src/runtime/shell resolveCommand. */
  resolveCommand?: ProgramResolver;
}

export function createRuntime(options: RuntimeOptions = {}): SimRuntime {
  const resolveCommand = options.resolveCommand ?? shellResolveCommand;
  const base = options.customImages ?? [];
  const catalogue = createCatalogue(base);
  return {
    catalogue,
    createSandbox(config, timers) {
      const custom = config.customImages.length > 0 ? createCatalogue([...config.customImages, ...base]) : catalogue;
      return createSandbox(config, timers, custom, resolveCommand);
    },
  };
}

export { createCatalogue } from './images/catalogue';
export type { RuntimeCatalogue, RuntimeImage } from './images/catalogue';
export { createPodNetwork } from './network';
export { PUBLIC_DNS, internet } from './world';
export type { Binding, SimPodNetwork } from './network';
export type { SimPodSandbox } from './sandbox';
export type { SimRuntimeContainer } from './container';
export { containerArgv } from './container';
export { goDuration } from './go-duration';
export * from './types';
export * from './sandbox-types';
