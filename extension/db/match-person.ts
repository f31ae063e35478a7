/**
 * Matching a person in an email to a customer: exact address first (a customer's own
 * addresses, then people attached to a customer by the rep), then the address's
 * registrable domain — ignoring free-mail domains (gmail.com, qq.com, 163.com, …) — so a new person
 * at a known company still matches.
 */
import type { RapportDB } from './database';
import type { StoredCustomer } from './records';
import { registrableDomain, isFreeMail } from '../../shared/ingest/registrable-domain';

export interface PersonMatch {
  customer: StoredCustomer;
  by: 'email' | 'domain';
}

/** Customers for one address: by exact address, else by company domain; [] when unknown. */
export async function matchPerson(db: RapportDB, email: string): Promise<PersonMatch[]> {
  const address = email.trim().toLowerCase();
  const exact = await db.customers.byEmail(address);
  if (exact.length > 0) return exact.map((customer) => ({ customer, by: 'email' as const }));
  // A person the rep attached to a customer by hand (kept across re-imports).
  const people = await db.contacts.where('email').equals(address).toArray();
  const attached = (await db.customers.bulkGet([...new Set(people.map((p) => p.customerKey))])).filter((c) => c !== undefined);
  if (attached.length > 0) return attached.map((customer) => ({ customer, by: 'email' as const }));
  const domain = registrableDomain(address);
  if (!domain || isFreeMail(domain)) return [];
  const byDomain = await db.customers.byDomain(domain);
  return byDomain.map((customer) => ({ customer, by: 'domain' as const }));
}
