/**
 * ABC(D) tiers by Pareto (method §3, seed 001). Sort by the metric descending, ties by key.
 * A customer is A while the cumulative share *before* it is below `a` (80%), B while below `b`
 * (95%), else C. Zero-or-negative metrics are never A or B. D (放弃5%的C类客户) is the lowest
 * `d` (5%, rounded up) of C by the metric, plus every customer with negative profit.
 * Shares are of the total of the positive metrics, so loss-makers do not inflate anyone's share.
 * Without any revenue or profit figure there is nothing to rank by: no customer gets a tier
 * (null), rather than every customer landing in C.
 */
import type { Tier } from '../types';
import { orderDescending } from './rank';

/** Shares are sums of money: 0.1 + 0.7 must count as 80%, so boundaries allow for rounding. */
const EPS = 1e-9;

export interface TierResult {
  /** Each customer's tier; null for everyone when the table has no revenue or profit figure. */
  tiers: (Tier | null)[];
  /** Cumulative share of the positive total held by the customers ranked before each one. */
  cumulativeShare: Float64Array;
  /** Position of each customer in the ranking (0 = biggest). */
  position: Uint32Array;
  order: Uint32Array;
}

/**
 * True when the tiers have something to rank by: at least one customer has a revenue or a profit
 * figure (method §3 ranks by profit, else revenue; with neither, a Pareto cut means nothing).
 * The columns hold NaN where a customer has no figure.
 */
export function hasTierMetric(revenue: Float64Array, profit: Float64Array): boolean {
  for (let i = 0; i < revenue.length; i++) if (!Number.isNaN(revenue[i]) || !Number.isNaN(profit[i])) return true;
  return false;
}

/**
 * Tier every customer. `keys` break ties (and make the result independent of row order); null when
 * index order is key order (see orderDescending);
 * `negativeProfit[i]` marks loss-makers, who are D whatever their metric. `ranked` false (no
 * revenue or profit figure in the table) leaves every tier null; the ranking is still returned.
 */
export function abcTiers(
  metric: Float64Array,
  keys: readonly string[] | null,
  limits: { a: number; b: number; d: number },
  negativeProfit?: (i: number) => boolean,
  ranked = true,
): TierResult {
  const n = metric.length;
  const order = orderDescending(metric, keys);
  let total = 0;
  for (let i = 0; i < n; i++) if (metric[i]! > 0) total += metric[i]!;
  const tiers: (Tier | null)[] = new Array(n);
  const cumulativeShare = new Float64Array(n);
  const position = new Uint32Array(n);
  let cum = 0;
  let cCount = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    position[i] = p;
    const m = metric[i]!;
    const before = total > 0 ? cum / total : 1;
    cumulativeShare[i] = before;
    if (m > 0 && before < limits.a - EPS) tiers[i] = 'A';
    else if (m > 0 && before < limits.b - EPS) tiers[i] = 'B';
    else {
      tiers[i] = 'C';
      cCount++;
    }
    if (m > 0) cum += m;
  }
  // D: the lowest d of C (rounded up) — C customers are at the end of the order.
  let release = Math.ceil(limits.d * cCount - 1e-9);
  for (let p = n - 1; p >= 0 && release > 0; p--) {
    const i = order[p]!;
    if (tiers[i] === 'C') {
      tiers[i] = 'D';
      release--;
    }
  }
  if (negativeProfit) for (let i = 0; i < n; i++) if (negativeProfit(i)) tiers[i] = 'D';
  if (!ranked) tiers.fill(null);
  return { tiers, cumulativeShare, position, order };
}

/**
 * Cumulative share *including* each value, in the input's order (RAPPORT_PARETO): the share of the
 * positive total held by this value and every larger one (ties by position).
 */
export function paretoShares(values: Float64Array): Float64Array {
  const { order } = abcTiers(values, null, { a: 0, b: 0, d: 0 }); // ties by position
  let total = 0;
  for (const v of values) if (v > 0) total += v;
  const out = new Float64Array(values.length);
  let cum = 0;
  for (const i of order) {
    if (values[i]! > 0) cum += values[i]!;
    out[i] = total > 0 ? cum / total : 0;
  }
  return out;
}
