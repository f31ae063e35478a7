/**
 * The relationship records a rep keeps beside a customer: follow-ups, complaints, logged contacts,
 * churn reasons and the people at the customer (issue 4, "Data"; METHOD §7, seed 001).
 */
import { newId, type RapportDB } from './database';
import { isoToDay } from '../../shared/ingest/parse-date';
import { refreshCustomer } from './logged-facts';
import { reanalyze } from './import-table';
import type {
  ChurnReasonCode,
  ChurnReasonRecord,
  Complaint,
  ComplaintCategory,
  ContactLogEntry,
  ContactPerson,
  FollowUp,
} from './records';

export async function addFollowUp(db: RapportDB, customerKey: string, title: string, due: Date, now = new Date()): Promise<FollowUp> {
  if (Number.isNaN(due.getTime())) throw new RangeError('the due date is not a date');
  const f: FollowUp = { id: newId(), customerKey, title: title.trim(), due: due.toISOString(), done: 0, created: now.toISOString(), notified: null };
  await db.followUps.add(f);
  return f;
}

/** Marks a follow-up done, or open again (then its reminder is due again). */
export async function setFollowUpDone(db: RapportDB, id: string, done: boolean): Promise<void> {
  await db.followUps.update(id, done ? { done: 1 } : { done: 0, notified: null });
}

/** Open follow-ups due at or before `at`, earliest first. */
export async function dueFollowUps(db: RapportDB, at: Date): Promise<FollowUp[]> {
  const list = await db.followUps.where('due').belowOrEqual(at.toISOString()).toArray();
  return list.filter((f) => f.done === 0).sort((a, b) => a.due.localeCompare(b.due));
}

export async function followUpsOf(db: RapportDB, customerKey: string): Promise<FollowUp[]> {
  const list = await db.followUps.where('customerKey').equals(customerKey).toArray();
  return list.sort((a, b) => a.done - b.done || a.due.localeCompare(b.due));
}

/**
 * Writes a logged fact and updates its customer's results in one transaction (all or nothing).
 * Data from before the analysis date was recorded gets one full re-analysis instead.
 */
async function withRefresh<T>(db: RapportDB, customerKey: string, write: () => Promise<T>): Promise<T> {
  let refreshed = true;
  const out = await db.transaction('rw', [db.contactLog, db.complaints, db.customers, db.meta], async () => {
    const r = await write();
    refreshed = await refreshCustomer(db, customerKey);
    return r;
  });
  if (!refreshed && ((await db.meta.get('source')) || (await db.meta.get('manual')))) await reanalyze(db, { lang: 'en' });
  return out;
}

/** Logs a complaint; it counts as open for the customer's churn risk until resolved (METHOD §7). */
export async function addComplaint(db: RapportDB, customerKey: string, category: ComplaintCategory, body: string, now = new Date()): Promise<Complaint> {
  const c: Complaint = { id: newId(), customerKey, category, status: 'open', body: body.trim(), created: now.toISOString(), resolved: null };
  await withRefresh(db, customerKey, () => db.complaints.add(c));
  return c;
}

export async function resolveComplaint(db: RapportDB, id: string, now = new Date()): Promise<void> {
  const c = await db.complaints.get(id);
  if (!c) return;
  await withRefresh(db, c.customerKey, () => db.complaints.update(id, { status: 'resolved', resolved: now.toISOString() }));
}

export async function complaintsOf(db: RapportDB, customerKey: string): Promise<Complaint[]> {
  const list = await db.complaints.where('customerKey').equals(customerKey).toArray();
  return list.sort((a, b) => b.created.localeCompare(a.created));
}

/** Logs a call/visit/email on `date` (`YYYY-MM-DD`); it becomes the last contact when later (METHOD §3, §7). */
export async function logContact(db: RapportDB, customerKey: string, kind: ContactLogEntry['kind'], date: string, note = ''): Promise<ContactLogEntry> {
  if (isoToDay(date) === null) throw new RangeError(`not a day: ${date}`);
  const e: ContactLogEntry = { id: newId(), customerKey, kind, date, note: note.trim() };
  await withRefresh(db, customerKey, () => db.contactLog.add(e));
  return e;
}

export async function contactLogOf(db: RapportDB, customerKey: string): Promise<ContactLogEntry[]> {
  const list = await db.contactLog.where('customerKey').equals(customerKey).toArray();
  return list.sort((a, b) => b.date.localeCompare(a.date));
}

export async function addChurnReason(db: RapportDB, customerKey: string, code: ChurnReasonCode, text: string, date: string): Promise<ChurnReasonRecord> {
  const r: ChurnReasonRecord = { id: newId(), customerKey, code, text: text.trim(), date };
  await db.churnReasons.add(r);
  return r;
}

export async function churnReasonsOf(db: RapportDB, customerKey: string): Promise<ChurnReasonRecord[]> {
  return db.churnReasons.where('customerKey').equals(customerKey).toArray();
}

export { blankContact } from './contact-card';

export async function saveContact(db: RapportDB, contact: ContactPerson): Promise<number> {
  return (await db.contacts.put(contact)) as number;
}

export async function contactsOf(db: RapportDB, customerKey: string): Promise<ContactPerson[]> {
  return db.contacts.where('customerKey').equals(customerKey).toArray();
}
