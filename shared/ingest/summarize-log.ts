/**
 * Per-customer summary of a log read into typed columns (method §1, §9): orders are distinct
 * purchase days, first and last purchase, revenue in the current and previous period, and what
 * the probabilistic model needs — summed straight from the arrays.
 */
import type { PurchaseHistory } from '../model/purchase-history';
import { RfmTableBuilder, rfmExclusions, unitDays, type RfmCut, type RfmTableSummary } from '../model/summarize-rfm';
import { CustomerColumns, type NumberField } from './customer-columns';
import type { LogColumns } from './log-columns';
import type { DescribedKeys } from './log-descriptions';
import { sortByDay, type CustomerRows } from './log-groups';
import { isFreeMail, registrableDomain } from './registrable-domain';

/** The number fields a log gives its customers (summarizeCustomers writes these, and only these). */
const LOG_FIELDS: readonly NumberField[] = ['orders', 'firstPurchase', 'lastPurchase', 'revenue', 'revenuePrev', 'gapBeforeCurrent'];

/** The two periods: current (curStart, asOf], previous (prevStart, curStart]. */
export interface Periods {
  curStart: number;
  prevStart: number;
  /** False when the log does not reach back to the previous period's first day. */
  prevKnown: boolean;
}

/**
 * Each customer's input, in key order, with (when asked) its purchase history and (given `rfm`)
 * its (x, t_x, T) summary for the purchase model at the cut-off, exactly as summarizeRfm would
 * give it on that history. Purchases on the same day count once (method §9), their spend summed
 * in row order; a cancellation is not a purchase: it adds to `returns` and lowers the revenue of
 * the period it falls in.
 */
