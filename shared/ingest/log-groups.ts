import { sortIdsByText } from './sort-by-text';

/**
 * Grouping a log's accepted rows by customer, and one customer's purchase rows by day, on typed
 * arrays of row indices: a counting sort by key id (linear, stable) instead of a map of lists.
 */

/** The row indices of each key id: rows[start[id] .. start[id + 1]) in row order (empty for a key with no row). */
export interface KeyGroups {
  start: Int32Array;
  rows: Int32Array;
}

/** Stable counting sort of the rows 0..count-1 by their key id (ids 0..keyCount-1). */
export function groupByKey(keyId: Int32Array, count: number, keyCount: number): KeyGroups {
  const start = new Int32Array(keyCount + 1);
  for (let r = 0; r < count; r++) start[keyId[r]! + 1]!++;
  for (let id = 0; id < keyCount; id++) start[id + 1]! += start[id]!;
  const next = start.slice(0, keyCount);
  const rows = new Int32Array(count);
  for (let r = 0; r < count; r++) rows[next[keyId[r]!]!++] = r;
  return { start, rows };
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
export function idsByKey(keys: readonly string[], start: Int32Array): Int32Array {
  let n = 0;
  for (let id = 0; id < keys.length; id++) if (start[id + 1]! > start[id]!) n++;
  const ids = new Int32Array(n);
  let k = 0;
  let sorted = true;
  for (let id = 0; id < keys.length; id++) {
    if (start[id + 1] === start[id]) continue;
    if (k > 0 && !(keys[ids[k - 1]!]! < keys[id]!)) sorted = false;
    ids[k++] = id;
  }
  if (!sorted) sortIdsByText(ids, keys);
  return ids;
}
