/**
 * Where the bytes of the table come from: a file read a few megabytes at a time, or standard input
 * (`rapport analyze -`), kept in memory because the encoding check may have to read it twice.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fill } from '../shared/i18n/messages';
import { texts } from '../shared/i18n/texts';
import type { Lang } from '../shared/types';
import { UsageError } from './usage-error';

/** Bytes read from a file at a time. */
export const CHUNK_BYTES = 4 << 20;

export interface ByteSource {
  /** The name the user gave (the path, or "-" / "standard input"). */
  name: string;
  /** Total size when known in advance (a regular file). */
  size: number | null;
  /**
   * The bytes from the start, in chunks; may be called again to read from the start once more.
   * `reuse`: the caller keeps no chunk (nor a view of one) once it asks for the next, so a file is
   * read into the same buffer each time rather than into fresh memory for every chunk.
   */
  chunks(reuse?: boolean): Iterable<Uint8Array>;
}

const TEXT = texts({
  zh: {
    missing: '找不到文件 "{path}"',
    denied: '没有权限读取 "{path}"',
    folder: '"{path}" 是文件夹, 不是文件',
    cannotRead: '无法读取 "{path}" ({code})',
    readFailed: '读取 "{path}" 时出错 ({code})',
  },
  en: {
    missing: 'No such file: "{path}"',
    denied: 'Not allowed to read "{path}"',
    folder: '"{path}" is a folder, not a file',
    cannotRead: 'Cannot read "{path}" ({code})',
    readFailed: 'Reading "{path}" failed ({code})',
  },
});

/**
 * A file, checked at once (missing, a folder, not readable) with plain messages; a regular file is
 * read in chunks each time it is asked for, a pipe or a device read whole once.
 */
export function fileSource(path: string, lang: Lang): ByteSource {
  const t = TEXT[lang];
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(fill(t.missing, { path }));
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(fill(t.denied, { path }));
    if (code === 'EISDIR') throw new UsageError(fill(t.folder, { path }));
    throw new UsageError(fill(t.cannotRead, { path, code: code ?? 'error' }));
  }
  let size: number;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UsageError(fill(t.folder, { path }));
    // A pipe, a named pipe or a device (`rapport analyze <(…)`) can be read only once: read it
    // whole now, as standard input is, so that its start can be looked at before the rest is read.
    if (!st.isFile()) return memorySource(path, readStdinChunks(fd));
    size = st.size;
  } finally {
    closeSync(fd);
  }
  return fileRange(path, lang, 0, Infinity, size); // to its end, even if it grew since
}

/**
 * Bytes `start` to `end` of a regular file, in chunks, read each time they are asked for; `size` is
 * what the source says the whole is (the file's size for a whole file).
 */
export function fileRange(path: string, lang: Lang, start: number, end: number, size: number | null): ByteSource {
  const t = TEXT[lang];
  return {
    name: path,
    size,
    *chunks(reuse = false) {
      const fd = openSync(path, 'r');
      // Memory a buffer is read into for the first time costs more than reading the file into it
      // (a pass over the 233 MB bench table: about 350 ms into fresh 4 MiB buffers, 35 ms into one).
      const shared = reuse ? new Uint8Array(Math.min(CHUNK_BYTES, Math.max(0, end - start))) : null;
      try {
        for (let at = start; at < end; ) {
          const buf = shared !== null && end - at >= shared.length ? shared : new Uint8Array(Math.min(CHUNK_BYTES, end - at));
          let n: number;
          try {
            n = readSync(fd, buf, 0, buf.length, at);
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            if (code === 'EISDIR') throw new UsageError(fill(t.folder, { path }));
            throw new UsageError(fill(t.readFailed, { path, code: code ?? 'error' }));
          }
          if (n === 0) return;
          at += n;
          yield n === buf.length ? buf : buf.subarray(0, n);
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** Standard input read to its end (blocking), as chunks of up to CHUNK_BYTES. */
export function readStdinChunks(fd = 0): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const wait = new Int32Array(new SharedArrayBuffer(4));
  let buf = new Uint8Array(CHUNK_BYTES);
  let used = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, used, buf.length - used, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(wait, 0, 0, 5); // a non-blocking pipe with nothing in it yet
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    used += n;
    if (used === buf.length) {
      chunks.push(buf);
      buf = new Uint8Array(CHUNK_BYTES);
      used = 0;
    }
  }
  if (used > 0) chunks.push(buf.subarray(0, used));
  return chunks;
}

/** Bytes already in memory (standard input, tests). */
export function memorySource(name: string, chunks: readonly Uint8Array[]): ByteSource {
  return { name, size: chunks.reduce((s, c) => s + c.length, 0), chunks: () => chunks };
}
