/**
 * The data shapes every surface reads: the CLI, the Sheets add-on and the extension.
 * Field names are fixed (surfaces and exported JSON depend on them); dates are ISO `YYYY-MM-DD` strings so an
 * Analysis is plain JSON.
 */
import type { Settings } from './settings';
import type { Tier } from './tier';

export type { Tier };
export type Lang = 'zh' | 'en';
export type ValueClass = 'MVC' | 'MGC' | 'BZ' | 'maintain';
export type PyramidLevel = 'platinum' | 'gold' | 'iron' | 'lead';
export type Lifecycle =
  | 'prospecting'
  | 'socialization'
  | 'growth'
  | 'maturity'
  | 'at_risk'
  | 'terminating'
  | 'interrupted'
  | 'recovery';
export type Defection = 'complete' | 'former' | 'partial' | 'stable';
export type Relationship = 'partner' | 'transactional';
export type CreditGrade = 'excellent' | 'good' | 'fair' | 'poor' | 'high_risk';
export type CoreClass = 'best_core' | 'other_core' | 'general' | 'expendable';
export type SwitchingCost = 'high' | 'medium' | 'low';
export type TableKind = 'customers' | 'transactions';

/** Canonical input fields (method §1). */
export type Field =
  | 'id'
  | 'name'
  | 'email'
  | 'domain'
  | 'owner'
  | 'revenue'
  | 'revenue_prev'
  | 'profit'
  | 'cost_to_serve'
  | 'orders'
  | 'first_purchase'
  | 'last_purchase'
  | 'wallet'
  | 'share'
  | 'share_prev'
  | 'competitor'
  | 'suppliers'
  | 'switching_cost'
  | 'potential'
  | 'receivable'
  | 'overdue_amount'
  | 'overdue_days'
  | 'credit_limit'
  | 'satisfaction'
  | 'complaints'
  | 'complaints_open'
  | 'last_contact'
  | 'churn_reason'
  | 'segment'
  | 'region'
  /** The CRM's own grade (客户级别, Rating): recognised and kept, never used as Rapport's tier. */
  | 'crm_grade'
  // transaction-log fields
  | 'date'
  | 'quantity'
  | 'unit_price'
  | 'order_id';

/** A recognised column: which field, where, and the header as the user wrote it. */
export interface Column {
  field: Field;
  index: number;
  header: string;
}

/** Why a number is what it is: a code, the numbers behind it, the points it carries. */
export interface Reason {
  code: string;
  points?: number;
  params?: Record<string, number | string | null>;
}

export type ScorePartName = 'value' | 'growth' | 'share' | 'payment' | 'satisfaction' | 'tenure';

/** One weighted part of the value score (method §2). */
export interface ScorePart {
  part: ScorePartName;
  /** Percentile rank 0–1 among the table's customers; 0.5 when this customer lacks the input. */
  rank: number;
  /** Weight after renormalisation over the parts the table has. */
  weight: number;
  /** rank × weight × 100: this part's contribution to the score. */
  points: number;
  /** True when the customer lacked this input and took the neutral 0.5. */
  neutral: boolean;
}

export interface ValueScore {
  score: number;
  parts: ScorePart[];
}

export interface ChurnRisk {
  /**
   * 0–100: the probability of no purchase in the next `horizonDays` (in percent) raised by the
   * warning signs, or the warning signs alone when there is no purchase model. The factors' points
   * add up to it.
   */
  score: number;
  factors: Reason[];
  /** Revenue or share falling with no complaint on record (method §7, seed 000). */
  silent: boolean;
  /** The purchase model's probability of no purchase in the next `horizonDays` (0–1), when fitted. */
  probability?: number | null;
  /** The horizon of `probability`, in days. */
  horizonDays?: number | null;
  /** 'model': starts from the purchase model's probability; 'signs': warning signs only. */
  basis?: 'model' | 'signs';
}

export interface Credit {
  /** 0–100, or null when the customer has no payment data at all. */
  score: number | null;
  grade: CreditGrade | null;
  alerts: Reason[];
  deductions: Reason[];
}

export type Guarantee = 'quality' | 'service' | 'logistics' | 'value';

/** Key-account checklist for tier A (method §10): 一个沟通·两个一致·四个保证. */
export interface KaHealth {
  communication: boolean | null;
  alignment: boolean | null;
  guarantees: Record<Guarantee, boolean | null>;
  openComplaints: number | null;
}

/** Per-customer figures from the probabilistic model (method §9), on transaction logs. */
export interface ModelFigures {
  x: number;
  tx: number;
  T: number;
  pAlive: number;
  expectedPurchases: number;
  expectedSpend: number | null;
  clv: number | null;
  /** Probability of no purchase in the next churn-horizon days (see Analysis.summary.model.churnHorizonDays). */
  pNoPurchase?: number;
  /** The model these figures come from: BG/NBD or MBG/NBD (the better fit of the two). */
  purchaseModel?: 'bgnbd' | 'mbgnbd';
}

/**
 * A customer's fields as read from the table, shared by the core's input (`CustomerInput`, dates
 * as day numbers) and its result (`Customer`, dates as ISO strings): `D` is the date type.
 */
export interface CustomerFields<D> {
  key: string;
  /** Input rows (as the user counts them, header = 1) that made this customer. */
  rows: number[];
  name: string;
  emails: string[];
  domains: string[];
  owner: string | null;
  segment: string | null;
  region: string | null;

