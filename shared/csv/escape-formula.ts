/**
 * Keeping spreadsheet formulas out of exported cells (OWASP "CSV Injection"): a cell that starts
 * with '=', '+', '-', '@', a tab or a carriage return is read by Excel, LibreOffice and Google
 * Sheets as a formula or DDE call (`=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`, `-1+1`), so it gets a
 * leading apostrophe, which the spreadsheet shows as text. Plain numbers as people write them are
 * left alone: they cannot run anything and must stay numbers. The same rule as the Sheets
 * writer's `asText`; every CSV/TSV writer of Rapport goes through it.
 */

/**
 * A plain number: optional sign, digits with optional thousands commas, optional decimals,
 * exponent or percent ('-1200', '+3.5', '-1,234.50', '-12%', '1e-3').
 */
const PLAIN_NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%?$/i;

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
