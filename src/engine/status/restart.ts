import type { Container, PodSpec } from 'kubernetes-types/core/v1';

/** v1.ContainerRestartRule (1.34+, not in kubernetes-types 1.30). */
export interface ContainerRestartRule {
  action: string;
  exitCodes?: { operator: string; values?: number[] };
}

type ContainerWithRules = Container & { restartPolicyRules?: ContainerRestartRule[] };

/** podutil findMatchingContainerRestartRule (pkg/api/v1/pod/util.go). */
function findMatchingContainerRestartRule(
  container: ContainerWithRules,
  exitCode: number,
): ContainerRestartRule | undefined {
  for (const rule of container.restartPolicyRules ?? []) {
    if (rule.exitCodes === undefined) continue;
    const matched = (rule.exitCodes.values ?? []).includes(exitCode);
    if (rule.exitCodes.operator === 'In' && matched) return rule;
    if (rule.exitCodes.operator === 'NotIn' && !matched) return rule;
  }
  return undefined;
}

/**
 * podutil.ContainerShouldRestart (pkg/api/v1/pod/util.go): container-level restartPolicyRules, then
 * the container's restartPolicy, then the pod's (default Always).
 */
export function containerShouldRestart(container: Container, spec: PodSpec, exitCode: number): boolean {
  if (container.restartPolicy !== undefined) {
    const rule = findMatchingContainerRestartRule(container, exitCode);
    if (rule?.action === 'Restart') return true;
    switch (container.restartPolicy) {
      case 'Always':
        return true;
      case 'OnFailure':
        return exitCode !== 0;
      case 'Never':
        return false;
    }
  }
  switch (spec.restartPolicy) {
    case 'OnFailure':
      return exitCode !== 0;
    case 'Never':
      return false;
    default:
      return true;
  }
}