  revenue: number | null;
  revenuePrev: number | null;
  profit: number | null;
  costToServe: number | null;
  orders: number | null;
  firstPurchase: D | null;
  lastPurchase: D | null;
  wallet: number | null;
  /** Share of wallet as a fraction 0–1. */
  share: number | null;
  sharePrev: number | null;
  competitor: boolean | null;
  competitorName: string | null;
  suppliers: number | null;
  switchingCost: SwitchingCost | null;
  potential: number | null;
  receivable: number | null;
  overdueAmount: number | null;
  overdueDays: number | null;
  creditLimit: number | null;
  satisfaction: number | null;
  complaints: number | null;
  complaintsOpen: number | null;
  lastContact: D | null;
  churnReasonText: string | null;
}

/** One customer: the inputs as understood, and every result with its reasons. */
export interface Customer extends CustomerFields<string> {
  /** The churn-reason taxonomy code of churnReasonText (null when blank). */
  churnReason: string | null;

  /** The metric the tiers rank by (profit when the table has it, else revenue). */
  metric: number;
  /** Cumulative share of the metric held by the customers ranked before this one. */
  cumulativeShare: number;
  /** Null when the table has no revenue or profit figure to rank by (notice `no_tiers`). */
  tier: Tier | null;
  valueScore: ValueScore;
  valueClass: ValueClass;
  pyramid: PyramidLevel;
  lifecycle: Lifecycle;
  lifecycleWhy: Reason;
  defection: Defection;
  relationship: Relationship | null;
  churnRisk: ChurnRisk;
  credit: Credit;
  coreClass: CoreClass;
  nextVisitDue: string | null;
  visitOverdue: boolean | null;
  kaHealth: KaHealth | null;

  /** Transaction logs with a fitted model only (method §9). */
  pAlive?: number;
  expectedPurchases?: number;
  expectedSpend?: number | null;
  clv?: number | null;
  model?: ModelFigures;
}

/**
 * A problem with one cell or row. `row` counts as the user sees it (header = row 1).
 * `fatal` rows were rejected; non-fatal errors left that one field blank and kept the row.
 */
export interface RowError {
  row: number;
  column?: string;
  value?: string;
  code: string;
  reason: string;
  fatal: boolean;
}

/** Something the user should know that is not an error: skipped rows, merges, choices made. */
export interface Notice {
  row?: number;
  code: string;
  message: string;
}

export interface TierSummary {
  count: number;
  revenue: number;
  profit: number;
  revenueShare: number;
  profitShare: number;
}

export interface Summary {
  asOf: string;
  rows: { read: number; accepted: number; rejected: number; skipped: number };
  customers: number;
  metric: 'profit' | 'revenue';
  totals: { revenue: number; profit: number | null };
  tiers: Record<Tier, TierSummary>;
  /** 20/80/30 (method §4). Shares are of total profit (or revenue when no profit). */
  pyramid: {
    counts: Record<PyramidLevel, number>;
    top20Share: number;
    bottom30Share: number;
    /** Total without the bottom 30% — what the table would earn without its worst customers. */
    withoutBottom30: number;
    total: number;
  };
  valueClasses: Record<ValueClass, number>;
  lifecycle: Record<Lifecycle, number>;
  shareOfWallet: { known: number; rose: number; fell: number; steady: number; roseShare: number; fellShare: number };
  defection: Record<Defection, number>;
  defectionByCore: Record<CoreClass, { count: number; complete: number; partial: number; former: number; rate: number }>;
  churnReasons: { code: string; controllable: boolean; count: number }[];
  /**
   * `typicalRepeatDays`: the median usual interval of the repeat customers, against which a one-time
   * buyer's silence is measured when there is no purchase model (method §7); null when unknown.
   */
  churnRisk: { high: number; silent: number; average: number; typicalRepeatDays?: number | null };
  csat: { responses: number; satisfied: number; csat: number | null };
  credit: { graded: number; grades: Record<CreditGrade, number>; alerts: Record<string, string[]> };
  visitsOverdue: number;
  model?: unknown;
}

export interface Analysis {
  kind: TableKind;
  /** The header's row as the user counts it: 1, or lower when a title stands above the header. */
  headerRow: number;
  columns: Column[];
  /** Headers the core did not recognise (kept, ignored). */
  unknownHeaders: string[];
  customers: Customer[];
  errors: RowError[];
  notices: Notice[];
  summary: Summary;
  settings: Settings;
}

/**
 * An analysis's customers built on demand, in the order of `Analysis.customers` (by key): what a
 * surface reads when it writes customers one at a time and need not hold them all.
 */
export interface CustomerList extends Iterable<Customer> {
  readonly length: number;
  /** Customer i (0-based), built now; the same customer `Analysis.customers[i]` would hold. */
  at(i: number): Customer;
  /** Customer i's tier, without building the customer. */
  tierOf(i: number): Tier | null;
  /** Customer i's value score, without building the customer. */
  scoreOf(i: number): number;
  /** Customer i's key, without building the customer. */
  keyOf(i: number): string;
  /** The input rows that made customer i, without building the customer. */
  rowsOf(i: number): readonly number[];
  /** True when the customers carry the purchase model's figures (pAlive, CLV…). */
  readonly modelFigures: boolean;
  /** How many customers' churn risk starts from the purchase model's probability. */
  readonly fromModel: number;
}

/** An Analysis whose customers are built on demand (see CustomerList). */
export interface LazyAnalysis extends Omit<Analysis, 'customers'> {
  customers: CustomerList;
}

export interface AnalyzeOptions {
  /** Analysis date `YYYY-MM-DD`; default: the latest date found in the data. */
  asOf?: string;
  settings?: Partial<Settings>;
  /** Language for error reasons and notices. */
  lang?: Lang;
  /** Fit the probabilistic model on a transaction log (default true when the log allows). */
  model?: boolean;
}
