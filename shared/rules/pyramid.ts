/**
 * The customer pyramid (客户金字塔, method §4, seed 002) by the tier metric (profit when
 * present): Platinum = top 5%, Gold = to 20%, Iron = to 70%, Lead = the bottom 30%; counts are
 * rounded up at each cut. The 20/80/30 report: the top 20%'s share of total profit, what the
 * bottom 30% adds to or takes from it, and the total without them.
 */
import type { PyramidLevel } from '../types';
import type { Settings } from '../settings';

export interface PyramidResult {
  levels: PyramidLevel[];
  top20Share: number;
  bottom30Share: number;
  withoutBottom30: number;
  total: number;
}

/** `order` is the tier ranking (metric descending, ties by key). */
export function pyramid(metric: Float64Array, order: Uint32Array, cuts: Settings['pyramid']): PyramidResult {
  const n = order.length;
  const platinum = Math.ceil(cuts.platinum * n - 1e-9);
  const gold = Math.ceil(cuts.gold * n - 1e-9);
  const iron = Math.ceil(cuts.iron * n - 1e-9);
  const levels: PyramidLevel[] = new Array(n);
  let total = 0;
  let top = 0;
  let bottom = 0;
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const m = metric[i]!;
    total += m;
    levels[i] = p < platinum ? 'platinum' : p < gold ? 'gold' : p < iron ? 'iron' : 'lead';
    if (p < gold) top += m;
    if (p >= iron) bottom += m;
  }
  const share = (x: number) => (total !== 0 ? x / total : 0);
  return { levels, top20Share: share(top), bottom30Share: share(bottom), withoutBottom30: total - bottom, total };
}
