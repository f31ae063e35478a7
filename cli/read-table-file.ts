/**
 * Reads a CSV or TSV file (or standard input, "-") into a table of strings, whatever encoding a
 * sales manager's file has (UTF-8 with or without BOM, UTF-16 from Excel's "Unicode text",
 * GB18030/GBK): detected, not asked, by the rules of decodeBytes (a file too large to decode whole
 * by those of cli/stream-encoding.ts, which follow them). The file is read and decoded a
 * few megabytes at a time and parsed piece by piece (ChunkedCsvParser), so its text never has to
 * fit in one string. Workbooks, pictures and other binary files are named as such.
 */
import type { TextEncodingName } from '../shared/csv/decode-bytes';
import type { StrayQuote } from '../shared/csv/parse-delimited';
import { decodedText, readDelimited, strayQuoteNotice } from '../shared/csv/read-delimited';
import { fill } from '../shared/i18n/messages';
import { texts } from '../shared/i18n/texts';
import type { Lang, Notice } from '../shared/types';
import { asciiText, decodeBytesFast } from './ascii-text';
import { fileSource, memorySource, readStdinChunks, type ByteSource } from './byte-source';
import { ChunkedCsvParser, type LineReader } from './chunked-csv';
import { binaryMessage } from './file-kind';
import { CLI_TEXT } from './i18n';
import { decideEncoding, type FallbackLines, sniffEncoding, type StreamEncoding, streamEncodingNotices } from './stream-encoding';
import { UsageError } from './usage-error';

export { UsageError } from './usage-error';

export interface TableFile {
  /** The rows; empty when they were handed to ReadOptions.onRows as they were read. */
  table: string[][];
  /** How many rows the file has. */
  rowCount: number;
  encoding: string;
  delimiter: string;
  bytes: number;
  /** How the file was read, for the user: the encoding, lines in another encoding, stray quotes. */
  notices: Notice[];
  /** The byte offset where the reading stopped at ReadOptions.split (null: read to the end). */
  stoppedAt: number | null;
}

/**
 * Up to this size a file is decoded whole (readDelimited); larger files stream in chunks, their
 * encoding decided beforehand by the same rules (cli/stream-encoding.ts), and may be read on two
 * threads (cli/second-part.ts). Streaming is not slower: the 27 MB bench log read on one thread in
 * 1.34–1.35 s streamed against 1.63–1.91 s decoded whole (three runs each, RAPPORT_DEBUG).
 * RAPPORT_STREAM_FROM_BYTES sets another size (tests use it to stream small files).
 */
export function wholeFileBytes(): number {
  return Number(process.env.RAPPORT_STREAM_FROM_BYTES) || 8 * 1024 * 1024;
}

/** How a streamed file's text is read: decided before its rows are, and the same for every part of it. */
export interface TextFormat {
  encoding: TextEncodingName;
  delimiter: string;
  newline: string;
  /** The lines read in another encoding, by their place in the file (StreamEncoding.fallback). */
  fallback: FallbackLines | null;
}

/** How far into the source the rows handed out so far reach: bytes read, of totalBytes (null when unknown). */
export interface RowsRead {
  bytes: number;
  totalBytes: number | null;
  /** The text's format, for a file read as a stream (null for one decoded whole). */
  format: TextFormat | null;
}

/**
 * A byte offset at which the reading may stop, the rest of the file being read elsewhere (another
 * thread): when the reading gets there, `stop(rowBoundary)` says whether it does; `rowBoundary` is
 * whether a row starts there (the text before it is plain RFC 4180 and ends with a line break
 * outside quotes), without which it must not.
 */
export interface SplitPoint {
  at: number;
  stop: (rowBoundary: boolean) => boolean;
}

export interface ReadOptions {
  /** Standard input's bytes, for "-" (default: read file descriptor 0 to its end). */
  stdin?: () => readonly Uint8Array[];
  /** Called after each chunk: bytes read so far, the total when known, rows parsed so far. */
  onProgress?: (bytes: number, total: number | null, rows: number) => void;
  /**
   * Take the rows as they are read (rows[i] is the file's row firstIndex + i, 0-based) instead of
   * getting them all back: a large file's rows are then never all in memory at once.
   */
  onRows?: (rows: string[][], firstIndex: number, read: RowsRead) => void;
  /** Where the reading of a streamed file may stop (see SplitPoint); `stoppedAt` tells whether it did. */
  split?: SplitPoint;
  /**
   * With onRows: where rows may be read without being made, once every further row is read there
   * (ChunkedCsvParser.lineReader). Rows read there are not handed to onRows, which is still called,
   * with no rows, numbered after them, as the reading goes on.
   */
  lines?: () => LineReader | null;
}

