/**
 * Value classes (method §4, seeds 001 and 002), first match wins:
 * MVC 最有价值顾客 = tier A by profit (by revenue when the table has no profit);
 * BZ 负值顾客 = profit below zero (after cost to serve);
 * MGC 最具增长性顾客 = headroom in the top `mgcTop` (20%) of the table, where headroom is
 * potential − revenue, else wallet − revenue, else revenue growth; only positive headroom counts;
 * maintain = everyone else.
 */
import type { Tier, ValueClass } from '../types';
import type { CustomerInput } from '../ingest/customer-input';
import { orderDescending } from './rank';
import { growthOf } from './value-score';

/** Headroom per method §4, NaN when the customer has none of its inputs. */
export function headroom(c: CustomerInput): number {
  const rev = c.revenue ?? 0;
  if (c.potential !== null) return c.potential - rev;
  if (c.wallet !== null) return c.wallet - rev;
  return growthOf(c.revenue, c.revenuePrev);
}

export function valueClasses(inputs: readonly CustomerInput[], tiers: readonly (Tier | null)[], top: number): ValueClass[] {
  const n = inputs.length;
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = headroom(inputs[i]!);
    h[i] = Number.isNaN(v) ? -Infinity : v;
  }
  const keys = inputs.map((c) => c.key);
  const order = orderDescending(h, keys);
  const mgc = new Uint8Array(n);
  const slots = Math.ceil(top * n - 1e-9);
  for (let p = 0; p < slots; p++) {
    const i = order[p]!;
    if (h[i]! > 0) mgc[i] = 1;
  }
  const out: ValueClass[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = inputs[i]!;
    if (tiers[i] === 'A') out[i] = 'MVC';
    else if (c.profit !== null && c.profit < 0) out[i] = 'BZ';
    else if (mgc[i]) out[i] = 'MGC';
    else out[i] = 'maintain';
  }
  return out;
}
