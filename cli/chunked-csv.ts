/**
 * Parsing CSV/TSV text that arrives in pieces (a large file read a few megabytes at a time) into
 * rows, with the same result as parseDelimited on the whole text: the delimiter is chosen by
 * detectDelimiter on the first 64 K characters and the line break as Papa Parse guesses it from
 * the first 1 MB, exactly as parseDelimited does on the whole text; every piece that ends on a
 * line break outside quotes is cut by splitDelimited (Papa Parse's rows for well-formed text) or,
 * when its quoting is not plain RFC 4180, parsed with Papa Parse and the stray-quote recovery as
 * parseDelimited does. The text is never joined into one string, so a file larger than the longest
 * string V8 allows can still be read.
 */
import Papa from 'papaparse';
import { detectDelimiter, endsWithLineBreak, guessLineBreak, parseRecovering, type StrayQuote } from '../shared/csv/parse-delimited';
import { CellCache } from '../shared/csv/cell-cache';
import { splitDelimited } from '../shared/csv/split-delimited';

/**
 * Where rows can be read without being made: rows as rows, and the lines of a quote-free text as
 * the rows they cut into (CustomerTableReader).
 */
export interface LineReader {
  add(rows: string[][], firstIndex: number): void;
  addLines(text: string, firstIndex: number, delimiter: string, linebreak: string): { rows: number; end: number };
}

/** Papa Parse guesses the line break from the first 1 MB of text (guessLineEndings). */
const NEWLINE_SAMPLE = 1024 * 1024;
/** Text is parsed in pieces of at least this many characters. */
const PIECE = 1 << 20;

export class ChunkedCsvParser {
  /** Rows parsed so far (blank lines are rows with one empty field, as in parseDelimited). */
  readonly rows: string[][] = [];
  /** Quotes read as ordinary characters, as parseDelimited reads them (rows as the user counts them). */
  readonly strayQuotes: StrayQuote[] = [];
  delimiter = ',';
  newline = '\n';
  private pending = '';
  /** Shared by every piece, so that equal short cells of the whole file share one string. */
  private readonly cache = new CellCache();
  private started = false;
  private bom = true;
  /** Pending text is parsed again only when it has grown past this (doubles after a cut inside quotes). */
  private nextTry = NEWLINE_SAMPLE;

  /** Every row so far was cut by splitDelimited (the text so far is plain RFC 4180; see endsCleanly). */
  private plainOnly = true;

  /** Rows already handed out by takeRows or read by the line reader (they come before `rows`). */
  private taken = 0;

  /**
   * Where the rows may go without being made, once the caller reads every further row the same way
   * (null until then): a piece of plain text with no quote in it is handed over as lines, the rows
   * parsed before it as rows, and neither comes out of takeRows. `readByLines` counts them.
   */
  lineReader: (() => LineReader | null) | null = null;
  readByLines = 0;
  /** Rows the line reader read since takeLinesRead last asked. */
  private linesUntaken = 0;

  /** How many rows the line reader read since the last call: they come before the rows takeRows hands out now. */
  takeLinesRead(): number {
    const n = this.linesUntaken;
    this.linesUntaken = 0;
    return n;
  }

  /** Rows parsed so far, handed out or not. */
  get rowCount(): number {
    return this.taken + this.rows.length;
  }

  /** Hand out the rows parsed so far and forget them; row numbers go on from where they were. */
  takeRows(): string[][] {
    const out = this.rows.splice(0);
    this.taken += out.length;
    return out;
  }

  /** `piece`: characters parsed at a time once the delimiter and line break are known. */
  constructor(private readonly piece = PIECE) {}

  /**
   * A parser for text that continues a text whose delimiter and line break were decided on its
   * start (a later part of a file, beginning at the start of a row): nothing is guessed again, and
   * a U+FEFF at its start is a character of its first cell, as it would be in the whole text.
   */
  static continuing(delimiter: string, newline: string, piece = PIECE): ChunkedCsvParser {
    const p = new ChunkedCsvParser(piece);
    p.delimiter = delimiter;
    p.newline = newline;
    p.started = true;
    p.bom = false;
    p.nextTry = piece;
    return p;
  }

  /**
   * Add `text` a piece (`piece` characters) at a time, handing `take` the rows each piece completes
   * and how many characters of `text` are in so far: rows handed out this way are read and let go
   * while they are still young (in the collector's young generation and the processor's cache).
   */
  pushInPieces(text: string, take: (rows: string[][], pushed: number) => void): void {
    for (let at = 0; at < text.length; at += this.piece) {
      this.push(text.slice(at, at + this.piece));
      take(this.takeRows(), Math.min(text.length, at + this.piece));
    }
  }

  /** Add the next piece of text. */
  push(text: string): void {
    if (this.bom) {
      if (text.length === 0) return;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.bom = false;
    }
    if (this.started && this.pending.length > 0 && this.nextTry === this.piece) text = this.completePending(text);
    this.pending = this.pending.length === 0 ? text : this.pending + text;
    if (this.pending.length >= this.nextTry) this.parsePending(false);
  }

