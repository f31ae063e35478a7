/**
 * A customer's inputs as the core understood them, before any rule runs. Dates are day numbers
 * (days since 1970-01-01); null means "not in the data" — never zero by default.
 */
import type { CustomerFields } from '../types';
import { appendAll } from '../append-all';

export interface CustomerInput extends CustomerFields<number> {
  /** Transaction logs: days between the first purchase of the current period and the purchase before it. */
  gapBeforeCurrent: number | null;
}

/** An input with every field unknown. */
export function emptyInput(key: string, row: number): CustomerInput {
  return {
    key,
    rows: [row],
    name: key,
    emails: [],
    domains: [],
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

const add = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);
const min = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));
const max = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * Merge a duplicate key's row into the first (method §1: duplicate keys are merged). Amounts and
 * counts add up, first purchase is the earliest, last purchase and contact the latest, overdue days
 * the worst; other fields keep the first non-empty value.
 */
export function mergeInputs(into: CustomerInput, from: CustomerInput): void {
  appendAll(into.rows, from.rows);
  for (const e of from.emails) if (!into.emails.includes(e)) into.emails.push(e);
  for (const d of from.domains) if (!into.domains.includes(d)) into.domains.push(d);
  into.revenue = add(into.revenue, from.revenue);
  into.revenuePrev = add(into.revenuePrev, from.revenuePrev);
  into.profit = add(into.profit, from.profit);
  into.costToServe = add(into.costToServe, from.costToServe);
  into.orders = add(into.orders, from.orders);
  into.receivable = add(into.receivable, from.receivable);
  into.overdueAmount = add(into.overdueAmount, from.overdueAmount);
  into.complaints = add(into.complaints, from.complaints);
  into.complaintsOpen = add(into.complaintsOpen, from.complaintsOpen);
  into.firstPurchase = min(into.firstPurchase, from.firstPurchase);
  into.lastPurchase = max(into.lastPurchase, from.lastPurchase);
  into.lastContact = max(into.lastContact, from.lastContact);
  into.overdueDays = max(into.overdueDays, from.overdueDays);
  if (into.name === into.key && from.name !== from.key) into.name = from.name;
  const keep = ['owner', 'segment', 'region', 'wallet', 'share', 'sharePrev', 'competitor', 'competitorName', 'suppliers', 'switchingCost', 'potential', 'creditLimit', 'satisfaction', 'churnReasonText'] as const;
  for (const k of keep) if (into[k] === null && from[k] !== null) (into as unknown as Record<string, unknown>)[k] = from[k];
}

/**
 * The order of two inputs of the same shape by their content: that of JSON.stringify({ ...a, rows:
 * null }) against the same text of b, worked out without writing either. The texts agree up to the
 * first field whose values differ; there the value's JSON and the character after it (',' or the
 * closing '}' after the last field) decide, as they would in the whole texts (one JSON value text is
 * never a proper prefix of another but for numbers, '12' and '123', where that next character
 * decides). Returns −1, 0 or 1.
 */
export function compareInputs(a: CustomerInput, b: CustomerInput): number {
  const keys = Object.keys(a) as (keyof CustomerInput)[];
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (key === 'rows') continue;
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    const after = k === keys.length - 1 ? '}' : ',';
    const tx = JSON.stringify(x) + after;
    const ty = JSON.stringify(y) + after;
    if (tx !== ty) return tx < ty ? -1 : 1;
  }
  return 0;
}
