/**
 * Output that is written as it is produced: text is encoded into blocks of a few megabytes of
 * UTF-8 and handed to the sink, so a report of any size is never one string. The default sinks
 * write to the process's file descriptors synchronously; a reader that goes away
 * (`rapport … | head`) ends the output quietly instead of with an error.
 */
import { writeSync } from 'node:fs';
import { UsageError } from './usage-error';

/**
 * Where text goes: a function taking each block as text (tests collect it into a string), or its
 * UTF-8 bytes when it has `bytes` (a file descriptor's sink), which must be done with them when it
 * returns (the buffer is written over next). Each text written is encoded on its own, so a
 * character is never to be cut between two writes (none of Rapport's writers cuts one).
 */
export type Sink = ((text: string) => void) & { bytes?: (bytes: Uint8Array) => void };

/** The reader of the output closed it (EPIPE): stop writing, no error to report. */
export class OutputClosed extends Error {
  override name = 'OutputClosed';
}

/** Bytes of the buffer UTF-8 is encoded into (a UTF-16 unit takes at most 3 bytes). */
const BYTES = 4 << 20;

export class BufferedOutput {
  /** The bytes not yet handed on, and how many there are. */
  private readonly buffer = Buffer.allocUnsafe(BYTES);
  private used = 0;
  /** Where the blocks go: as bytes, or decoded for a sink of text (each block holds whole texts). */
  private readonly bytes: (bytes: Uint8Array) => void;

  constructor(sink: Sink) {
    const decoder = new TextDecoder();
    this.bytes = sink.bytes ?? ((b) => sink(decoder.decode(b)));
  }

  write(text: string): void {
    if (3 * text.length > BYTES - this.used) {
      this.flush();
      if (3 * text.length > BYTES) {
        this.bytes(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  flush(): void {
    if (this.used === 0) return;
    const used = this.used;
    this.used = 0;
    this.bytes(this.buffer.subarray(0, used)); // used before it returns: the buffer is free again
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
