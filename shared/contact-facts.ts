/**
 * One analysed customer with new contact facts — its last contact and its open complaints — and
 * the results that hang on them recomputed with the core's own per-customer rules, exactly as
 * `scoreCustomers` runs them: next visit due and visit-overdue (method §3, `nextVisit`), churn risk
 * (method §7, `churnRisk`) and the tier-A key-account health (method §10, `kaHealth`).
 *
 * No table-wide rule reads these two facts (tiers, value score, value class and pyramid rank
 * revenue, profit, growth, share, payment, satisfaction and tenure; lifecycle, defection, credit,
 * relationship and core class read neither), so at a fixed analysis date the result equals
 * re-analysing the whole table with the changed row — a logged call changes one customer only.
 */
import type { Customer } from './types';
import type { Settings } from './settings';
import type { CustomerInput } from './ingest/customer-input';
import { dayToIso, isoToDay } from './ingest/parse-date';
import { nextVisit } from './rules/service-policy';
import { customerChurnRisk } from './rules/customer-churn-risk';
import { kaHealth } from './rules/ka-health';

export interface ContactFacts {
  /** `YYYY-MM-DD`, or null when unknown. */
  lastContact: string | null;
  complaintsOpen: number | null;
}

const day = (iso: string | null): number | null => (iso === null ? null : isoToDay(iso.slice(0, 10)));

/** The rules' inputs read back from an analysed customer (dates as day numbers). */
function inputOf(c: Customer, facts: ContactFacts): CustomerInput {
  return {
    key: c.key,
    rows: c.rows,
    name: c.name,
    emails: c.emails,
    domains: c.domains,
    owner: c.owner,
    segment: c.segment,
    region: c.region,
    revenue: c.revenue,
    revenuePrev: c.revenuePrev,
    profit: c.profit,
    costToServe: c.costToServe,
    orders: c.orders,
    firstPurchase: day(c.firstPurchase),
    lastPurchase: day(c.lastPurchase),
    wallet: c.wallet,
    share: c.share,
    sharePrev: c.sharePrev,
    competitor: c.competitor,
    competitorName: c.competitorName,
    suppliers: c.suppliers,
    switchingCost: c.switchingCost,
    potential: c.potential,
    receivable: c.receivable,
    overdueAmount: c.overdueAmount,
    overdueDays: c.overdueDays,
    creditLimit: c.creditLimit,
    satisfaction: c.satisfaction,
    complaints: c.complaints,
    complaintsOpen: facts.complaintsOpen,
    lastContact: day(facts.lastContact),
    churnReasonText: c.churnReasonText,
    gapBeforeCurrent: null,
  };
}

/**
 * `c` with `facts` as its last contact and open complaints, and its next visit, visit-overdue,
 * churn risk and key-account health recomputed as of `asOf` (`YYYY-MM-DD`, the analysis date).
 * `typicalRepeatDays` is the table's (Summary.churnRisk.typicalRepeatDays).
 */
export function withContactFacts<C extends Customer>(c: C, facts: ContactFacts, asOf: string, settings: Settings, typicalRepeatDays: number | null = null): C {
  const asOfDay = isoToDay(asOf);
  if (asOfDay === null) throw new Error(`analysis date is not a date: ${asOf}`);
  const input = inputOf(c, facts);
  const visit = nextVisit(input.lastContact, input.lastPurchase, c.tier, asOfDay, settings);
  const risk = customerChurnRisk(input, c.tier, asOfDay, settings, c.model?.pNoPurchase, typicalRepeatDays);
  return {
    ...c,
    complaintsOpen: facts.complaintsOpen,
    lastContact: input.lastContact === null ? null : dayToIso(input.lastContact),
    churnRisk: risk,
    nextVisitDue: visit.due === null ? null : dayToIso(visit.due),
    visitOverdue: visit.overdue,
    kaHealth: c.tier === 'A' ? kaHealth(visit.overdue, facts.complaintsOpen) : null,
  };
}
