/** Where a command's output goes: the container log (line by line), a file, a pipe, nowhere. */
import type { FileSystem, FsResult, LogStream } from '../types';
import type { Input } from './stdin';

export interface Sink {
  write(text: string): void;
}

export interface Io {
  stdin: Input;
  out: Sink;
  err: Sink;
}

export const nullSink: Sink = { write: () => undefined };

/** Collects text (pipes, command substitution). */
export class BufferSink implements Sink {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

/** Sends complete lines to the log; `flush` sends a trailing partial line. */
export class LineSink implements Sink {
  private partial = '';
  constructor(
    private readonly stream: LogStream,
    private readonly log: (stream: LogStream, text: string) => void,
  ) {}

  write(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.log(this.stream, line);
  }

  flush(): void {
    if (this.partial) this.log(this.stream, this.partial);
    this.partial = '';
  }
}

/** Opens `path` for writing (truncating unless `append`); each write appends. */
export function openFileSink(fs: FileSystem, path: string, append: boolean): Sink | FsResult {
  if (fs.isDirectory(path)) return 'EISDIR';
  const result = fs.write(path, '', append);
  if (result !== 'ok') return result;
  return { write: (text) => void fs.write(path, text, true) };
}
