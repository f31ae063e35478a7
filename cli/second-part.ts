/**
 * A large file read on two threads. The CLI's thread reads the file from its start, finds the header
 * and knows the table is a customer table or a transaction log; a second thread then reads the rest
 * of the file from a row boundary about half way in, into a reader of its own (CustomerTableReader,
 * LogColumnsReader), and hands what it read over (their part(), absorbed by the first's reader).
 * The result is that of one thread reading the whole file (test/cli/second-part.test.ts).
 *
 * A log whose part holds a date that reads differently day first and month first ("3/1/2024") is
 * left to the first thread: the second cannot read it before every row of the file is counted
 * towards the column's order. It says so as soon as it meets one, and the first reads on past the
 * split as if there had been no second thread.
 *
 * The second part starts just after a line feed. Whether a row starts there the first thread knows
 * when it gets there (its text so far plain RFC 4180, ending outside quotes: a quoted field may hold
 * a line break); if not, it stops the second thread and reads on to the end of the file itself, as
 * it does for UTF-16 and old-Mac line breaks, which cannot be cut by bytes. The second thread
 * numbers its rows from the start of its part; the first numbers them on from its own.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { StrayQuote } from '../shared/csv/parse-delimited';
import { CustomerTableReader, type CustomerReadPart } from '../shared/ingest/read-customers';
import type { LogReadPart } from '../shared/ingest/log-columns';
import { logReader } from '../shared/ingest/read-transactions';
import { PRESIZED_ROWS } from '../shared/row-stream-analysis';
import { packedBuffers } from '../shared/ingest/packed-columns';
import type { Column, Lang } from '../shared/types';
import { fileRange } from './byte-source';
import { widestRow } from './csv-stream';
import { readTableContinuation, type TextFormat, wholeFileBytes } from './read-table-file';
import { UsageError } from './usage-error';
import { workerScript } from './worker-script';

/**
 * Where the second part starts, as a share of a file of `size` bytes: half of it, moved on by
 * HEAD_START_BYTES. The second thread starts a little after this one (once the header is found),
 * and then packs its part to hand it over, so the first reads a little more. A small file (just past
 * wholeFileBytes) is split near 60/40, a 233 MB one near 53/47; never past 60%.
 */
export function firstShare(size: number): number {
  return Math.min(0.6, 0.5 + HEAD_START_BYTES / size);
}

/**
 * What the first thread reads while the second starts and, at the end, packs its part: about a
 * quarter of a second of reading on this project's 2-core benchmark machine, of which half is the
 * first thread's extra share. On the 233 MB bench table, with the split set by hand in a scratch
 * build, RAPPORT_DEBUG's reading time averaged 3.5–3.6 s at 52–55% and 4.0 s at 60% (four runs each,
 * alternately); the README gives the side-by-side runs of this rule against the old 60%.
 */
const HEAD_START_BYTES = 6 << 20;

/**
 * The slots of the counters the two threads share: the second thread's rows and kilobytes read so
 * far, and whether it gave its part up (GAVE_UP: FAILED or DECLINED), which the first can see while
 * it reads, before the message saying so can reach it.
 */
const ROWS = 0;
const KILOBYTES = 1;
const GAVE_UP = 2;
const FAILED = 1;
const DECLINED = 2;

/**
 * What the rows are read into: a customer table's columns (RowStreamAnalysis.customerColumns), or
 * a transaction log by its header's columns and the analysis date (logReader).
 */
export type PartReading = { kind: 'customers'; columns: readonly Column[] } | { kind: 'log'; columns: Column[]; asOf: string | undefined };

/** What the second thread is given. */
export interface SecondPartJob {
  path: string;
  lang: Lang;
  /** The byte offset its part starts at: just after a line feed. */
  split: number;
  /**
   * Read plain lines straight into the customers' columns (CustomerTableReader.addLines) rather
   * than into rows first; false when the widest row must be known (the --csv output).
   */
  byLines: boolean;
  reading: PartReading;
  format: TextFormat;
  expectedRows: number;
  flags: SharedArrayBuffer;
  port: MessagePort;
}

/** What the second thread read, by the kind of reader that read it. */
export type HandedPart = { kind: 'customers'; read: CustomerReadPart } | { kind: 'log'; read: LogReadPart };

/**
 * What the second thread hands back: its part, or why it has none (a failure, or a log's dates
 * that need the whole file read first: see SecondPart.declined).
 */
