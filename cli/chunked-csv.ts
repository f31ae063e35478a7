/**
 * Parsing CSV/TSV text that arrives in pieces (a large file read a few megabytes at a time) into
 * rows, with the same result as parseDelimited on the whole text: the delimiter is chosen by
 * detectDelimiter on the first 64 K characters and the line break as Papa Parse guesses it from
 * the first 1 MB, exactly as parseDelimited does on the whole text; every piece that ends on a
 * line break outside quotes is parsed with the same Papa Parse settings. A piece without any
 * quote character is split directly on the line break and the delimiter, which is what Papa Parse
 * does with such text, several times faster. The text is never joined into one string, so a file
 * larger than the longest string V8 allows can still be read.
 */
import Papa from 'papaparse';
import { detectDelimiter, parseRecovering, type StrayQuote } from '../shared/csv/parse-delimited';

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
  private started = false;
  private bom = true;
  /** Pending text is parsed again only when it has grown past this (doubles after a cut inside quotes). */
  private nextTry = NEWLINE_SAMPLE;

  /** `piece`: characters parsed at a time once the delimiter and line break are known. */
  constructor(private readonly piece = PIECE) {}

  /** Add the next piece of text. */
  push(text: string): void {
    if (this.bom) {
      if (text.length === 0) return;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.bom = false;
    }
    this.pending = this.pending.length === 0 ? text : this.pending + text;
    if (this.pending.length >= this.nextTry) this.parsePending(false);
  }

  /** The text is complete: parse what is left. */
  end(): string[][] {
    this.parsePending(true);
    return this.rows;
  }

  private start(): void {
    this.started = true;
    this.delimiter = detectDelimiter(this.pending);
    const head = this.pending.length > NEWLINE_SAMPLE ? this.pending.slice(0, NEWLINE_SAMPLE) : this.pending;
    this.newline = Papa.parse<string[]>(head, { delimiter: this.delimiter, preview: 1 } as never).meta.linebreak || '\n';
  }

  private parsePending(final: boolean): void {
    if (!this.started) {
      if (!final && this.pending.length < NEWLINE_SAMPLE) return;
      this.start();
    }
    const text = this.pending;
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
    if (piece.indexOf('"') === -1) this.splitPlain(piece);
    else {
      const r = Papa.parse<string[]>(piece, { delimiter: this.delimiter, newline: this.newline, skipEmptyLines: false } as never);
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
        data = recovered.rows;
        const before = this.rows.length;
        for (const q of recovered.strayQuotes) this.strayQuotes.push({ ...q, row: q.row + before });
      }
      const last = data[data.length - 1];
      let n = data.length;
      // Only the empty line after the final line break is dropped (parseDelimited's rule).
      if (last && last.length === 1 && last[0] === '' && /[\r\n]$/.test(piece)) n--;
      for (let i = 0; i < n; i++) this.rows.push(data[i]!);
    }
    this.pending = rest;
    this.nextTry = this.piece;
  }

  /**
   * Text without quotes: lines are split on the line break, fields on the delimiter. Fields are
   * cut straight out of the piece (no string per line), one array of the right length per row.
   */
  private splitPlain(piece: string): void {
    const nl = this.newline;
    const d = this.delimiter;
    const rows = this.rows;
    const end = piece.length;
    let pos = 0;
    // The next delimiter at or after `pos` (-1: none left), carried from row to row so that a
    // single-column file is not searched to its end on every line.
    let cut = piece.indexOf(d, 0);
    while (pos < end) {
      let eol = piece.indexOf(nl, pos);
      const next = eol < 0 ? end : eol + nl.length;
      if (eol < 0) eol = end;
      if (cut < 0 || cut >= eol) rows.push([piece.slice(pos, eol)]);
      else {
        const row: string[] = [];
        let start = pos;
        while (cut >= 0 && cut < eol) {
          row.push(piece.slice(start, cut));
          start = cut + d.length;
          cut = piece.indexOf(d, start);
        }
        row.push(piece.slice(start, eol));
        rows.push(row);
      }
      pos = next;
    }
    // A trailing line break ends the last row; it does not open an empty one.
  }
}

/** Parse a whole text as ChunkedCsvParser does, `pieceSize` characters at a time (for tests). */
export function parseInPieces(text: string, pieceSize: number, parsePiece = PIECE): { rows: string[][]; delimiter: string; strayQuotes: StrayQuote[] } {
  const p = new ChunkedCsvParser(parsePiece);
  for (let i = 0; i < text.length; i += pieceSize) p.push(text.slice(i, i + pieceSize));
  const rows = p.end();
  return { rows, delimiter: p.delimiter, strayQuotes: p.strayQuotes };
}
