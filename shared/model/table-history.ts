/**
 * A customer table's orders, first purchase and last purchase are exactly the purchase model's
 * inputs (method §9; Fader, Hardie & Lee 2005 §2): x = orders − 1 repeat purchases, t_x = last −
 * first, T = analysis date − first, in the model's unit. Rows that cannot give a consistent history
 * are left out of the model and counted, never guessed.
 */
import { EXCLUDED_AFTER_CUTOFF, unitDays, type RfmCut, type RfmTable } from './summarize-rfm';

/** What a customer-table row offers the model; dates are days since 1970-01-01. */
export interface TableHistory {
  key: string;
  orders: number | null;
  firstPurchase: number | null;
  lastPurchase: number | null;
}

/** The same, column by column (CustomerColumns has this shape): NaN where a value is missing. */
export interface TableHistoryColumns {
  count: number;
  key: readonly string[];
  num: { orders: Float64Array; firstPurchase: Float64Array; lastPurchase: Float64Array };
}

/** Customers without all of orders, first and last purchase. */
export const EXCLUDED_INCOMPLETE = 'incomplete_history';
/** Orders below 1 or not whole, last before first, last after the analysis date, or one order on two dates. */
export const EXCLUDED_INCONSISTENT = 'inconsistent_history';

/**
 * (x, t_x, T) per customer of a table at `asOfDay`, column by column. Left out and counted:
 * incomplete rows, rows whose first purchase is after the analysis date, inconsistent rows (see the
 * constants). meanRepeatSpend is null: a table gives no spend per purchase.
 */
export function rfmTableFromTable(table: readonly TableHistory[] | TableHistoryColumns, options: RfmCut): { table: RfmTable; excluded: { code: string; count: number }[] } {
  const cols = asHistoryColumns(table);
  const per = unitDays(options.unit);
  const key: string[] = [];
  const x = new Float64Array(cols.count);
  const tx = new Float64Array(cols.count);
  const T = new Float64Array(cols.count);
  let m = 0;
  let incomplete = 0;
  let after = 0;
  let inconsistent = 0;
  const { orders: ordersOf, firstPurchase: firstOf, lastPurchase: lastOf } = cols.num;
  for (let i = 0; i < cols.count; i++) {
    const orders = ordersOf[i]!;
    const first = firstOf[i]!;
    const last = lastOf[i]!;
    if (Number.isNaN(orders) || Number.isNaN(first) || Number.isNaN(last)) {
      incomplete++;
      continue;
    }
    if (first > options.asOfDay) {
      after++;
      continue;
    }
    if (!Number.isInteger(orders) || orders < 1 || last < first || last > options.asOfDay || (orders === 1 && last !== first)) {
      inconsistent++;
      continue;
    }
    key.push(cols.key[i]!);
    x[m] = orders - 1;
    tx[m] = (last - first) / per;
    T[m] = (options.asOfDay - first) / per;
    m++;
  }
  const excluded: { code: string; count: number }[] = [];
  if (after > 0) excluded.push({ code: EXCLUDED_AFTER_CUTOFF, count: after });
  if (inconsistent > 0) excluded.push({ code: EXCLUDED_INCONSISTENT, count: inconsistent });
  if (incomplete > 0) excluded.push({ code: EXCLUDED_INCOMPLETE, count: incomplete });
  return { table: { count: m, key, x: x.subarray(0, m), tx: tx.subarray(0, m), T: T.subarray(0, m), meanRepeatSpend: null }, excluded };
}

/** True when at least one customer has all of orders, first and last purchase. */
export function anyHistory(table: readonly TableHistory[] | TableHistoryColumns): boolean {
  const { count, num } = asHistoryColumns(table);
  for (let i = 0; i < count; i++) if (!Number.isNaN(num.orders[i]) && !Number.isNaN(num.firstPurchase[i]) && !Number.isNaN(num.lastPurchase[i])) return true;
  return false;
}

/** Histories as columns: objects are copied (null becomes NaN), columns taken as they are. */
export function asHistoryColumns(table: readonly TableHistory[] | TableHistoryColumns): TableHistoryColumns {
  if (!Array.isArray(table)) return table as TableHistoryColumns;
  const rows = table as readonly TableHistory[];
  const n = rows.length;
  const col = (f: 'orders' | 'firstPurchase' | 'lastPurchase') => Float64Array.from(rows, (r) => r[f] ?? NaN);
  return { count: n, key: rows.map((r) => r.key), num: { orders: col('orders'), firstPurchase: col('firstPurchase'), lastPurchase: col('lastPurchase') } };
}
