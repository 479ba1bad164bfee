/** Test pods for the kubectl printer tests: plain objects typed as the API server returns them. */
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { kubeTime } from '../time';

export const T = (seconds: number): string => kubeTime(seconds * 1000);

export function cond(type: string, status: 'True' | 'False', reason?: string): PodCondition {
  return { type, status, ...(reason ? { reason } : {}) };
}

export function running(
  name: string,
  ready: boolean,
  startedS = 5,
  extra: Partial<ContainerStatus> = {},
): ContainerStatus {
  return {
    name,
    image: 'busybox',
    imageID: '',
    ready,
    started: true,
    restartCount: 0,
    state: { running: { startedAt: T(startedS) } },
    ...extra,
  };
}

export function waiting(name: string, reason: string, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return {
    name,
    image: 'busybox',
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: { waiting: { reason } },
    ...extra,
  };
}

export function terminated(
  name: string,
  exitCode: number,
  reason?: string,
  extra: Partial<ContainerStatus> = {},
  signal?: number,
): ContainerStatus {
  return {
    name,
    image: 'busybox',
    imageID: '',
    ready: false,
    started: false,
    restartCount: 0,
    state: {
      terminated: {
        exitCode,
        ...(reason ? { reason } : {}),
        ...(signal ? { signal } : {}),
        startedAt: T(1),
        finishedAt: T(2),
      },
    },
    ...extra,
  };
}

export const c = (name: string, extra: Partial<Container> = {}): Container => ({
  name,
  image: 'busybox',
  ...extra,
});

export interface PodParts {
  name?: string;
  containers?: Container[];
  initContainers?: Container[];
  phase?: string;
  reason?: string;
  conditions?: PodCondition[];
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  deletionS?: number;
}

export function pod(p: PodParts): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name ?? 'web',
      namespace: 'default',
      creationTimestamp: T(0),
      ...(p.deletionS !== undefined
        ? { deletionTimestamp: T(p.deletionS), deletionGracePeriodSeconds: 30 }
        : {}),
    },
    spec: {
      containers: p.containers ?? [c('app')],
      ...(p.initContainers ? { initContainers: p.initContainers } : {}),
    },
    status: {
      phase: p.phase ?? 'Pending',
      ...(p.reason ? { reason: p.reason } : {}),
      conditions: p.conditions ?? [],
      ...(p.statuses ? { containerStatuses: p.statuses } : {}),
      ...(p.initStatuses ? { initContainerStatuses: p.initStatuses } : {}),
    },
  };
}
