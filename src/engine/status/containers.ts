import type { Container, ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';

/** podutil.IsRestartableInitContainer (pkg/api/v1/pod/util.go): an init container with restartPolicy Always, a sidecar. */
export function isRestartableInitContainer(container: Container): boolean {
  return container.restartPolicy === 'Always';
}

/** podutil.GetContainerStatus: the status with that name, if any. */
export function findContainerStatus(
  statuses: readonly ContainerStatus[],
  name: string,
): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

/** Go's `fmt.Sprintf("%s", []string{...})`: `[a b]`. */
export function goStringList(names: readonly string[]): string {
  return `[${names.join(' ')}]`;
}

/**
 * kubecontainer.HasAnyRegularContainerStarted (pkg/kubelet/container/helpers.go): a regular container
 * is running or terminated. Used by GeneratePodInitializedCondition.
 */
export function hasAnyRegularContainerStarted(spec: PodSpec, statuses: readonly ContainerStatus[]): boolean {
  const names = new Set(spec.containers.map((c) => c.name));
  return statuses.some(
    (s) => names.has(s.name) && (s.state?.running !== undefined || s.state?.terminated !== undefined),
  );
}

/**
 * Stand-in for kubecontainer.HasAnyActiveRegularContainerStarted, which asks the runtime whether any
 * regular container exists in the current sandbox (running or exited). From API statuses: running,
 * terminated, or waiting after a termination (the exited container is still there).
 * Simplification: a recreated sandbox (where the runtime would answer false) is not visible here;
 * getPhase takes an explicit value for that case.
 */
export function hasAnyActiveRegularContainerStarted(
  spec: PodSpec,
  statuses: readonly ContainerStatus[],
): boolean {
  const names = new Set(spec.containers.map((c) => c.name));
  return statuses.some(
    (s) =>
      names.has(s.name) &&
      (s.state?.running !== undefined ||
        s.state?.terminated !== undefined ||
        s.lastState?.terminated !== undefined),
  );
}
