/** Builders for plain kubernetes-types objects used by the status tests. */
import type { Container, ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';

const T0 = '2025-01-01T09:00:00Z';

type Extra = Partial<Pick<ContainerStatus, 'ready' | 'started' | 'restartCount' | 'lastState'>>;

function base(name: string, extra: Extra): Omit<ContainerStatus, 'state'> {
  return { name, image: 'busybox', imageID: '', ready: false, restartCount: 0, ...extra };
}

/** Running; `started` defaults to true (no startup probe), `ready` to false. */
export function running(name: string, extra: Extra = {}): ContainerStatus {
  return { ...base(name, { started: true, ...extra }), state: { running: { startedAt: T0 } } };
}

export function waiting(name: string, reason = 'ContainerCreating', extra: Extra = {}): ContainerStatus {
  return { ...base(name, { started: false, ...extra }), state: { waiting: { reason } } };
}

export function terminated(name: string, exitCode: number, extra: Extra = {}): ContainerStatus {
  const reason = exitCode === 0 ? 'Completed' : 'Error';
  return { ...base(name, { started: false, ...extra }), state: { terminated: { exitCode, reason } } };
}

/** Waiting in CrashLoopBackOff after a termination with this exit code. */
export function crashLooping(name: string, lastExitCode: number, extra: Extra = {}): ContainerStatus {
  const reason = lastExitCode === 0 ? 'Completed' : 'Error';
  return waiting(name, 'CrashLoopBackOff', {
    restartCount: 1,
    lastState: { terminated: { exitCode: lastExitCode, reason } },
    ...extra,
  });
}

/** A status object with no state at all. */
export function stateless(name: string, extra: Extra = {}): ContainerStatus {
  return base(name, extra);
}

export function container(name: string, extra: Partial<Container> = {}): Container {
  return { name, image: 'busybox', ...extra };
}

export function sidecar(name: string): Container {
  return container(name, { restartPolicy: 'Always' });
}

export function spec(
  containers: Container[],
  opts: { init?: Container[]; restartPolicy?: string; gates?: string[] } = {},
): PodSpec {
  return {
    containers,
    ...(opts.init !== undefined && { initContainers: opts.init }),
    ...(opts.restartPolicy !== undefined && { restartPolicy: opts.restartPolicy }),
    ...(opts.gates !== undefined && {
      readinessGates: opts.gates.map((conditionType) => ({ conditionType })),
    }),
  };
}
