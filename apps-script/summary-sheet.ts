/**
 * The "Rapport summary" sheet: tier counts and shares, the 20/80/30 figures, share-of-wallet rise
 * and fall, defection rate per core class, churn-reason frequency, credit alerts (method §3, §4,
 * §6, §7, §8), a Pareto chart and the row errors with their row numbers. Written with one
 * setValues and a fixed number of other calls, whatever the number of rows.
 */
import type { Analysis, CoreClass, Lang, Lifecycle, Tier, ValueClass } from '../shared/types';
import type { SettingsProblem } from '../shared/settings';
import { label } from '../shared/i18n/labels';
import { isControllable } from '../shared/rules/churn-reasons';
import { t, type StringKey } from './i18n/strings';
import { problemText } from './i18n/setting-labels';
import { SUMMARY_SHEET } from './sheet-names';
import { asText, type CellOut } from './result-writer';

export const SUMMARY_WIDTH = 6;
/** Row errors listed on the summary; all of them are on the data sheet's note column. */
export const MAX_LISTED_ERRORS = 1000;
const TIERS: Tier[] = ['A', 'B', 'C', 'D'];
const CORES: CoreClass[] = ['best_core', 'other_core', 'general', 'expendable'];
const CLASSES: ValueClass[] = ['MVC', 'MGC', 'BZ', 'maintain'];
const STAGES: Lifecycle[] = ['prospecting', 'socialization', 'growth', 'maturity', 'at_risk', 'terminating', 'interrupted', 'recovery'];

/** Share of the metric held by the top 5%, 10%, … 100% of customers (20 points). */
export function paretoPoints(metrics: readonly number[]): [number, number][] {
  const sorted = metrics.filter((m) => Number.isFinite(m)).sort((a, b) => b - a);
  let total = 0;
  for (const m of sorted) if (m > 0) total += m;
  const out: [number, number][] = [];
  const n = sorted.length;
  let cum = 0;
  let taken = 0;
  for (let k = 1; k <= 20; k++) {
    const upto = Math.round((n * k) / 20);
    for (; taken < upto; taken++) if (sorted[taken]! > 0) cum += sorted[taken]!;
    out.push([k / 20, total > 0 ? cum / total : 0]);
  }
  return out;
}

const pct = (x: number) => Math.round(x * 1000) / 1000;

export interface SummaryLayout {
  rows: CellOut[][];
  /** Blocks (1-based) holding fractions, shown as percentages. */
  percent: { row: number; col: number; numRows: number; numCols: number }[];
  /** 1-based first row and number of rows of the Pareto table (header excluded). */
  pareto: { row: number; count: number };
}

