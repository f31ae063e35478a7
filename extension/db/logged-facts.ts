/**
 * What the rep logged in the extension, folded into a customer the core analysed: the latest
 * logged call/visit/email is the last contact when later than the table's, and complaints opened
 * here and still open add to the table's open count. The results that depend on those two facts
 * are recomputed by the core's per-customer rules (`withContactFacts`), so logging a call or a
 * complaint rewrites that one customer — in the same transaction as the entry itself.
 */
import { withContactFacts, type ContactFacts } from '../../shared/contact-facts';
import { resolveSettings, type Settings } from '../../shared/settings';
import type { Customer } from '../../shared/types';
import type { RapportDB } from './database';
import type { Complaint, ContactLogEntry, StoredCustomer } from './records';

/** The analysis that produced the stored customers: its date, for per-customer updates. */
export interface AnalysisRecord {
  /** `YYYY-MM-DD`; null when there was nothing to analyse. */
  asOf: string | null;
  /** Bumped by every commit of the analysed inputs (import, manual customer, settings). */
  stamp: number;
  /** The table's typical repeat interval (Summary.churnRisk.typicalRepeatDays), for one-time buyers. */
  typicalRepeatDays: number | null;
}

export async function analysisRecord(db: RapportDB): Promise<AnalysisRecord | null> {
  const v = (await db.meta.get('analysis'))?.value as AnalysisRecord | undefined;
  if (!v || typeof v.stamp !== 'number') return null;
  const typical = typeof v.typicalRepeatDays === 'number' && Number.isFinite(v.typicalRepeatDays) ? v.typicalRepeatDays : null;
  return { asOf: typeof v.asOf === 'string' ? v.asOf : null, stamp: v.stamp, typicalRepeatDays: typical };
}

/** The settings stored with the data (the options page's JSON over the defaults). */
export async function storedSettings(db: RapportDB): Promise<Settings> {
  return resolveSettings((await db.meta.get('settings'))?.value ?? {}).settings;
}

/** A customer's contact facts: the table's, with the logged contacts and open complaints added. */
export function factsFor(
  table: { lastContact: string | null; complaintsOpen: number | null },
  logged: readonly Pick<ContactLogEntry, 'date'>[],
  complaints: readonly Pick<Complaint, 'status'>[],
): ContactFacts {
  let lastContact = table.lastContact;
  for (const e of logged) if (lastContact === null || e.date > lastContact) lastContact = e.date;
  let open = 0;
  for (const c of complaints) if (c.status === 'open') open++;
  return { lastContact, complaintsOpen: open > 0 ? (table.complaintsOpen ?? 0) + open : table.complaintsOpen };
}

/** A freshly analysed customer as stored: its table facts kept, the logged ones folded in. */
export function storedCustomer(
  c: Customer,
  source: StoredCustomer['source'],
  logged: readonly ContactLogEntry[],
  complaints: readonly Complaint[],
  asOf: string,
  settings: Settings,
  updatedAt: string,
  typicalRepeatDays: number | null = null,
): StoredCustomer {
  const table = { lastContact: c.lastContact, complaintsOpen: c.complaintsOpen };
  const base: StoredCustomer = {
    ...c,
    emails: c.emails.map((e) => e.toLowerCase()),
    source,
    updatedAt,
    tableLastContact: c.lastContact,
    tableComplaintsOpen: c.complaintsOpen,
  };
  if (logged.length === 0 && !complaints.some((x) => x.status === 'open')) return base;
  return withContactFacts(base, factsFor(table, logged, complaints), asOf, settings, typicalRepeatDays);
}

/**
 * Recomputes one stored customer from its table facts and everything logged for it. Call inside a
 * transaction over customers, contactLog, complaints and meta. Returns false when the customer
 * cannot be updated on its own (unknown key, or no analysis date recorded by an older version).
 */
export async function refreshCustomer(db: RapportDB, customerKey: string, now = new Date()): Promise<boolean> {
  const c = await db.customers.get(customerKey);
  if (!c) return true; // nothing to update: the log entry is kept for when the customer appears
  const record = await analysisRecord(db);
  const asOf = record?.asOf;
  if (!asOf) return false;
  const [logged, complaints, settings] = await Promise.all([
    db.contactLog.where('customerKey').equals(customerKey).toArray(),
    db.complaints.where('customerKey').equals(customerKey).toArray(),
    storedSettings(db),
  ]);
  const facts = factsFor({ lastContact: c.tableLastContact, complaintsOpen: c.tableComplaintsOpen }, logged, complaints);
  await db.customers.put({ ...withContactFacts(c, facts, asOf, settings, record?.typicalRepeatDays ?? null), updatedAt: now.toISOString() });
  return true;
}
