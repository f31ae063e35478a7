/**
 * The customer list's rows — the few fields a list line and its filters need — read from the
 * database a few blocks at a time (a block keeps them beside its customers' JSON, so no customer is
 * decoded). The panel has the import worker read them, off the panel's main thread, and receives
 * them in pages.
 */
import type { RapportDB } from './database';
import type { CustomerRow } from './records';

export type { CustomerRow } from './records';

/**
 * Blocks read per page: ~800 rows at 100,000 customers, so each page the worker posts is
 * deserialised on the panel's main thread in a short task (12,500 rows a page took ~100-200 ms).
 */
const BLOCKS_PER_PAGE = 8;

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
    BLOCKS_PER_PAGE,
  );
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
