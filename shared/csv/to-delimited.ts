/**
 * Writing a table as CSV/TSV text (RFC 4180).
 */

/** Characters that make a field need quotes: any delimiter Rapport detects, quotes, line breaks. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** One field, quoted when needed; `extra` is a delimiter outside NEEDS_QUOTES, if any. */
function field(value: unknown, extra: string | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else text = String(value);
  if (NEEDS_QUOTES.test(text) || (extra !== null && text.includes(extra))) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/**
 * Writes rows as delimited text (RFC 4180): fields containing a quote, a line break or any of
 * the delimiters parseDelimited detects (',' ';' tab) are quoted, quotes doubled; every row ends
 * with CRLF. null/undefined → empty field; Dates → ISO 8601 (UTC); everything else → String().
 * The quoting of all candidate delimiters keeps delimiter detection unambiguous on read-back.
 */
export function toDelimited(rows: readonly (readonly unknown[])[], delimiter = ','): string {
  // Each line is joined flat (no string-concatenation trees: a million rows must stay light).
  const lines: string[] = new Array<string>(rows.length);
  const cells: string[] = [];
  const extra = NEEDS_QUOTES.test(delimiter) ? null : delimiter;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    cells.length = row.length;
    for (let i = 0; i < row.length; i++) cells[i] = field(row[i], extra);
    lines[r] = cells.join(delimiter);
  }
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}
