/**
 * Which row is the header (method §1). ERP and Excel exports often put a report title, a date and
 * a blank line above the header, so the first rows are searched; but a header is never taken from
 * a data row: a row whose cells look more like values (numbers, dates, e-mail addresses) than
 * like recognised headers is not a header, however many words in it happen to be synonyms.
 */
import type { Lang } from '../types';
import { AnalyzeError } from '../analyze-error';
import { describeHeaders, matchHeaders, understoodHeaders } from './headers';
import { keyColumn } from './read-customers';
import { isBlankCell } from './normalize-text';

/** How far down a title may push the header row (report titles, dates, blank lines above it). */
export const MAX_TITLE_ROWS = 10;

const NUMBER_LIKE = /^[\s+\-−(（]*[¥$€£￥]?\s*[\d０-９][\d０-９,，.\s]*%?[)）]?\s*(?:元|万|亿)?$/;
/** A full date (a month alone, "2024-03", heads a column of monthly figures). */
const DATE_LIKE = /^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A year alone ("2024") heads a column of yearly figures as often as it fills a cell. */
const YEAR = /^(?:19|20)\d\d$/;

/** True when a cell reads as a value rather than a label: a number, a date or an e-mail address. */
export function looksLikeValue(cell: unknown): boolean {
  if (typeof cell === 'number') return !(Number.isInteger(cell) && cell >= 1900 && cell <= 2100);
  if (typeof cell === 'boolean' || cell instanceof Date) return true;
  if (typeof cell !== 'string') return false;
  const s = cell.trim();
  if (s === '' || YEAR.test(s)) return false;
  return NUMBER_LIKE.test(s) || DATE_LIKE.test(s) || EMAIL_LIKE.test(s);
}

/**
 * A row can be the header when it names a key column (id, name or e-mail) and has more recognised
 * headers than value-like cells. Below the first row — where a data row might hold a word that is
 * also a header ("客户", "Customer") — it must also name two fields, or nothing but fields.
 */
export function isHeaderRow(row: readonly unknown[], first: boolean): boolean {
  const m = matchHeaders(row);
  if (!keyColumn(m.columns)) return false;
  const recognised = m.columns.length + m.duplicates.length;
  let values = 0;
  let filled = 0;
  for (const cell of row) {
    if (isBlankCell(cell)) continue;
    filled++;
    if (looksLikeValue(cell)) values++;
  }
  if (values >= recognised) return false;
  return first || recognised >= 2 || recognised === filled;
}

/**
 * The header row's index: the first of the first MAX_TITLE_ROWS + 1 rows that `isHeaderRow`
 * accepts, or −1 when none does. Rows keep their numbers as the user sees them in the file.
 */
export function findHeaderRow(table: readonly (readonly unknown[])[]): number {
  for (let i = 0; i < Math.min(table.length, MAX_TITLE_ROWS + 1); i++) {
    const row = table[i];
    if (Array.isArray(row) && isHeaderRow(row, i === 0)) return i;
  }
  return -1;
}

/**
 * The error for a table with no recognisable header: what row 1 was understood as, what was
 * not understood, and the headers Rapport reads — never one "customer" made of the data.
 */
export function noHeaderError(table: readonly (readonly unknown[])[], lang: Lang): AnalyzeError {
  // Describe the first non-blank row, unless a row below it names at least two fields (a header
  // under a title); a stray synonym in a data row does not count.
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < Math.min(table.length, MAX_TITLE_ROWS + 1); i++) {
    const row = table[i];
    if (!Array.isArray(row) || row.every((c) => isBlankCell(c))) continue;
    const count = matchHeaders(row).columns.length;
    if (best < 0 || (count >= 2 && count > bestCount)) {
      best = i;
      bestCount = count;
    }
  }
  best = Math.max(best, 0);
  const { understood, unknown } = describeHeaders(table[best] ?? [], lang);
  return new AnalyzeError('no_key', lang, { row: best + 1, understood, unknown, headers: understoodHeaders(lang) });
}
