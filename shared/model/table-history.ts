/**
 * A customer table's orders, first purchase and last purchase are exactly the purchase model's
 * inputs (method §9; Fader, Hardie & Lee 2005 §2): x = orders − 1 repeat purchases, t_x = last −
 * first, T = analysis date − first, in the model's unit. Rows that cannot give a consistent history
 * are left out of the model and counted, never guessed.
 */
import { EXCLUDED_AFTER_CUTOFF, unitDays, type RfmRow, type RfmSummary, type TimeUnit } from './summarize-rfm';

/** What a customer-table row offers the model; dates are days since 1970-01-01. */
export interface TableHistory {
  key: string;
  orders: number | null;
  firstPurchase: number | null;
  lastPurchase: number | null;
}

/** Customers without all of orders, first and last purchase. */
export const EXCLUDED_INCOMPLETE = 'incomplete_history';
/** Orders below 1 or not whole, last before first, last after the analysis date, or one order on two dates. */
export const EXCLUDED_INCONSISTENT = 'inconsistent_history';

/**
 * (x, t_x, T) per customer of a table at `asOfDay`. Left out and counted: incomplete rows, rows
 * whose first purchase is after the analysis date, inconsistent rows (see the constants).
 * meanRepeatSpend is null: a table gives no spend per purchase.
 */
export function rfmFromTable(rows: readonly TableHistory[], options: { asOfDay: number; unit: TimeUnit }): RfmSummary {
  const per = unitDays(options.unit);
  const out: RfmRow[] = [];
  let incomplete = 0;
  let after = 0;
  let inconsistent = 0;
  for (const c of rows) {
    const { orders, firstPurchase: first, lastPurchase: last } = c;
    if (orders === null || first === null || last === null) {
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
    out.push({ key: c.key, x: orders - 1, tx: (last - first) / per, T: (options.asOfDay - first) / per, meanRepeatSpend: null });
  }
  const excluded: { code: string; count: number }[] = [];
  if (after > 0) excluded.push({ code: EXCLUDED_AFTER_CUTOFF, count: after });
  if (inconsistent > 0) excluded.push({ code: EXCLUDED_INCONSISTENT, count: inconsistent });
  if (incomplete > 0) excluded.push({ code: EXCLUDED_INCOMPLETE, count: incomplete });
  return { rows: out, excluded };
}
