/**
 * Writing a table as CSV/TSV text (RFC 4180), with cells that a spreadsheet would run as a
 * formula written as text.
 */

import { escapeFormula } from './escape-formula';

/** Characters that make a field need quotes: any delimiter Rapport detects, quotes, line breaks. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

export { escapeFormula };

/** One field, quoted when needed; `extra` is a delimiter outside NEEDS_QUOTES, if any. */
function field(value: unknown, extra: string | null, escapeFormulas: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return escapeFormulas ? escapeFormula(String(value)) : String(value);
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else text = String(value);
  if (escapeFormulas) text = escapeFormula(text);
  if (NEEDS_QUOTES.test(text) || (extra !== null && text.includes(extra))) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export interface DelimitedOptions {
  /**
   * 'escape' (the default, for every file a person may open): formula-like text gets a leading
   * apostrophe (see escapeFormula). 'keep' writes cells exactly, only for text Rapport itself reads
   * back at once (never for a file handed to the user).
   */
  formulas?: 'escape' | 'keep';
}

/**
 * Writes rows as delimited text (RFC 4180): fields containing a quote, a line break or any of
 * the delimiters parseDelimited detects (',' ';' tab) are quoted, quotes doubled; every row ends
 * with CRLF. null/undefined → empty field; Dates → ISO 8601 (UTC); everything else → String().
 * Text a spreadsheet would run as a formula is escaped (escapeFormula) unless `formulas: 'keep'`.
 * The quoting of all candidate delimiters keeps delimiter detection unambiguous on read-back.
 */
export function toDelimited(rows: readonly (readonly unknown[])[], delimiter = ',', options: DelimitedOptions = {}): string {
  // Each line is joined flat (no string-concatenation trees: a million rows must stay light).
  const lines: string[] = new Array<string>(rows.length);
  const extra = extraDelimiter(delimiter);
  const escapeFormulas = options.formulas !== 'keep';
  for (let r = 0; r < rows.length; r++) lines[r] = joinFields(rows[r]!, delimiter, extra, escapeFormulas);
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

/** One row as toDelimited writes it, without its line break. */
export function delimitedLine(row: readonly unknown[], delimiter = ',', options: DelimitedOptions = {}): string {
  return joinFields(row, delimiter, extraDelimiter(delimiter), options.formulas !== 'keep');
}

/** The delimiter when NEEDS_QUOTES does not already quote it (field's `extra`), else null. */
const extraDelimiter = (delimiter: string): string | null => (NEEDS_QUOTES.test(delimiter) ? null : delimiter);

/** A row's fields joined (not concatenated: a line kept for later rows must be one flat string, not a tree of pieces). */
function joinFields(row: readonly unknown[], delimiter: string, extra: string | null, escapeFormulas: boolean): string {
  const cells = new Array<string>(row.length);
  for (let i = 0; i < row.length; i++) cells[i] = field(row[i], extra, escapeFormulas);
  return cells.join(delimiter);
}