export function summarizeCustomers(
  log: LogColumns,
  grouped: CustomerRows,
  periods: Periods,
  withHistories: boolean,
  rfm: RfmCut | null = null,
): { customers: CustomerColumns; histories: PurchaseHistory[]; rfm: RfmTableSummary | null } {
  const { amount, ints, start } = grouped;
  const { curStart, prevStart, prevKnown } = periods;
  const customers = grouped.ids.length;
  const out = new CustomerColumns(Math.max(1, customers), true, LOG_FIELDS);
  const { orders: ordersOf, firstPurchase, lastPurchase, revenue: revenueOf, revenuePrev: revenuePrevOf, gapBeforeCurrent } = out.num;
  const histories: PurchaseHistory[] = withHistories ? new Array(customers) : [];
  // The model's rows straight into columns (not an object per customer).
  const rfmRows = rfm ? new RfmTableBuilder(customers) : null;
  const perUnit = rfm ? unitDays(rfm.unit) : 1;
  let afterCutoff = 0;
  let noPurchases = 0;
  // When the accepted rows never go back in time, each customer's rows are already in day order.
  const dayOrdered = log.dayOrdered;
  let most = 0;
  for (let c = 0; c < customers; c++) if (start[c + 1]! - start[c]! > most) most = start[c + 1]! - start[c]!;
  const purchases = new Int32Array(most); // scratch: one customer's purchase records, by day
  // The customers' keys gathered in a short loop of their own (scattered reads overlap).
  const keys: string[] = new Array(customers);
  for (let c = 0; c < customers; c++) keys[c] = log.keys[grouped.ids[c]!]!;
  for (let c = 0; c < customers; c++) {
    const id = grouped.ids[c]!;
    const key = keys[c]!;
    const lo = start[c]!;
    const hi = start[c + 1]!;
    let m = 0;
    let cancels = 0;
    for (let g = lo; g < hi; g++) {
      if (ints[4 * g + 3]! < 0) cancels++;
      else purchases[m++] = g;
    }
    if (!dayOrdered) sortByDay(purchases, m, ints);
    // The history's arrays, of exact size: one entry per distinct purchase day.
    let days: number[] | null = null;
    let amounts: number[] | null = null;
    if (withHistories) {
      let n = 0;
      for (let k = 0, last = -Infinity; k < m; k++) {
        const d = ints[4 * purchases[k]! + 2]!;
        if (d !== last) n++;
        last = d;
      }
      days = new Array(n);
      amounts = new Array(n);
    }
    // Distinct purchase days, each with its spend summed in row order; each day's spend counts
    // in the period it falls in.
    let orders = 0;
    let firstDay = 0;
    let lastDay = 0;
    let revenue = 0;
    let revenuePrev = 0;
    let gap: number | null = null;
    // The model's summary, as summarizeRfm sums this customer's history: gross spend of every
    // purchase day, repeat spend of the days after the first up to the cut-off, in day order.
    let gross = 0;
    let repeat = 0;
    let upTo = 0;
    let lastUpTo = 0;
    for (let k = 0; k < m; ) {
      const g = purchases[k]!;
      const d = ints[4 * g + 2]!;
      let sum = 0 + amount[2 * g]!;
      for (k++; k < m && ints[4 * purchases[k]! + 2] === d; k++) sum += amount[2 * purchases[k]!]!;
      if (rfm) {
        const spend = Number.isFinite(sum) ? Math.max(0, sum) : 0;
        gross += spend;
        if (d <= rfm.asOfDay) {
          if (upTo > 0) repeat += spend;
          upTo++;
          lastUpTo = d;
        }
      }
      if (gap === null && d > curStart && orders > 0 && lastDay <= curStart) gap = d - lastDay;
      if (days) {
        days[orders] = d;
        amounts![orders] = sum;
      }
      if (orders === 0) firstDay = d;
      lastDay = d;
      orders++;
      if (d > curStart) revenue += sum;
      else if (d > prevStart) revenuePrev += sum;
    }
    let returns = 0;
    if (cancels > 0) {
      for (let g = lo; g < hi; g++) if (ints[4 * g + 3]! < 0) returns -= amount[2 * g]!;
      for (let g = lo; g < hi; g++) {
        if (ints[4 * g + 3]! > 0) continue;
        const d = ints[4 * g + 2]!;
        if (d > curStart) revenue += amount[2 * g]!;
        else if (d > prevStart) revenuePrev += amount[2 * g]!;
      }
    }
    if (days) histories[c] = { key, days, amounts: amounts!, returns };
    if (rfm && rfmRows) {
      if (orders === 0) noPurchases++;
      else if (upTo === 0) afterCutoff++;
      else rfmRows.add(key, firstDay, lastUpTo, upTo, gross, repeat, returns, rfm.asOfDay, perUnit);
    }
    // The customer's row list: its rows in row order.
    const j = out.add(key, Math.abs(ints[4 * lo + 3]!));
    if (hi - lo > 1) {
      const rows: number[] = new Array(hi - lo);
      for (let g = lo; g < hi; g++) rows[g - lo] = Math.abs(ints[4 * g + 3]!);
      out.rows[j] = rows;
    }
    ordersOf[j] = orders;
    if (orders > 0) {
      firstPurchase[j] = firstDay;
      lastPurchase[j] = lastDay;
    }
    revenueOf[j] = revenue;
    if (prevKnown) revenuePrevOf[j] = revenuePrev;
    if (gap !== null) gapBeforeCurrent[j] = gap;
    if (log.described) describe(out, j, log.described, id);
  }
  out.keysAscending = true; // one slot per key, in key order (groupByCustomer)
  return { customers: out.trim(), histories, rfm: rfmRows ? { table: rfmRows.table(), excluded: rfmExclusions(afterCutoff, noPurchases) } : null };
}

/** Copy key `id`'s descriptive fields into customer j; the company domains of its emails. */
function describe(out: CustomerColumns, j: number, d: DescribedKeys, id: number): void {
  out.name.set(j, d.names[id] ?? null);
  out.text.owner[j] = d.owners[id]!;
  out.text.segment[j] = d.segments[id]!;
  out.text.region[j] = d.regions[id]!;
  const emails = d.emails[id];
  if (emails) {
    emails.sort();
    out.setEmails(j, emails);
    const domains: string[] = [];
    for (const e of emails) {
      const host = registrableDomain(e);
      if (host && !isFreeMail(host) && !domains.includes(host)) domains.push(host);
    }
    out.setDomains(j, domains);
  }
}
