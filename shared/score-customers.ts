/**
 * Runs every rule of method §2–§10 over the customers' inputs and assembles the Customer
 * records the surfaces read. Table-wide rules (ranks, tiers, pyramid, MGC) run once over typed
 * arrays; per-customer rules run in one pass.
 */
import type { Customer, ScorePartName } from './types';
import type { ModelFigureTable } from './model/model-figure-table';
import type { Settings } from './settings';
import type { TallyFacts } from './summary';
import { emptyInput, type CustomerInput } from './ingest/customer-input';
import type { CustomerColumns } from './ingest/customer-columns';
import { dayToIso } from './ingest/parse-date';
import { valueScores } from './rules/value-score';
import { abcTiers, hasTierMetric } from './rules/abc-tiers';
import { valueClasses } from './rules/value-class';
import { pyramid, type PyramidResult } from './rules/pyramid';
import { lifecycle, usualIntervalOf } from './rules/lifecycle';
import { defection } from './rules/defection';
import { relationship } from './rules/relationship';
import { customerChurnRisk } from './rules/customer-churn-risk';
import { credit } from './rules/credit';
import { coreClass } from './rules/core-class';
import { nextVisit } from './rules/service-policy';
import { kaHealth } from './rules/ka-health';
import { classifyChurnReason } from './rules/churn-reasons';
import { medianInPlace } from './rules/median';

/** The table-wide results, with each customer built on demand from them. */
export interface ScoredTable {
  count: number;
  /** Customer i (in the order of the inputs) with every result and its reasons. */
  customerAt(i: number): Customer;
  /**
   * What the summary counts of customer i — the same values customerAt(i) has — without the rest:
   * its churn risk's factors and its credit's deductions are not listed.
   */
  factsAt(i: number): TallyFacts;
  /** Tier of customer i, without building the customer. */
  tiers: readonly (Customer['tier'])[];
  /** Value score of customer i, rounded as shown. */
  valueScores: Float64Array;
  pyramid: PyramidResult;
  droppedParts: ScorePartName[];
  /** False when no customer has a revenue or profit figure: every tier is null. */
  tiered: boolean;
  /** The median usual interval of the table's repeat customers (days), for one-time buyers' churn risk. */
  typicalInterval: number | null;
}

/** ISO dates of day numbers, each written once per table (a million customers share a few thousand days). */
function isoDates(): (d: number | null) => string | null {
  const written = new Map<number, string>();
  return (d) => {
    if (d === null) return null;
    let text = written.get(d);
    if (text === undefined) {
      text = dayToIso(d);
      written.set(d, text);
    }
    return text;
  };
}

/**
 * The typical days between purchases in a table: the median of the repeat customers' usual
 * intervals (method §5), the yardstick for a one-time buyer; null without repeat customers.
 */
function typicalRepeatInterval(cols: CustomerColumns): number | null {
  const { orders, firstPurchase, lastPurchase } = cols.num;
  const all = new Float64Array(cols.count);
  let m = 0;
  for (let i = 0; i < cols.count; i++) {
    const u = usualIntervalOf(orders[i]!, firstPurchase[i]!, lastPurchase[i]!);
    if (!Number.isNaN(u)) all[m++] = u;
  }
  return m === 0 ? null : medianInPlace(all, m);
}

/** The table-wide rules' results (ranks, tiers, value score, value classes, pyramid), which need no purchase model. */
export interface TableRules {
  /** Each customer's tier metric (profit or revenue; 0 where missing). */
  metric: Float64Array;
  tiered: boolean;
  tiers: ReturnType<typeof abcTiers>;
  scores: ReturnType<typeof valueScores>;
  classes: ReturnType<typeof valueClasses>;
  pyramid: PyramidResult;
  typicalInterval: number | null;
}

/**
 * Run the table-wide rules (ranks, tiers, value score, value classes, pyramid) once over typed
 * arrays. They need no purchase model, so they can run while it is being fitted (finishAnalysis).
 */
export function tableRules(inputs: CustomerColumns, asOfDay: number, settings: Settings, useProfit: boolean): TableRules {
  const n = inputs.count;
  const { profit, revenue } = inputs.num;
  const metric = new Float64Array(n);
  const by = useProfit ? profit : revenue;
  for (let i = 0; i < n; i++) metric[i] = Number.isNaN(by[i]!) ? 0 : by[i]!;
  const tiered = n === 0 || hasTierMetric(revenue.subarray(0, n), profit.subarray(0, n));
  const tiers = abcTiers(metric, inputs.keysAscending ? null : inputs.key, settings.tiers, (i) => profit[i]! < 0, tiered);
  const scores = valueScores(inputs, asOfDay, useProfit, settings);
  const classes = valueClasses(inputs, tiers.tiers, settings.mgcTop);
  const pyr = pyramid(metric, tiers.order, settings.pyramid);
  return { metric, tiered, tiers, scores, classes, pyramid: pyr, typicalInterval: typicalRepeatInterval(inputs) };
}

