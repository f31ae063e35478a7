/**
 * Output that is written as it is produced: text is gathered into blocks of about a megabyte and
 * handed to the sink, so a report of any size is never one string. The default sinks write to
 * the process's file descriptors synchronously; a reader that goes away (`rapport … | head`)
 * ends the output quietly instead of with an error.
 */
import { writeSync } from 'node:fs';
import { UsageError } from './usage-error';

/** Where text goes: a function taking each block (tests collect it into a string). */
export type Sink = (text: string) => void;

/** The reader of the output closed it (EPIPE): stop writing, no error to report. */
export class OutputClosed extends Error {
  override name = 'OutputClosed';
}

const BLOCK = 1 << 20;

export class BufferedOutput {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink: Sink) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= BLOCK) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.sink(text);
  }
}

/**
 * A sink writing to a file descriptor with blocking writes; waits and retries when a non-blocking
 * pipe is full (EAGAIN), throws OutputClosed when the reader has gone (EPIPE).
 */
export function fdSink(fd: number): Sink {
  const wait = new Int32Array(new SharedArrayBuffer(4));
  return (text) => {
    let buf = Buffer.from(text, 'utf8');
    while (buf.length > 0) {
      let n: number;
      try {
        n = writeSync(fd, buf);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          Atomics.wait(wait, 0, 0, 2);
          continue;
        }
        if (code === 'EPIPE') throw new OutputClosed();
        // A full disk or a closed descriptor: the user's to fix, said in both languages (no lang here).
        throw new UsageError(`无法写出结果 / cannot write the output (${code ?? (e as Error).message})`);
      }
      buf = buf.subarray(n);
    }
  };
}
