/**
 * Ranking primitives shared by the rules. Both order the values with a radix sort of their bits
 * (argsort.ts), so that a million customers rank in a few linear passes, not comparator sorts.
 */

import { allShared, presentShared, sortShared, type SortedShared } from './argsort';

/** The end of the run of sorted values equal to the one at `from` (their keys equal: -0 and +0 are one run). */
function runEnd(sorted: SortedShared, from: number): number {
  const { hi, lo } = sorted;
  const h = hi[from]!;
  const l = lo[from]!;
  let end = from + 1;
  while (end < hi.length && hi[end] === h && lo[end] === l) end++;
  return end;
}

/**
 * Percentile rank of each value among the present (non-NaN) values, 0 = lowest, 1 = highest,
 * ties sharing their mid-rank: (below + (equal − 1) / 2) / (m − 1). One value alone ranks 0.5.
 * Missing values (NaN) stay NaN. (method §2: "each part a percentile rank (0–1)".) `into`, when
 * given (not `values` itself), receives the ranks.
 */
export function percentileRanks(values: Float64Array, into?: Float64Array): Float64Array {
  const counted = countedRanks(values, into);
  if (counted) return counted;
  const sorted = sortShared(values, presentShared(values));
  const order = sorted.order;
  const m = order.length;
  const out = (into ?? new Float64Array(values.length)).fill(NaN);
  for (let lo = 0; lo < m; ) {
    const hi = runEnd(sorted, lo);
    const rank = m === 1 ? 0.5 : (lo + (hi - lo - 1) / 2) / (m - 1);
    for (let k = lo; k < hi; k++) out[order[k]!] = rank;
    lo = hi;
  }
  return out;
}

/**
 * percentileRanks by counting, for a column of whole numbers spanning no more values than it has
 * (days, counts, levels, whole amounts): one count per value, no sort. Null when the column is not
 * such a column.
 */
function countedRanks(values: Float64Array, into?: Float64Array): Float64Array | null {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) return null;
    if (v < min) min = v;
    if (v > max) max = v;
    m++;
  }
  if (m === 0 || max - min >= Math.max(n, 1024)) return null;
  const span = max - min + 1;
  const count = new Uint32Array(span);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) count[v - min]!++;
  }
  // Each value's mid-rank from the number of values below it and equal to it, as percentileRanks.
  const rankOf = new Float64Array(span);
  let below = 0;
  for (let k = 0; k < span; k++) {
    const equal = count[k]!;
    if (equal > 0) rankOf[k] = m === 1 ? 0.5 : (below + (equal - 1) / 2) / (m - 1);
    below += equal;
  }
  const out = into ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    out[i] = Number.isNaN(v) ? NaN : rankOf[v - min]!;
  }
  return out;
}

/**
 * The order of indices by value descending, ties by key ascending (method §3: "ties by key"), so
 * that row order never changes a result. Values must not be NaN. `keys` null: index order is key
 * order (keys[0] < keys[1] < …, as CustomerColumns.keysAscending says), so ties stay in index order
 * and no key is compared.
 */
export function orderDescending(values: Float64Array, keys: readonly string[] | null): Uint32Array {
  const n = values.length;
  // Ascending by value; within equal values the indices stay ascending (the sort is stable).
  const sorted = sortShared(values, allShared(n));
  const asc = sorted.order;
  // Runs of equal values, from the largest down, found from the end of the ascending order (no list
  // of the runs is made). Within a run the indices ascend; when the run's keys ascend with them (the
  // core sorts its customers by key) that is the key order and the run needs no sorting.
  const out = new Uint32Array(n);
  let w = 0;
  for (let end = n; end > 0; ) {
    const start = runStart(sorted, end);
    if (end - start === 1) out[w++] = asc[start]!;
    else if (keys === null || keysAscend(keys, asc, start, end)) for (let k = start; k < end; k++) out[w++] = asc[k]!;
    else {
      const group = Array.from(asc.subarray(start, end)).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
      for (const g of group) out[w++] = g;
    }
    end = start;
  }
  return out;
}

/** The start of the run of sorted values equal to the one before `end` (as runEnd, from the other side). */
function runStart(sorted: SortedShared, end: number): number {
  const { hi, lo } = sorted;
  const h = hi[end - 1]!;
  const l = lo[end - 1]!;
  let start = end - 1;
  while (start > 0 && hi[start - 1] === h && lo[start - 1] === l) start--;
  return start;
}

/** True when the keys of order[start…end) ascend strictly (equal keys fall back to the index, so a run with them is sorted). */
function keysAscend(keys: readonly string[], order: Uint32Array, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) if (!(keys[order[k - 1]!]! < keys[order[k]!]!)) return false;
  return true;
}