export type SecondPartMessage =
  | { part: HandedPart; rowCount: number; bytes: number; widest: number; strayQuotes: StrayQuote[] }
  | { usageError: string }
  | { failure: string };

/** Thrown on the second thread when its log reader starts holding rows for the day/month order. */
class NeedsWholeFile extends Error {
  constructor() {
    super("the second part's dates need the whole file read first");
  }
}

/** The second thread of one file (see the file's comment). */
export class SecondPart {
  private worker: Worker | null = null;
  private readonly flags = new Int32Array(new SharedArrayBuffer(12));
  private result: Promise<SecondPartMessage> | null = null;
  /** Stopped, or past its split: never started (again). */
  private over = false;
  private job: Omit<SecondPartJob, 'flags' | 'port' | 'reading' | 'format' | 'expectedRows'>;

  private constructor(path: string, lang: Lang, split: number, private readonly size: number, byLines: boolean) {
    this.job = { path, lang, split, byLines };
  }

  /**
   * A second part for a file of `size` bytes, starting after the first line feed past firstShare(size)
   * of it; null when the file is read whole anyway (up to wholeFileBytes()), has no such line feed,
   * there is no worker script to run it (workerScript), or RAPPORT_THREADS=1 asks for one thread.
   * `byLines`: see SecondPartJob.
   */
  static plan(path: string, size: number, lang: Lang, byLines = true): SecondPart | null {
    if (workerScript() === null || size <= wholeFileBytes() || process.env.RAPPORT_THREADS === '1') return null;
    const from = Math.floor(size * firstShare(size));
    const fd = openSync(path, 'r');
    try {
      const buf = new Uint8Array(1 << 20);
      const n = readSync(fd, buf, 0, buf.length, from);
      const lf = buf.subarray(0, n).indexOf(0x0a);
      if (lf < 0 || from + lf + 1 >= size) return null;
      return new SecondPart(path, lang, from + lf + 1, size, byLines);
    } finally {
      closeSync(fd);
    }
  }

  /** The byte offset the second part starts at (SplitPoint.at). */
  get at(): number {
    return this.job.split;
  }

  get started(): boolean {
    return this.worker !== null;
  }

  /**
   * Start the second thread on rows read as `reading` says, in `format`; `bytesPerRow`, from the
   * rows read so far, sizes its columns. Formats that cannot be cut by bytes are left alone.
   */
  start(reading: PartReading, format: TextFormat, bytesPerRow: number): void {
    if (this.worker || this.over || format.encoding.startsWith('utf-16') || format.newline === '\r') return;
    const { port1, port2 } = new MessageChannel();
    const expectedRows = secondPartRows(this.size - this.job.split, bytesPerRow);
    const job: SecondPartJob = { ...this.job, reading, format, expectedRows, flags: this.flags.buffer as SharedArrayBuffer, port: port2 };
    // A third of this thread's heap: the second part holds at most half of the customers (40–47%),
    // while this thread holds the rest and then all of them. Should that not be enough, this thread reads the part itself (it has the whole
    // limit), so no file one thread can read is refused for being read on two.
    const heapMb = Math.max(16, Math.floor(getHeapStatistics().heap_size_limit / 3 / 2 ** 20));
    const worker = new Worker(workerScript()!, { workerData: { secondPart: job }, transferList: [port2], resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 96 } });
    this.worker = worker;
    this.result = new Promise<SecondPartMessage>((resolve, reject) => {
      port1.once('message', (m: SecondPartMessage) => resolve(m));
      worker.once('error', (e: Error) => reject(e));
      worker.once('exit', () => {
        // The message may still be waiting on the channel when the thread has already ended.
        const m = receiveMessageOnPort(port1);
        if (m) resolve(m.message as SecondPartMessage);
        else reject(new Error('the second reading thread ended without its rows'));
        port1.close();
      });
    });
    this.result.catch(() => {}); // looked at in finish(); not an unhandled rejection before then
  }

  /**
   * At the split: true when the second thread reads the rest of the file (the first then stops);
   * false — the second thread stopped — when the first must read on: a row does not start there.
   */
  stop(rowBoundary: boolean): boolean {
    this.over = true;
    if (this.worker && rowBoundary && !this.gaveUp) return true;
    this.cancel();
    return false;
  }

  /**
   * The second thread gave its part up (failed, or declined a log whose dates need the whole file):
   * the first reads on past the split (stop), and the second's rows and bytes no longer count.
   */
  get gaveUp(): boolean {
    return Atomics.load(this.flags, GAVE_UP) !== 0;
  }

  /** The second thread gave its part up because a log's dates there need the whole file read first. */
  get declined(): boolean {
    return Atomics.load(this.flags, GAVE_UP) === DECLINED;
  }

  /** The second thread's rows and bytes read so far (none once it gave its part up: the first reads them again). */
  progress(): { rows: number; bytes: number } {
    return this.worker && !this.gaveUp ? { rows: Atomics.load(this.flags, ROWS), bytes: Atomics.load(this.flags, KILOBYTES) * 1024 } : { rows: 0, bytes: 0 };
  }

  /** What the second thread read, once it has read it; `tick` is called meanwhile (for a progress line). */
  async finish(tick: () => void): Promise<Extract<SecondPartMessage, { rowCount: number }>> {
    tick();
    const timer = setInterval(tick, 200);
    try {
      const m = await this.result!;
      if ('usageError' in m) throw new UsageError(m.usageError);
      if ('failure' in m) throw new Error(m.failure);
      return m;
    } finally {
      clearInterval(timer);
    }
  }

  /** Stop the second thread (the first reads on by itself). */
  cancel(): void {
    this.over = true;
    void this.worker?.terminate();
    this.worker = null;
  }
}

