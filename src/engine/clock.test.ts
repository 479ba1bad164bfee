import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';

describe('VirtualClock (design.md: timers ordered by time, then sequence)', () => {
  it('fires timers in time order, ties in the order they were set', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@10'), 10);
    clock.setTimeout(() => fired.push('a@5'), 5);
    clock.setTimeout(() => fired.push('c@10'), 10);
    while (clock.step() !== undefined);
    expect(fired).toEqual(['a@5', 'b@10', 'c@10']);
    expect(clock.now()).toBe(10);
  });

  it('a step fires the whole batch due at one instant, including timers set during it for that instant', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimeout(() => {
      fired.push('first');
      clock.setTimeout(() => fired.push('same-instant'), 0);
      clock.setTimeout(() => fired.push('later'), 1);
    }, 3);
    expect(clock.step()).toBe(3);
    expect(fired).toEqual(['first', 'same-instant']);
    expect(clock.step()).toBe(4);
  });

  it('cleared timers never fire and a step respects its limit', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    const id = clock.setTimeout(() => fired.push(1), 1);
    clock.setTimeout(() => fired.push(2), 2);
    clock.clearTimeout(id);
    expect(clock.step(1)).toBeUndefined();
    expect(clock.step()).toBe(2);
    expect(fired).toEqual([2]);
  });
});
