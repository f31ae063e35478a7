/**
 * The CLI's readable report: a table of customers (tier, name, score, lifecycle, churn risk,
 * credit) and the manager's summary, in zh-CN or en.
 */
import type { Analysis, CustomerList, LazyAnalysis, Lang, Tier } from '../shared/types';
import { asList } from '../shared/customer-list';
import { label, formatReason, formatServicePolicy } from '../shared/i18n/labels';
import { servicePolicy } from '../shared/rules/service-policy';
import { fill, formatRowError } from '../shared/i18n/messages';
import { texts } from '../shared/i18n/texts';
import { num } from './i18n';
import { modelParamsText } from './model-params-text';
import type { FittedParams } from '../shared/model/choose-model';
import { renderTable, truncate } from './text-width';
import { NO_TIER_MARK, noTiersNotice } from '../shared/i18n/no-tier';

const TIER_ORDER: Record<Tier, number> = { A: 0, B: 1, C: 2, D: 3 };
const tierOrder = (t: Tier | null) => (t === null ? 4 : TIER_ORDER[t]);

const pct = (lang: Lang, x: number) => `${num(lang, x * 100, 1)}%`;

const TEXT = texts({
  zh: {
    noCustomers: 'rapport: "{source}" 中没有可分析的客户行: 读取 {read} 行 = 接受 {accepted} + 拒绝 {rejected} + 跳过 {skipped} (空行、合计行、重复表头)',
    customerTable: '客户表',
    transactionLog: '交易流水',
    title: 'Rapport — {source}: {customers} 个客户 ({kind}), 分析日期 {asOf}',
    rows: '读取 {read} 行 = 接受 {accepted} + 拒绝 {rejected} + 跳过 {skipped}',
    colTier: '等级',
    colCustomer: '客户',
    colScore: '价值评分',
    colLifecycle: '生命周期',
    colRisk: '流失风险',
    colFactor: '主要风险因素',
    colCredit: '信用',
    colNoOrder: '{days} 天不下单',
    colAlive: '活跃概率',
    silent: ' 沉默',
    moreCustomers: '… 另有 {count} 个客户 (用 --limit N, --json 或 --csv 查看全部)',
    summary: '汇总',
    profit: '利润',
    revenue: '销售额',
    revenuePart: ', 销售额 {share}',
    tier: '{tier} 类 {count} 个 ({metric} {share}{revenuePart})',
    tiers: '分级',
    policy: '{tier} 类服务政策',
    pyramid: '  金字塔 20/80/30: 前 20% 客户贡献 {top} 的{metric}; 后 30% 客户{direction} {bottom}; 没有他们{metric}为 {without} (现为 {total})',
    bottomTakes: '减少',
    bottomAdds: '贡献',
    valueClasses: '价值类别',
    lifecycle: '生命周期',
    wallet: '  钱包份额: {rose} 的客户上升, {fell} 下降 (共 {known} 个有两期份额)',
    defection: '跳槽',
    defectionByCore: '各核心类别跳槽率',
    churnReasons: '流失原因',
    churnRisk: '  流失风险: 高风险 (≥ {threshold}) {high} 个, 沉默风险 {silent} 个, 平均 {average}; 拜访逾期 {overdue} 个',
    basisModel: '    依据: 购买概率模型给出的未来 {days} 天内不再下单的概率 ({customers} 个客户), 再加上预警信号',
    basisSigns: '    依据: 仅预警信号 (没有可用的购买历史模型)',
    basisSignsUnfitted: '    依据: 仅预警信号 (购买概率模型没有得出结果, 原因见下方说明)',
    csat: '  满意度 CSAT: {csat} ({responses} 个答复中 {satisfied} 个满意)',
    credit: '信用',
    alerts: '预警',
    rowErrors: '行错误 ({count}):',
    notes: '说明:',
    moreNotes: '  … 另有 {count} 条',
    kept: ' (该项留空, 行已接受)',
    errorGroup: '{count} 行 {column} {reason}{kept}: 第 {rows} 行',
    moreKinds: '… 另有 {count} 类 (--json 查看全部)',
    alertUtilisation: '额度使用 > {percent}%',
    alertOverdueDays: '逾期 > {days} 天',
    alertOverdueRatio: '逾期占比 > {percent}%',
  },
  en: {
    noCustomers: 'rapport: "{source}" has no customer rows to analyse: {read} rows read = {accepted} accepted + {rejected} rejected + {skipped} skipped (blank, totals or repeated header rows)',
    customerTable: 'customer table',
    transactionLog: 'transaction log',
    title: 'Rapport — {source}: {customers} customers ({kind}), analysis date {asOf}',
    rows: 'Rows: {read} read = {accepted} accepted + {rejected} rejected + {skipped} skipped',
    colTier: 'Tier',
    colCustomer: 'Customer',
    colScore: 'Score',
    colLifecycle: 'Lifecycle',
    colRisk: 'Churn risk',
    colFactor: 'Top risk factor',
    colCredit: 'Credit',
    colNoOrder: 'No order {days}d',
    colAlive: 'P(alive)',
    silent: ' silent',
    moreCustomers: '… {count} more customers (see all with --limit N, --json or --csv)',
    summary: 'Summary',
    profit: 'profit',
    revenue: 'revenue',
    revenuePart: ', {share} of revenue',
    tier: '{tier} {count} ({share} of {metric}{revenuePart})',
    tiers: 'Tiers',
    policy: '{tier} policy',
    pyramid: '  Pyramid 20/80/30: the top 20% of customers bring {top} of {metric}; the bottom 30% {direction} {bottom}; without them {metric} would be {without} (now {total})',
    bottomTakes: 'take away',
    bottomAdds: 'add',
    valueClasses: 'Value classes',
    lifecycle: 'Lifecycle',
    wallet: '  Share of wallet: rose for {rose} and fell for {fell} of the {known} customers with both periods',
    defection: 'Defection',
    defectionByCore: 'Defection rate by core class',
    churnReasons: 'Churn reasons',
    churnRisk: '  Churn risk: {high} high (≥ {threshold}), {silent} silent, average {average}; {overdue} visits overdue',
    basisModel: "    basis: the purchase model's chance of no order in the next {days} days ({customers} customers), raised by the warning signs",
    basisSigns: '    basis: warning signs only (no purchase history to model)',
    basisSignsUnfitted: '    basis: warning signs only (the purchase model gave no figures; the notes below say why)',
    csat: '  CSAT: {csat} ({satisfied} of {responses} answers are 4–5)',
    credit: 'Credit',
    alerts: 'alerts',
    rowErrors: 'Row errors ({count}):',
    notes: 'Notes:',
    moreNotes: '  … {count} more',
    kept: ' (left blank, row kept)',
    errorGroup: '{count} rows: {column} {reason}{kept} — rows {rows}',
    moreKinds: '… {count} more kinds (--json lists all)',
    alertUtilisation: 'credit use > {percent}%',
    alertOverdueDays: 'overdue > {days} days',
    alertOverdueRatio: 'overdue ratio > {percent}%',
  },
});

