/**
 * Day/month order is decided once per date column, from the values that are unambiguous
 * (method §1: "3/1/2024 … decide once per column").
 */
import type { Column } from '../types';
import { decideDayOrder, type DayOrderDecision } from './parse-date';

/** Decide every date column's order; keyed by column index. */
export function decideDayOrders(table: readonly (readonly unknown[])[], dateColumns: readonly Column[], start = 1): Map<number, DayOrderDecision> {
  const out = new Map<number, DayOrderDecision>();
  for (const c of dateColumns) {
    const cells: unknown[] = [];
    for (let i = start; i < table.length; i++) {
      const v = table[i]![c.index];
      if (typeof v === 'string' && (v.includes('/') || v.includes('.'))) cells.push(v);
    }
    out.set(c.index, decideDayOrder(cells));
  }
  return out;
}
