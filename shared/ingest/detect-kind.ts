/**
 * Customer table or transaction log (method §1)? A log has a key, a date and an amount — or
 * quantity × unit price — and no customer-level column; its rows are orders: customer keys
 * repeat, or each row carries a document number (单据编号, Invoice No), as ERP sales lines do.
 * Anything else is a customer table.
 */
import type { Column, Field, TableKind } from '../types';
import { keyOf } from './cell-reader';
import { columnIndex, keyColumn } from './read-customers';
import { hasTransactionColumns } from './read-transactions';

/** Fields only a customer table has (one value per customer, not per order). */
const CUSTOMER_ONLY_FIELDS: ReadonlySet<Field> = new Set([
  'revenue_prev', 'profit', 'first_purchase', 'last_purchase', 'orders', 'wallet', 'share', 'share_prev', 'satisfaction', 'overdue_days', 'credit_limit', 'crm_grade',
]);

/** The kind when the columns alone tell it; null when only repeated keys in the rows can. */
export function kindByColumns(columns: readonly Column[]): TableKind | null {
  if (!hasTransactionColumns(columns)) return 'customers';
  if (columns.some((c) => CUSTOMER_ONLY_FIELDS.has(c.field))) return 'customers';
  if (columnIndex(columns).has('order_id')) return 'transactions';
  return null;
}

/** The kind of table whose data rows start at `start` (the header is the row before). */
export function detectKind(table: readonly (readonly unknown[])[], columns: readonly Column[], start = 1): TableKind {
  const byColumns = kindByColumns(columns);
  if (byColumns !== null) return byColumns;
  const key = keyColumn(columns)!;
  const seen = new Set<string>();
  for (let i = start; i < table.length; i++) {
    const k = keyOf(table[i]![key.index]);
    if (k === null) continue;
    if (seen.has(k)) return 'transactions';
    seen.add(k);
  }
  return 'customers';
}
