/**
 * Columnar, aggregated form of (x, t_x, T) rows for the likelihoods: identical rows become one row
 * with a count (fitting 1,000,000 customers then costs what their distinct summaries cost), and rows
 * are indexed by their distinct x so the gamma-function terms are computed once per x (METHOD §9).
 */

/** One customer's calibration summary: x repeat purchases, last purchase at t_x, age T. */
export interface RfmPoint {
  x: number;
  tx: number;
  T: number;
}

export interface RfmData {
  /** Distinct x values, ascending. */
  xs: Float64Array;
  /** Summed weight of the rows having each distinct x. */
  xWeight: Float64Array;
  /** Per row: index into xs; t_x; T; weight (number of customers). */
  xIndex: Int32Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  total: number;
}

/** Group identical (x, t_x, T) rows and index them by distinct x. */
export function aggregateRfm(rows: readonly RfmPoint[]): RfmData {
  const byKey = new Map<string, number>();
  const xList: number[] = [];
  const txList: number[] = [];
  const tList: number[] = [];
  const wList: number[] = [];
  for (const row of rows) {
    const key = `${row.x} ${row.tx} ${row.T}`;
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, xList.length);
      xList.push(row.x);
      txList.push(row.tx);
      tList.push(row.T);
      wList.push(1);
    } else {
      wList[at]! += 1;
    }
  }
  return columnar(xList, txList, tList, wList);
}

/** Build the columnar form from parallel arrays with weights (no aggregation). */
export function columnar(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, w: ArrayLike<number>): RfmData {
  const distinct = Array.from(new Set(Array.from(x))).sort((p, q) => p - q);
  const indexOf = new Map<number, number>();
  distinct.forEach((v, i) => indexOf.set(v, i));
  const n = x.length;
  const xIndex = new Int32Array(n);
  const xWeight = new Float64Array(distinct.length);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const k = indexOf.get(x[i]!)!;
    xIndex[i] = k;
    xWeight[k]! += w[i]!;
    total += w[i]!;
  }
  return {
    xs: Float64Array.from(distinct),
    xWeight,
    xIndex,
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(w),
    total,
  };
}
