import { describe, expect, it } from 'vitest';
import type { SchedulingDecision } from '../../engine/trace-types';
import { decisionFor } from './SchedulingCard';

const d = (t: number, pod: string, node?: string): SchedulingDecision => ({ t, pod, ...(node && { node }), nodes: [] });

describe('decisionFor: the chosen pod’s latest scheduling decision at the cursor', () => {
  const decisions = [d(0, 'a'), d(0, 'b', 'node-1'), d(20_000, 'a', 'node-2')];
  it.each([
    ['before any decision about it', 'c', 5_000, undefined],
    ['a pod still Pending', 'a', 10_000, undefined],
    ['once it was bound', 'a', 20_000, 'node-2'],
    ['another pod', 'b', 1, 'node-1'],
  ])('%s', (_rule, pod, t, node) => {
    const found = decisionFor(decisions, pod, t);
    expect(found?.node).toBe(node);
    if (pod === 'a' && t === 10_000) expect(found).toEqual(d(0, 'a'));
  });
});
