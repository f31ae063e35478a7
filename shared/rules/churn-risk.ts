/**
 * Churn risk 0–100 with named factors (METHOD §7, seeds 000 and 004). Each factor is present only
 * when its inputs are, and adds at most its weight (settings.churn); the score is capped at 100.
 * - recency: days since last purchase beyond the usual interval (full weight at 3×);
 * - revenue_trend: revenue fall (full weight at a 50% fall);
 * - share_trend: share-of-wallet fall (full weight at 15 points);
 * - satisfaction: 2 gives ⅔ of the weight, 1 the full weight;
 * - complaints: half the weight per open complaint;
 * - overdue: overdue days beyond 30 (full weight at 90);
 * - no_contact: no contact for longer than the tier's visit interval;
 * - p_alive: P(alive) below the at-risk line (transaction logs with a fitted model).
 * Silent risk: revenue or share falling with no complaint on record — 95% of dissatisfied
 * customers never complain (seed 000).
 */
import type { ChurnRisk, Reason } from '../types';
import type { Settings } from '../settings';
import type { CustomerInput } from '../ingest/customer-input';
import { usualInterval } from './lifecycle';

export interface ChurnContext {
  asOfDay: number;
  /** The tier's visit interval was exceeded (null when unknown). */
  visitOverdue: boolean | null;
  daysSinceContact: number | null;
  pAlive?: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function churnRisk(c: CustomerInput, ctx: ChurnContext, settings: Settings): ChurnRisk {
  const W = settings.churn;
  const L = settings.lifecycle;
  const factors: Reason[] = [];
  const add = (code: string, points: number, params: Reason['params']) => {
    if (points > 0) factors.push({ code, points: r1(points), params });
  };
  const usual = usualInterval(c);
  if (usual !== null && c.lastPurchase !== null) {
    const ratio = (ctx.asOfDay - c.lastPurchase) / usual;
    if (ratio > 1) add('recency', Math.min(W.recency, (W.recency * (ratio - 1)) / (L.terminatingIntervals - 1)), { days: ctx.asOfDay - c.lastPurchase, usual: Math.round(usual), times: r1(ratio) });
  }
  const revenueFalling = c.revenue !== null && c.revenuePrev !== null && c.revenuePrev > 0 && c.revenue < c.revenuePrev;
  if (revenueFalling) {
    const drop = 1 - c.revenue! / c.revenuePrev!;
    add('revenue_trend', Math.min(W.revenueTrend, (W.revenueTrend * drop) / L.terminatingDrop), { percent: r1(drop * 100) });
  }
  const shareFalling = c.share !== null && c.sharePrev !== null && c.share < c.sharePrev;
  if (shareFalling) {
    const fall = c.sharePrev! - c.share!;
    add('share_trend', Math.min(W.shareTrend, (W.shareTrend * fall) / 0.15), { points: r1(fall * 100), from: r1(c.sharePrev! * 100), to: r1(c.share! * 100) });
  }
  if (c.satisfaction !== null && c.satisfaction <= 2) add('satisfaction', c.satisfaction === 1 ? W.satisfaction : (W.satisfaction * 2) / 3, { level: c.satisfaction });
  if (c.complaintsOpen !== null && c.complaintsOpen > 0) add('complaints', Math.min(W.complaints, (W.complaints / 2) * c.complaintsOpen), { open: c.complaintsOpen });
  if (c.overdueDays !== null && c.overdueDays > 30) add('overdue', Math.min(W.overdue, (W.overdue * c.overdueDays) / 90), { days: c.overdueDays });
  if (ctx.visitOverdue === true) add('no_contact', W.noContact, { days: ctx.daysSinceContact });
  if (ctx.pAlive !== undefined && ctx.pAlive < L.pAliveAtRisk) add('p_alive', W.pAlive * (1 - ctx.pAlive / L.pAliveAtRisk), { percent: r1(ctx.pAlive * 100) });
  let score = 0;
  for (const f of factors) score += f.points!;
  const noComplaint = !c.complaints && !c.complaintsOpen;
  return { score: Math.min(100, Math.round(score)), factors, silent: (revenueFalling || shareFalling) && noComplaint };
}
