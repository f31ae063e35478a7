/**
 * Output that is written as it is produced: text is gathered into blocks of a few megabytes (as
 * UTF-8 bytes for a file descriptor, as text for other sinks) and handed to the sink, so a report
 * of any size is never one string. The default sinks write to the process's file descriptors
 * synchronously; a reader that goes away (`rapport … | head`) ends the output quietly instead of
 * with an error.
 */
import { writeSync } from 'node:fs';
import { UsageError } from './usage-error';

/**
 * Where text goes: a function taking each block (tests collect it into a string). A sink that can
 * also take bytes (`bytes`, as a file descriptor's does) is given UTF-8 encoded into one reused
 * buffer instead, so that the text is never joined into blocks first: `bytes` must be done with
 * them when it returns (the buffer is written over next). Each text written is encoded on its own,
 * so a character is never to be cut between two writes (none of Rapport's writers cuts one).
 */
export type Sink = ((text: string) => void) & { bytes?: (bytes: Uint8Array) => void };

/** The reader of the output closed it (EPIPE): stop writing, no error to report. */
export class OutputClosed extends Error {
  override name = 'OutputClosed';
}

/** Characters gathered before a block of text is handed on. */
const BLOCK = 1 << 20;
/** Bytes of the buffer UTF-8 is encoded into (a UTF-16 unit takes at most 3 bytes). */
const BYTES = 4 << 20;

export class BufferedOutput {
  private parts: string[] = [];
  private size = 0;
  /** The bytes not yet handed to the sink (for a sink that takes bytes), and how many there are. */
  private readonly buffer: Buffer | null;
  private used = 0;

  constructor(private readonly sink: Sink) {
    this.buffer = sink.bytes ? Buffer.allocUnsafe(BYTES) : null;
  }

  write(text: string): void {
    const buffer = this.buffer;
    if (buffer !== null) {
      if (3 * text.length > BYTES - this.used) {
        this.flush();
        if (3 * text.length > BYTES) {
          this.sink.bytes!(Buffer.from(text, 'utf8'));
          return;
        }
      }
      this.used += buffer.write(text, this.used, 'utf8');
      return;
    }
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= BLOCK) this.flush();
  }

  flush(): void {
    if (this.buffer !== null) {
      if (this.used === 0) return;
      const used = this.used;
      this.used = 0;
      this.sink.bytes!(this.buffer.subarray(0, used)); // written before it returns: the buffer is free again
      return;
    }
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
  const bytes = (data: Uint8Array) => {
    let buf = data;
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
  return Object.assign((text: string) => bytes(Buffer.from(text, 'utf8')), { bytes });
}
