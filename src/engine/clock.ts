/**
 * The one virtual clock that drives every actor. Timers sit in a binary heap ordered by
 * (time, sequence number), so two timers due at the same instant fire in the order they were set:
 * the run is deterministic, and "step to the next event" is "pop the next batch of timers".
 * XState v5 accepts it as an actor's `clock` (setTimeout/clearTimeout) and passes it to children.
 */
import type { Timers } from '../runtime/types';

interface Timer {
  at: number;
  seq: number;
  id: number;
  fn: () => void;
}

export class VirtualClock implements Timers {
  private heap: Timer[] = [];
  private cancelled = new Set<number>();
  private nextId = 1;
  private seq = 0;
  private current = 0;

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.push({ at: this.current + delay, seq: this.seq++, id, fn });
    return id;
  }

  clearTimeout(id: unknown): void {
    if (typeof id === 'number') this.cancelled.add(id);
  }

  /** Time of the next live timer, or undefined when none is pending. */
  peek(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /**
   * Fire every timer due at the next instant (including ones those timers set for the same
   * instant) and return that instant; undefined when nothing is pending or it lies after `limit`.
   */
  step(limit = Infinity): number | undefined {
    const at = this.peek();
    if (at === undefined || at > limit) return undefined;
    this.current = at;
    while (this.peek() === at) {
      const timer = this.pop();
      timer.fn();
    }
    return at;
  }

  /** Move time forward without firing anything (used when the run ends between timers). */
  advanceTo(t: number): void {
    if (t > this.current) this.current = t;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.pop();
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private pop(): Timer {
    const h = this.heap;
    const top = h[0];
    const last = h.pop() as Timer;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