  /**
   * The row the previous piece cut off, completed with the first line of `text` and read on its
   * own, so that the large new text is not copied into one string with it; returns the rest of
   * `text`. When that line does not complete it (a quoted field goes on), nothing is read here and
   * the pending text simply grows.
   */
  private completePending(text: string): string {
    const eol = text.indexOf(this.newline);
    if (eol < 0) return text;
    const after = eol + this.newline.length;
    const head = this.pending + text.slice(0, after);
    const left = this.readAsLines(head);
    if (left.length < head.length) {
      // Read by the line reader, up to a row it leaves to the parser (kept pending, with what follows).
      this.pending = left;
      return text.slice(after);
    }
    const before = this.rows.length;
    if (!splitDelimited(head, this.delimiter, this.newline, this.rows, this.cache)) return text;
    if (this.rows.length > before + 1) this.rows.pop(); // the empty row after head's final line break
    this.pending = '';
    return text.slice(after);
  }

  /**
   * True when the text pushed so far is plain RFC 4180 (every row cut by splitDelimited, no stray
   * quote) and ends with a line break outside quotes: the text that follows then starts a row, and
   * parsed on its own (continuing) it gives the rows the whole text would give there.
   */
  endsCleanly(): boolean {
    if (!this.started || !this.plainOnly) return false;
    const text = this.pending;
    if (text.length === 0) return true;
    return text.endsWith(this.newline) && splitDelimited(text, this.delimiter, this.newline, [], new CellCache());
  }

  /** The text is complete: parse what is left. */
  end(): string[][] {
    this.parsePending(true);
    return this.rows;
  }

  private start(): void {
    this.started = true;
    this.delimiter = detectDelimiter(this.pending);
    this.newline = guessLineBreak(this.pending, this.delimiter);
  }

  /**
   * Hand a piece of whole rows to the line reader, when there is one and the text so far is plain
   * RFC 4180: first the rows parsed before it, then the piece, which it reads as splitDelimited would
   * cut it up to a row whose quoting is not plain (CustomerTableReader.addLines). Returns what it
   * left of the piece: '' when it read it all, the whole piece when there is no line reader.
   */
  private readAsLines(piece: string): string {
    if (this.lineReader === null || !this.plainOnly || this.delimiter.length !== 1) return piece;
    const lines = this.lineReader();
    if (lines === null) return piece;
    if (this.rows.length > 0) {
      const rows = this.rows.splice(0);
      lines.add(rows, this.taken);
      this.taken += rows.length;
      this.readByLines += rows.length;
      this.linesUntaken += rows.length;
    }
    const read = lines.addLines(piece, this.taken, this.delimiter, this.newline);
    this.taken += read.rows;
    this.readByLines += read.rows;
    this.linesUntaken += read.rows;
    return piece.slice(read.end);
  }

  private parsePending(final: boolean): void {
    if (!this.started) {
      if (!final && this.pending.length < NEWLINE_SAMPLE) return;
      this.start();
    }
    let text = this.pending;
    let piece: string;
    let rest: string;
    if (final) {
      piece = text;
      rest = '';
    } else {
      const cut = text.lastIndexOf(this.newline);
      if (cut < 0) return;
      piece = text.slice(0, cut + this.newline.length);
      rest = text.slice(cut + this.newline.length);
    }
    if (piece.length === 0) return;
    const left = this.readAsLines(piece);
    if (left.length === 0) {
      this.pending = rest;
      this.nextTry = this.piece;
      return;
    }
    if (left.length < piece.length) {
      // The line reader stopped at a row that is not plain RFC 4180: the rest is read below.
      piece = left;
      text = left + rest;
      this.pending = text;
    }
    const before = this.rows.length;
    if (!splitDelimited(piece, this.delimiter, this.newline, this.rows, this.cache)) {
      const r = Papa.parse<string[]>(piece, { delimiter: this.delimiter, newline: this.newline, skipEmptyLines: false });
      if (!final && r.errors.some((e) => e.code === 'MissingQuotes')) {
        // The cut fell inside a quoted field (or a stray quote waits for its verdict): wait for more
        // text (twice as much, so the work stays linear).
        this.nextTry = text.length * 2;
        return;
      }
      let data = r.data;
      if (r.errors.some((e) => e.type === 'Quotes')) {
        // Malformed quoting: read this piece as parseDelimited reads it, stray quotes as characters.
        const recovered = parseRecovering(piece, this.delimiter, this.newline);
        if (!final && recovered.openAtEnd) {
          // A stray quote looked for the next quote up to the cut and found none: text after the
          // cut decides whether a later quote closes that field (over several lines) and how many
          // lines the stray quote would have swallowed. Papa Parse may not see it (it can close a
          // field where the recovery reads a stray quote), so wait for more text here too.
          this.nextTry = text.length * 2;
          return;
        }
        data = recovered.rows;
        for (const q of recovered.strayQuotes) this.strayQuotes.push({ ...q, row: q.row + before + this.taken });
      }
      for (const row of data) this.rows.push(row);
      this.plainOnly = false;
    }
    // Only the empty line after the final line break is dropped (parseDelimited's rule).
    const last = this.rows[this.rows.length - 1];
    if (this.rows.length > before && last!.length === 1 && last![0] === '' && endsWithLineBreak(piece)) this.rows.pop();
    this.pending = rest;
    this.nextTry = this.piece;
  }
}

/** Parse a whole text as ChunkedCsvParser does, `pieceSize` characters at a time (for tests). */
export function parseInPieces(text: string, pieceSize: number, parsePiece = PIECE): { rows: string[][]; delimiter: string; strayQuotes: StrayQuote[] } {
  const p = new ChunkedCsvParser(parsePiece);
  for (let i = 0; i < text.length; i += pieceSize) p.push(text.slice(i, i + pieceSize));
  const rows = p.end();
  return { rows, delimiter: p.delimiter, strayQuotes: p.strayQuotes };
}
