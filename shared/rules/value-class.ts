/**
 * Value classes (method §4, seeds 001 and 002), first match wins:
 * MVC 最有价值顾客 = tier A by profit (by revenue when the table has no profit);
 * BZ 负值顾客 = profit below zero (after cost to serve);
 * MGC 最具增长性顾客 = headroom in the top `mgcTop` (20%) of the table, where headroom is
 * potential − revenue, else wallet − revenue, else revenue growth; only positive headroom counts;
 * maintain = everyone else.
 */
import type { Tier, ValueClass } from '../types';
import type { CustomerColumns } from '../ingest/customer-columns';
import { orderDescending } from './rank';
import { growthOf } from './value-score';

/** Headroom per method §4 from column values (NaN = missing); NaN when the customer has none of its inputs. */
function headroom(revenue: number, revenuePrev: number, potential: number, wallet: number): number {
  const rev = Number.isNaN(revenue) ? 0 : revenue;
  if (!Number.isNaN(potential)) return potential - rev;
  if (!Number.isNaN(wallet)) return wallet - rev;
  return growthOf(revenue, revenuePrev);
}

/** Every customer's value class, given the tiers (first match wins, as above). */
export function valueClasses(cols: CustomerColumns, tiers: readonly (Tier | null)[], top: number): ValueClass[] {
  const n = cols.count;
  const { revenue, revenuePrev, potential, wallet, profit } = cols.num;
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = headroom(revenue[i]!, revenuePrev[i]!, potential[i]!, wallet[i]!);
    h[i] = Number.isNaN(v) ? -Infinity : v;
  }
  const order = orderDescending(h, cols.keysAscending ? null : cols.key);
  const mgc = new Uint8Array(n);
  const slots = Math.ceil(top * n - 1e-9);
  for (let p = 0; p < slots; p++) {
    const i = order[p]!;
    if (h[i]! > 0) mgc[i] = 1;
  }
  const out: ValueClass[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (tiers[i] === 'A') out[i] = 'MVC';
    else if (profit[i]! < 0) out[i] = 'BZ';
    else if (mgc[i]) out[i] = 'MGC';
    else out[i] = 'maintain';
  }
  return out;
}
