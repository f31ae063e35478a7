/** @jsxImportSource preact */
/** All customers with search (name, address, key) and filters by tier, lifecycle stage and risk. */
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Lifecycle, Tier } from '../../shared/types';
import { label } from '../../shared/i18n/labels';
import { firstRows, type CustomerRow } from './customer-rows';

/** The list shows the first 200 matching customers. */
const SHOWN = 200;
import { useEnv, useImporter, useT } from './panel-env';
import { useQuery } from './use-query';
import { useLiveQuery } from './use-live-query';
import { TierBadge } from './tier-badge';
import { CustomerCard } from './customer-card';

const TIERS: Tier[] = ['A', 'B', 'C', 'D'];
const STAGES: Lifecycle[] = ['prospecting', 'socialization', 'growth', 'maturity', 'at_risk', 'terminating', 'interrupted', 'recovery'];

/** Pure filter used by the list (and its test). */
export function filterCustomers<R extends CustomerRow>(
  all: readonly R[],
  f: { text: string; tier: Tier | ''; stage: Lifecycle | ''; risk: 'high' | 'low' | '' },
  highRisk: number,
): R[] {
  const q = f.text.trim().toLowerCase();
  return all.filter(
    (c) =>
      (!f.tier || c.tier === f.tier) &&
      (!f.stage || c.lifecycle === f.stage) &&
      (!f.risk || (f.risk === 'high') === c.churnRisk.score >= highRisk) &&
      (!q || c.name.toLowerCase().includes(q) || c.key.toLowerCase().includes(q) || c.emails.some((e) => e.includes(q))),
  );
}

export function CustomerList() {
  const env = useEnv();
  const importer = useImporter();
  const t = useT();
  const [text, setText] = useState('');
  const [tier, setTier] = useState<Tier | ''>('');
  const [stage, setStage] = useState<Lifecycle | ''>('');
  const [risk, setRisk] = useState<'high' | 'low' | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  // While a customer is open the list is hidden: it is read again on the way back, not after each change.
  const rows = useRef<CustomerRow[] | undefined>(undefined);
  const listed = open === null;
  const readRows = useCallback(
    async (wanted: () => boolean) => {
      if (!listed && rows.current) return rows.current;
      const read = await importer.listRows(wanted);
      if (wanted()) rows.current = read;
      return read;
    },
    [listed, importer],
  );
  const { data: all } = useQuery(readRows, { follow: listed });
  const { data: opened } = useLiveQuery(useCallback(async () => (open ? env.db.customers.get(open) : undefined), [env.db, open]));
  const high = env.settings.churn.high;
  const shown = useMemo(() => (all && listed ? filterCustomers(all, { text, tier, stage, risk }, high) : []), [all, listed, text, tier, stage, risk, high]);
  const first = useMemo(() => firstRows(shown, SHOWN), [shown]);
  if (!all) return <p class="muted">{t('loading')}</p>;
  if (open && opened) {
    return (
      <div>
        <button type="button" class="link" onClick={() => setOpen(null)}>{t('back')}</button>
        <CustomerCard customer={opened} />
      </div>
    );
  }
  return (
    <div>
      <div class="filters">
        <input
          type="search"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          placeholder={t('searchCustomers')}
          aria-label={t('searchCustomers')}
          data-testid="customer-search"
        />
        <select value={tier} onChange={(e) => setTier(e.currentTarget.value as Tier | '')} aria-label={t('tier')}>
          <option value="">{t('allTiers')}</option>
          {TIERS.map((x) => <option key={x} value={x}>{label(env.lang, 'tier', x)}</option>)}
        </select>
        <select value={stage} onChange={(e) => setStage(e.currentTarget.value as Lifecycle | '')} aria-label={t('lifecycle')}>
          <option value="">{t('allStages')}</option>
          {STAGES.map((x) => <option key={x} value={x}>{label(env.lang, 'lifecycle', x)}</option>)}
        </select>
        <select value={risk} onChange={(e) => setRisk(e.currentTarget.value as 'high' | 'low' | '')} aria-label={t('churnRisk')}>
          <option value="">{t('anyRisk')}</option>
          <option value="high">{t('highRisk')}</option>
          <option value="low">{t('lowRisk')}</option>
        </select>
      </div>
      <p class="muted small">{t('customersShown', { shown: first.length, total: all.length })}</p>
      {shown.length === 0 && <p class="muted">{all.length === 0 ? t('noData') : t('noCustomerHits')}</p>}
      <ul class="plain customer-rows">
        {first.map((c) => (
          <li key={c.key}>
            <button type="button" class="person" onClick={() => setOpen(c.key)}>
              <TierBadge tier={c.tier} />
              <span>{c.name}</span>
              <span class="muted small">{label(env.lang, 'lifecycle', c.lifecycle)} · {t('churnRisk')} {Math.round(c.churnRisk.score)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
