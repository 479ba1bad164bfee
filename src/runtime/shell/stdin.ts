/**
 * A process's standard input: text known in full (a file, a here-document, nothing), or the read
 * end of a pipe whose writer is still running. Readers suspend on the virtual clock until a line
 * (or end of file) is there, so `tail -F log | while read line; ...` sees each line as the writer
 * produces it. Copies of an Io share the object, as forked processes share an open file
 * description: what one `read` consumes, the next does not see.
 */
import type { Timers } from '../types';
import type { Gen, Suspend } from './task';

export class Input {
  private buffer: string;
  private open: boolean;
  private readonly waiters = new Set<() => void>();
  /** The reader is gone: the writer's next write gets SIGPIPE (see `pipe`). */
  private broken = false;

  private constructor(
    text: string,
    open: boolean,
    private readonly timers?: Timers,
    private readonly onBroken?: () => void,
  ) {
    this.buffer = text;
    this.open = open;
  }

  /** Input whose whole text is known (already at end of file after it). */
  static of(text = ''): Input {
    return new Input(text, false);
  }

  /** A pipe: `write`/`close` are the write end, the Input the read end; `onBroken` when writing after the reader left. */
  static pipe(timers: Timers, onBroken: () => void): Input {
    return new Input('', true, timers, onBroken);
  }

  /** The read end of a pipe (not text known in full). */
  get isPipe(): boolean {
    return this.onBroken !== undefined;
  }

  /** The write end is still open. */
  get isOpen(): boolean {
    return this.open;
  }

  // ------------------------------------------------------------------ write end

  write(text: string): void {
    if (this.broken) {
      this.onBroken?.();
      return;
    }
    if (!this.open || text === '') return;
    this.buffer += text;
    this.wake();
  }

  /** The writer ended: readers get what is left, then end of file. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.wake();
  }

  /** The reader ended (the pipeline's next stage exited): later writes are refused. */
  closeReader(): void {
    if (this.open) this.broken = true;
    this.buffer = '';
  }

  // ------------------------------------------------------------------ read end

  /** The next line without its newline; at end of file the unterminated rest, then undefined. */
  *line(): Gen<string | undefined> {
    for (;;) {
      const end = this.buffer.indexOf('\n');
      if (end >= 0) {
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        return line;
      }
      if (!this.open) {
        if (this.buffer === '') return undefined;
        const rest = this.buffer;
        this.buffer = '';
        return rest;
      }
      yield this.readable();
    }
  }

  /** Whatever has arrived (waiting for something, as read(2) does); undefined at end of file. */
  *chunk(): Gen<string | undefined> {
    while (this.open && this.buffer === '') yield this.readable();
    if (this.buffer === '') return undefined;
    const text = this.buffer;
    this.buffer = '';
    return text;
  }

  /** Everything up to end of file (waits for the writer to close). */
  *all(): Gen<string> {
    while (this.open) yield this.readable();
    const text = this.buffer;
    this.buffer = '';
    return text;
  }

  private readable(): Suspend {
    return {
      start: (resume) => {
        const waiter = () => resume(0);
        this.waiters.add(waiter);
        return { cancel: () => this.waiters.delete(waiter) };
      },
    };
  }

  /** Readers run as their own processes: at the same virtual instant, after the writer's step. */
  private wake(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiting) this.timers?.setTimeout(waiter, 0);
  }
}
