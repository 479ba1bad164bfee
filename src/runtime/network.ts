/**
 * A pod's network namespace: one IP, one port table shared by every container of the pod.
 * A second bind of a port fails with EADDRINUSE whoever owns it; a dying process loses its ports.
 */
import type { BindResult, Listener, PodNetwork } from './types';

export interface Binding {
  port: number;
  owner: string;
  listener: Listener;
}

export interface SimPodNetwork extends PodNetwork {
  /** Every bound port, for the UI, in port order. */
  bindings(): Binding[];
}

export function createPodNetwork(ip: string, remote?: (ip: string, port: number) => Listener | undefined): SimPodNetwork {
  const ports = new Map<number, Binding>();
  return {
    ip,
    remote,
    bind(port: number, listener: Listener, owner: string): BindResult {
      if (port < 1 || port > 65535) return 'EACCES';
      if (ports.has(port)) return 'EADDRINUSE';
      ports.set(port, { port, owner, listener });
      return 'ok';
    },
    unbind(port: number, owner: string): void {
      if (ports.get(port)?.owner === owner) ports.delete(port);
    },
    unbindAll(owner: string): void {
      for (const [port, binding] of [...ports]) if (binding.owner === owner) ports.delete(port);
    },
    listener(port: number): Listener | undefined {
      return ports.get(port)?.listener;
    },
    bindings(): Binding[] {
      return [...ports.values()].sort((a, b) => a.port - b.port);
    },
  };
}
