/**
 * Per-customer summary of a log read into typed columns (method §1, §9): orders are distinct
 * purchase days, first and last purchase, revenue in the current and previous period, and the
 * purchase history the probabilistic model needs — summed straight from the arrays.
 */
import type { PurchaseHistory } from '../model/purchase-history';
import { emptyInput, type CustomerInput } from './customer-input';
import type { LogColumns } from './log-columns';
import { isDayOrdered, sortByDay, type KeyGroups } from './log-groups';
import { isFreeMail, registrableDomain } from './registrable-domain';

/** The two periods: current (curStart, asOf], previous (prevStart, curStart]. */
export interface Periods {
  curStart: number;
  prevStart: number;
  /** False when the log does not reach back to the previous period's first day. */
  prevKnown: boolean;
}

/**
 * Each customer's input and purchase history, in key order. Purchases on the same day count once
 * (method §9), their spend summed in row order; a cancellation is not a purchase: it adds to
 * `returns` and lowers the revenue of the period it falls in.
 */
export function summarizeCustomers(
  log: LogColumns,
  groups: KeyGroups,
  order: Int32Array,
  periods: Periods,
  withHistories: boolean,
): { inputs: CustomerInput[]; histories: PurchaseHistory[] } {
  const { day, amount, cancel, rowNo } = log;
  const { curStart, prevStart, prevKnown } = periods;
  const customers = order.length;
  const inputs: CustomerInput[] = new Array(customers);
  const histories: PurchaseHistory[] = withHistories ? new Array(customers) : [];
  // When the accepted rows never go back in time, each customer's rows are already in day order.
  const dayOrdered = isDayOrdered(day, log.count);
  const purchases = new Int32Array(log.count); // scratch: one customer's purchase rows, by day
  for (let out = 0; out < customers; out++) {
    const id = order[out]!;
    const key = log.keys[id]!;
    const lo = groups.start[id]!;
    const hi = groups.start[id + 1]!;
    const rowList: number[] = new Array(hi - lo);
    let m = 0;
    let cancels = 0;
    for (let g = lo; g < hi; g++) {
      const r = groups.rows[g]!;
      rowList[g - lo] = rowNo[r]!;
      if (cancel[r]) cancels++;
      else purchases[m++] = r;
    }
    if (!dayOrdered) sortByDay(purchases, m, day);
    let orders = 0;
    for (let k = 0, last = -Infinity; k < m; k++) {
      const d = day[purchases[k]!]!;
      if (d !== last) orders++;
      last = d;
    }
    // Distinct purchase days, each with its spend summed in row order; each day's spend counts
    // in the period it falls in.
    const days: number[] = new Array(orders);
    const amounts: number[] = new Array(orders);
    let revenue = 0;
    let revenuePrev = 0;
    let gap: number | null = null;
    let at = -1;
    for (let k = 0; k < m; ) {
      const r = purchases[k]!;
      const d = day[r]!;
      let sum = 0 + amount[r]!;
      for (k++; k < m && day[purchases[k]!] === d; k++) sum += amount[purchases[k]!]!;
      if (gap === null && d > curStart && at >= 0 && days[at]! <= curStart) gap = d - days[at]!;
      at++;
      days[at] = d;
      amounts[at] = sum;
      if (d > curStart) revenue += sum;
      else if (d > prevStart) revenuePrev += sum;
    }
    let returns = 0;
    if (cancels > 0) {
      for (let g = lo; g < hi; g++) {
        const r = groups.rows[g]!;
        if (cancel[r]) returns -= amount[r]!;
      }
      for (let g = lo; g < hi; g++) {
        const r = groups.rows[g]!;
        if (!cancel[r]) continue;
        const d = day[r]!;
        if (d > curStart) revenue += amount[r]!;
        else if (d > prevStart) revenuePrev += amount[r]!;
      }
    }
    if (withHistories) histories[out] = { key, days, amounts, returns };
    const inp = emptyInput(key, 0);
    inp.rows = rowList;
    inp.name = log.names[id] ?? key;
    inp.owner = log.owners[id]!;
    inp.segment = log.segments[id]!;
    inp.region = log.regions[id]!;
    inp.orders = orders;
    inp.firstPurchase = orders > 0 ? days[0]! : null;
    inp.lastPurchase = orders > 0 ? days[orders - 1]! : null;
    inp.revenue = revenue;
    inp.revenuePrev = prevKnown ? revenuePrev : null;
    inp.gapBeforeCurrent = gap;
    const emails = log.emails[id];
    if (emails) {
      emails.sort();
      inp.emails = emails;
      const domains: string[] = [];
      for (const e of emails) {
        const d = registrableDomain(e);
        if (d && !isFreeMail(d) && !domains.includes(d)) domains.push(d);
      }
      inp.domains = domains;
    }
    inputs[out] = inp;
  }
  return { inputs, histories };
}
