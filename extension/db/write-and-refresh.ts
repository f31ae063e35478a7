/** One write of a logged fact (a complaint, a call or visit) together with its customer's results. */
import type { RapportDB } from './database';
import { reanalyze } from './import-table';
import { refreshCustomer } from './logged-facts';

/**
 * Writes a logged fact and updates its customer's results in one transaction (all or nothing).
 * Data from before the analysis date was recorded gets one full re-analysis instead.
 */
export async function writeAndRefresh<T>(db: RapportDB, customerKey: string, write: () => Promise<T>): Promise<T> {
  let refreshed = true;
  const out = await db.transaction('rw', [db.contactLog, db.complaints, ...db.customers.stores, db.meta], async () => {
    const r = await write();
    refreshed = await refreshCustomer(db, customerKey);
    return r;
  });
  if (!refreshed && ((await db.meta.get('source')) || (await db.meta.get('manual')))) await reanalyze(db, { lang: 'en' });
  return out;
}
