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

/** What the summary counts of one customer: a Customer has it all; the core can give just this. */
export type TallyFacts = Pick<
  Customer,
  'key' | 'tier' | 'revenue' | 'profit' | 'valueClass' | 'lifecycle' | 'defection' | 'coreClass' | 'share' | 'sharePrev' | 'satisfaction' | 'churnRisk' | 'credit' | 'churnReason' | 'visitOverdue'
>;

const TIERS: Tier[] = ['A', 'B', 'C', 'D'];
const LIFECYCLES: Lifecycle[] = ['prospecting', 'socialization', 'growth', 'maturity', 'at_risk', 'terminating', 'interrupted', 'recovery'];
const CORES: CoreClass[] = ['best_core', 'other_core', 'general', 'expendable'];
const GRADES: CreditGrade[] = ['excellent', 'good', 'fair', 'poor', 'high_risk'];
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The summary counted one customer at a time, so that customers built on demand can be counted
 * and let go.
 */
export class SummaryTally {
  private readonly tiers = Object.fromEntries(TIERS.map((t) => [t, { count: 0, revenue: 0, profit: 0, revenueShare: 0, profitShare: 0 }])) as Summary['tiers'];
  private readonly valueClasses = zeroes<ValueClass>(['MVC', 'MGC', 'BZ', 'maintain']);
  private readonly lifecycle = zeroes(LIFECYCLES);
  private readonly defectionCounts = zeroes<Defection>(['complete', 'former', 'partial', 'stable']);
  private readonly byCore = Object.fromEntries(CORES.map((c) => [c, { count: 0, complete: 0, partial: 0, former: 0, rate: 0 }])) as Summary['defectionByCore'];
  private readonly grades = zeroes(GRADES);
  private readonly alerts: Record<string, string[]> = {};
  private readonly reasons = new Map<string, number>();
  private customers = 0;
  private revenue = 0;
  private profit = 0;
  private hasProfit = false;
  private known = 0;
  private rose = 0;
  private fell = 0;
  private responses = 0;
  private satisfied = 0;
  private high = 0;
  private silent = 0;
  private riskSum = 0;
  private graded = 0;
  private visitsOverdue = 0;
  /** Customers whose churn risk starts from the purchase model's probability. */
  fromModel = 0;

  constructor(private readonly settings: Settings) {}

  add(c: TallyFacts): void {
    this.customers++;
    if (c.tier !== null) {
      const t = this.tiers[c.tier];
      t.count++;
      t.revenue += c.revenue ?? 0;
      t.profit += c.profit ?? 0;
    }
    this.revenue += c.revenue ?? 0;
    if (c.profit !== null) {
      this.profit += c.profit;
      this.hasProfit = true;
    }
    this.valueClasses[c.valueClass]++;
    this.lifecycle[c.lifecycle]++;
    this.defectionCounts[c.defection]++;
    const core = this.byCore[c.coreClass];
    core.count++;
    if (c.defection !== 'stable') core[c.defection]++;
    if (c.share !== null && c.sharePrev !== null) {
      this.known++;
      if (c.share > c.sharePrev) this.rose++;
      else if (c.share < c.sharePrev) this.fell++;
    }
    if (c.satisfaction !== null) {
      this.responses++;
      if (c.satisfaction >= 4) this.satisfied++;
    }
    if (c.churnRisk.score >= this.settings.churn.high) this.high++;
    if (c.churnRisk.silent) this.silent++;
    if (c.churnRisk.basis === 'model') this.fromModel++;
    this.riskSum += c.churnRisk.score;
    if (c.credit.grade) {
      this.graded++;
      this.grades[c.credit.grade]++;
    }
    for (const a of c.credit.alerts) {
      this.alerts[a.code] ??= [];
      this.alerts[a.code]!.push(c.key);
    }
    if (c.churnReason) this.reasons.set(c.churnReason, (this.reasons.get(c.churnReason) ?? 0) + 1);
    if (c.visitOverdue) this.visitsOverdue++;
  }

  result(ctx: SummaryContext): Summary {
    const { tiers, revenue, profit, hasProfit, byCore, known, rose, fell, responses, satisfied, customers } = this;
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
    const churnReasons = [...this.reasons.entries()]
      .map(([code, count]) => ({ code, controllable: isControllable(code), count }))
      .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
    const summary: Summary = {
      asOf: ctx.asOf,
      rows: ctx.rows,
      customers,
      metric: ctx.metric,
      totals: { revenue, profit: hasProfit ? profit : null },
      tiers,
      pyramid: { counts: pyramidCounts, top20Share: p.top20Share, bottom30Share: p.bottom30Share, withoutBottom30: p.withoutBottom30, total: p.total },
      valueClasses: this.valueClasses,
      lifecycle: this.lifecycle,
      shareOfWallet: { known, rose, fell, steady: known - rose - fell, roseShare: ratio(rose, known), fellShare: ratio(fell, known) },
      defection: this.defectionCounts,
      defectionByCore: byCore,
      churnReasons,
      churnRisk: { high: this.high, silent: this.silent, average: customers ? Math.round((this.riskSum / customers) * 10) / 10 : 0 },
      csat: { responses, satisfied, csat: responses ? satisfied / responses : null },
      credit: { graded: this.graded, grades: this.grades, alerts: this.alerts },
      visitsOverdue: this.visitsOverdue,
    };
    if (ctx.model !== undefined) summary.model = ctx.model;
    return summary;
  }
}
