/**
 * Rows that are not data (METHOD §1): blank rows, repeated header rows and totals rows
 * (合计, 总计, 小计, Total, Subtotal, Grand total) are skipped, each with a notice.
 */
import type { Column } from '../types';
import { normalizeHeader } from './headers';
import { isBlankCell } from './normalize-text';

export type SkipKind = 'blank' | 'header' | 'totals';

const TOTAL_WORDS = new Set(['合计', '总计', '小计', '总和', '汇总', '共计', '总额', 'total', 'totals', 'subtotal', 'grandtotal', 'sum', 'overall']);

/** True when a cell says "total" in any of the accepted words (合计:, Grand Total …). */
export function isTotalsWord(cell: unknown): boolean {
  if (typeof cell !== 'string') return false;
  const n = normalizeHeader(cell).replace(/[:：]$/, '');
  return TOTAL_WORDS.has(n);
}

/**
 * Classify a row before reading it. A totals row is one whose key cell is empty or a totals
 * word and that has a totals word in its key, name or first cell ("with no key of their own").
 */
export function skipKind(row: readonly unknown[], columns: readonly Column[], keyIndex: number, nameIndex: number): SkipKind | null {
  let blank = true;
  for (let i = 0; i < row.length; i++) {
    if (!isBlankCell(row[i])) {
      blank = false;
      break;
    }
  }
  if (blank) return 'blank';
  let same = 0;
  for (const c of columns) {
    const v = row[c.index];
    if (typeof v === 'string' && v !== '' && normalizeHeader(v) === normalizeHeader(c.header)) same++;
  }
  if (columns.length > 0 && same * 2 >= columns.length && same >= 1) return 'header';
  const key = row[keyIndex];
  const keyEmptyOrTotal = isBlankCell(key) || isTotalsWord(key);
  if (keyEmptyOrTotal && (isTotalsWord(key) || (nameIndex >= 0 && isTotalsWord(row[nameIndex])) || isTotalsWord(row[0]))) return 'totals';
  return null;
}
