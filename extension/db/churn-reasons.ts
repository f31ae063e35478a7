/** Why a customer left, as the rep records it (method §6, seed 003). */
import { newId, type RapportDB } from './database';
import type { ChurnReasonCode, ChurnReasonRecord } from './records';

/** Records a reason the customer left, one of the coded reasons with the rep's words. */
export async function addChurnReason(db: RapportDB, customerKey: string, code: ChurnReasonCode, text: string, date: string): Promise<ChurnReasonRecord> {
  const r: ChurnReasonRecord = { id: newId(), customerKey, code, text: text.trim(), date };
  await db.churnReasons.add(r);
  return r;
}

/** The reasons recorded for a customer. */
export async function churnReasonsOf(db: RapportDB, customerKey: string): Promise<ChurnReasonRecord[]> {
  return db.churnReasons.where('customerKey').equals(customerKey).toArray();
}
