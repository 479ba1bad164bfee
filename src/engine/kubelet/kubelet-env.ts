/** What the simulation gives every pod's kubelet: the clock, the runtime, where to record, and the scenario's objects. */
import type { Interpreter } from '../machines/lean-actor';
import type { SandboxConfig } from '../../runtime/sandbox-types';
import type { SimRuntime } from '../../runtime';
import type { IdSource } from '../ids';
import type { Recorder } from '../recorder';
import type { VirtualClock } from '../clock';
import type { ConfigStore } from '../cluster/config-objects';

export interface KubeletEnv {
  clock: VirtualClock;
  runtime: SimRuntime;
  recorder: Recorder;
  ids: IdSource;
  sandboxExtras: Pick<SandboxConfig, 'customImages' | 'dns' | 'remote'>;
  logs: Record<string, Array<{ t: number; stream: 'stdout' | 'stderr'; text: string; instance: number }>>;
  /** ConfigMaps and Secrets of the scenario. */
  store: ConfigStore;
  /** What steps probe workers (see SimOptions.interpreter). */
  interpreter?: Interpreter;
}
