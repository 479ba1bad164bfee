/**
 * Cooperative tasks on the virtual clock. A task is a generator that yields `Suspend` effects (sleep,
 * wait for a job, run an external program); the effect calls `resume(value)` later (from a timer
 * callback, or at once) and the generator continues with that value. No promises, so a run is
 * exactly reproducible.
 */
import type { Timers } from '../types';

export interface Pending {
  cancel(): void;
  /** A trapped signal may cut this wait short (the `wait` builtin); a foreground child may not. */
  interruptible?: boolean;
}

export interface Suspend {
  start(resume: (value: number) => void): Pending;
}

export type Gen<T = number> = Generator<Suspend, T, number>;

const NOTHING: Pending = { cancel: () => undefined };

/** Suspend for `ms` virtual milliseconds (`Infinity`: until the process is killed). */
export function sleep(timers: Timers, ms: number): Suspend {
  return {
    start(resume) {
      if (!Number.isFinite(ms)) return NOTHING;
      const id = timers.setTimeout(() => resume(0), Math.max(0, ms));
      return { cancel: () => timers.clearTimeout(id) };
    },
  };
}

export type TaskResult = { ok: true; value: number } | { ok: false; error: unknown };

export class Task {
  private pending?: { pending: Pending; resume: (value: number) => void };
  private running = false;
  private done = false;
  private abortReason?: { reason: unknown };

  constructor(
    private readonly gen: Gen,
    private readonly onDone: (result: TaskResult) => void,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  get finished(): boolean {
    return this.done;
  }

  start(): void {
    this.step(0);
  }

  /** Resume an interruptible wait early with `value`. Returns whether it did. */
  interrupt(value: number): boolean {
    const p = this.pending;
    if (!p || !p.pending.interruptible || this.running) return false;
    p.pending.cancel();
    p.resume(value);
    return true;
  }

  /** Stop the task (now, or at its next suspension when it is running) and report `reason` as its error. */
  abort(reason: unknown): void {
    if (this.done) return;
    if (this.running) {
      this.abortReason = { reason };
      return;
    }
    this.pending?.pending.cancel();
    this.pending = undefined;
    this.finish({ ok: false, error: reason });
  }

  private finish(result: TaskResult): void {
    this.done = true;
    this.onDone(result);
  }

  private step(input: number): void {
    let value = input;
    for (;;) {
      let r: IteratorResult<Suspend, number>;
      this.running = true;
      try {
        r = this.gen.next(value);
      } catch (error) {
        this.running = false;
        this.finish({ ok: false, error: this.abortReason ? this.abortReason.reason : error });
        return;
      } finally {
        this.running = false;
      }
      if (this.abortReason) {
        this.finish({ ok: false, error: this.abortReason.reason });
        return;
      }
      if (r.done) {
        this.finish({ ok: true, value: r.value });
        return;
      }
      let sync: number | undefined;
      let starting = true;
      let resumed = false;
      const resume = (v: number) => {
        if (resumed || this.done) return;
        resumed = true;
        this.pending = undefined;
        if (starting) sync = v;
        else this.step(v);
      };
      const pending = r.value.start(resume);
      starting = false;
      if (resumed) {
        value = sync ?? 0;
        continue;
      }
      this.pending = { pending, resume };
      return;
    }
  }
}
