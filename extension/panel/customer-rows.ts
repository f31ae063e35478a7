/**
 * The customer list's rows — the few fields a list line and its filters need — read from the
 * database in pages of a few thousand, so that 100,000 customers load without one long task on the
 * panel's main thread (reading them all at once deserialises every record in one go).
 */
import type { Lifecycle, Tier } from '../../shared/types';
import type { RapportDB } from '../db/database';
import type { StoredCustomer } from '../db/records';

export interface CustomerRow {
  key: string;
  name: string;
  emails: string[];
  tier: Tier;
  lifecycle: Lifecycle;
  churnRisk: { score: number };
  metric: number;
}

const PAGE = 2000;

export function rowOf(c: StoredCustomer): CustomerRow {
  return { key: c.key, name: c.name, emails: c.emails, tier: c.tier, lifecycle: c.lifecycle, churnRisk: { score: c.churnRisk.score }, metric: c.metric };
}

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Every customer's row, by tier then metric (largest first), read page by page; stops early (with
 * what it has) when `stillWanted` says the answer is no longer needed.
 */
export async function loadCustomerRows(db: RapportDB, stillWanted: () => boolean = () => true): Promise<CustomerRow[]> {
  const out: CustomerRow[] = [];
  let last: string | null = null;
  for (;;) {
    const page: StoredCustomer[] = await (last === null ? db.customers.orderBy(':id') : db.customers.where(':id').above(last)).limit(PAGE).toArray();
    for (const c of page) out.push(rowOf(c));
    if (page.length < PAGE || !stillWanted()) break;
    last = page[page.length - 1]!.key;
    await yieldToPage();
  }
  return out.sort((a, b) => (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : b.metric - a.metric));
}
