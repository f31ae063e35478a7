/**
 * Rows that are not data (method §1): blank rows, repeated header rows and totals rows
 * (合计, 总计, 小计, Total, Subtotal, Grand total) are skipped, each with a notice.
 */
import type { Column, Lang, Notice } from '../types';
import { noticeText } from '../i18n/messages';
import { fieldOfHeader, normalizeHeader } from './headers';
import { isBlankCell } from './normalize-text';

export type SkipKind = 'blank' | 'header' | 'totals';

const TOTAL_WORDS = new Set(['合计', '总计', '小计', '总和', '汇总', '共计', '总额', 'total', 'totals', 'subtotal', 'grandtotal', 'sum', 'overall']);

/** True when a cell says "total" in any of the accepted words (合计:, Grand Total …). */
export function isTotalsWord(cell: unknown): boolean {
  if (typeof cell !== 'string' || cell.length > 24) return false;
  // Normalising keeps digits outside brackets, and no totals word has a digit.
  if (!mayBeHeaderWord(cell) && !BRACKET.test(cell)) return false;
  return TOTAL_WORDS.has(normalizeHeader(cell).replace(/[:：]$/, ''));
}

const BRACKET = /[([【（［]/;

/** Cheap pre-check before normalising a key cell: header words have no digits. */
function mayBeHeaderWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
  }
  return true;
}

/**
 * Classify a row before reading it. A repeated header: the key cell names the key column's field
 * (客户编号 under 客户编号, or "Customer ID" under 客户ID), or half the recognised cells repeat their
 * header exactly. A totals row: its key cell is a totals word, or its key cell is empty and a
 * totals word stands in any of its cells ("with no key of their own").
 */
export function skipKind(row: readonly unknown[], columns: readonly Column[], keyIndex: number, nameIndex: number): SkipKind | null {
  // Most keys (ids with a digit) settle every question but the repeated header at once.
  if (keySettlesSkip(row[keyIndex])) return repeatsHeaders(row, columns) ? 'header' : null;
  return skipKindByRules(row, columns, keyIndex, nameIndex);
}

/** skipKind asking every question in turn (what the shortcut by keySettlesSkip must agree with). */
export function skipKindByRules(row: readonly unknown[], columns: readonly Column[], keyIndex: number, nameIndex: number): SkipKind | null {
  let blank = true;
  for (let i = 0; i < row.length; i++) {
    if (!isBlankCell(row[i])) {
      blank = false;
      break;
    }
  }
  if (blank) return 'blank';
  const key = row[keyIndex];
  let keyColumn: Column | undefined;
  for (let c = 0; c < columns.length && keyColumn === undefined; c++) if (columns[c]!.index === keyIndex) keyColumn = columns[c];
  if (typeof key === 'string' && keyColumn && key.length < 40 && mayBeHeaderWord(key) && fieldOfHeader(key) === keyColumn.field) return 'header';
  if (repeatsHeaders(row, columns)) return 'header';
  if (isTotalsWord(key)) return 'totals';
  if (isBlankCell(key)) {
    if (nameIndex >= 0 && isTotalsWord(row[nameIndex])) return 'totals';
    for (let i = 0; i < row.length; i++) if (isTotalsWord(row[i])) return 'totals';
  }
  return null;
}

/** True when at least half of the recognised cells (and at least one) repeat their header exactly. */
export function repeatsHeaders(row: readonly unknown[], columns: readonly Column[]): boolean {
  let same = 0;
  let differ = 0;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i]!;
    const v = row[c.index];
    // Only a cell longer than its header can equal it once trimmed (trimming allocates, so ask first).
    if (typeof v === 'string' && (v === c.header || (v.length > c.header.length && v.length <= c.header.length + 4 && v.trim() === c.header))) same++;
    else if (++differ * 2 > columns.length) return false; // half can no longer repeat their header
  }
  return columns.length > 0 && same * 2 >= columns.length && same >= 1;
}

/**
 * True for a key cell that settles every other question skipKind asks: a number, or a text with an
 * ASCII digit (no placeholder, header word or totals word has one) and no opening bracket. A row
 * with such a key is skipped only when it repeats the headers (repeatsHeaders).
 */
export function keySettlesSkip(key: unknown): boolean {
  if (typeof key === 'number') return true;
  if (typeof key !== 'string') return false;
  let digit = false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c === 0x28 || c === 0x5b || c === 0x3010 || c === 0xff08 || c === 0xff3b) return false; // the openings of BRACKET
  }
  return digit;
}

/**
 * Skip a non-data row if it is one: counts it and records its notice; true when skipped.
 * Shared by the customer-table and transaction-log readers.
 */
export function skipIfNotData(
  row: readonly unknown[],
  rowNo: number,
  columns: readonly Column[],
  keyIndex: number,
  nameIndex: number,
  counts: { skipped: number },
  notices: Notice[],
  lang: Lang,
): boolean {
  const skip = skipKind(row, columns, keyIndex, nameIndex);
  if (!skip) return false;
  counts.skipped++;
  const code = skip === 'blank' ? 'skipped_blank' : skip === 'header' ? 'skipped_header' : 'skipped_totals';
  notices.push({ row: rowNo, code, message: noticeText(lang, code, { row: rowNo }) });
  return true;
}
