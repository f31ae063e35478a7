/** @jsxImportSource preact */
/** Logging why a customer left or is leaving, in the core's method §7 taxonomy. */
import { useCallback, useState } from 'preact/hooks';
import { CHURN_REASONS } from '../../shared/rules/churn-reasons';
import { label } from '../../shared/i18n/labels';
import { addChurnReason, churnReasonsOf } from '../db/churn-reasons';
import { useEnv, useRun, useT } from './panel-env';
import { useLiveQuery } from './use-live-query';
import { day, todayIso } from './format';

export function ChurnReasonsSection({ customerKey }: { customerKey: string }) {
  const env = useEnv();
  const run = useRun();
  const t = useT();
  const { data: list } = useLiveQuery(useCallback(() => churnReasonsOf(env.db, customerKey), [env.db, customerKey]));
  const [code, setCode] = useState<string>(CHURN_REASONS[0]!.code);
  const [text, setText] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await run(() => addChurnReason(env.db, customerKey, code, text, todayIso()))) setText('');
  };
  return (
    <section>
      <details>
        <summary>{t('churnReasons')} ({list?.length ?? 0})</summary>
        <ul class="plain small">
          {list?.map((r) => (
            <li key={r.id}>
              {day(env.lang, r.date)} · {label(env.lang, 'churnReason', r.code)}
              {r.text ? ` · ${r.text}` : ''}
            </li>
          ))}
        </ul>
        <form onSubmit={submit} class="row wrap">
          <select value={code} onChange={(e) => setCode(e.currentTarget.value)} aria-label={t('churnReasons')}>
            {[...CHURN_REASONS.map((r) => r.code), 'other'].map((c) => <option key={c} value={c}>{label(env.lang, 'churnReason', c)}</option>)}
          </select>
          <input value={text} onInput={(e) => setText(e.currentTarget.value)} aria-label={t('notePlaceholder')} />
          <button type="submit">{t('logChurnReason')}</button>
        </form>
      </details>
    </section>
  );
}
