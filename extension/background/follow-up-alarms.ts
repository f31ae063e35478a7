/**
 * Follow-up reminders: one `chrome.alarms` alarm per open follow-up at its due time; when it fires,
 * a notification names the customer and the task.
 *
 * Each reminder is shown once: the follow-up records when it was notified, and a synchronisation
 * (after every data change) leaves an existing alarm as it is, so an overdue follow-up is not
 * announced again by unrelated edits. A follow-up whose due date cannot be read is skipped —
 * it never stops the alarms of the others.
 */
import { browser } from 'wxt/browser';
import type { RapportDB } from '../db/database';
import type { FollowUp } from '../db/records';

export const ALARM_PREFIX = 'followup:';

/** The parts of `chrome.alarms` and `chrome.notifications` the reminders use. */
export interface ReminderApi {
  alarms: {
    getAll(): Promise<{ name: string; scheduledTime: number }[]>;
    create(name: string, info: { when: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
  };
  notifications: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
  };
  iconUrl(): string;
}

function browserApi(): ReminderApi {
  return {
    alarms: browser.alarms as unknown as ReminderApi['alarms'],
    notifications: browser.notifications as unknown as ReminderApi['notifications'],
    iconUrl: () => (browser.runtime as unknown as { getURL(path: string): string }).getURL('/icon/128.png'),
  };
}

/**
 * Creates the alarm of each open follow-up not yet notified (at its due time, or in a second when
 * already due) unless it has one at that time; clears the alarms of done, deleted or notified ones.
 * Returns the ids skipped because their due date is unreadable.
 */
export async function syncFollowUpAlarms(db: RapportDB, api: ReminderApi = browserApi(), now = Date.now()): Promise<string[]> {
  const open = await db.followUps.where('done').equals(0).toArray();
  const skipped: string[] = [];
  const want = new Map<string, number>();
  for (const f of open) {
    if (f.notified) continue;
    const due = typeof f.due === 'string' ? Date.parse(f.due) : NaN;
    if (!Number.isFinite(due)) {
      skipped.push(f.id);
      continue;
    }
    want.set(ALARM_PREFIX + f.id, due);
  }
  const existing = new Map<string, number>();
  for (const a of await api.alarms.getAll()) {
    if (!a.name.startsWith(ALARM_PREFIX)) continue;
    if (want.has(a.name)) existing.set(a.name, a.scheduledTime);
    else await api.alarms.clear(a.name);
  }
  for (const [name, due] of want) {
    const has = existing.get(name);
    // An alarm at the due time, or an overdue one already waiting to fire: leave it.
    if (has !== undefined && (has === due || due <= now)) continue;
    try {
      await api.alarms.create(name, { when: Math.max(due, now + 1000) });
    } catch (e) {
      skipped.push(name.slice(ALARM_PREFIX.length));
      console.warn('[rapport] alarm', name, e);
    }
  }
  if (skipped.length > 0) console.warn('[rapport] follow-ups without a readable due date or alarm:', skipped);
  return skipped;
}

/** Shows the reminder of a follow-up once, and records that it was shown. */
export async function notifyFollowUp(
  db: RapportDB,
  alarmName: string,
  text: (f: FollowUp, customer: string) => { title: string; message: string },
  api: ReminderApi = browserApi(),
  now = new Date(),
): Promise<void> {
  if (!alarmName.startsWith(ALARM_PREFIX)) return;
  const id = alarmName.slice(ALARM_PREFIX.length);
  const f = await db.followUps.get(id);
  if (!f || f.done === 1 || f.notified) return;
  const c = await db.customers.get(f.customerKey);
  const { title, message } = text(f, c?.name ?? f.customerKey);
  await db.followUps.update(id, { notified: now.toISOString() });
  await api.notifications.create(alarmName, { type: 'basic', iconUrl: api.iconUrl(), title, message });
}
