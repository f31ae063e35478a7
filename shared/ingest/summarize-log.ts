/**
 * Per-customer summary of a log read into typed columns (method §1, §9): orders are distinct
 * purchase days, first and last purchase, revenue in the current and previous period, and the
 * purchase history the probabilistic model needs — summed straight from the arrays.
 */
import type { PurchaseHistory } from '../model/purchase-history';
import type { CustomerInput } from './customer-input';
import type { LogColumns } from './log-columns';
import type { DescribedKeys } from './log-descriptions';
import { sortByDay, type CustomerRows } from './log-groups';
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
  grouped: CustomerRows,
  periods: Periods,
  withHistories: boolean,
): { inputs: CustomerInput[]; histories: PurchaseHistory[] } {
  const { amount, ints, start } = grouped;
  const { curStart, prevStart, prevKnown } = periods;
  const customers = grouped.ids.length;
  const inputs: CustomerInput[] = new Array(customers);
  const histories: PurchaseHistory[] = withHistories ? new Array(customers) : [];
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
    for (let k = 0; k < m; ) {
      const g = purchases[k]!;
      const d = ints[4 * g + 2]!;
      let sum = 0 + amount[2 * g]!;
      for (k++; k < m && ints[4 * purchases[k]! + 2] === d; k++) sum += amount[2 * purchases[k]!]!;
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
    // The input's row list: its rows in row order.
    let rows: number[];
    if (hi - lo > 1) {
      rows = new Array(hi - lo);
      for (let g = lo; g < hi; g++) rows[g - lo] = Math.abs(ints[4 * g + 3]!);
    } else rows = [Math.abs(ints[4 * lo + 3]!)];
    const inp = logInput(key, rows);
    inp.orders = orders;
    inp.firstPurchase = orders > 0 ? firstDay : null;
    inp.lastPurchase = orders > 0 ? lastDay : null;
    inp.revenue = revenue;
    inp.revenuePrev = prevKnown ? revenuePrev : null;
    inp.gapBeforeCurrent = gap;
    if (log.described) describe(inp, log.described, id);
    inputs[c] = inp;
  }
  return { inputs, histories };
}

/** Copy key `id`'s descriptive fields into its input; the company domains of its emails. */
function describe(inp: CustomerInput, d: DescribedKeys, id: number): void {
  inp.name = d.names[id] ?? inp.key;
  inp.owner = d.owners[id]!;
  inp.segment = d.segments[id]!;
  inp.region = d.regions[id]!;
  const emails = d.emails[id];
  if (emails) {
    emails.sort();
    inp.emails = emails;
    const domains: string[] = [];
    for (const e of emails) {
      const host = registrableDomain(e);
      if (host && !isFreeMail(host) && !domains.includes(host)) domains.push(host);
    }
    inp.domains = domains;
  }
}

/**
 * The one empty email (and domain) list shared by every customer of a log who has no email: a
 * quarter of a million customers then hold no two empty arrays each. Frozen, so that no customer
 * can ever add to another's list (an attempt throws).
 */
const NO_TEXTS = Object.freeze([]) as unknown as string[];

/** A customer of a log as emptyInput makes one (every field unknown), with its row list and the shared empty lists. */
function logInput(key: string, rows: number[]): CustomerInput {
  return {
    key,
    rows,
    name: key,
    emails: NO_TEXTS,
    domains: NO_TEXTS,
    owner: null,
    segment: null,
    region: null,
    revenue: null,
    revenuePrev: null,
    profit: null,
    costToServe: null,
    orders: null,
    firstPurchase: null,
    lastPurchase: null,
    wallet: null,
    share: null,
    sharePrev: null,
    competitor: null,
    competitorName: null,
    suppliers: null,
    switchingCost: null,
    potential: null,
    receivable: null,
    overdueAmount: null,
    overdueDays: null,
    creditLimit: null,
    satisfaction: null,
    complaints: null,
    complaintsOpen: null,
    lastContact: null,
    churnReasonText: null,
    gapBeforeCurrent: null,
  };
}
