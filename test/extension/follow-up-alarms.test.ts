import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addFollowUp } from '../../extension/db/follow-ups';
import { ALARM_PREFIX, notifyFollowUp, syncFollowUpAlarms, type ReminderApi } from '../../extension/background/follow-up-alarms';
import type { RapportDB } from '../../extension/db/database';
import { freshDatabases } from './fresh-databases';

const db = freshDatabases('rapport-alarms');
/** chrome.alarms as Chrome behaves: `create` throws on a time that is not a number; a fired alarm is gone. */
function fakeApi() {
  const alarms = new Map<string, number>();
  const shown: string[] = [];
  const api: ReminderApi = {
    alarms: {
      getAll: async () => [...alarms].map(([name, scheduledTime]) => ({ name, scheduledTime })),
      create: (name, { when }) => {
        if (!Number.isFinite(when)) throw new TypeError('Invalid value for argument 2');
        alarms.set(name, when);
      },
      clear: async (name) => alarms.delete(name),
    },
    notifications: {
      create: async (id) => {
        shown.push(id);
        return id;
      },
    },
    iconUrl: () => 'icon.png',
  };
  /** Fires every alarm due by `at`, as Chrome does, and shows its notification. */
  const fire = async (d: RapportDB, at: number) => {
    for (const [name, when] of [...alarms]) {
      if (when > at) continue;
      alarms.delete(name);
      await notifyFollowUp(d, name, (f, customer) => ({ title: customer, message: f.title }), api, new Date(at));
    }
  };
  return { api, alarms, shown, fire };
}

const NOW = Date.parse('2026-03-01T09:00:00Z');

describe('follow-up alarms', () => {
  it('a follow-up with an unreadable due date is skipped; every other one still gets its alarm', async () => {
    const d = db();
    const a = await addFollowUp(d, 'A', 'call', new Date('2026-03-02T09:00:00Z'));
    // as a restored backup or an older version may hold it
    await d.followUps.put({ id: '0-broken', customerKey: 'B', title: 'x', due: 'next Tuesday', done: 0, created: '', notified: null });
    const c = await addFollowUp(d, 'C', 'quote', new Date('2026-03-05T09:00:00Z'));
    const { api, alarms } = fakeApi();
    expect(await syncFollowUpAlarms(d, api, NOW)).toEqual(['0-broken']);
    expect([...alarms.keys()].sort()).toEqual([ALARM_PREFIX + a.id, ALARM_PREFIX + c.id].sort());
    expect(alarms.get(ALARM_PREFIX + c.id)).toBe(Date.parse('2026-03-05T09:00:00Z'));
  });

  it('an overdue follow-up is announced once, not again after each unrelated data change', async () => {
    const d = db();
    const f = await addFollowUp(d, 'A', 'send the price list', new Date('2026-02-20T09:00:00Z'));
    const { api, shown, fire } = fakeApi();
    await syncFollowUpAlarms(d, api, NOW);
    await fire(d, NOW + 1000);
    expect(shown).toEqual([ALARM_PREFIX + f.id]);
    for (let k = 1; k <= 4; k++) {
      await syncFollowUpAlarms(d, api, NOW + k * 60_000); // a note added, a call logged, …
      await fire(d, NOW + k * 60_000 + 1000);
    }
    expect(shown).toEqual([ALARM_PREFIX + f.id]);
    expect((await d.followUps.get(f.id))?.notified).toBe(new Date(NOW + 1000).toISOString());
  });

  it('keeps an existing alarm at its due time instead of creating it again', async () => {
    const d = db();
    await addFollowUp(d, 'A', 'later', new Date('2026-03-09T09:00:00Z'));
    const { api, alarms } = fakeApi();
    await syncFollowUpAlarms(d, api, NOW);
    const created: string[] = [];
    const create = api.alarms.create;
    api.alarms.create = (name, info) => {
      created.push(name);
      return create(name, info);
    };
    await syncFollowUpAlarms(d, api, NOW + 5000);
    expect(created).toEqual([]);
    expect(alarms.size).toBe(1);
  });
});