const TEXT = texts({
  zh: { empty: '文件 "{name}" 是空的', noData: '文件 "{name}" 没有数据' },
  en: { empty: 'The file "{name}" is empty', noData: 'The file "{name}" has no data' },
});

/** Read `path` ("-" for standard input) into rows of strings. */
export function readTableFile(path: string, lang: Lang = 'en', options: ReadOptions = {}): TableFile {
  const source = path === '-' ? memorySource(CLI_TEXT[lang].stdin, (options.stdin ?? readStdinChunks)()) : fileSource(path, lang);
  return readTableSource(source, lang, options.onProgress, options.onRows, options.split, options.lines);
}

/** Read a byte source into rows (see readTableFile). */
export function readTableSource(source: ByteSource, lang: Lang, onProgress?: ReadOptions['onProgress'], onRows?: ReadOptions['onRows'], split?: SplitPoint, lines?: ReadOptions['lines']): TableFile {
  const t = TEXT[lang];
  const name = source.name;
  const sniffed = sniffEncoding(source, lang);
  if (sniffed === null) throw new UsageError(fill(t.empty, { name }));
  const whole = source.size === null || source.size <= wholeFileBytes() ? readWhole(source, name, lang, onProgress, onRows, lines) : null;
  if (whole) return whole;
  // Rows handed out as they are read cannot be taken back: the encoding is decided on all the bytes first.
  const encoding = decideEncoding(source, sniffed);
  const read = decodeAndParse(source, encoding, onProgress, onRows, split, undefined, 0, lines);
  if (read.controls) throw new UsageError(binaryMessage('binary', name, lang));
  if (read.bytes === 0) throw new UsageError(fill(t.empty, { name }));
  if (!read.hasData) throw new UsageError(noData(name, lang));
  const notices: Notice[] = streamEncodingNotices(encoding, lang);
  for (const q of read.strayQuotes) notices.push(strayQuoteNotice(q, lang));
  return { table: read.rows, rowCount: read.rowCount, encoding: encoding.name, delimiter: read.delimiter, bytes: read.bytes, notices, stoppedAt: read.stoppedAt };
}

/**
 * The rows of bytes that continue a streamed file (a later part of it, from the start of a row at
 * byte `from` of the file), read in its format: handed to `onRows` numbered from `firstIndex` on.
 * Returns how many rows there were and the quotes read as ordinary characters, numbered the same way.
 */
export function readTableContinuation(
  source: ByteSource,
  format: TextFormat,
  from: number,
  firstIndex: number,
  onRows: NonNullable<ReadOptions['onRows']>,
  onProgress?: ReadOptions['onProgress'],
  lines?: ReadOptions['lines'],
): { rowCount: number; bytes: number; strayQuotes: StrayQuote[] } {
  const parser = ChunkedCsvParser.continuing(format.delimiter, format.newline, TEXT_PIECE);
  const encoding: StreamEncoding = { name: format.encoding, skip: 0, confidence: 1, fallback: format.fallback };
  const read = decodeAndParse(source, encoding, onProgress, (rows, first, at) => onRows(rows, firstIndex + first, at), undefined, parser, from, lines);
  return { rowCount: read.rowCount, bytes: read.bytes, strayQuotes: read.strayQuotes.map((q) => ({ ...q, row: q.row + firstIndex })) };
}

/**
 * A source of at most wholeFileBytes() read whole (decodeBytes decides the encoding on all of it,
 * with a per-line fallback, and parseDelimited recovers stray quotes); null when it turns out
 * larger (standard input), for the streaming reader. With `onRows` the decoded text is parsed a
 * piece at a time (ChunkedCsvParser, the same rows) and the rows are handed out as they are parsed,
 * so that they need not all be held at once.
 */
