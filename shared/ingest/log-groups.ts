/**
 * Grouping a log's accepted rows by customer on typed arrays: a counting sort (linear, stable)
 * instead of a map of lists. The customers are laid out in key order, so that summing them reads
 * every column front to back.
 */
import type { LogColumns } from './log-columns';
import { sortIdsByText } from './sort-by-text';

/** The accepted rows regrouped: customer c's rows are [start[c], start[c + 1]), in row order. */
export interface CustomerRows {
  /** Key id of each customer, customers in key order (only keys with an accepted row). */
  ids: Int32Array;
  start: Int32Array;
  day: Int32Array;
  amount: Float64Array;
  cancel: Uint8Array;
  rowNo: Int32Array;
  /** Accepted rows of each key id (0 for a key seen only on rejected or later rows). */
  rowsOf: Int32Array;
}

/** Regroup the accepted rows by customer, customers in key order, each customer's rows in row order. */
export function groupByCustomer(log: LogColumns): CustomerRows {
  const rowsOf = countRows(log.keyId, log.count, log.keys.length);
  const ids = idsByKey(log.keys, rowsOf);
  const customers = ids.length;
  // Position of each key id's first row in the regrouped arrays.
  const next = new Int32Array(log.keys.length);
  const start = new Int32Array(customers + 1);
  for (let c = 0; c < customers; c++) {
    next[ids[c]!] = start[c]!;
    start[c + 1] = start[c]! + rowsOf[ids[c]!]!;
  }
  return { ids, start, ...scatter(log, next), rowsOf };
}

/** Rows of each key id. */
function countRows(keyId: Int32Array, count: number, keyCount: number): Int32Array {
  const rowsOf = new Int32Array(keyCount);
  for (let r = 0; r < count; r++) rowsOf[keyId[r]!]!++;
  return rowsOf;
}

/** The columns with each row moved to its customer's next place (`next`, per key id, advances). */
function scatter(log: LogColumns, next: Int32Array): Pick<CustomerRows, 'day' | 'amount' | 'cancel' | 'rowNo'> {
  const { count, keyId } = log;
  const day = new Int32Array(count);
  const amount = new Float64Array(count);
  const cancel = new Uint8Array(count);
  const rowNo = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const g = next[keyId[r]!]!++;
    day[g] = log.day[r]!;
    amount[g] = log.amount[r]!;
    cancel[g] = log.cancel[r]!;
    rowNo[g] = log.rowNo[r]!;
  }
  return { day, amount, cancel, rowNo };
}

/** True when day[0..count) never decreases: then every customer's rows, in row order, are in day order. */
export function isDayOrdered(day: Int32Array, count: number): boolean {
  for (let r = 1; r < count; r++) if (day[r]! < day[r - 1]!) return false;
  return true;
}

/**
 * Stable sort of rows[0..m) by their day: insertion sort for the usual few rows of one customer,
 * a stable comparator sort for a long history.
 */
export function sortByDay(rows: Int32Array, m: number, day: Int32Array): void {
  if (m <= 32) {
    for (let i = 1; i < m; i++) {
      const r = rows[i]!;
      const d = day[r]!;
      let j = i - 1;
      while (j >= 0 && day[rows[j]!]! > d) {
        rows[j + 1] = rows[j]!;
        j--;
      }
      rows[j + 1] = r;
    }
    return;
  }
  const sorted = Array.from(rows.subarray(0, m)).sort((p, q) => day[p]! - day[q]! || p - q);
  for (let i = 0; i < m; i++) rows[i] = sorted[i]!;
}

/**
 * The key ids that have rows, ordered by their key text as `<` orders strings (UTF-16 code units):
 * the customers' output order, independent of the rows' order.
 */
function idsByKey(keys: readonly string[], rowsOf: Int32Array): Int32Array {
  let n = 0;
  for (let id = 0; id < keys.length; id++) if (rowsOf[id]! > 0) n++;
  const ids = new Int32Array(n);
  let k = 0;
  for (let id = 0; id < keys.length; id++) if (rowsOf[id]! > 0) ids[k++] = id;
  sortIdsByText(ids, keys);
  return ids;
}