/**
 * The rows the second part's columns are sized for: its `bytes` at the bytes per row of the first
 * rows, and at most PRESIZED_ROWS, as for the first part (a file whose first rows are much shorter
 * than the rest would set aside far more than it needs); the columns grow past it.
 */
export function secondPartRows(bytes: number, bytesPerRow: number): number {
  if (!(bytesPerRow > 0)) return 0;
  return Math.min(PRESIZED_ROWS, Math.ceil(bytes / bytesPerRow));
}

/**
 * The second thread's work (run by cli/worker.mjs): read its part, numbering rows from its start,
 * and hand it over — or, for a log whose part needs the day/month order of the whole file, decline
 * as soon as that shows (see the file's comment).
 */
export function readSecondPart(job: SecondPartJob): void {
  const counters = new Int32Array(job.flags);
  try {
    const { reading } = job;
    const customers = reading.kind === 'customers' ? new CustomerTableReader(reading.columns, job.lang, job.expectedRows, true) : null;
    const log = reading.kind === 'log' ? logReader(reading.columns, job.lang, { asOf: reading.asOf }, job.expectedRows, true) : null;
    let widest = 0;
    const read = readTableContinuation(
      fileRange(job.path, job.lang, job.split, Infinity, null),
      job.format,
      job.split,
      0,
      (rows, first) => {
        widest = Math.max(widest, widestRow(rows));
        if (customers) customers.add(rows, first);
        else {
          log!.add(rows, first);
          if (log!.holding) throw new NeedsWholeFile();
        }
        Atomics.store(counters, ROWS, first + rows.length);
      },
      (bytes) => Atomics.store(counters, KILOBYTES, Math.floor(bytes / 1024)),
      job.byLines && customers ? () => customers : undefined,
    );
    // (A log reader's part is never null here: one that holds rows stopped the reading above.)
    const part: HandedPart = customers ? { kind: 'customers', read: customers.part() } : { kind: 'log', read: log!.part()! };
    const message: SecondPartMessage = { part, rowCount: read.rowCount, bytes: read.bytes, widest, strayQuotes: read.strayQuotes };
    job.port.postMessage(message, transferable(part));
  } catch (e) {
    // Said first through the shared counters, which the first thread reads while it reads.
    if (!(e instanceof UsageError)) Atomics.store(counters, GAVE_UP, e instanceof NeedsWholeFile ? DECLINED : FAILED);
    job.port.postMessage(e instanceof UsageError ? { usageError: e.message } : { failure: e instanceof Error ? e.message : String(e) });
  }
}

/** The buffers of a part's typed arrays, handed over rather than copied. */
function transferable(part: HandedPart): ArrayBuffer[] {
  if (part.kind === 'log') return [part.read.keyId, part.read.day, part.read.amount, part.read.row, part.read.later].map((a) => a.buffer as ArrayBuffer);
  return [...packedBuffers(part.read.columns), ...part.read.bothWays.flatMap((b) => [b.slots.buffer as ArrayBuffer, b.days.buffer as ArrayBuffer])];
}
