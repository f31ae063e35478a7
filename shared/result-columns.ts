/**
 * The result columns every surface writes beside the user's data — the CLI's --csv, the Sheets
 * add-on's RAPPORT_ANALYZE and Compute menu, the extension's export — with their headers in
 * zh-CN and en, so a column means the same thing everywhere.
 */
import type { Customer, CustomerList, Lang, RowError } from './types';
import { asList } from './customer-list';
import { fill, formatRowError } from './i18n/messages';
import { COMMON, texts } from './i18n/texts';
import { label, formatReason } from './i18n/labels';
import { noTierLabel } from './i18n/no-tier';

export interface ResultColumn {
  /** Stable field name (RAPPORT_ANALYZE's `field` argument). */
  field: string;
  zh: string;
  en: string;
  /** The cell value for a customer: text in the user's language, or a number. */
  value(c: Customer, lang: Lang): string | number | boolean | null;
  /**
   * True when the value can depend on the purchase model's figures (P(alive) moves the lifecycle
   * stage and with it defection; the chance of no order drives churn risk): a surface asking only
   * for columns without it need not fit the model.
   */
  model?: true;
  /**
   * The same value read from a CustomerList without building the customer (for the columns the
   * list keeps at hand: a one-column RAPPORT_ANALYZE of tiers builds no customer at all).
   */
  fromList?(list: CustomerList, i: number, lang: Lang): string | number | boolean | null;
}

const join = (xs: string[]) => xs.join('; ');

const TEXT = texts({
  zh: { contactOverdue: '沟通逾期', contactOk: '沟通正常', atIssue: '{guarantee}未保证' },
  en: { contactOverdue: 'contact overdue', contactOk: 'contact ok', atIssue: '{guarantee} at issue' },
});

export const RESULT_COLUMNS: readonly ResultColumn[] = [
  { field: 'tier', zh: '客户等级', en: 'Tier', value: (c, l) => c.tier ?? noTierLabel(l), fromList: (list, i, l) => list.tierOf(i) ?? noTierLabel(l) },
  { field: 'score', zh: '价值评分', en: 'Value score', value: (c) => c.valueScore.score, fromList: (list, i) => list.scoreOf(i) },
  { field: 'score_why', zh: '评分构成', en: 'Score parts', value: (c, l) => join(c.valueScore.parts.map((p) => `${label(l, 'part', p.part)} ${p.points}`)) },
  { field: 'value_class', zh: '价值类别', en: 'Value class', value: (c, l) => label(l, 'valueClass', c.valueClass) },
  { field: 'pyramid', zh: '金字塔', en: 'Pyramid', value: (c, l) => label(l, 'pyramid', c.pyramid) },
  { field: 'lifecycle', model: true, zh: '生命周期', en: 'Lifecycle', value: (c, l) => label(l, 'lifecycle', c.lifecycle) },
  { field: 'lifecycle_why', model: true, zh: '阶段依据', en: 'Lifecycle reason', value: (c, l) => formatReason(l, c.lifecycleWhy) },
  { field: 'defection', model: true, zh: '跳槽类别', en: 'Defection', value: (c, l) => label(l, 'defection', c.defection) },
  { field: 'relationship', zh: '关系类型', en: 'Relationship', value: (c, l) => label(l, 'relationship', c.relationship) },
  { field: 'churn_risk', model: true, zh: '流失风险', en: 'Churn risk', value: (c) => c.churnRisk.score },
  {
    field: 'churn_probability',
    model: true,
    zh: '不再下单概率',
    en: 'Chance of no order',
    // The purchase model's probability of no order within settings.churn.horizonDays (0–1).
    value: (c) => (c.churnRisk.probability === undefined || c.churnRisk.probability === null ? null : Math.round(c.churnRisk.probability * 1000) / 1000),
  },
  { field: 'churn_why', model: true, zh: '风险因素', en: 'Risk factors', value: (c, l) => join(c.churnRisk.factors.map((f) => formatReason(l, f, true))) },
  { field: 'silent_risk', model: true, zh: '沉默风险', en: 'Silent risk', value: (c, l) => (c.churnRisk.silent ? COMMON[l].yes : '') },
  { field: 'credit_score', zh: '信用分', en: 'Credit score', value: (c) => c.credit.score },
  { field: 'credit_grade', zh: '信用等级', en: 'Credit grade', value: (c, l) => label(l, 'creditGrade', c.credit.grade) },
  { field: 'credit_alerts', zh: '信用预警', en: 'Credit alerts', value: (c, l) => join(c.credit.alerts.map((a) => formatReason(l, a))) },
  { field: 'core_class', zh: '核心类别', en: 'Core class', value: (c, l) => label(l, 'coreClass', c.coreClass) },
  { field: 'next_visit', zh: '下次拜访', en: 'Next visit due', value: (c) => c.nextVisitDue },
  { field: 'visit_overdue', zh: '拜访逾期', en: 'Visit overdue', value: (c, l) => (c.visitOverdue ? COMMON[l].yes : c.visitOverdue === false ? COMMON[l].no : '') },
  {
    field: 'ka_health',
    zh: '大客户健康',
    en: 'Key-account health',
    value: (c, l) => {
      const k = c.kaHealth;
      if (!k) return '';
      const bad = Object.entries(k.guarantees).filter(([, v]) => v === false).map(([g]) => label(l, 'guarantee', g));
      const parts = [k.communication === false ? TEXT[l].contactOverdue : k.communication ? TEXT[l].contactOk : '', ...bad.map((b) => fill(TEXT[l].atIssue, { guarantee: b }))];
      return parts.filter(Boolean).join('; ');
    },
  },
  { field: 'p_alive', model: true, zh: '活跃概率', en: 'P(alive)', value: (c) => (c.pAlive === undefined ? null : Math.round(c.pAlive * 1000) / 1000) },
  { field: 'expected_purchases', model: true, zh: '预期购买次数', en: 'Expected purchases', value: (c) => (c.expectedPurchases === undefined ? null : Math.round(c.expectedPurchases * 100) / 100) },
  { field: 'clv', model: true, zh: '客户终身价值', en: 'CLV', value: (c) => (c.clv === undefined || c.clv === null ? null : Math.round(c.clv * 100) / 100) },
];

