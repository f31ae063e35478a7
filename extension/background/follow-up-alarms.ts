/**
 * Follow-up reminders: one `chrome.alarms` alarm per open follow-up at its due time; when it fires,
 * a notification names the customer and the task (issue 4, "follow-ups … an alarm and a notification").
 */
import { browser } from 'wxt/browser';
import type { RapportDB } from '../db/database';
import type { FollowUp } from '../db/records';

export const ALARM_PREFIX = 'followup:';

/** Creates or replaces the alarm of each open follow-up; clears alarms of done or deleted ones. */
export async function syncFollowUpAlarms(db: RapportDB): Promise<void> {
  const open = await db.followUps.where('done').equals(0).toArray();
  const want = new Map(open.map((f) => [ALARM_PREFIX + f.id, f] as const));
  for (const a of await browser.alarms.getAll()) {
    if (a.name.startsWith(ALARM_PREFIX) && !want.has(a.name)) await browser.alarms.clear(a.name);
  }
  const now = Date.now();
  for (const [name, f] of want) {
    const when = Math.max(Date.parse(f.due), now + 1000);
    await browser.alarms.create(name, { when });
  }
}

export async function notifyFollowUp(db: RapportDB, alarmName: string, text: (f: FollowUp, customer: string) => { title: string; message: string }): Promise<void> {
  if (!alarmName.startsWith(ALARM_PREFIX)) return;
  const f = await db.followUps.get(alarmName.slice(ALARM_PREFIX.length));
  if (!f || f.done === 1) return;
  const c = await db.customers.get(f.customerKey);
  const { title, message } = text(f, c?.name ?? f.customerKey);
  await browser.notifications.create(alarmName, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
}
