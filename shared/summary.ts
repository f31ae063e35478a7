/**
 * The manager's numbers: tier counts and shares of revenue and profit,
 * the pyramid's 20/80/30, share-of-wallet rise and fall, defection rate per core class
 * (失误分析制度, method §6), churn-reason frequency (method §7), CSAT = share of 4–5 (method §8),
 * credit grades and alerts.
 */
import type { CoreClass, CreditGrade, Customer, Defection, Lifecycle, Summary, Tier, ValueClass } from './types';
import type { Settings } from './settings';
import type { RowCounts } from './ingest/read-customers';
import type { PyramidResult } from './rules/pyramid';
import { isControllable } from './rules/churn-reasons';

export interface SummaryContext {
  asOf: string;
  rows: RowCounts;
  metric: 'profit' | 'revenue';
  pyramid: PyramidResult;
  settings: Settings;
  model?: unknown;
}

const TIERS: Tier[] = ['A', 'B', 'C', 'D'];
const LIFECYCLES: Lifecycle[] = ['prospecting', 'socialization', 'growth', 'maturity', 'at_risk', 'terminating', 'interrupted', 'recovery'];
const CORES: CoreClass[] = ['best_core', 'other_core', 'general', 'expendable'];
const GRADES: CreditGrade[] = ['excellent', 'good', 'fair', 'poor', 'high_risk'];
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function summarize(customers: readonly Customer[], ctx: SummaryContext): Summary {
  const tiers = Object.fromEntries(TIERS.map((t) => [t, { count: 0, revenue: 0, profit: 0, revenueShare: 0, profitShare: 0 }])) as Summary['tiers'];
  const valueClasses = zeroes<ValueClass>(['MVC', 'MGC', 'BZ', 'maintain']);
  const lifecycle = zeroes(LIFECYCLES);
  const defectionCounts = zeroes<Defection>(['complete', 'former', 'partial', 'stable']);
  const byCore = Object.fromEntries(CORES.map((c) => [c, { count: 0, complete: 0, partial: 0, former: 0, rate: 0 }])) as Summary['defectionByCore'];
  const grades = zeroes(GRADES);
  const alerts: Record<string, string[]> = {};
  const reasons = new Map<string, number>();
  let revenue = 0;
  let profit = 0;
  let hasProfit = false;
  let known = 0;
  let rose = 0;
  let fell = 0;
  let responses = 0;
  let satisfied = 0;
  let high = 0;
  let silent = 0;
  let riskSum = 0;
  let graded = 0;
  let visitsOverdue = 0;

  for (const c of customers) {
    if (c.tier !== null) {
      const t = tiers[c.tier];
      t.count++;
      t.revenue += c.revenue ?? 0;
      t.profit += c.profit ?? 0;
    }
    revenue += c.revenue ?? 0;
    if (c.profit !== null) {
      profit += c.profit;
      hasProfit = true;
    }
    valueClasses[c.valueClass]++;
    lifecycle[c.lifecycle]++;
    defectionCounts[c.defection]++;
    const core = byCore[c.coreClass];
    core.count++;
    if (c.defection !== 'stable') core[c.defection]++;
    if (c.share !== null && c.sharePrev !== null) {
      known++;
      if (c.share > c.sharePrev) rose++;
      else if (c.share < c.sharePrev) fell++;
    }
    if (c.satisfaction !== null) {
      responses++;
      if (c.satisfaction >= 4) satisfied++;
    }
    if (c.churnRisk.score >= ctx.settings.churn.high) high++;
    if (c.churnRisk.silent) silent++;
    riskSum += c.churnRisk.score;
    if (c.credit.grade) {
      graded++;
      grades[c.credit.grade]++;
    }
    for (const a of c.credit.alerts) {
      alerts[a.code] ??= [];
      alerts[a.code]!.push(c.key);
    }
    if (c.churnReason) reasons.set(c.churnReason, (reasons.get(c.churnReason) ?? 0) + 1);
    if (c.visitOverdue) visitsOverdue++;
  }
  for (const t of TIERS) {
    tiers[t].revenueShare = ratio(tiers[t].revenue, revenue);
    tiers[t].profitShare = hasProfit && profit !== 0 ? tiers[t].profit / profit : 0;
  }
  for (const k of CORES) {
    const c = byCore[k];
    c.rate = ratio(c.complete + c.partial + c.former, c.count);
  }
  const p = ctx.pyramid;
  const pyramidCounts = { platinum: 0, gold: 0, iron: 0, lead: 0 };
  for (const lvl of p.levels) pyramidCounts[lvl]++;
  const churnReasons = [...reasons.entries()]
    .map(([code, count]) => ({ code, controllable: isControllable(code), count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
  const summary: Summary = {
    asOf: ctx.asOf,
    rows: ctx.rows,
    customers: customers.length,
    metric: ctx.metric,
    totals: { revenue, profit: hasProfit ? profit : null },
    tiers,
    pyramid: { counts: pyramidCounts, top20Share: p.top20Share, bottom30Share: p.bottom30Share, withoutBottom30: p.withoutBottom30, total: p.total },
    valueClasses,
    lifecycle,
    shareOfWallet: { known, rose, fell, steady: known - rose - fell, roseShare: ratio(rose, known), fellShare: ratio(fell, known) },
    defection: defectionCounts,
    defectionByCore: byCore,
    churnReasons,
    churnRisk: { high, silent, average: customers.length ? Math.round((riskSum / customers.length) * 10) / 10 : 0 },
    csat: { responses, satisfied, csat: responses ? satisfied / responses : null },
    credit: { graded, grades, alerts },
    visitsOverdue,
  };
  if (ctx.model !== undefined) summary.model = ctx.model;
  return summary;
}