/** The result columns that apply to an analysis (the model's only when it was fitted). */
export function resultColumnsFor(customers: readonly Customer[] | CustomerList): ResultColumn[] {
  const model = asList(customers).modelFigures;
  return RESULT_COLUMNS.filter((col) => model || !['churn_probability', 'p_alive', 'expected_purchases', 'clv'].includes(col.field));
}

/** Find a result column by field name or by its zh/en header (case-insensitive). */
export function findResultColumn(name: string): ResultColumn | undefined {
  const n = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return RESULT_COLUMNS.find((c) => c.field === n || c.zh === name.trim() || c.en.toLowerCase() === name.trim().toLowerCase());
}

/**
 * Result cells aligned with the input table, the result headers on the header row: each data row gets its customer's
 * results (every row of a merged customer or a transaction log gets them), a rejected row gets its
 * errors in words in the first result column ("row 12: revenue '12o0' is not a number"), a skipped row stays empty.
 */
export function resultTable(
  rowCount: number,
  analysis: { headerRow?: number; customers: readonly Customer[] | CustomerList; errors: readonly { row: number; fatal: boolean; code: string; reason: string; column?: string; value?: string }[] },
  lang: Lang,
  columns: readonly ResultColumn[] = resultColumnsFor(analysis.customers),
): (string | number | boolean | null)[][] {
  const out: (string | number | boolean | null)[][] = new Array(rowCount);
  out[(analysis.headerRow ?? 1) - 1] = columns.map((c) => c[lang]);
  const width = columns.length;
  const list = asList(analysis.customers);
  // When every column can be read from the list, no customer is built.
  const fromList = columns.every((col) => col.fromList !== undefined);
  for (let i = 0; i < list.length; i++) {
    const c = fromList ? null : list.at(i);
    const cells = columns.map((col) => (c === null ? col.fromList!(list, i, lang) : col.value(c, lang)));
    for (const r of c === null ? list.rowsOf(i) : c.rows) out[r - 1] = cells;
  }
  const errs = new Map<number, string[]>();
  for (const e of analysis.errors) if (e.fatal) (errs.get(e.row) ?? errs.set(e.row, []).get(e.row)!).push(formatRowError(lang, e as RowError));
  for (const [row, msgs] of errs) {
    const cells: (string | null)[] = new Array(width).fill(null);
    cells[0] = msgs.join('; ');
    out[row - 1] = cells;
  }
  for (let i = 0; i < rowCount; i++) if (!out[i]) out[i] = new Array(width).fill(null);
  return out;
}
