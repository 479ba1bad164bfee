import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { sampleTrace } from '../fixtures/sample-trace';
import { logsAt } from './logs';

const trace = {
  ...sampleTrace(),
  logs: {
    'liveness-exec/liveness': [
      { t: 3000, stream: 'stdout' as const, text: 'first run', instance: 1 },
      { t: 80000, stream: 'stdout' as const, text: 'second run', instance: 2 },
      { t: 90000, stream: 'stdout' as const, text: 'later', instance: 2 },
    ],
  },
};

function podWith(status: NonNullable<Pod['status']>['containerStatuses']): Pod {
  return { metadata: { name: 'liveness-exec' }, status: { containerStatuses: status } };
}

describe('logsAt', () => {
  const base = { name: 'liveness', image: 'busybox', imageID: '', ready: true };

  it('shows the running instance up to the cursor', () => {
    const pod = podWith([
      { ...base, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 137 } } },
    ]);
    expect(logsAt(trace, pod, 'liveness', 85000, false)).toBe('second run\n');
    expect(logsAt(trace, pod, 'liveness', 95000, true)).toBe('first run\n');
  });

  it('shows the dead instance while the next waits in back-off', () => {
    const pod = podWith([
      {
        ...base,
        restartCount: 1,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1 } },
      },
    ]);
    expect(logsAt(trace, pod, 'liveness', 70000, false)).toBe('first run\n');
    expect(logsAt(trace, pod, 'liveness', 70000, true)).toContain(
      'previous terminated container "liveness" in pod "liveness-exec" not found',
    );
  });

  it('answers as the API server does before the container starts', () => {
    const pod = podWith([{ ...base, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }]);
    expect(logsAt(trace, pod, 'liveness', 1000, false)).toContain('is waiting to start: ContainerCreating');
  });
});
