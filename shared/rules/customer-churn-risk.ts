/**
 * One customer's churn risk as the analysis computes it (method §7), for the whole-table pass and
 * for a single customer whose contact facts changed: "no contact" counts only recorded contact
 * (last contact or visit, a logged call) against the tier's visit interval (method §3) — never a
 * purchase — and the score starts from the purchase model's chance of no order over the horizon.
 * `reasons` false leaves its factors unlisted (see churnRisk).
 */
import type { ChurnRisk, Tier } from '../types';
import type { Settings } from '../settings';
import type { CustomerInput } from '../ingest/customer-input';
import { churnRisk } from './churn-risk';
import { visitInterval } from './service-policy';

export function customerChurnRisk(
  c: CustomerInput,
  tier: Tier | null,
  asOfDay: number,
  settings: Settings,
  pNoPurchase: number | undefined,
  typicalInterval: number | null,
  reasons = true,
): ChurnRisk {
  const visitDays = visitInterval(tier, settings);
  const sinceContact = c.lastContact === null ? null : asOfDay - c.lastContact;
  const visitOverdue = sinceContact === null || visitDays === null ? null : sinceContact > visitDays;
  return churnRisk(c, { asOfDay, visitOverdue, daysSinceContact: sinceContact, pNoPurchase, horizonDays: settings.churn.horizonDays, typicalInterval }, settings, reasons);
}
