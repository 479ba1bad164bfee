/**
 * A tiny virtual clock for tests: timers in a priority queue ordered by (time, sequence number),
 * like the engine's clock, so tests step deterministically.
 */
import type { Timers } from '../types';

interface Entry {
  at: number;
  seq: number;
  id: number;
  callback: () => void;
}

export class FakeClock implements Timers {
  private t = 0;
  private seq = 0;
  private queue: Entry[] = [];

  now(): number {
    return this.t;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = ++this.seq;
    this.queue.push({ at: this.t + Math.max(0, ms), seq: id, id, callback });
    this.queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
    return id;
  }

  clearTimeout(id: number): void {
    this.queue = this.queue.filter((e) => e.id !== id);
  }

  /** Run every timer due up to `now + ms` (inclusive), then set the clock there. */
  advance(ms: number): void {
    this.runUntil(this.t + ms);
  }

  runUntil(time: number): void {
    for (;;) {
      const next = this.queue[0];
      if (!next || next.at > time) break;
      this.queue.shift();
      this.t = next.at;
      next.callback();
    }
    this.t = Math.max(this.t, time);
  }

  pending(): number {
    return this.queue.length;
  }
}