/** The table's order: tier A first, then the higher value score, then the key (customers by index, not built). */
function byTierThenScore(list: CustomerList): (x: number, y: number) => number {
  return (x, y) => {
    const byTier = tierOrder(list.tierOf(x)) - tierOrder(list.tierOf(y));
    if (byTier !== 0) return byTier;
    const byScore = list.scoreOf(y) - list.scoreOf(x);
    if (byScore !== 0) return byScore;
    const kx = list.keyOf(x);
    const ky = list.keyOf(y);
    return kx < ky ? -1 : kx > ky ? 1 : 0;
  };
}

/**
 * The first `k` items in the order `cmp`, as a full sort would give them, in one pass that keeps
 * only those k sorted (binary insertion): a 25-line table of a million customers needs no sort
 * of the million.
 */
export function firstInOrder<T>(items: readonly T[], k: number, cmp: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k * 8 >= items.length) return [...items].sort(cmp).slice(0, k);
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && cmp(item, top[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(top[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * Why there is nothing to report: no row became a customer (only totals, blank or repeated
 * header rows, or every row rejected). The row counts and the first errors, for standard error.
 */
export function formatNoCustomers(a: Analysis | LazyAnalysis, lang: Lang, source: string): string {
  const r = a.summary.rows;
  const out = [fill(TEXT[lang].noCustomers, { source, ...rowCounts(lang, r) })];
  if (a.errors.length) for (const line of groupedErrors(a.errors, lang)) out.push(`  ${line}`);
  return out.join('\n');
}

export function formatAnalysis(a: Analysis | LazyAnalysis, lang: Lang, limit: number, source: string): string {
  const tx = TEXT[lang];
  const list = asList(a.customers);
  const s = a.summary;
  const out: string[] = [];
  const kind = a.kind === 'customers' ? tx.customerTable : tx.transactionLog;
  out.push(fill(tx.title, { source, customers: num(lang, s.customers), kind, asOf: s.asOf }));
  out.push(fill(tx.rows, rowCounts(lang, s.rows)));
  out.push('');

  const indices = Array.from({ length: list.length }, (_, i) => i);
  const shown = firstInOrder(indices, limit, byTierThenScore(list)).map((i) => list.at(i));
  const total = list.length;
  const model = list.modelFigures;
  const head = [tx.colTier, tx.colCustomer, tx.colScore, tx.colLifecycle, tx.colRisk, tx.colFactor, tx.colCredit];
  if (model) head.push(fill(tx.colNoOrder, { days: a.settings.churn.horizonDays }), tx.colAlive, 'CLV');
  const rows = [head];
  for (const c of shown) {
    const top = [...c.churnRisk.factors].sort((p, q) => q.points! - p.points!)[0];
    const row = [
      c.tier ?? NO_TIER_MARK,
      truncate(c.name, 28),
      num(lang, c.valueScore.score, 1),
      label(lang, 'lifecycle', c.lifecycle),
      String(c.churnRisk.score) + (c.churnRisk.silent ? tx.silent : ''),
      top ? truncate(formatReason(lang, top), 34) : '',
      c.credit.grade ? `${label(lang, 'creditGrade', c.credit.grade)} ${c.credit.score}` : '—',
    ];
    const none = c.churnRisk.probability;
    if (model) row.push(none === undefined || none === null ? '' : pct(lang, none), c.pAlive === undefined ? '' : pct(lang, c.pAlive), c.clv === undefined || c.clv === null ? '' : num(lang, c.clv, 2));
    rows.push(row);
  }
  out.push(renderTable(rows, [false, false, true, false, true, false, false, true, true, true]));
  if (total > shown.length)
    out.push(fill(tx.moreCustomers, { count: num(lang, total - shown.length) }));
  out.push('');

  out.push(tx.summary);
  const metricName = s.metric === 'profit' ? tx.profit : tx.revenue;
  const tierLine = (['A', 'B', 'C', 'D'] as Tier[])
    .map((t) => {
      const x = s.tiers[t];
      const share = s.metric === 'profit' ? x.profitShare : x.revenueShare;
      const revenuePart = s.metric === 'profit' ? fill(tx.revenuePart, { share: pct(lang, x.revenueShare) }) : '';
      return fill(tx.tier, { tier: t, count: num(lang, x.count), metric: metricName, share: pct(lang, share), revenuePart });
    })
    .join(' · ');
  const untiered = total > 0 && indices.every((i) => list.tierOf(i) === null);
  if (untiered) out.push(`  ${tx.tiers}: ${noTiersNotice(lang).message}`);
  else {
    out.push(`  ${tx.tiers}: ${tierLine}`);
    for (const t of ['A', 'B', 'C', 'D'] as Tier[]) out.push(`    ${fill(tx.policy, { tier: t })}: ${formatServicePolicy(lang, servicePolicy(t, a.settings))}`);
  }
  const p = s.pyramid;
  if (!untiered)
    out.push(
      fill(tx.pyramid, {
        top: pct(lang, p.top20Share),
        metric: metricName,
        direction: p.bottom30Share < 0 ? tx.bottomTakes : tx.bottomAdds,
        bottom: pct(lang, Math.abs(p.bottom30Share)),
        without: num(lang, p.withoutBottom30),
        total: num(lang, p.total),
      }),
    );
  const vc = s.valueClasses;
  out.push(`  ${tx.valueClasses}: ${(['MVC', 'MGC', 'BZ', 'maintain'] as const).map((k) => `${label(lang, 'valueClass', k)} ${num(lang, vc[k])}`).join(' · ')}`);
  out.push(`  ${tx.lifecycle}: ${Object.entries(s.lifecycle).filter(([, n]) => n > 0).map(([k, n]) => `${label(lang, 'lifecycle', k)} ${num(lang, n)}`).join(' · ')}`);
  const w = s.shareOfWallet;
  if (w.known > 0)
    out.push(fill(tx.wallet, { rose: pct(lang, w.roseShare), fell: pct(lang, w.fellShare), known: num(lang, w.known) }));
  out.push(`  ${tx.defection}: ${(['complete', 'partial', 'former', 'stable'] as const).map((k) => `${label(lang, 'defection', k)} ${num(lang, s.defection[k])}`).join(' · ')}`);
  out.push(
    `  ${tx.defectionByCore}: ${(['best_core', 'other_core', 'general', 'expendable'] as const)
      .map((k) => `${label(lang, 'coreClass', k)} ${pct(lang, s.defectionByCore[k].rate)} (${num(lang, s.defectionByCore[k].count)})`)
      .join(' · ')}`,
  );
  if (s.churnReasons.length)
    out.push(`  ${tx.churnReasons}: ${s.churnReasons.map((x) => `${label(lang, 'churnReason', x.code)} ${x.count}`).join(' · ')}`);
  out.push(
    fill(tx.churnRisk, {
      threshold: a.settings.churn.high,
      high: num(lang, s.churnRisk.high),
      silent: num(lang, s.churnRisk.silent),
      average: s.churnRisk.average,
      overdue: num(lang, s.visitsOverdue),
    }),
  );
  // Where churn risk comes from: the purchase model's probability, or the warning signs alone.
  const fromModel = list.fromModel;
  const H = a.settings.churn.horizonDays;
  if (total > 0)
    out.push(
      fromModel > 0
        ? fill(tx.basisModel, { days: H, customers: num(lang, fromModel) })
        : a.notices.some((n) => n.code === 'model_problem')
          ? tx.basisSignsUnfitted
          : tx.basisSigns,
    );
  if (s.csat.csat !== null)
    out.push(fill(tx.csat, { csat: pct(lang, s.csat.csat), responses: num(lang, s.csat.responses), satisfied: num(lang, s.csat.satisfied) }));
  if (s.credit.graded > 0) {
    const grades = Object.entries(s.credit.grades).map(([g, n]) => `${label(lang, 'creditGrade', g)} ${num(lang, n)}`).join(' · ');
    const hasAlerts = Object.keys(s.credit.alerts).length > 0;
    out.push(`  ${tx.credit}: ${grades}${hasAlerts ? ` — ${tx.alerts}: ${alertSummary(lang, s.credit.alerts, a.settings.credit)}` : ''}`);
  }
  const m = s.model as { model?: string; bgnbd?: FittedParams | null; mbgnbd?: FittedParams | null; unit?: string } | undefined;
  const used = m?.model === 'mbgnbd' ? m.mbgnbd : m?.bgnbd;
  if (used) out.push(`  ${m!.model === 'mbgnbd' ? 'MBG/NBD' : 'BG/NBD'} (${m!.unit}): ${modelParamsText(used, lang)}  LL = ${used.ll.toFixed(2)}`);

  if (a.errors.length) {
    out.push('');
    out.push(fill(tx.rowErrors, { count: num(lang, a.errors.length) }));
    for (const line of groupedErrors(a.errors, lang)) out.push(`  ${line}`);
  }
  const notes = a.notices.filter((n) => n.code !== 'skipped_blank');
  if (notes.length) {
    out.push('');
    out.push(tx.notes);
    for (const n of notes.slice(0, 12)) out.push(`  ${n.message}`);
    if (notes.length > 12) out.push(fill(tx.moreNotes, { count: notes.length - 12 }));
  }
  return out.join('\n');
}

/** The row counts, formatted, for the `{read} = {accepted} + {rejected} + {skipped}` lines. */
function rowCounts(lang: Lang, r: Analysis['summary']['rows']) {
  return { read: num(lang, r.read), accepted: num(lang, r.accepted), rejected: num(lang, r.rejected), skipped: num(lang, r.skipped) };
}

/**
 * Row errors as a manager reads them: one line for a single error, one line per kind of error
 * (reason and column) with its count and first rows when the same problem repeats.
 */
function groupedErrors(errors: Analysis['errors'], lang: Lang): string[] {
  const tx = TEXT[lang];
  const kept = (e: Analysis['errors'][number]) => (e.fatal ? '' : tx.kept);
  const groups = new Map<string, Analysis['errors'][number][]>();
  for (const e of errors) {
    const k = `${e.code}\u0000${e.column ?? ''}\u0000${e.fatal}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(e);
  }
  const lines: string[] = [];
  for (const g of groups.values()) {
    if (g.length <= 3) {
      for (const e of g) lines.push(`${formatRowError(lang, e)}${kept(e)}`);
      continue;
    }
    const e = g[0]!;
    const rows = g.slice(0, 8).map((x) => x.row).join(', ') + (g.length > 8 ? ', …' : '');
    lines.push(fill(tx.errorGroup, { count: num(lang, g.length), column: e.column ?? '', reason: e.reason, kept: kept(e), rows }));
  }
  const shown = lines.slice(0, 20);
  if (lines.length > 20) shown.push(fill(tx.moreKinds, { count: lines.length - 20 }));
  return shown;
}

function alertSummary(lang: Lang, alerts: Record<string, string[]>, t: Analysis['settings']['credit']): string {
  const tx = TEXT[lang];
  const names: Record<string, string> = {
    utilisation: fill(tx.alertUtilisation, { percent: Math.round(t.utilisationAlert * 100) }),
    overdue_days: fill(tx.alertOverdueDays, { days: t.overdueDaysAlert }),
    overdue_ratio: fill(tx.alertOverdueRatio, { percent: Math.round(t.overdueRatioAlert * 100) }),
  };
  return Object.entries(alerts)
    .map(([code, keys]) => `${Object.hasOwn(names, code) ? names[code] : code} ${keys.length}`)
    .join(' · ');
}
