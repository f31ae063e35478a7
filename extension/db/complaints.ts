/** Complaints logged against a customer; an open one raises its churn risk (method §7, seed 001). */
import { newId, type RapportDB } from './database';
import type { Complaint, ComplaintCategory } from './records';
import { writeAndRefresh } from './write-and-refresh';

/** Logs a complaint; it counts as open for the customer's churn risk until resolved (method §7). */
export async function addComplaint(db: RapportDB, customerKey: string, category: ComplaintCategory, body: string, now = new Date()): Promise<Complaint> {
  const c: Complaint = { id: newId(), customerKey, category, status: 'open', body: body.trim(), created: now.toISOString(), resolved: null };
  await writeAndRefresh(db, customerKey, () => db.complaints.add(c));
  return c;
}

/** Marks a complaint resolved; the customer's churn risk is worked out again. */
export async function resolveComplaint(db: RapportDB, id: string, now = new Date()): Promise<void> {
  const c = await db.complaints.get(id);
  if (!c) return;
  await writeAndRefresh(db, c.customerKey, () => db.complaints.update(id, { status: 'resolved', resolved: now.toISOString() }));
}

/** A customer's complaints, newest first. */
export async function complaintsOf(db: RapportDB, customerKey: string): Promise<Complaint[]> {
  const list = await db.complaints.where('customerKey').equals(customerKey).toArray();
  return list.sort((a, b) => b.created.localeCompare(a.created));
}
