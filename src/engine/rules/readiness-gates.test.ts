/**
 * Readiness gates: with every container ready, Ready waits for each gate's condition to be True.
 * Sources: pkg/kubelet/status/generate.go (GeneratePodReadyCondition: the messages `corresponding condition of pod readiness gate "%s" does not exist.` and
 * `the status of pod readiness gate "%s" is not "True", but %v`, reason ReadinessGatesNotReady),
 * pkg/kubelet/status/status_manager.go (conditions not owned by the kubelet are kept).
 */
import { describe, expect, it } from 'vitest';
import { conditionAt, onePod, run } from './builders';

const GATE = 'example.com/feature-1';
const manifest = onePod({ specExtra: `  readinessGates:\n  - conditionType: "${GATE}"`, body: '    command: ["sleep", "3600"]' });

describe('readiness gate whose condition does not exist (generate.go GeneratePodReadyCondition)', () => {
  const trace = run(manifest, { cachedImages: ['busybox:1.36'], until: 10_000 });

  it('ContainersReady is True once the container runs', () => {
    expect(conditionAt(trace, 2_000, 'ContainersReady')?.status).toBe('True');
  });

  it('Ready is False, ReadinessGatesNotReady, "corresponding condition ... does not exist."', () => {
    expect(conditionAt(trace, 2_000, 'Ready')).toMatchObject({
      status: 'False',
      reason: 'ReadinessGatesNotReady',
      message: `corresponding condition of pod readiness gate "${GATE}" does not exist.`,
    });
  });
});
