/**
 * Churn risk 0–100 with named factors (method §7, seeds 000 and 004; method §9 for the model).
 *
 * Where the customer has a purchase history and the purchase model could be fitted (BG/NBD or
 * MBG/NBD), the score starts from the model's probability p₀ that the customer makes no purchase in
 * the next H days (settings.churn.horizonDays) — the `no_purchase_chance` factor, 100·p₀ points.
 * Recency is part of that probability, so it is not counted again.
 *
 * The seed's warning signs then raise it, each by a documented, bounded amount: a sign of strength
 * s ∈ [0, 1] and weight w (settings.churn, in percent) takes the share s·w/100 of the chance that is
 * still left, so p ← p + (1 − p)·s·w/100. Whatever the signs, a customer the model gives a p₀ stays at
 * or above p₀, each sign adds at most w points, and the score never reaches 100 unless p₀ does. The
 * factors' points add up to the score (before rounding). Signs, in this order:
 * - recency (only without a model): days since the last purchase beyond the usual interval, full at
 *   3× (lifecycle.terminatingIntervals); a one-time buyer is measured against the table's typical
 *   repeat interval (`one_time_late`);
 * - revenue_trend: revenue fall, full at a 50% fall; share_trend: share-of-wallet fall, full at 15 points;
 * - satisfaction: 2 gives ⅔ of the weight, 1 the full weight; complaints: half the weight per open one;
 * - competitor: buys from a competitor; overdue: overdue days beyond 30, full at 90;
 * - no_contact: no recorded contact (last contact or visit, a logged call) for longer than the
 *   tier's visit interval — a purchase is not a contact;
 * - silent: revenue or share falling with no complaint on record — 95% of dissatisfied customers
 *   never complain (seed 000).
 * Without a model (no purchase history, or too little to fit) the score is the signs alone, from 0.
 */
import type { ChurnRisk, Reason } from '../types';
import type { Settings } from '../settings';
import type { CustomerInput } from '../ingest/customer-input';
import { usualInterval } from './lifecycle';

export interface ChurnContext {
  asOfDay: number;
  /** Days since the last recorded contact exceed the tier's visit interval (null when unknown). */
  visitOverdue: boolean | null;
  daysSinceContact: number | null;
  /** The purchase model's probability of no purchase in the next `horizonDays` (absent: no model). */
  pNoPurchase?: number;
  horizonDays?: number;
  /** Median usual interval of the table's repeat customers, for one-time buyers (null: unknown). */
  typicalInterval?: number | null;
  /** Kept for callers of the former factor; the model's probability replaces it. */
  pAlive?: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * The probability as the warning signs raise it, with a factor per sign: a sign of strength s
 * (0–1) and weight w (percent) takes s·w/100 of the chance still left. (A class rather than a
 * closure made per customer.)
 */
class Signs {
  constructor(
    public p: number,
    private readonly factors: Reason[],
  ) {}

  /** Raise p by the sign; its factor is listed with `params`, or not at all when params is false (no reasons wanted). */
  add(code: string, strength: number, weight: number, params: Reason['params'] | false): void {
    const inc = (1 - this.p) * clamp01(strength) * clamp01(weight / 100);
    if (!(inc > 0)) return;
    this.p += inc;
    if (params !== false) this.factors.push({ code, points: r1(100 * inc), params });
  }
}

/**
 * The churn risk of one customer (see the file comment for the rule). `reasons` false leaves the
 * factors unlisted (score, probability, basis and silent are the same), for a summary that shows none.
 */
export function churnRisk(c: CustomerInput, ctx: ChurnContext, settings: Settings, reasons = true): ChurnRisk {
  const W = settings.churn;
  const L = settings.lifecycle;
  const factors: Reason[] = [];
  const model = ctx.pNoPurchase !== undefined && Number.isFinite(ctx.pNoPurchase);
  const p0 = model ? clamp01(ctx.pNoPurchase!) : 0;
  const horizon = ctx.horizonDays ?? W.horizonDays;
  if (model && reasons) factors.push({ code: 'no_purchase_chance', points: r1(100 * p0), params: { percent: Math.round(100 * p0), days: horizon } });
  const signs = new Signs(p0, factors);

  if (!model && c.lastPurchase !== null) {
    const since = ctx.asOfDay - c.lastPurchase;
    const usual = usualInterval(c);
    const oneTime = usual === null && (c.orders === 1 || (c.orders === null && c.firstPurchase !== null && c.firstPurchase === c.lastPurchase));
    const ref = usual ?? (oneTime ? (ctx.typicalInterval ?? null) : null);
    if (ref !== null && ref > 0) {
      const ratio = since / ref;
      if (ratio > 1)
        signs.add(usual !== null ? 'recency' : 'one_time_late', (ratio - 1) / (L.terminatingIntervals - 1), W.recency, reasons && { days: since, usual: Math.round(ref), times: r1(ratio) });
    }
  }
  const revenueFalling = c.revenue !== null && c.revenuePrev !== null && c.revenuePrev > 0 && c.revenue < c.revenuePrev;
  if (revenueFalling) {
    const drop = 1 - c.revenue! / c.revenuePrev!;
    signs.add('revenue_trend', drop / L.terminatingDrop, W.revenueTrend, reasons && { percent: r1(drop * 100) });
  }
  const shareFalling = c.share !== null && c.sharePrev !== null && c.share < c.sharePrev;
  if (shareFalling) {
    const fall = c.sharePrev! - c.share!;
    signs.add('share_trend', fall / 0.15, W.shareTrend, reasons && { points: r1(fall * 100), from: r1(c.sharePrev! * 100), to: r1(c.share! * 100) });
  }
  if (c.satisfaction !== null && c.satisfaction <= 2) signs.add('satisfaction', c.satisfaction === 1 ? 1 : 2 / 3, W.satisfaction, reasons && { level: c.satisfaction });
  if (c.complaintsOpen !== null && c.complaintsOpen > 0) signs.add('complaints', c.complaintsOpen / 2, W.complaints, reasons && { open: c.complaintsOpen });
  if (c.competitor === true) signs.add('competitor', 1, W.competitor, reasons && { name: c.competitorName });
  if (c.overdueDays !== null && c.overdueDays > 30) signs.add('overdue', c.overdueDays / 90, W.overdue, reasons && { days: c.overdueDays });
  if (ctx.visitOverdue === true) signs.add('no_contact', 1, W.noContact, reasons && { days: ctx.daysSinceContact });
  const noComplaint = !c.complaints && !c.complaintsOpen;
  const silent = (revenueFalling || shareFalling) && noComplaint;
  if (silent) signs.add('silent', 1, W.silent, reasons && {});
  return {
    score: Math.min(100, Math.round(100 * signs.p)),
    factors,
    silent,
    probability: model ? p0 : null,
    horizonDays: model ? horizon : null,
    basis: model ? 'model' : 'signs',
  };
}