function readWhole(source: ByteSource, name: string, lang: Lang, onProgress?: ReadOptions['onProgress'], onRows?: ReadOptions['onRows'], lines?: ReadOptions['lines']): TableFile | null {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const limit = wholeFileBytes();
  for (const chunk of source.chunks()) {
    bytes += chunk.length;
    if (bytes > limit) return null;
    chunks.push(chunk);
    onProgress?.(bytes, source.size, 0);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  if (onRows) return parseInPieces(all, source, name, lang, onRows, onProgress, lines);
  const read = readDelimited(all, lang, decodeBytesFast);
  const first = new FirstRows();
  first.look(read.rows, true);
  if (first.notText) throw new UsageError(binaryMessage('binary', name, lang));
  const rows = read.rows;
  onProgress?.(bytes, source.size, rows.length);
  if (rows.length === 0 || rows.every((r) => r.every((c) => c.trim() === ''))) throw new UsageError(noData(name, lang));
  return { table: rows, rowCount: rows.length, encoding: read.encoding ?? 'utf-8', delimiter: read.delimiter, bytes, notices: read.notices, stoppedAt: null };
}

/** Rows looked at for control characters (hasControls) before any is handed out. */
const ROWS_CHECKED = 50;

/** The text of the first rows, as hasControls looks at it. */
function firstRowsText(rows: readonly string[][]): string {
  return rows
    .slice(0, ROWS_CHECKED)
    .map((r) => r.join(','))
    .join('\n');
}

/**
 * Whether a source is text, decided on its first ROWS_CHECKED rows (all of them when it has fewer)
 * by hasControls, however it is read: rows kept (look) or handed out as they come (pass, which
 * holds them until it is decided).
 */
class FirstRows {
  /** Decided: the source is not text. */
  notText = false;
  private decided = false;
  private held: string[][] = [];

  /** All the rows so far (`final`: all there are): decides once there are enough. */
  look(rows: readonly string[][], final: boolean): void {
    if (this.decided || (rows.length < ROWS_CHECKED && !final)) return;
    this.decided = true;
    this.notText = hasControls(firstRowsText(rows));
  }

  /** The next rows (`final`: the last): the rows to hand out now — none until it is decided, none if not text. */
  pass(rows: string[][], final: boolean): string[][] {
    if (this.decided) return this.notText ? [] : rows;
    for (const r of rows) this.held.push(r);
    this.look(this.held, final);
    if (!this.decided || this.notText) return [];
    const held = this.held;
    this.held = [];
    return held;
  }
}

/** A whole file's bytes decoded at once and parsed a piece at a time, its rows handed to `onRows` (see readWhole). */
function parseInPieces(
  all: Uint8Array,
  source: ByteSource,
  name: string,
  lang: Lang,
  onRows: NonNullable<ReadOptions['onRows']>,
  onProgress?: ReadOptions['onProgress'],
  lines?: ReadOptions['lines'],
): TableFile {
  const bytes = all.length;
  const { text, encoding, notices } = decodedText(all, lang, decodeBytesFast);
  const parser = new ChunkedCsvParser(TEXT_PIECE);
  parser.lineReader = lines ?? null;
  const first = new FirstRows();
  let handed = 0;
  let hasData = false;
  const take = (parsed: string[][], reached: number, final: boolean) => {
    const rows = first.pass(parsed, final);
    if (first.notText) throw new UsageError(binaryMessage('binary', name, lang));
    // Rows the line reader read come before these (see ReadOptions.lines).
    const lined = parser.takeLinesRead();
    handed += lined;
    if (rows.length === 0 && lined === 0) return;
    for (let i = 0; i < rows.length && !hasData; i++) hasData = rows[i]!.some((c) => c.trim() !== '');
    // How far into the bytes these rows reach, in proportion to the text parsed.
    onRows(rows, handed, { bytes: final ? bytes : Math.round((bytes * reached) / text.length), totalBytes: bytes, format: null });
    handed += rows.length;
  };
  parser.pushInPieces(text, (rows, pushed) => take(rows, pushed, false));
  parser.end();
  take(parser.takeRows(), text.length, true);
  onProgress?.(bytes, source.size, handed);
  if (!hasData) throw new UsageError(noData(name, lang));
  for (const q of parser.strayQuotes) notices.push(strayQuoteNotice(q, lang));
  return { table: [], rowCount: handed, encoding: encoding ?? 'utf-8', delimiter: parser.delimiter, bytes, notices, stoppedAt: null };
}

/** Characters of decoded text parsed at a time when rows are handed out as they come (ChunkedCsvParser.pushInPieces). */
const TEXT_PIECE = 1 << 16;

/**
 * Bytes decoded into one string at a time. The text of 32 KiB is at most 64 KiB (two bytes a
 * character), under V8's largest ordinary heap object (128 KiB): longer strings are each given fresh
 * pages of their own, and on this machine touching those pages cost more than decoding into them
 * (the whole 1M-customer table decoded in 1 MiB pieces took three times as long as in 32 KiB pieces).
 */
const DECODE_BYTES = 1 << 15;

function noData(name: string, lang: Lang): string {
  return fill(TEXT[lang].noData, { name });
}

/**
 * Bytes handed to the decoder a whole line at a time, with their place in the file. Node's GB18030
 * decoder (ICU) can fail, even when it is not asked to be strict, on a character cut between two
 * calls (a chunk that ends inside a sequence and a next one of a single byte); a line break is never
 * part of a character, so bytes cut just after one are never cut inside a character. Lines read in
 * another encoding are found by their bytes' place, and each must come whole: cut after line feeds
 * only (`orCr` false), as those lines are counted. The bytes after the last break are kept for the
 * next call.
 */
class WholeLines {
  private held: Uint8Array[] = [];
  private heldAt = 0;

  constructor(private readonly orCr: boolean) {}

  /** The bytes held and `part` (at `at` in the file) up to its last line break, and where they start; keeps the rest. */
  take(part: Uint8Array, at: number): { bytes: Uint8Array; at: number } {
    // Nothing to take (a chunk that held only part of the byte-order mark): holding an empty piece
    // would keep `at` of the mark's bytes as where the next bytes start.
    if (part.length === 0) return { bytes: part, at: this.held.length === 0 ? at : this.heldAt };
    if (this.held.length === 0) this.heldAt = at;
    let end = part.length;
    while (end > 0 && part[end - 1] !== 0x0a && !(this.orCr && part[end - 1] === 0x0d)) end--;
    const from = this.heldAt;
    if (end === 0) {
      this.held.push(part.slice());
      return { bytes: new Uint8Array(0), at: from };
    }
    const whole = this.held.length === 0 ? part.subarray(0, end) : Buffer.concat([...this.held, part.subarray(0, end)]);
    this.held = end < part.length ? [part.slice(end)] : [];
    this.heldAt = at + end;
    return { bytes: whole, at: from };
  }

  /** The bytes held at the end (a last line without a line break), and where they start. */
  rest(): { bytes: Uint8Array; at: number } {
    const rest = { bytes: Buffer.concat(this.held), at: this.heldAt };
    this.held = [];
    return rest;
  }
}

/**
 * Text has no control characters besides tab, line feed and carriage return: a NUL, or more than
 * a few others in its first 4,096 characters, means bytes that are not text (a lone Ctrl-Z at the
 * end of an old DOS export is allowed).
 */
function hasControls(text: string): boolean {
  const n = Math.min(text.length, 4096);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) count++;
  }
  return count > Math.max(2, n / 100);
}

