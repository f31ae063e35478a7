/** @jsxImportSource preact */
/** Follow-ups with due dates; each open one has an alarm that shows a notification when due. */
import { useCallback, useState } from 'preact/hooks';
import { addFollowUp, followUpsOf, setFollowUpDone } from '../db/follow-ups';
import { LOCALES } from '../i18n/strings';
import { useEnv, useRun, useT } from './panel-env';
import { useLiveQuery } from './use-live-query';
import { todayIso } from './format';

export function FollowUpsSection({ customerKey }: { customerKey: string }) {
  const env = useEnv();
  const run = useRun();
  const t = useT();
  const { data: list } = useLiveQuery(useCallback(() => followUpsOf(env.db, customerKey), [env.db, customerKey]));
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(`${todayIso(new Date(Date.now() + 86_400_000))}T09:00`);
  const submit = async (e: Event) => {
    e.preventDefault();
    const when = new Date(due);
    if (!title.trim() || Number.isNaN(when.getTime())) return;
    if (await run(() => addFollowUp(env.db, customerKey, title, when))) setTitle('');
  };
  const toggle = (id: string, done: boolean) => run(() => setFollowUpDone(env.db, id, done));
  const now = new Date().toISOString();
  return (
    <section aria-labelledby="fu-h">
      <h3 id="fu-h">{t('followUps')}</h3>
      <form onSubmit={submit} class="row wrap">
        <input value={title} onInput={(e) => setTitle(e.currentTarget.value)} placeholder={t('followUpTitle')} aria-label={t('followUpTitle')} />
        <input type="datetime-local" value={due} onInput={(e) => setDue(e.currentTarget.value)} aria-label={t('due')} />
        <button type="submit">{t('addFollowUp')}</button>
      </form>
      {list && list.length === 0 && <p class="muted">{t('noFollowUps')}</p>}
      <ul class="plain">
        {list?.map((f) => (
          <li key={f.id} class={f.done ? 'done' : f.due <= now ? 'warn' : ''}>
            <label>
              <input type="checkbox" checked={f.done === 1} onChange={(e) => void toggle(f.id, e.currentTarget.checked)} />{' '}
              {f.title} — {new Date(f.due).toLocaleString(LOCALES[env.lang].date, { dateStyle: 'medium', timeStyle: 'short' })}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
