/**
 * Customers whose company domain is a record page's company domain (the registrable domain of its
 * website link). Free-mail domains never match, as for addresses.
 */
import type { RapportDB } from '../db/database';
import type { StoredCustomer } from '../db/records';
import { isFreeMail, registrableDomain } from '../../shared/ingest/registrable-domain';

export async function matchCompany(db: RapportDB, domain: string): Promise<StoredCustomer[]> {
  const d = registrableDomain(domain);
  if (!d || isFreeMail(d)) return [];
  return db.customers.byDomain(d);
}
