/**
 * The key-account checklist of a tier-A customer with what the rep knows beyond the table
 * (method §10, computed by the core's `kaHealth`): complaints logged in the extension carry a
 * category, so when every open complaint of the customer was logged here, the four guarantees
 * are known one by one; "alignment" (needs and strategy) is the rep's own yes/no.
 */
import type { KaHealth } from '../../shared/types';
import { kaHealth } from '../../shared/rules/ka-health';
import type { RapportDB } from './database';
import type { StoredCustomer } from './records';

const alignmentKey = (customerKey: string) => `alignment:${customerKey}`;

export async function getAlignment(db: RapportDB, customerKey: string): Promise<boolean | null> {
  const v = (await db.meta.get(alignmentKey(customerKey)))?.value;
  return typeof v === 'boolean' ? v : null;
}

/** The rep's answer; null clears it. */
export async function setAlignment(db: RapportDB, customerKey: string, aligned: boolean | null): Promise<void> {
  if (aligned === null) await db.meta.delete(alignmentKey(customerKey));
  else await db.meta.put({ key: alignmentKey(customerKey), value: aligned });
}

/** The checklist for a tier-A customer (null below tier A, as the core gives it). */
export async function keyAccountHealth(db: RapportDB, c: StoredCustomer): Promise<KaHealth | null> {
  if (c.tier !== 'A') return c.kaHealth;
  const logged = await db.complaints.where('customerKey').equals(c.key).toArray();
  const open = logged.filter((x) => x.status === 'open');
  // The table's own count is kept beside the total with the complaints logged here.
  const fromTable = c.tableComplaintsOpen ?? (c.complaintsOpen === null ? null : c.complaintsOpen - open.length);
  const byCategory = fromTable === 0 && logged.length > 0 ? new Set<string>(open.map((x) => x.category)) : undefined;
  return kaHealth(c.visitOverdue, c.complaintsOpen, byCategory, await getAlignment(db, c.key));
}
