/**
 * The 7-stage lifecycle (客户生命周期, method §5, seed 002), decline split into at risk and
 * terminating. Rules in order, first match wins; a rule whose inputs the customer lacks does not
 * apply to it (unknown order counts do not make everyone "socialization"):
 * 1 no purchase ever → prospecting; 2 none within the churn horizon (or none this period after
 * revenue last period, the horizon being one period) → interrupted;
 * 3 bought this period after a gap longer than the horizon → recovery;
 * 4 first purchase within 90 days, or fewer than 3 orders → socialization;
 * 5 revenue fell > 50%, or days since last purchase > 3 × usual interval, or P(alive) < 0.2 → terminating;
 * 6 revenue fell > 10%, or > 1.5 × usual interval, or P(alive) < 0.5 → at risk;
 * 7 revenue grew > 10% → growth; 8 otherwise maturity.
 * Usual interval = (last − first) / (orders − 1).
 */
import type { Lifecycle, Reason } from '../types';
import type { Settings } from '../settings';
import type { CustomerInput } from '../ingest/customer-input';

export interface LifecycleResult {
  stage: Lifecycle;
  why: Reason;
}

/** The customer's usual days between purchases, or null when it cannot be known. */
export function usualInterval(c: CustomerInput): number | null {
  const u = usualIntervalOf(c.orders ?? NaN, c.firstPurchase ?? NaN, c.lastPurchase ?? NaN);
  return Number.isNaN(u) ? null : u;
}

/** usualInterval over column values, NaN standing for missing (and for "no usual interval"). */
export function usualIntervalOf(orders: number, first: number, last: number): number {
  if (!(orders >= 2)) return NaN;
  const span = last - first;
  return span > 0 ? span / (orders - 1) : NaN;
}

/**
 * True when the customer stopped buying (method §6): nothing within the churn horizon, or zero
 * revenue this period after revenue last period.
 */
export function stoppedBuying(c: CustomerInput, asOfDay: number, settings: Settings): boolean {
  if (c.lastPurchase !== null && asOfDay - c.lastPurchase > settings.lifecycle.churnHorizonDays) return true;
  return stoppedThisPeriod(c);
}

/** Zero revenue this period after revenue last period. */
export function stoppedThisPeriod(c: CustomerInput): boolean {
  return c.revenue !== null && c.revenue <= 0 && c.revenuePrev !== null && c.revenuePrev > 0;
}

/**
 * No purchase ever (rule 1): an order count of zero, or no dates and no revenue at all — unless
 * some other input shows a purchase (a first purchase date, revenue now or before).
 */
export function neverBought(c: CustomerInput): boolean {
  const bought = c.firstPurchase !== null || c.lastPurchase !== null || (c.revenue ?? 0) > 0 || (c.revenuePrev ?? 0) > 0 || (c.orders ?? 0) > 0;
  if (bought) return false;
  return c.orders === 0 || c.revenue !== null || c.revenuePrev !== null;
}

const pct = (x: number) => Math.round(x * 1000) / 10;
/** Ratios of money are compared with a little slack: 110 after 100 is exactly 10% growth, not more. */
const EPS = 1e-9;

export function lifecycle(c: CustomerInput, asOfDay: number, settings: Settings, pAlive?: number): LifecycleResult {
  const L = settings.lifecycle;
  // 1. never bought
  if (neverBought(c)) return { stage: 'prospecting', why: { code: 'never_bought' } };
  // 2. nothing within the churn horizon
  if (c.lastPurchase !== null && asOfDay - c.lastPurchase > L.churnHorizonDays)
    return { stage: 'interrupted', why: { code: 'no_purchase_days', params: { days: asOfDay - c.lastPurchase, horizon: L.churnHorizonDays } } };
  if (stoppedThisPeriod(c))
    return { stage: 'interrupted', why: { code: 'stopped_this_period', params: { revenuePrev: c.revenuePrev } } };
  // 3. back after a long gap
  if (c.gapBeforeCurrent !== null && c.gapBeforeCurrent > L.churnHorizonDays)
    return { stage: 'recovery', why: { code: 'returned_after_gap', params: { gap: c.gapBeforeCurrent, horizon: L.churnHorizonDays } } };
  if (c.gapBeforeCurrent === null && c.revenue !== null && c.revenue > 0 && c.revenuePrev === 0 && c.firstPurchase !== null && c.firstPurchase <= asOfDay - 2 * settings.periodDays)
    return { stage: 'recovery', why: { code: 'returned_after_period', params: { revenue: c.revenue } } };
  // 4. new relationship
  if (c.firstPurchase !== null && asOfDay - c.firstPurchase <= L.newCustomerDays)
    return { stage: 'socialization', why: { code: 'new_customer', params: { days: asOfDay - c.firstPurchase, limit: L.newCustomerDays } } };
  if (c.orders !== null && c.orders < L.minOrders) return { stage: 'socialization', why: { code: 'few_orders', params: { orders: c.orders, limit: L.minOrders } } };
  // 5–6. decline
  const drop = c.revenue !== null && c.revenuePrev !== null && c.revenuePrev > 0 ? 1 - c.revenue / c.revenuePrev : null;
  const usual = usualInterval(c);
  const since = c.lastPurchase !== null ? asOfDay - c.lastPurchase : null;
  const ratio = usual !== null && since !== null ? since / usual : null;
  if (drop !== null && drop > L.terminatingDrop + EPS) return { stage: 'terminating', why: { code: 'revenue_fell', params: { percent: pct(drop) } } };
  if (ratio !== null && ratio > L.terminatingIntervals + EPS)
    return { stage: 'terminating', why: { code: 'late_vs_usual', params: { days: since, usual: Math.round(usual!), times: Math.round(ratio * 10) / 10 } } };
  if (pAlive !== undefined && pAlive < L.pAliveTerminating) return { stage: 'terminating', why: { code: 'p_alive', params: { percent: pct(pAlive) } } };
  if (drop !== null && drop > L.atRiskDrop + EPS) return { stage: 'at_risk', why: { code: 'revenue_fell', params: { percent: pct(drop) } } };
  if (ratio !== null && ratio > L.atRiskIntervals + EPS)
    return { stage: 'at_risk', why: { code: 'late_vs_usual', params: { days: since, usual: Math.round(usual!), times: Math.round(ratio * 10) / 10 } } };
  if (pAlive !== undefined && pAlive < L.pAliveAtRisk) return { stage: 'at_risk', why: { code: 'p_alive', params: { percent: pct(pAlive) } } };
  // 7. growth
  if (c.revenue !== null && c.revenuePrev !== null && c.revenuePrev > 0 && c.revenue / c.revenuePrev - 1 > L.growthRise + EPS)
    return { stage: 'growth', why: { code: 'revenue_grew', params: { percent: pct(c.revenue / c.revenuePrev - 1) } } };
  if (c.revenue !== null && c.revenue > 0 && c.revenuePrev === 0) return { stage: 'growth', why: { code: 'revenue_from_zero' } };
  return { stage: 'maturity', why: { code: 'steady' } };
}