/**
 * Run the table-wide rules once over typed arrays (tableRules); the per-customer rules run when a
 * customer is built, so that a million customers need not all be held at once — only those a
 * surface shows or writes.
 */
export function scoreTable(inputs: CustomerColumns, asOfDay: number, settings: Settings, useProfit: boolean, model: ModelFigureTable | null): ScoredTable {
  return scoredTable(inputs, asOfDay, settings, tableRules(inputs, asOfDay, settings, useProfit), model);
}

/** The customers of a table whose table-wide rules have run, each built on demand with the model's figures. */
export function scoredTable(inputs: CustomerColumns, asOfDay: number, settings: Settings, rules: TableRules, model: ModelFigureTable | null): ScoredTable {
  const n = inputs.count;
  const { metric, tiered, tiers, scores, classes, typicalInterval } = rules;
  const pyr = rules.pyramid;

  // Each customer's row of the model's figures (−1: none).
  const modelRow = model ? model.rowsFor(inputs.key, n) : null;

  const iso = isoDates();
  /** The per-customer rules that both customerAt and factsAt need. */
  const rulesOf = (c: CustomerInput, i: number, reasons: boolean) => {
    const tier = tiers.tiers[i]!;
    const r = modelRow ? modelRow[i]! : -1;
    const life = lifecycle(c, asOfDay, settings, r < 0 ? undefined : model!.pAliveAt(r));
    const visit = nextVisit(c.lastContact, c.lastPurchase, tier, asOfDay, settings);
    const risk = customerChurnRisk(c, tier, asOfDay, settings, r < 0 ? undefined : model!.pNoPurchaseAt(r), typicalInterval, reasons);
    return { tier, r, life, visit, risk };
  };
  // The summary reads customers one at a time and keeps none of their inputs: one object serves them all.
  const reused = emptyInput('', 0);
  const factsAt = (i: number): TallyFacts => {
    const c = inputs.fill(i, reused, false);
    const { tier, life, visit, risk } = rulesOf(c, i, false);
    return {
      key: c.key,
      tier,
      revenue: c.revenue,
      profit: c.profit,
      valueClass: classes[i]!,
      lifecycle: life.stage,
      defection: defection(c, life.stage, asOfDay, settings),
      coreClass: coreClass(c, tier, asOfDay, settings),
      share: c.share,
      sharePrev: c.sharePrev,
      satisfaction: c.satisfaction,
      churnRisk: risk,
      credit: credit(c, asOfDay, settings, false),
      churnReason: classifyChurnReason(c.churnReasonText),
      visitOverdue: visit.overdue,
    };
  };
  const customerAt = (i: number): Customer => {
    const c = inputs.inputAt(i);
    const { tier, r, life, visit, risk } = rulesOf(c, i, true);
    const out: Customer = {
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
      firstPurchase: iso(c.firstPurchase),
      lastPurchase: iso(c.lastPurchase),
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
      complaintsOpen: c.complaintsOpen,
      lastContact: iso(c.lastContact),
      churnReason: classifyChurnReason(c.churnReasonText),
      churnReasonText: c.churnReasonText,
      metric: metric[i]!,
      cumulativeShare: Math.round(tiers.cumulativeShare[i]! * 1e6) / 1e6,
      tier,
      valueScore: scores.at(i),
      valueClass: classes[i]!,
      pyramid: pyr.levels[i]!,
      lifecycle: life.stage,
      lifecycleWhy: life.why,
      defection: defection(c, life.stage, asOfDay, settings),
      relationship: relationship(c, asOfDay, settings),
      churnRisk: risk,
      credit: credit(c, asOfDay, settings),
      coreClass: coreClass(c, tier, asOfDay, settings),
      nextVisitDue: iso(visit.due),
      visitOverdue: visit.overdue,
      kaHealth: tier === 'A' ? kaHealth(visit.overdue, c.complaintsOpen) : null,
    };
    if (r >= 0) {
      const m = model!.figuresAt(r);
      out.pAlive = m.pAlive;
      out.expectedPurchases = m.expectedPurchases;
      out.expectedSpend = m.expectedSpend;
      out.clv = m.clv;
      out.model = m;
    }
    return out;
  };
  return { count: n, customerAt, factsAt, tiers: tiers.tiers, valueScores: scores.scores, pyramid: pyr, droppedParts: scores.dropped, tiered, typicalInterval };
}
