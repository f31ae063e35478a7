/**
 * One CSV cell for a file a spreadsheet opens (RFC 4180 quoting), with formula injection
 * defused as OWASP's "CSV Injection" page advises: a cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is prefixed with `'`, so Excel, LibreOffice and Sheets show it as text
 * instead of running it — unless the cell is a plain number (`-12.5`, `+3`), which stays a number.
 */
import { escapeFormula } from '../../shared/csv/escape-formula';

/** The text with a leading `'` when a spreadsheet would read it as a formula (shared/csv/escape-formula.ts). */
export const defuseFormula = escapeFormula;

/** A CSV cell: formula-like text defused, then quoted when it holds a quote, comma or line break. */
export function csvCell(v: string): string {
  const s = defuseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
