/** Follow-ups a rep sets for a customer: a title and a due time, with a reminder when due (seed 001). */
import { newId, type RapportDB } from './database';
import type { FollowUp } from './records';

/** Adds an open follow-up due at `due`; a date that is not a date is refused. */
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

/** A customer's follow-ups, open ones first, each group by due time. */
export async function followUpsOf(db: RapportDB, customerKey: string): Promise<FollowUp[]> {
  const list = await db.followUps.where('customerKey').equals(customerKey).toArray();
  return list.sort((a, b) => a.done - b.done || a.due.localeCompare(b.due));
}
