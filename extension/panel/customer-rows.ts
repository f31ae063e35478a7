/** The order of the customer list, for the first rows it shows. */
import type { Tier } from '../../shared/types';
import type { CustomerRow } from '../db/customer-rows';

export type { CustomerRow } from '../db/customer-rows';

const byMetric = (a: CustomerRow, b: CustomerRow) => b.metric - a.metric || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
// Customers of a table without tiers (no revenue or profit column) come last.
const TIER_ORDER: (Tier | null)[] = ['A', 'B', 'C', 'D', null];

/**
 * The first `limit` rows by tier (A first), then metric (largest first), then key — without
 * sorting every row: per tier, the `limit`-th largest metric is found with one typed-array sort and
 * only the rows at or above it are ordered.
 */
export function firstRows<R extends CustomerRow>(rows: readonly R[], limit: number): R[] {
  const out: R[] = [];
  for (const tier of TIER_ORDER) {
    const need = limit - out.length;
    if (need <= 0) break;
    const inTier = rows.filter((r) => r.tier === tier);
    if (inTier.length <= need) {
      out.push(...inTier.sort(byMetric));
      continue;
    }
    const metrics = Float64Array.from(inTier, (r) => r.metric).sort();
    const threshold = metrics[metrics.length - need]!;
    out.push(...inTier.filter((r) => r.metric >= threshold).sort(byMetric).slice(0, need));
  }
  return out;
}
