/**
 * Reading CSV/TSV text into rows of strings (method §1: pasted or dropped tables), RFC 4180.
 */

import Papa from 'papaparse';
import { splitDelimited } from './split-delimited';

/** Delimiters tried, in order of preference when the evidence ties. */
const CANDIDATES = ['\t', ';', ','] as const;

/** How much of the text the detection looks at. */
const SAMPLE_LINES = 20;
const SAMPLE_CHARS = 65536;

/**
 * Counts each candidate delimiter outside quotes on each of the first lines.
 */
function sample(text: string): number[][] {
  const counts: number[][] = [];
  let current = CANDIDATES.map(() => 0);
  let inQuotes = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end && counts.length < SAMPLE_LINES; i++) {
    const ch = text[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
    } else if (inQuotes) {
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      counts.push(current);
      current = CANDIDATES.map(() => 0);
    } else {
      const k = CANDIDATES.indexOf(ch as (typeof CANDIDATES)[number]);
      if (k >= 0) current[k]!++;
    }
  }
  if (counts.length < SAMPLE_LINES && current.some((c) => c > 0)) counts.push(current);
  return counts;
}

/**
 * Chooses the delimiter: a candidate that appears the same non-zero number of times on every
 * sampled line wins (the most per line first; ties go tab, then ';', then ','), so commas inside
 * amounts of a TSV or decimal commas of a ';' file do not mislead. Without such a candidate, the
 * one seen most often; with none at all (a single column), ','.
 */
export function detectDelimiter(text: string): string {
  const counts = sample(text);
  if (counts.length === 0) return ',';
  let best = -1;
  let bestPerLine = 0;
  CANDIDATES.forEach((_, k) => {
    const first = counts[0]![k]!;
    if (first > 0 && counts.every((line) => line[k] === first) && first > bestPerLine) {
      best = k;
      bestPerLine = first;
    }
  });
  if (best >= 0) return CANDIDATES[best]!;
  let bestTotal = 0;
  CANDIDATES.forEach((_, k) => {
    const total = counts.reduce((sum, line) => sum + line[k]!, 0);
    if (total > bestTotal) {
      best = k;
      bestTotal = total;
    }
  });
  return best >= 0 ? CANDIDATES[best]! : ',';
}

/** Papa Parse guesses the line break from the first 1 MB of the text. */
const LINEBREAK_SAMPLE = 1024 * 1024;

/**
 * The line break of the text as Papa Parse guesses it (guessLineEndings, from the first 1 MB with
 * quoted text left out): LF when there is no CR or an LF comes first; otherwise CRLF when at least
 * half of the CR-separated pieces start with LF, else CR. Papa Parse is asked on that first 1 MB
 * only, so the whole text is never scanned for it.
 */
export function guessLineBreak(text: string, delimiter: string): '\n' | '\r\n' | '\r' {
  const head = text.length > LINEBREAK_SAMPLE ? text.slice(0, LINEBREAK_SAMPLE) : text;
  const guessed = Papa.parse<string[]>(head, { delimiter, preview: 1 }).meta.linebreak;
  return guessed === '\r\n' || guessed === '\r' ? guessed : '\n';
}

/** The text's last character is CR or LF (checked in place: a /[\r\n]$/ test scans the whole text). */
export function endsWithLineBreak(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 10 || c === 13;
}

/** A quote that opens a field but never closes it properly, read as an ordinary character. */
export interface StrayQuote {
  /** The row holding the quote, as the user counts rows (the file's first row is 1). */
  row: number;
  /** Its column, 1 = the first. */
  column: number;
  /** How many rows after it a strict reading would have swallowed into that one cell. */
  swallowed: number;
}

export interface Delimited {
  rows: string[][];
  delimiter: string;
  /** Quotes read as ordinary characters so that the rows after them stay rows (empty when none). */
  strayQuotes: StrayQuote[];
}

/**
 * Parses delimited text (method §1) with Papa Parse: detects tab, ';' or ',' from the first lines
 * (Excel's "Unicode text" is tab-separated), handles quoted fields (RFC 4180) with delimiters,
 * doubled quotes and line breaks inside, CRLF, LF or CR line ends (one kind per file, detected
 * by Papa Parse from the first one) and a leading BOM. Rows keep their position (a blank line is a
 * row with one empty field, so row numbers match the file); only the empty line after the final
 * line break is dropped. A quote inside an unquoted field is kept ('5" pipe'). Well-formed text is
 * cut by splitDelimited, which gives Papa Parse's rows several times faster; Papa Parse itself reads
 * only text whose quoting is not plain RFC 4180.
 *
 * Malformed quoting never merges rows silently. A field that opens with a quote which is never
 * closed (`"Acme 4,5` with no closing quote: a strict reader runs the field to the end of the file
 * and every later customer becomes part of one name), or whose closing quote is followed by other
 * text (`"ab"cd`), is read again from that quote as an unquoted field, the quote kept as an
 * ordinary character; each such quote is listed in `strayQuotes` so the caller tells the user.
 * (A later quoted field's opening quote, met by a stray quote, is followed by that field's text, so
 * it does not close the stray one properly and the stray quote is found. Only when the later field's
 * text itself starts with a delimiter or a line break do the two quotes make a well-formed multi-line
 * field, which is then read as RFC 4180 says: well-formed text always reads as written.)
 */