function decodeAndParse(
  source: ByteSource,
  encoding: StreamEncoding,
  onProgress?: ReadOptions['onProgress'],
  onRows?: ReadOptions['onRows'],
  split?: SplitPoint,
  preset?: ChunkedCsvParser,
  base = 0,
  lineReader?: ReadOptions['lines'],
): { rows: string[][]; rowCount: number; hasData: boolean; delimiter: string; bytes: number; controls: boolean; strayQuotes: StrayQuote[]; stoppedAt: number | null } {
  const decoder = new TextDecoder(encoding.name, { ignoreBOM: true });
  // Rows handed out are parsed a small piece at a time (see TEXT_PIECE); rows kept, as they come.
  const parser = preset ?? (onRows ? new ChunkedCsvParser(TEXT_PIECE) : new ChunkedCsvParser());
  parser.lineReader = lineReader ?? null;
  let bytes = 0;
  /** Bytes of the mark not yet skipped (it may be cut between chunks); a continuation starts after it. */
  let markLeft = preset === undefined ? encoding.skip : 0;
  let hasData = false;
  let handed = 0;
  let stoppedAt: number | null = null;
  // Text or not is decided on the first rows as for a file read whole; a continuation's were looked
  // at with the file's start.
  const first = preset === undefined ? new FirstRows() : null;
  /** The source turned out not to be text. */
  const controls = (): boolean => first?.notText === true;
  /** `reach`: how far into the bytes the rows go (about: in proportion to the text parsed). */
  const handOut = (parsed: string[][], reach: number, final = false) => {
    const rows = first ? first.pass(parsed, final) : parsed;
    // Rows the line reader read come before these (see ReadOptions.lines).
    const lined = parser.takeLinesRead();
    handed += lined;
    if (rows.length === 0 && lined === 0) return;
    for (const r of rows) if (!hasData && r.some((c) => c.trim() !== '')) hasData = true;
    onRows!(rows, handed, { bytes: reach, totalBytes: source.size, format: { encoding: encoding.name, delimiter: parser.delimiter, newline: parser.newline, fallback: encoding.fallback } });
    handed += rows.length;
  };
  // The decoder holds no unfinished character (true after a chunk that ends in an ASCII byte): an
  // all-ASCII chunk of UTF-8 can then be read by asciiText, which is the same text, much faster.
  let clean = true;
  const utf8 = encoding.name === 'utf-8';
  const fallback = encoding.fallback;
  // GB18030, and any file with lines in another encoding, is decoded a whole line at a time (WholeLines).
  const lines = encoding.name === 'gb18030' || fallback ? new WholeLines(fallback === null) : null;
  /** The next fallback line (its index in `fallback`), and the decoder of those lines. */
  let next = 0;
  while (fallback && next < fallback.starts.length && fallback.starts[next]! < base) next++;
  const other = fallback ? new TextDecoder(fallback.encoding, { ignoreBOM: true }) : null;
  /** Bytes at `at` in the file (whole lines when there are fallback lines), each fallback line decoded in its own encoding. */
  const decodePiece = (piece: Uint8Array, at: number): string => {
    if (fallback === null || next >= fallback.starts.length || fallback.starts[next]! >= at + piece.length) return decoder.decode(piece, { stream: true });
    let text = '';
    let from = 0;
    for (; next < fallback.starts.length && fallback.starts[next]! < at + piece.length; next++) {
      // (Within the piece always, as the lines were found; kept there should the file have changed since.)
      const start = Math.max(from, fallback.starts[next]! - at);
      if (start > from) text += decoder.decode(piece.subarray(from, start), { stream: true });
      from = Math.max(start, Math.min(piece.length, fallback.ends[next]! - at));
      text += other!.decode(piece.subarray(start, from));
    }
    return text + decoder.decode(piece.subarray(from), { stream: true });
  };
  /** Decode and parse the next bytes (the first rows decide whether the source is text: controls). */
  const feed = (chunk: Uint8Array): void => {
    const chunkAt = base + bytes;
    bytes += chunk.length;
    const skip = Math.min(chunk.length, markLeft);
    markLeft -= skip;
    const part = chunk.subarray(skip);
    const { bytes: whole, at } = lines ? lines.take(part, chunkAt + skip) : { bytes: part, at: chunkAt + skip };
    // A fallback line is decoded whole (decodePiece), so such pieces are not cut.
    const step = fallback === null ? DECODE_BYTES : Math.max(1, whole.length);
    for (let from = 0; from < whole.length || from === 0; from += step) {
      const piece = whole.subarray(from, from + step);
      const ascii = utf8 && clean ? asciiText(piece) : null;
      const text = ascii ?? decodePiece(piece, at + from);
      if (piece.length > 0) clean = piece[piece.length - 1]! < 0x80;
      // How far into the chunk the rows go: in proportion to the text of this piece parsed.
      const before = bytes - part.length + Math.min(part.length, from);
      if (onRows) parser.pushInPieces(text, (rows, pushed) => handOut(rows, Math.min(bytes, before + Math.round(piece.length * (pushed / Math.max(1, text.length))))));
      else {
        parser.push(text);
        first?.look(parser.rows, false);
      }
    }
    onProgress?.(bytes, source.size, parser.rowCount);
  };
  // Every chunk is decoded, or its bytes copied (WholeLines, the decoder), before the next is read.
  for (const chunk of source.chunks(true)) {
    // The split point within this chunk: the bytes before it, then the reading stops or goes on.
    const cut = split && bytes < split.at && bytes + chunk.length >= split.at ? split.at - bytes : -1;
    if (cut >= 0) {
      feed(chunk.subarray(0, cut));
      if (controls()) break;
      if (split!.stop(parser.endsCleanly())) {
        stoppedAt = split!.at;
        break;
      }
    }
    feed(cut >= 0 ? chunk.subarray(cut) : chunk);
    if (controls()) break;
  }
  const rest = controls() ? undefined : lines?.rest();
  const last = controls() ? '' : (rest ? decodePiece(rest.bytes, rest.at) : '') + decoder.decode();
  if (!controls()) parser.push(last);
  const rows = controls() ? [] : parser.end();
  if (onRows) handOut(parser.takeRows(), bytes, true);
  else first?.look(rows, true);
  if (controls()) return { rows: [], rowCount: 0, hasData: false, delimiter: ',', bytes, controls: true, strayQuotes: [], stoppedAt: null };
  const rowCount = parser.rowCount;
  if (!onRows) hasData = rows.some((r) => r.some((c) => c.trim() !== ''));
  onProgress?.(bytes, source.size, rowCount);
  return { rows: onRows ? [] : rows, rowCount, hasData, delimiter: parser.delimiter, bytes, controls: false, strayQuotes: parser.strayQuotes, stoppedAt };
}
