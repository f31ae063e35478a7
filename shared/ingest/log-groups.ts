/**
 * Grouping a log's accepted rows by customer on typed arrays: a counting sort (linear, stable)
 * instead of a map of lists. The customers are laid out in key order, so that summing them reads
 * every row front to back.
 */
import type { LogColumns } from './log-columns';
import { sortIdsByText } from './sort-by-text';

/**
 * The accepted rows regrouped: customer c's rows are [start[c], start[c + 1]), in row order. Row g
 * is one 16-byte record (one cache line to write when scattering): its amount at amount[2g], its
 * day at ints[4g + 2] and its row number at ints[4g + 3], negated for a cancellation.
 */
export interface CustomerRows {
  /** Key id of each customer, customers in key order (only keys with an accepted row). */
  ids: Int32Array;
  start: Int32Array;
  /** Amounts, at even indices (a view of the records). */
  amount: Float64Array;
  /** Days at 4g + 2, signed row numbers at 4g + 3 (a view of the records). */
  ints: Int32Array;
}

/** Regroup the accepted rows by customer, customers in key order, each customer's rows in row order. */
export function groupByCustomer(log: LogColumns): CustomerRows {
  const { rowsOf } = log;
  const ids = idsByKey(log);
  const customers = ids.length;
  // Position of each key id's first row in the regrouped arrays.
  const next = new Int32Array(log.keys.length);
  const start = new Int32Array(customers + 1);
  for (let c = 0; c < customers; c++) {
    next[ids[c]!] = start[c]!;
    start[c + 1] = start[c]! + rowsOf[ids[c]!]!;
  }
  return { ids, start, ...scatter(log, next) };
}

/** The rows moved to their customer's next place (`next`, per key id, advances). */
function scatter(log: LogColumns, next: Int32Array): Pick<CustomerRows, 'amount' | 'ints'> {
  const { count, keyId, day, row } = log;
  const records = new ArrayBuffer(16 * count);
  const amount = new Float64Array(records);
  const ints = new Int32Array(records);
  for (let r = 0; r < count; r++) {
    const g = next[keyId[r]!]!++;
    amount[2 * g] = log.amount[r]!;
    ints[4 * g + 2] = day[r]!;
    ints[4 * g + 3] = row[r]!;
  }
  return { amount, ints };
}

/**
 * Stable sort of rows[0..m) (record indices) by their day: insertion sort for the usual few rows
 * of one customer, a stable comparator sort for a long history.
 */
export function sortByDay(rows: Int32Array, m: number, ints: Int32Array): void {
  if (m <= 32) {
    for (let i = 1; i < m; i++) {
      const r = rows[i]!;
      const d = ints[4 * r + 2]!;
      let j = i - 1;
      while (j >= 0 && ints[4 * rows[j]! + 2]! > d) {
        rows[j + 1] = rows[j]!;
        j--;
      }
      rows[j + 1] = r;
    }
    return;
  }
  const sorted = Array.from(rows.subarray(0, m)).sort((p, q) => ints[4 * p + 2]! - ints[4 * q + 2]! || p - q);
  for (let i = 0; i < m; i++) rows[i] = sorted[i]!;
}

/**
 * The key ids that have rows, ordered by their key text as `<` orders strings (UTF-16 code units):
 * the customers' output order, independent of the rows' order.
 */
function idsByKey(log: LogColumns): Int32Array {
  const { keys, rowsOf } = log;
  let n = 0;
  for (let id = 0; id < keys.length; id++) if (rowsOf[id]! > 0) n++;
  const ids = new Int32Array(n);
  let k = 0;
  for (let id = 0; id < keys.length; id++) if (rowsOf[id]! > 0) ids[k++] = id;
  sortIdsByText(ids, keys, log.prefixes);
  return ids;
}