/** The summary's cells (every row SUMMARY_WIDTH wide) and where the Pareto table is. */
export function summaryRows(a: Analysis, sheetName: string, lang: Lang, problems: readonly SettingsProblem[]): SummaryLayout {
  const s = a.summary;
  const metric = t(lang, s.metric === 'profit' ? 'metricProfit' : 'metricRevenue');
  const rows: CellOut[][] = [];
  const percent: SummaryLayout['percent'] = [];
  const add = (...cells: CellOut[]) => rows.push(cells);
  /** Mark the next `numRows` rows' columns col..col+numCols−1 as percentages. */
  const asPercent = (col: number, numCols: number, numRows = 1) => percent.push({ row: rows.length + 1, col, numRows, numCols });
  const head = (key: StringKey, params: Record<string, unknown> = {}) => {
    add();
    add(t(lang, key, { metric, ...params }));
  };
  add(t(lang, 'summaryTitle', { sheet: sheetName, asOf: s.asOf }));
  add(t(lang, 'summaryKind'), t(lang, a.kind === 'transactions' ? 'kindTransactions' : 'kindCustomers'));
  add(t(lang, 'summaryRows'), s.rows.read, s.customers, s.rows.rejected, s.rows.skipped);
  asPercent(2, 1);
  add(t(lang, 'csat'), s.csat.csat === null ? t(lang, 'none') : pct(s.csat.csat));

  head('summaryTiers');
  add(t(lang, 'colTier'), t(lang, 'colCustomers'), t(lang, 'colCustomerShare'), t(lang, 'colRevenueShare'), t(lang, 'colProfitShare'));
  asPercent(3, 3, TIERS.length);
  for (const tier of TIERS) {
    const x = s.tiers[tier];
    add(tier, x.count, s.customers ? pct(x.count / s.customers) : 0, pct(x.revenueShare), s.totals.profit === null ? t(lang, 'none') : pct(x.profitShare));
  }

  head('summaryPyramid');
  asPercent(2, 1, 2);
  add(t(lang, 'top20', { metric }), pct(s.pyramid.top20Share));
  add(t(lang, 'bottom30', { metric }), pct(s.pyramid.bottom30Share));
  add(t(lang, 'withoutBottom30', { metric }), s.pyramid.withoutBottom30, s.pyramid.total);
  add(label(lang, 'pyramid', 'platinum'), s.pyramid.counts.platinum, label(lang, 'pyramid', 'gold'), s.pyramid.counts.gold);
  add(label(lang, 'pyramid', 'iron'), s.pyramid.counts.iron, label(lang, 'pyramid', 'lead'), s.pyramid.counts.lead);

  head('summaryClasses');
  for (const v of CLASSES) add(label(lang, 'valueClass', v), s.valueClasses[v]);

  head('summaryLifecycle');
  for (const st of STAGES) add(label(lang, 'lifecycle', st), s.lifecycle[st]);

  head('summaryRisk');
  add(t(lang, 'churnHigh', { high: a.settings.churn.high }), s.churnRisk.high);
  add(t(lang, 'churnSilent'), s.churnRisk.silent);
  add(t(lang, 'churnAverage'), Math.round(s.churnRisk.average * 10) / 10);
  add(t(lang, 'visitsOverdue'), s.visitsOverdue);

  head('summaryShare');
  add(t(lang, 'shareKnown'), s.shareOfWallet.known);
  asPercent(3, 1, 2);
  add(t(lang, 'shareRose'), s.shareOfWallet.rose, pct(s.shareOfWallet.roseShare));
  add(t(lang, 'shareFell'), s.shareOfWallet.fell, pct(s.shareOfWallet.fellShare));
  add(t(lang, 'shareSteady'), s.shareOfWallet.steady);

  head('summaryDefection');
  add(t(lang, 'colCoreClass'), t(lang, 'colCustomers'), t(lang, 'colComplete'), t(lang, 'colPartial'), t(lang, 'colFormer'), t(lang, 'colRate'));
  asPercent(6, 1, CORES.length);
  for (const c of CORES) {
    const d = s.defectionByCore[c];
    add(label(lang, 'coreClass', c), d.count, d.complete, d.partial, d.former, pct(d.rate));
  }

  head('summaryReasons');
  add(t(lang, 'colReason'), t(lang, 'colControllable'), t(lang, 'colCount'));
  if (s.churnReasons.length === 0) add(t(lang, 'none'));
  for (const r of s.churnReasons) add(label(lang, 'churnReason', r.code), t(lang, (r.controllable ?? isControllable(r.code)) ? 'yes' : 'no'), r.count);

  head('summaryCredit');
  add(t(lang, 'colAlert'), t(lang, 'colCount'), t(lang, 'colWho'));
  const alertLabel: Record<string, () => string> = {
    utilisation: () => t(lang, 'alertUtilisation', { value: Math.round(a.settings.credit.utilisationAlert * 100) }),
    overdue_days: () => t(lang, 'alertOverdueDays', { value: a.settings.credit.overdueDaysAlert }),
    overdue_ratio: () => t(lang, 'alertOverdueRatio', { value: Math.round(a.settings.credit.overdueRatioAlert * 100) }),
  };
  const alerts = Object.entries(s.credit.alerts);
  if (alerts.length === 0) add(t(lang, 'none'));
  for (const [code, keys] of alerts) {
    const shown = keys.slice(0, 50).join(', ') + (keys.length > 50 ? ` … (+${keys.length - 50})` : '');
    add(alertLabel[code]?.() ?? code, keys.length, shown);
  }

  head('summaryPareto');
  add(t(lang, 'colTopCustomers'), t(lang, 'colCumulative', { metric }));
  const points = paretoPoints(a.customers.map((c) => c.metric));
  const paretoRow = rows.length + 1;
  asPercent(1, 2, points.length);
  for (const [x, y] of points) add(pct(x), pct(y));

  const notices = a.notices.filter((n) => n.row === undefined && n.code !== 'settings_problem');
  if (notices.length) {
    head('summaryNotices');
    for (const n of notices) add(n.message);
  }
  if (problems.length) {
    head('summarySettings');
    for (const p of problems) add(p.path, problemText(lang, p));
  }

  head('summaryErrors', { count: a.errors.length });
  if (a.errors.length === 0) add(t(lang, 'noErrors'));
  else add(t(lang, 'colRow'), t(lang, 'colColumn'), t(lang, 'colValue'), t(lang, 'colProblem'));
  for (const e of a.errors.slice(0, MAX_LISTED_ERRORS)) add(e.row, e.column ?? '', e.value ?? '', e.reason);
  if (a.errors.length > MAX_LISTED_ERRORS) add(t(lang, 'moreErrors', { count: a.errors.length - MAX_LISTED_ERRORS }));

  const padded = rows.map((r) => {
    const line: CellOut[] = new Array(SUMMARY_WIDTH).fill('');
    r.forEach((v, j) => {
      line[j] = asText(v === null || v === undefined ? '' : v);
    });
    return line;
  });
  return { rows: padded, percent, pareto: { row: paretoRow, count: points.length } };
}

/** Create or rewrite the summary sheet, with its Pareto chart. */
export function writeSummary(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, a: Analysis, sheetName: string, lang: Lang, problems: readonly SettingsProblem[]): void {
  const layout = summaryRows(a, sheetName, lang, problems);
  let sheet = ss.getSheetByName(SUMMARY_SHEET);
  if (!sheet) sheet = ss.insertSheet(SUMMARY_SHEET);
  sheet.clear();
  const maxRows = sheet.getMaxRows();
  if (layout.rows.length > maxRows) sheet.insertRowsAfter(maxRows, layout.rows.length - maxRows);
  sheet.getRange(1, 1, layout.rows.length, SUMMARY_WIDTH).setValues(layout.rows);
  sheet.getRange(1, 1).setFontWeight('bold');
  for (const b of layout.percent) sheet.getRange(b.row, b.col, b.numRows, b.numCols).setNumberFormat('0.0%');
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const metric = t(lang, a.summary.metric === 'profit' ? 'metricProfit' : 'metricRevenue');
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(sheet.getRange(layout.pareto.row - 1, 1, layout.pareto.count + 1, 2))
    .setOption('title', t(lang, 'chartTitle', { metric }))
    .setOption('legend', { position: 'none' })
    .setOption('vAxis', { format: 'percent', viewWindow: { min: 0, max: 1 } })
    .setOption('hAxis', { format: 'percent' })
    .setPosition(2, SUMMARY_WIDTH + 2, 0, 0)
    .build();
  sheet.insertChart(chart);
}
