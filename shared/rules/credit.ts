/**
 * Credit scorecard (客户信用风险预测和监控, method §8, seed 001): 100 points less named deductions.
 * - overdue_days: 1–30 days −10, 31–60 −20, 61–90 −30, over 90 −40;
 * - overdue_ratio: overdue / receivable × 60, at most −25;
 * - utilisation: receivable / credit limit above 80%: (u − 0.8) × 100, at most −20;
 * - short_tenure: under one year −5;
 * - revenue_trend: revenue fell > 10% −10, > 50% −15.
 * Grades: 优 excellent ≥ 85 · 良 good ≥ 70 · 中 fair ≥ 55 · 差 poor ≥ 40 · 危 high risk below.
 * Alerts: utilisation > 90%, overdue > 60 days, overdue ratio > 30%.
 * A customer with no payment data at all (overdue, receivable, limit) gets no score.
 */
import type { Credit, CreditGrade, Reason } from '../types';
import type { Settings } from '../settings';
import type { CustomerInput } from '../ingest/customer-input';

const r1 = (x: number) => Math.round(x * 10) / 10;

export function creditGrade(score: number, s: Settings['credit']): CreditGrade {
  return score >= s.excellent ? 'excellent' : score >= s.good ? 'good' : score >= s.fair ? 'fair' : score >= s.poor ? 'poor' : 'high_risk';
}

/**
 * The scorecard of one customer. `reasons` false leaves the deductions unlisted (the score, grade
 * and alerts are the same), for a summary that counts grades and alerts and shows no reasons.
 */
export function credit(c: CustomerInput, asOfDay: number, settings: Settings, reasons = true): Credit {
  const S = settings.credit;
  const alerts: Reason[] = [];
  const deductions: Reason[] = [];
  if (c.overdueDays === null && c.overdueAmount === null && c.receivable === null && c.creditLimit === null)
    return { score: null, grade: null, alerts, deductions };
  // Deducted in this order, one subtraction each (so the score is the same to the last digit listed or not).
  let score = 100;
  const d = c.overdueDays;
  if (d !== null && d > 0) {
    const points = d > 90 ? 40 : d > 60 ? 30 : d > 30 ? 20 : 10;
    score -= points;
    if (reasons) deductions.push({ code: 'overdue_days', points, params: { days: d } });
  }
  const ratio = c.overdueAmount !== null && c.receivable !== null && c.receivable > 0 ? c.overdueAmount / c.receivable : null;
  if (ratio !== null && ratio > 0) {
    const points = r1(Math.min(25, ratio * 60));
    score -= points;
    if (reasons) deductions.push({ code: 'overdue_ratio', points, params: { percent: r1(ratio * 100) } });
  }
  const util = c.receivable !== null && c.creditLimit !== null && c.creditLimit > 0 ? c.receivable / c.creditLimit : null;
  if (util !== null && util > 0.8) {
    const points = r1(Math.min(20, (util - 0.8) * 100));
    score -= points;
    if (reasons) deductions.push({ code: 'utilisation', points, params: { percent: r1(util * 100) } });
  }
  if (c.firstPurchase !== null && asOfDay - c.firstPurchase < 365) {
    score -= 5;
    if (reasons) deductions.push({ code: 'short_tenure', points: 5, params: { days: asOfDay - c.firstPurchase } });
  }
  if (c.revenue !== null && c.revenuePrev !== null && c.revenuePrev > 0) {
    const drop = 1 - c.revenue / c.revenuePrev;
    if (drop > 0.1) {
      const points = drop > 0.5 ? 15 : 10;
      score -= points;
      if (reasons) deductions.push({ code: 'revenue_trend', points, params: { percent: r1(drop * 100) } });
    }
  }
  if (util !== null && util > S.utilisationAlert) alerts.push({ code: 'utilisation', params: { percent: r1(util * 100) } });
  if (d !== null && d > S.overdueDaysAlert) alerts.push({ code: 'overdue_days', params: { days: d } });
  if (ratio !== null && ratio > S.overdueRatioAlert) alerts.push({ code: 'overdue_ratio', params: { percent: r1(ratio * 100) } });
  score = Math.max(0, r1(score));
  return { score, grade: creditGrade(score, S), alerts, deductions };
}
