/** Calls, visits and emails a rep logs with a customer; the latest is its last contact (method §3, §7). */
import { isoToDay } from '../../shared/ingest/parse-date';
import { newId, type RapportDB } from './database';
import type { ContactLogEntry } from './records';
import { writeAndRefresh } from './write-and-refresh';

/** Logs a call/visit/email on `date` (`YYYY-MM-DD`); it becomes the last contact when later (method §3, §7). */
export async function logContact(db: RapportDB, customerKey: string, kind: ContactLogEntry['kind'], date: string, note = ''): Promise<ContactLogEntry> {
  if (isoToDay(date) === null) throw new RangeError(`not a day: ${date}`);
  const e: ContactLogEntry = { id: newId(), customerKey, kind, date, note: note.trim() };
  await writeAndRefresh(db, customerKey, () => db.contactLog.add(e));
  return e;
}

/** A customer's logged contacts, latest first. */
export async function contactLogOf(db: RapportDB, customerKey: string): Promise<ContactLogEntry[]> {
  const list = await db.contactLog.where('customerKey').equals(customerKey).toArray();
  return list.sort((a, b) => b.date.localeCompare(a.date));
}
