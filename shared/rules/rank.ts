/**
 * Ranking primitives shared by the rules. Both run in O(n log n) on typed arrays so that a
 * million customers rank in a few typed-array sorts, not comparator sorts over objects.
 */

/** The distinct values of sorted[0..m) (equal by ===) and where each one's run starts; starts[u] = m. */
interface Runs {
  values: Float64Array;
  starts: Uint32Array;
  count: number;
}

function runsOf(sorted: Float64Array, m: number): Runs {
  const values = new Float64Array(m);
  const starts = new Uint32Array(m + 1);
  let u = 0;
  for (let i = 0; i < m; i++) {
    if (u === 0 || sorted[i]! !== values[u - 1]!) {
      values[u] = sorted[i]!;
      starts[u++] = i;
    }
  }
  starts[u] = m;
  return { values, starts, count: u };
}

/** Index of the run holding v (v must be one of the runs' values). */
function runOf(runs: Runs, v: number): number {
  const values = runs.values;
  let lo = 0;
  let hi = runs.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Percentile rank of each value among the present (non-NaN) values, 0 = lowest, 1 = highest,
 * ties sharing their mid-rank: (below + (equal − 1) / 2) / (m − 1). One value alone ranks 0.5.
 * Missing values (NaN) stay NaN. (method §2: "each part a percentile rank (0–1)".)
 */
export function percentileRanks(values: Float64Array): Float64Array {
  const n = values.length;
  const sorted = values.slice().sort(); // NaN sorts last
  let m = n;
  while (m > 0 && Number.isNaN(sorted[m - 1]!)) m--;
  const runs = runsOf(sorted, m);
  const rankOfRun = new Float64Array(runs.count);
  for (let r = 0; r < runs.count; r++) {
    const lo = runs.starts[r]!;
    const hi = runs.starts[r + 1]!;
    rankOfRun[r] = (lo + (hi - lo - 1) / 2) / (m - 1);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) out[i] = NaN;
    else if (m === 1) out[i] = 0.5;
    else out[i] = rankOfRun[runOf(runs, v)]!;
  }
  return out;
}

/**
 * The order of indices by value descending, ties by key ascending (method §3: "ties by key"), so
 * that row order never changes a result. Values must not be NaN.
 */
export function orderDescending(values: Float64Array, keys: readonly string[]): Uint32Array {
  const n = values.length;
  const sorted = values.slice().sort();
  const runs = runsOf(sorted, n);
  const next = new Uint32Array(n);
  for (let i = 0; i < n; i++) next[i] = i;
  const asc = new Uint32Array(n);
  const starts = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = runs.starts[runOf(runs, values[i]!)]!;
    starts[i] = p;
    asc[next[p]!++] = i;
  }
  // Within a run, `asc` holds the indices in ascending order; when the keys are already ascending
  // (the core sorts its customers by key) that is the key order and no run needs sorting.
  const keysAscending = isAscending(keys);
  const out = new Uint32Array(n);
  let w = 0;
  let end = n;
  while (end > 0) {
    const start = starts[asc[end - 1]!]!;
    if (end - start === 1 || keysAscending) for (let k = start; k < end; k++) out[w++] = asc[k]!;
    else {
      const group = Array.from(asc.subarray(start, end)).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
      for (const g of group) out[w++] = g;
    }
    end = start;
  }
  return out;
}

/** True when keys[i] < keys[i + 1] throughout (strictly: equal keys fall back to the index). */
function isAscending(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) return false;
  return true;
}
