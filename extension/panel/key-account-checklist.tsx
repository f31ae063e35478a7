/** @jsxImportSource preact */
/**
 * The tier-A key-account checklist (一个沟通·两个一致·四个保证, method §10): communication, the
 * rep's alignment answer (editable), and the four guarantees — by category when the open
 * complaints were logged here.
 */
import { useCallback } from 'preact/hooks';
import type { Guarantee } from '../../shared/types';
import { label } from '../../shared/i18n/labels';
import { GUARANTEES } from '../../shared/rules/ka-health';
import type { StoredCustomer } from '../db/records';
import { keyAccountHealth, setAlignment } from '../db/key-account';
import { useEnv, useRun, useT } from './panel-env';
import { useLiveQuery } from './use-live-query';

function Check({ ok }: { ok: boolean | null }) {
  const t = useT();
  if (ok === null) return <span class="check unknown" title={t('unknownValue')}>?</span>;
  return <span class={`check ${ok ? 'ok' : 'no'}`} aria-hidden="true">{ok ? '✓' : '✗'}</span>;
}

export function KeyAccountChecklist({ customer }: { customer: StoredCustomer }) {
  const env = useEnv();
  const run = useRun();
  const t = useT();
  const { data: ka } = useLiveQuery(useCallback(() => keyAccountHealth(env.db, customer), [env.db, customer]));
  if (!ka) return null;
  const answer = (v: string) => run(() => setAlignment(env.db, customer.key, v === '' ? null : v === 'yes'));
  return (
    <section aria-labelledby="ka-h" data-testid="ka-checklist">
      <h3 id="ka-h">{t('kaChecklist')}</h3>
      <ul class="checklist">
        <li><Check ok={ka.communication} /> {t('kaCommunication')}</li>
        <li>
          <Check ok={ka.alignment} /> {t('kaAlignment')}{' '}
          <select
            value={ka.alignment === null ? '' : ka.alignment ? 'yes' : 'no'}
            onChange={(e) => void answer(e.currentTarget.value)}
            aria-label={t('kaAlignment')}
            data-testid="ka-alignment"
          >
            <option value="">{t('unknownValue')}</option>
            <option value="yes">{t('yes')}</option>
            <option value="no">{t('no')}</option>
          </select>
        </li>
        {(GUARANTEES as readonly Guarantee[]).map((g) => (
          <li key={g}><Check ok={ka.guarantees[g]} /> {t('kaGuarantee', { what: label(env.lang, 'guarantee', g) })}</li>
        ))}
      </ul>
    </section>
  );
}
