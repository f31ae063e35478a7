/**
 * The fast reading of well-formed delimited text (method §1: pasted or dropped tables, RFC 4180),
 * giving exactly the rows Papa Parse gives for it, without Papa Parse's per-character bookkeeping.
 */

import { CellCache } from './cell-cache';

const QUOTE = 34;

/**
 * Splits `text` into rows as Papa Parse 5 reads it with this delimiter and line break (a quote
 * opens a field only as its first character; a quote inside an unquoted field is kept; doubled
 * quotes inside a quoted field stand for one; a line break of another kind is an ordinary
 * character; after a final line break comes one row with one empty field, as Papa Parse gives),
 * appending them to `rows`. A line without any quote is cut at its delimiters into an array of
 * exactly its length; lines holding a quote are read field by field. Short cells equal to one seen
 * before in the same column share its string (`cache`: pass the same one for every piece of a
 * text read in pieces).
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
  const d = delimiter.charCodeAt(0);
  const nlLength = linebreak.length;
  let quote = text.indexOf('"');
  // The next delimiter at or after `pos` (-1: none left), carried from line to line so that a
  // single-column file is not searched to its end on every line.
  let cut = text.indexOf(delimiter);
  let cuts = new Int32Array(64);
  let pos = 0;
  for (;;) {
    const eol = text.indexOf(linebreak, pos);
    const end = eol < 0 ? n : eol;
    if (quote < 0 || quote >= end) {
      // No quote on this line: its delimiters first, then a row of exactly that many cells.
      if (cut >= 0 && cut < pos) cut = text.indexOf(delimiter, pos);
      let k = 0;
      while (cut >= 0 && cut < end) {
        if (k === cuts.length) cuts = grown(cuts);
        cuts[k++] = cut;
        cut = text.indexOf(delimiter, cut + 1);
      }
      const row = new Array<string>(k + 1);
      let start = pos;
      for (let j = 0; j < k; j++) {
        const c = cuts[j]!;
        row[j] = cache.cell(text, start, c, j);
        start = c + 1;
      }
      row[k] = cache.cell(text, start, end, k);
      rows.push(row);
      if (eol < 0) return true;
      pos = eol + nlLength;
      if (pos === n) {
        rows.push(['']);
        return true;
      }
      continue;
    }
    // The line holds a quote: field by field, from its start.
    const row: string[] = [];
    let i = pos;
    let lineEnd = end;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        let close: number;
        let doubled = false;
        for (;;) {
          close = text.indexOf('"', from);
          if (close < 0) {
            rows.length = before;
            return false;
          }
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          doubled = true;
          from = close + 2;
        }
        row.push(doubled ? text.slice(i + 1, close).replace(/""/g, '"') : cache.cell(text, i + 1, close, row.length));
        const after = close + 1;
        if (after >= n) {
          rows.push(row);
          return true;
        }
        if (text.charCodeAt(after) === d) {
          i = after + 1;
          if (lineEnd < i) lineEnd = endOfLine(text, linebreak, i);
          continue;
        }
        if (text.startsWith(linebreak, after)) {
          rows.push(row);
          pos = after + nlLength;
          break;
        }
        rows.length = before;
        return false;
      }
      // An unquoted field: up to the next delimiter or the end of the line.
      if (cut >= 0 && cut < i) cut = text.indexOf(delimiter, i);
      if (cut >= 0 && cut < lineEnd) {
        row.push(cache.cell(text, i, cut, row.length));
        i = cut + 1;
        continue;
      }
      row.push(cache.cell(text, i, lineEnd, row.length));
      rows.push(row);
      if (lineEnd >= n) return true;
      pos = lineEnd + nlLength;
      break;
    }
    if (pos === n) {
      rows.push(['']);
      return true;
    }
    if (quote < pos) quote = text.indexOf('"', pos);
  }
}

function grown(cuts: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(cuts.length * 2);
  more.set(cuts);
  return more;
}

function endOfLine(text: string, linebreak: string, from: number): number {
  const eol = text.indexOf(linebreak, from);
  return eol < 0 ? text.length : eol;
}
