/**
 * Keeping spreadsheet formulas out of exported cells (OWASP "CSV Injection"): a cell that starts
 * with '=', '+', '-', '@', a tab or a carriage return is read by Excel, LibreOffice and Google
 * Sheets as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`, `-1+1`), so it gets a leading
 * apostrophe, which the spreadsheet shows as text. Plain numbers ("-12.5", "+3", "1e5") are left
 * alone: they cannot run anything and must stay numbers.
 */

/** A number as a spreadsheet reads one: optional sign, digits with an optional point, optional exponent. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True when a spreadsheet would take this text for a formula (first character = + - @ tab CR). */
export function looksLikeFormula(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  // '=' 61, '+' 43, '-' 45, '@' 64, tab 9, CR 13
  if (c !== 61 && c !== 43 && c !== 45 && c !== 64 && c !== 9 && c !== 13) return false;
  return !PLAIN_NUMBER.test(text);
}

/** The text, with a leading apostrophe when a spreadsheet would run it as a formula (OWASP). */
export function escapeFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
