/**
 * One analysed customer with new contact facts — its last contact and its open complaints — and
 * the results that hang on them recomputed with the core's own per-customer rules, exactly as
 * `scoreTable` runs them: next visit due and visit-overdue (method §3, `nextVisit`), churn risk
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

/**
 * The rules' inputs read back from an analysed customer: its table fields (CustomerFields), dates
 * as day numbers, with the new contact facts. The result fields that come along are never read by
 * the per-customer rules.
 */
function inputOf(c: Customer, facts: ContactFacts): CustomerInput {
  return {
    ...c,
    firstPurchase: day(c.firstPurchase),
    lastPurchase: day(c.lastPurchase),
    complaintsOpen: facts.complaintsOpen,
    lastContact: day(facts.lastContact),
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
