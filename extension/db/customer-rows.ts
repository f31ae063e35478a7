/**
 * The customer list's rows — the few fields a list line and its filters need — read from the
 * database in pages. The panel has the import worker read them (each full record is deserialised
 * there, off the panel's main thread) and receives the light rows in pages.
 */
import type { Lifecycle, Tier } from '../../shared/types';
import type { RapportDB } from './database';
import type { StoredCustomer } from './records';

export interface CustomerRow {
  key: string;
  name: string;
  emails: string[];
  tier: Tier | null;
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
 * Every customer's row, in key order, read page by page; stops early (with what it has) when
 * `stillWanted` says the answer is no longer needed.
 */
export async function loadCustomerRows(
  db: RapportDB,
  stillWanted: () => boolean = () => true,
  onPage?: (rows: CustomerRow[]) => void,
): Promise<CustomerRow[]> {
  const out: CustomerRow[] = [];
  let last: string | null = null;
  for (;;) {
    const page: StoredCustomer[] = await (last === null ? db.customers.orderBy(':id') : db.customers.where(':id').above(last)).limit(PAGE).toArray();
    const rows = page.map(rowOf);
    out.push(...rows);
    onPage?.(rows);
    if (page.length < PAGE || !stillWanted()) break;
    last = page[page.length - 1]!.key;
    await yieldToPage();
  }
  return out;
}
