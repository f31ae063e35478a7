/**
 * The customer list's rows — the few fields a list line and its filters need — read from the
 * database a few blocks at a time (a block keeps them beside its customers' JSON, so no customer is
 * decoded). The panel has the import worker read them, off the panel's main thread, and receives
 * them in pages.
 */
import type { Lifecycle, Tier } from '../../shared/types';
import type { RapportDB } from './database';

export interface CustomerRow {
  key: string;
  name: string;
  emails: string[];
  tier: Tier | null;
  lifecycle: Lifecycle;
  churnRisk: { score: number };
  metric: number;
}

/**
 * Every customer's row, read a few blocks at a time (each page in key order; the whole answer in
 * key order); stops early (with what it has) when `stillWanted` says the answer is no longer needed.
 */
export async function loadCustomerRows(
  db: RapportDB,
  stillWanted: () => boolean = () => true,
  onPage?: (rows: CustomerRow[]) => void,
): Promise<CustomerRow[]> {
  const out: CustomerRow[] = [];
  await db.customers.eachRowPage(
    (rows) => {
      for (const r of rows) out.push(r);
      if (rows.length > 0) onPage?.(rows);
    },
    stillWanted,
  );
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