export function parseDelimited(text: string): Delimited {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const linebreak = guessLineBreak(body, delimiter);
  let rows: string[][] = [];
  let strayQuotes: StrayQuote[] = [];
  if (!splitDelimited(body, delimiter, linebreak, rows)) {
    // Quoting that is not plain RFC 4180: Papa Parse decides, and the recovery when it finds an error.
    const parsed = Papa.parse<string[]>(body, { delimiter, newline: linebreak, skipEmptyLines: false });
    rows = parsed.data;
    if (parsed.errors.some((e) => e.type === 'Quotes')) ({ rows, strayQuotes } = parseRecovering(body, delimiter, linebreak));
  }
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '' && endsWithLineBreak(body)) rows.pop();
  if (rows.length === 1 && rows[0]!.length === 1 && rows[0]![0] === '' && body === '') rows.pop();
  return { rows, delimiter, strayQuotes };
}

/**
 * RFC 4180 reading, as Papa Parse reads well-formed text (one line-break kind; a quote opens a
 * field only as its first character; blanks allowed between a closing quote and the delimiter),
 * except that a quoted field that does not close properly is read as an unquoted field from its
 * opening quote. Linear in the text: each stray quote looks ahead only to the next quote.
 *
 * `openAtEnd`: a quoted field found no quote after its opening one before the end of the text. Only
 * then does the reading depend on text that may follow (a later quote may close the field over
 * several lines, or tell how many lines the stray quote would have swallowed); a reader given the
 * text in pieces waits for more text before trusting such a piece.
 */
export function parseRecovering(text: string, delimiter: string, linebreak: string): { rows: string[][]; strayQuotes: StrayQuote[]; openAtEnd: boolean } {
  const rows: string[][] = [];
  const strayQuotes: StrayQuote[] = [];
  let openAtEnd = false;
  const n = text.length;
  let row: string[] = [];
  let i = 0;
  const atBreak = (k: number) => text.startsWith(linebreak, k);
  const atDelimiter = (k: number) => text.startsWith(delimiter, k);
  /** Reads an unquoted field from k; returns the index after it. */
  const unquoted = (k: number): number => {
    let j = k;
    while (j < n && !atDelimiter(j) && !atBreak(j)) j++;
    row.push(text.slice(k, j));
    return j;
  };
  for (;;) {
    let end: number;
    if (text[i] === '"') {
      const close = closingQuote(text, i, delimiter, linebreak);
      if (close.ok) {
        row.push(text.slice(i + 1, close.quote).replace(/""/g, '"'));
        end = close.end;
      } else {
        if (close.atEnd) openAtEnd = true;
        strayQuotes.push({ row: rows.length + 1, column: row.length + 1, swallowed: close.swallowed });
        end = unquoted(i);
      }
    } else end = unquoted(i);
    if (end >= n) {
      rows.push(row);
      break;
    }
    if (atDelimiter(end)) i = end + delimiter.length;
    else {
      rows.push(row);
      row = [];
      i = end + linebreak.length;
      if (i >= n) {
        rows.push(['']);
        break;
      }
    }
  }
  return { rows, strayQuotes, openAtEnd };
}

/**
 * Where the quoted field opening at `open` ends: `ok` with the closing quote and the index after
 * the field, or not ok (no closing quote before the end of the text, or text after the closing
 * quote) with the number of line breaks a strict reader would have taken into the field, and
 * whether no quote came before the end of the text (`atEnd`).
 */
function closingQuote(text: string, open: number, delimiter: string, linebreak: string): { ok: true; quote: number; end: number } | { ok: false; swallowed: number; atEnd: boolean } {
  const n = text.length;
  let j = open + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return { ok: false, swallowed: countBreaks(text, open, n, linebreak), atEnd: true };
    if (text[q + 1] === '"') {
      j = q + 2;
      continue;
    }
    let k = q + 1;
    while (k < n && (text[k] === ' ' || (text[k] === '\t' && delimiter !== '\t'))) k++;
    if (k >= n || text.startsWith(delimiter, k) || text.startsWith(linebreak, k)) return { ok: true, quote: q, end: k };
    return { ok: false, swallowed: countBreaks(text, open, q, linebreak), atEnd: false };
  }
}

function countBreaks(text: string, from: number, to: number, linebreak: string): number {
  let count = 0;
  for (let k = text.indexOf(linebreak, from); k >= 0 && k < to; k = text.indexOf(linebreak, k + linebreak.length)) count++;
  return count;
}
