/**
 * The fast reading of well-formed delimited text (method §1: pasted or dropped tables, RFC 4180),
 * giving exactly the rows Papa Parse gives for it, without Papa Parse's per-character bookkeeping.
 */

import { CellCache } from './cell-cache';

const QUOTE = 34;
/** quotedLine's answers besides the index after the row's line break. */
const MALFORMED = -1;
const END_OF_TEXT = -2;

/**
 * Splits `text` into rows as Papa Parse 5 reads it with this delimiter and line break (a quote
 * opens a field only as its first character; a quote inside an unquoted field is kept; doubled
 * quotes inside a quoted field stand for one; a line break of another kind is an ordinary
 * character; after a final line break comes one row with one empty field, as Papa Parse gives),
 * appending them to `rows`. A line without any quote is cut at its delimiters; lines holding a
 * quote are read field by field. Each row is made as wide as the one before it at once and
 * trimmed or extended to its own length (a table's rows mostly share the header's width, so this
 * is one array per row, never grown). Short cells equal to one seen before in the same column
 * share its string (`cache`: pass the same one for every piece of a text read in pieces).
 *
 * Returns false, with `rows` as it was, at the first quoted field that does not close directly
 * before a delimiter, a line break or the end of the text (never closed, or closed and followed by
 * other text, blanks included): the caller reads such text with Papa Parse and the stray-quote
 * recovery, which alone decide what malformed quoting means. `delimiter` is one character.
 */
export function splitDelimited(text: string, delimiter: string, linebreak: string, rows: string[][], cache: CellCache = new CellCache()): boolean {
  const n = text.length;
  if (n === 0) return true;
  const before = rows.length;
  const nlLength = linebreak.length;
  let quote = text.indexOf('"');
  // The next delimiter at or after `pos` (-1: none left), carried from line to line so that a
  // single-column file is not searched to its end on every line.
  const cursor = { cut: text.indexOf(delimiter) };
  let cut = cursor.cut;
  let width = 1;
  let pos = 0;
  for (;;) {
    const eol = text.indexOf(linebreak, pos);
    const end = eol < 0 ? n : eol;
    const row = new Array<string>(width);
    let next: number;
    if (quote < 0 || quote >= end) {
      // No quote on this line: cell by cell from one delimiter to the next.
      if (cut >= 0 && cut < pos) cut = text.indexOf(delimiter, pos);
      let j = 0;
      let start = pos;
      while (cut >= 0 && cut < end) {
        place(row, j, cache.cell(text, start, cut, j));
        j++;
        start = cut + 1;
        cut = text.indexOf(delimiter, start);
      }
      place(row, j, cache.cell(text, start, end, j));
      trim(row, j + 1);
      next = eol < 0 ? END_OF_TEXT : eol + nlLength;
    } else {
      // The line holds a quote: field by field (in a function of its own, so that the loop above
      // keeps its cell reading inlined).
      cursor.cut = cut;
      next = quotedLine(text, pos, end, delimiter, linebreak, row, cache, cursor);
      if (next === MALFORMED) {
        rows.length = before;
        return false;
      }
      cut = cursor.cut;
    }
    width = row.length;
    rows.push(row);
    if (next === END_OF_TEXT) return true;
    pos = next;
    if (pos === n) {
      rows.push(['']);
      return true;
    }
    // The next quote, searched again only once passed (none left: -1, never searched again).
    if (quote >= 0 && quote < pos) quote = text.indexOf('"', pos);
  }
}

/**
 * Reads into `row` the line starting at `pos` that holds a quote (`end`: its line break, or the end
 * of the text), field by field; a quoted field may run over line breaks. Returns the index after
 * the row's line break, END_OF_TEXT when the text ends the row, or MALFORMED at a quoted field that
 * does not close properly. `cursor.cut` is the next delimiter at or after `pos` (or before: then
 * searched again), left at the next one after the row.
 */
function quotedLine(text: string, pos: number, end: number, delimiter: string, linebreak: string, row: string[], cache: CellCache, cursor: { cut: number }): number {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let cut = cursor.cut;
  let j = 0;
  let i = pos;
  let lineEnd = end;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let from = i + 1;
      let close: number;
      let doubled = false;
      for (;;) {
        close = text.indexOf('"', from);
        if (close < 0) return MALFORMED;
        if (text.charCodeAt(close + 1) !== QUOTE) break;
        doubled = true;
        from = close + 2;
      }
      place(row, j, doubled ? text.slice(i + 1, close).replace(/""/g, '"') : cache.cell(text, i + 1, close, j));
      j++;
      const after = close + 1;
      if (after >= n) {
        trim(row, j);
        cursor.cut = cut;
        return END_OF_TEXT;
      }
      if (text.charCodeAt(after) === d) {
        i = after + 1;
        if (lineEnd < i) lineEnd = endOfLine(text, linebreak, i);
        continue;
      }
      if (text.startsWith(linebreak, after)) {
        trim(row, j);
        cursor.cut = cut;
        return after + linebreak.length;
      }
      return MALFORMED;
    }
    // An unquoted field: up to the next delimiter or the end of the line.
    if (cut >= 0 && cut < i) cut = text.indexOf(delimiter, i);
    if (cut >= 0 && cut < lineEnd) {
      place(row, j, cache.cell(text, i, cut, j));
      j++;
      i = cut + 1;
      continue;
    }
    place(row, j, cache.cell(text, i, lineEnd, j));
    trim(row, j + 1);
    cursor.cut = cut;
    return lineEnd >= n ? END_OF_TEXT : lineEnd + linebreak.length;
  }
}

/**
 * The row that starts at `pos` of well-formed text whose line holds a quote, read into `row` as
 * splitDelimited reads it (a quoted field may run over line breaks). Returns the index after the
 * row's line break (the text's length when the text ends the row), or −1 at a quoted field that
 * does not close properly (or does not close before the end of the text). `cursor.cut` is the
 * next delimiter at or after `pos`, or before it (then searched again), or −1 when none is left in
 * the text; it is left at the next one after the row.
 */
export function splitQuotedRow(text: string, pos: number, delimiter: string, linebreak: string, row: string[], cache: CellCache, cursor: { cut: number }): number {
  const next = quotedLine(text, pos, endOfLine(text, linebreak, pos), delimiter, linebreak, row, cache, cursor);
  return next === MALFORMED ? -1 : next === END_OF_TEXT ? text.length : next;
}

/** Puts `cell` at index `j` of a row made as wide as the row before it (extended when narrower). */
function place(row: string[], j: number, cell: string): void {
  if (j < row.length) row[j] = cell;
  else row.push(cell);
}

/** Cuts a row made as wide as the row before it to its own `length` cells. */
function trim(row: string[], length: number): void {
  if (length < row.length) row.length = length;
}

function endOfLine(text: string, linebreak: string, from: number): number {
  const eol = text.indexOf(linebreak, from);
  return eol < 0 ? text.length : eol;
}
