/** @jsxImportSource preact */
/** Complaints by method §7 category, open or resolved; open ones feed the core's churn risk. */
import { useCallback, useState } from 'preact/hooks';
import { label } from '../../shared/i18n/labels';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../../shared/rules/churn-reasons';
import { addComplaint, complaintsOf, resolveComplaint } from '../db/complaints';
import { useEnv, useRun, useT } from './panel-env';
import { useLiveQuery } from './use-live-query';
import { day } from './format';

export function ComplaintsSection({ customerKey }: { customerKey: string }) {
  const env = useEnv();
  const run = useRun();
  const t = useT();
  const { data: list } = useLiveQuery(useCallback(() => complaintsOf(env.db, customerKey), [env.db, customerKey]));
  const [category, setCategory] = useState<ComplaintCategory>('quality');
  const [body, setBody] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await run(() => addComplaint(env.db, customerKey, category, body))) setBody('');
  };
  return (
    <section aria-labelledby="co-h">
      <h3 id="co-h">{t('complaints')}</h3>
      <form onSubmit={submit} class="row wrap">
        <select value={category} onChange={(e) => setCategory(e.currentTarget.value as ComplaintCategory)} aria-label={t('complaints')}>
          {COMPLAINT_CATEGORIES.map((c) => <option key={c} value={c}>{label(env.lang, 'guarantee', c)}</option>)}
        </select>
        <input value={body} onInput={(e) => setBody(e.currentTarget.value)} placeholder={t('complaintText')} aria-label={t('complaintText')} />
        <button type="submit">{t('addComplaint')}</button>
      </form>
      {list && list.length === 0 && <p class="muted">{t('noComplaints')}</p>}
      <ul class="plain">
        {list?.map((c) => (
          <li key={c.id} class={c.status === 'open' ? 'warn' : 'done'}>
            {day(env.lang, c.created)} · {label(env.lang, 'guarantee', c.category)} · {c.body} ({t(c.status === 'open' ? 'open' : 'resolved')}){' '}
            {c.status === 'open' && (
              <button type="button" class="link" onClick={() => void run(() => resolveComplaint(env.db, c.id))}>{t('resolve')}</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
