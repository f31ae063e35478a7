/**
 * Day/month order is decided once per date column, from the values that are unambiguous
 * (method §1: "3/1/2024 … decide once per column").
 */
import type { Column, Lang, Notice } from '../types';
import { noticeText } from '../i18n/messages';
import { texts } from '../i18n/texts';
import type { DayOrderDecision } from './parse-date';

const ORDER = texts({
  zh: { dmy: '日/月/年', mdy: '月/日/年' },
  en: { dmy: 'day/month/year', mdy: 'month/day/year' },
});

/**
 * The notice for a date column whose order was decided (or found conflicting): which order the
 * column is read in. Null when the column gave no evidence either way.
 */
export function dayOrderNotice(lang: Lang, column: Column, d: DayOrderDecision): Notice | null {
  if (!d.decided && !d.conflicting) return null;
  const code = d.conflicting ? 'day_order_conflict' : 'day_order';
  return { code, message: noticeText(lang, code, { header: column.header, order: ORDER[lang][d.order] }) };
}
