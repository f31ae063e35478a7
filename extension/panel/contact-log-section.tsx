/** @jsxImportSource preact */
/**
 * "Log a call/visit": the entry becomes the customer's last contact and the core's per-customer
 * rules recompute that customer, so next visit due, visit-overdue and churn risk move (method §3, §7).
 */
import { useCallback, useState } from 'preact/hooks';
import { contactLogOf, logContact } from '../db/contact-log';
import type { ContactLogEntry } from '../db/records';
import type { StoredCustomer } from '../db/records';
import { useEnv, useRun, useT } from './panel-env';
import { useLiveQuery } from './use-live-query';
import { day, todayIso } from './format';

const KINDS: ContactLogEntry['kind'][] = ['call', 'visit', 'email'];

export function ContactLogSection({ customer }: { customer: StoredCustomer }) {
  const env = useEnv();
  const run = useRun();
  const t = useT();
  const { data: log } = useLiveQuery(useCallback(() => contactLogOf(env.db, customer.key), [env.db, customer.key]));
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const add = async (kind: ContactLogEntry['kind']) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      env.toast(t('badContactDay'));
      return;
    }
    if (await run(() => logContact(env.db, customer.key, kind, date, note), t('logged'))) setNote('');
  };
  return (
    <section aria-labelledby="log-h">
      <h3 id="log-h">{t('logContact')}</h3>
      <div class="row wrap">
        <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} aria-label={t('lastContact')} />
        <input value={note} onInput={(e) => setNote(e.currentTarget.value)} placeholder={t('notePlaceholder')} aria-label={t('notePlaceholder')} />
        {KINDS.map((k) => (
          <button key={k} type="button" onClick={() => void add(k)} data-testid={`log-${k}`}>{t(k)}</button>
        ))}
      </div>
      {log && log.length > 0 && (
        <details>
          <summary>{t('contactLog')} ({log.length})</summary>
          <ul class="plain small">{log.map((e) => <li key={e.id}>{day(env.lang, e.date)} · {t(e.kind)}{e.note ? ` · ${e.note}` : ''}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
