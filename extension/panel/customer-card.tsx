/** @jsxImportSource preact */
/**
 * One customer as the core analysed it, in the side panel: tier, value score and its parts,
 * lifecycle stage and why, defection, churn risk and its factors, credit grade and alerts, next visit
 * due from the tier policy, the key-account checklist for tier A, P(alive) and CLV when the model was
 * fitted — then the rep's own records. Words for results come from the core's labels.
 */
import { label, formatReason, formatServicePolicy } from '../../shared/i18n/labels';
import { servicePolicy } from '../../shared/rules/service-policy';
import type { StoredCustomer } from '../db/records';
import { useEnv, useT } from './panel-env';
import { TierBadge } from './tier-badge';
import { day, money, percent } from './format';
import { NotesSection } from './notes-section';
import { FollowUpsSection } from './follow-ups-section';
import { ComplaintsSection } from './complaints-section';
import { ContactLogSection } from './contact-log-section';
import { ContactsSection } from './contacts-section';
import { ChurnReasonsSection } from './churn-reasons-section';
import { KeyAccountChecklist } from './key-account-checklist';

export function CustomerCard({ customer: c }: { customer: StoredCustomer }) {
  const { lang, settings } = useEnv();
  const t = useT();
  const highRisk = c.churnRisk.score >= settings.churn.high;
  return (
    <article class="card" data-testid="customer-card" aria-label={c.name}>
      <header class="card-head">
        <TierBadge tier={c.tier} />
        <div>
          <h2 data-testid="customer-name">{c.name}</h2>
          <div class="muted">
            {c.key !== c.name ? `${c.key} · ` : ''}
            {label(lang, 'valueClass', c.valueClass)} · {label(lang, 'pyramid', c.pyramid)}
            {c.owner ? ` · ${t('owner')}: ${c.owner}` : ''}
          </div>
        </div>
      </header>

      <dl class="facts">
        <div><dt>{t('revenue')}</dt><dd>{money(lang, c.revenue)}</dd></div>
        <div><dt>{t('profit')}</dt><dd>{money(lang, c.profit)}</dd></div>
        <div><dt>{t('lifecycle')}</dt><dd data-testid="lifecycle" title={formatReason(lang, c.lifecycleWhy)}>{label(lang, 'lifecycle', c.lifecycle)}</dd></div>
        <div><dt>{t('defection')}</dt><dd>{label(lang, 'defection', c.defection)}</dd></div>
        {c.relationship && <div><dt>{t('relationship')}</dt><dd>{label(lang, 'relationship', c.relationship)}</dd></div>}
        <div>
          <dt>{t('nextVisit')}</dt>
          <dd data-testid="next-visit">
            {c.nextVisitDue ? day(lang, c.nextVisitDue) : t('noVisitPlan')}
            {c.visitOverdue ? <span class="warn"> · {t('visitOverdue')}</span> : null}
          </dd>
        </div>
        <div><dt>{t('lastContact')}</dt><dd data-testid="last-contact">{day(lang, c.lastContact)}</dd></div>
        {c.pAlive !== undefined && <div><dt>{t('pAlive')}</dt><dd>{percent(c.pAlive)}</dd></div>}
        {c.clv !== undefined && c.clv !== null && <div><dt>{t('clv')}</dt><dd>{money(lang, c.clv)}</dd></div>}
      </dl>
      <p class="muted small">{formatReason(lang, c.lifecycleWhy)}</p>
      {c.tier !== null && (
        <p class="muted small" data-testid="service-policy">
          {t('servicePolicy', { tier: c.tier })}: {formatServicePolicy(lang, servicePolicy(c.tier, settings))}
        </p>
      )}

      <section aria-labelledby="score-h">
        <h3 id="score-h">{t('valueScore')}: <strong data-testid="value-score">{Math.round(c.valueScore.score)}</strong> / 100</h3>
        <ul class="parts" aria-label={t('scoreParts')}>
          {c.valueScore.parts.map((p) => (
            <li key={p.part}>
              <span class="part-name">{label(lang, 'part', p.part)}</span>
              <span class="bar" aria-hidden="true"><span style={{ width: `${Math.round(p.rank * 100)}%` }} /></span>
              <span class="part-points">{p.points.toFixed(1)}</span>
              {p.neutral && <span class="muted small"> ({t('neutralPart')})</span>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="risk-h">
        <h3 id="risk-h">
          {t('churnRisk')}: <strong class={highRisk ? 'warn' : ''} data-testid="churn-risk">{Math.round(c.churnRisk.score)}</strong> / 100
        </h3>
        {c.churnRisk.factors.length === 0 ? (
          <p class="muted">{t('noRiskFactors')}</p>
        ) : (
          <ul data-testid="risk-factors">{c.churnRisk.factors.map((f) => <li key={f.code}>{formatReason(lang, f, true)}</li>)}</ul>
        )}
        {c.churnRisk.basis && <p class="muted small" data-testid="churn-basis">{label(lang, 'churnBasis', c.churnRisk.basis)}</p>}
        {c.churnRisk.silent && <p class="warn small">{t('silentRisk')}</p>}
      </section>

      <section aria-labelledby="credit-h">
        <h3 id="credit-h">
          {t('credit')}:{' '}
          {c.credit.grade ? (
            <strong>
              {label(lang, 'creditGrade', c.credit.grade)} ({c.credit.score})
            </strong>
          ) : (
            <span class="muted">{t('creditNone')}</span>
          )}
        </h3>
        {c.credit.alerts.length > 0 && <ul class="warn">{c.credit.alerts.map((a) => <li key={a.code}>{formatReason(lang, a)}</li>)}</ul>}
        {c.credit.deductions.length > 0 && <ul class="muted small">{c.credit.deductions.map((a) => <li key={a.code}>{formatReason(lang, a, true)}</li>)}</ul>}
      </section>

      {c.tier === 'A' && <KeyAccountChecklist customer={c} />}

      <ContactLogSection customer={c} />
      <NotesSection customerKey={c.key} />
      <FollowUpsSection customerKey={c.key} />
      <ComplaintsSection customerKey={c.key} />
      <ContactsSection customerKey={c.key} />
      <ChurnReasonsSection customerKey={c.key} />
    </article>
  );
}
