import { describe, expect, it } from 'vitest';
import { sampleTrace } from '../fixtures/sample-trace';
import { countUntil } from '../trace-utils';
import { watchRows } from './watch-rows';

describe('watchRows', () => {
  const trace = sampleTrace();

  it('prints a row only when READY, STATUS or RESTARTS change', () => {
    const rows = watchRows(trace);
    expect(rows.map((r) => [r.tMs, r.key])).toEqual([
      [0, '0/1|Pending|0'],
      [100, '0/1|ContainerCreating|0'],
      [2100, '1/1|Running|0'],
      [77100, '0/1|ContainerCreating|1'],
      [77200, '1/1|Running|1'],
    ]);
  });

  it('accumulates up to the cursor', () => {
    const rows = watchRows(trace);
    const shown = (t: number) => countUntil(rows, t, (r) => r.tMs);
    expect(shown(0)).toBe(1);
    expect(shown(2099)).toBe(2);
    expect(shown(2100)).toBe(3);
    expect(shown(1e9)).toBe(5);
  });

  it('prints the pod once more when it is deleted', () => {
    const cut = {
      ...trace,
      frames: [...trace.frames.slice(0, 4), { ...trace.frames[3], t: 9000, pods: [] }],
    };
    const rows = watchRows(cut);
    expect(rows[rows.length - 1]).toMatchObject({ tMs: 9000, key: 'deleted' });
  });
});
