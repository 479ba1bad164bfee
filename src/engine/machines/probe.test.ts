import { describe, expect, it } from 'vitest';
import { TICK, probeMachine } from './probe';

describe('probe machine', () => {
  it("TICK is XState's name for the ticker's after-period event (the prober listens for it)", () => {
    const ticking = probeMachine.getStateNodeById('probe.ticker.ticking');
    expect(ticking.after.map((t) => t.eventType)).toEqual([TICK]);
  });
});
