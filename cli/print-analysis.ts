/**
 * The CLI's readable report: a table of customers (tier, name, score, lifecycle, churn risk,
 * credit) and the manager's summary, in zh-CN or en.
 */
import type { Analysis, Customer, Lang, Tier } from '../shared/types';
import { label, formatReason, formatServicePolicy } from '../shared/i18n/labels';
import { servicePolicy } from '../shared/rules/service-policy';
import { formatRowError } from '../shared/i18n/messages';
import { renderTable, truncate } from './text-width';
import { NO_TIER_MARK, noTiersNotice } from '../shared/i18n/no-tier';

const TIER_ORDER: Record<Tier, number> = { A: 0, B: 1, C: 2, D: 3 };
const tierOrder = (t: Tier | null) => (t === null ? 4 : TIER_ORDER[t]);

const num = (lang: Lang, x: number, digits = 0) => x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (lang: Lang, x: number) => `${num(lang, x * 100, 1)}%`;

/** The table's order: tier A first, then the higher value score, then the key. */
function byTierThenScore(x: Customer, y: Customer): number {
  return tierOrder(x.tier) - tierOrder(y.tier) || y.valueScore.score - x.valueScore.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
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
export function formatNoCustomers(a: Analysis, lang: Lang, source: string): string {
  const zh = lang === 'zh';
  const r = a.summary.rows;
  const out = [
    zh
      ? `rapport: "${source}" 中没有可分析的客户行: 读取 ${num(lang, r.read)} 行 = 接受 ${num(lang, r.accepted)} + 拒绝 ${num(lang, r.rejected)} + 跳过 ${num(lang, r.skipped)} (空行、合计行、重复表头)`
      : `rapport: "${source}" has no customer rows to analyse: ${num(lang, r.read)} rows read = ${num(lang, r.accepted)} accepted + ${num(lang, r.rejected)} rejected + ${num(lang, r.skipped)} skipped (blank, totals or repeated header rows)`,
  ];
  if (a.errors.length) for (const line of groupedErrors(a.errors, lang)) out.push(`  ${line}`);
  return out.join('\n');
}

export function formatAnalysis(a: Analysis, lang: Lang, limit: number, source: string): string {
  const zh = lang === 'zh';
  const s = a.summary;
  const out: string[] = [];
  const kind = a.kind === 'customers' ? (zh ? '客户表' : 'customer table') : zh ? '交易流水' : 'transaction log';
  out.push(zh ? `Rapport — ${source}: ${num(lang, s.customers)} 个客户 (${kind}), 分析日期 ${s.asOf}` : `Rapport — ${source}: ${num(lang, s.customers)} customers (${kind}), analysis date ${s.asOf}`);
  const r = s.rows;
  out.push(zh ? `读取 ${num(lang, r.read)} 行 = 接受 ${num(lang, r.accepted)} + 拒绝 ${num(lang, r.rejected)} + 跳过 ${num(lang, r.skipped)}` : `Rows: ${num(lang, r.read)} read = ${num(lang, r.accepted)} accepted + ${num(lang, r.rejected)} rejected + ${num(lang, r.skipped)} skipped`);
  out.push('');

  const shown = firstInOrder(a.customers, limit, byTierThenScore);
  const total = a.customers.length;
  const model = a.customers.some((c) => c.pAlive !== undefined);
  const head = zh ? ['等级', '客户', '价值评分', '生命周期', '流失风险', '主要风险因素', '信用'] : ['Tier', 'Customer', 'Score', 'Lifecycle', 'Churn risk', 'Top risk factor', 'Credit'];
  if (model) head.push(zh ? `${a.settings.churn.horizonDays} 天不下单` : `No order ${a.settings.churn.horizonDays}d`, zh ? '活跃概率' : 'P(alive)', 'CLV');
  const rows = [head];
  for (const c of shown) {
    const top = [...c.churnRisk.factors].sort((p, q) => q.points! - p.points!)[0];
    const row = [
      c.tier ?? NO_TIER_MARK,
      truncate(c.name, 28),
      num(lang, c.valueScore.score, 1),
      label(lang, 'lifecycle', c.lifecycle),
      String(c.churnRisk.score) + (c.churnRisk.silent ? (zh ? ' 沉默' : ' silent') : ''),
      top ? truncate(formatReason(lang, top), 34) : '',
      c.credit.grade ? `${label(lang, 'creditGrade', c.credit.grade)} ${c.credit.score}` : '—',
    ];
    const none = c.churnRisk.probability;
    if (model) row.push(none === undefined || none === null ? '' : pct(lang, none), c.pAlive === undefined ? '' : pct(lang, c.pAlive), c.clv === undefined || c.clv === null ? '' : num(lang, c.clv, 2));
    rows.push(row);
  }
  out.push(renderTable(rows, [false, false, true, false, true, false, false, true, true, true]));
  if (total > shown.length)
    out.push(zh ? `… 另有 ${num(lang, total - shown.length)} 个客户 (用 --limit N, --json 或 --csv 查看全部)` : `… ${num(lang, total - shown.length)} more customers (see all with --limit N, --json or --csv)`);
  out.push('');

  out.push(zh ? '汇总' : 'Summary');
  const metricName = s.metric === 'profit' ? (zh ? '利润' : 'profit') : zh ? '销售额' : 'revenue';
  const tierLine = (['A', 'B', 'C', 'D'] as Tier[])
    .map((t) => {
      const x = s.tiers[t];
      const share = s.metric === 'profit' ? x.profitShare : x.revenueShare;
      const revenuePart = s.metric === 'profit' ? (zh ? `, 销售额 ${pct(lang, x.revenueShare)}` : `, ${pct(lang, x.revenueShare)} of revenue`) : '';
      return zh ? `${t} 类 ${num(lang, x.count)} 个 (${metricName} ${pct(lang, share)}${revenuePart})` : `${t} ${num(lang, x.count)} (${pct(lang, share)} of ${metricName}${revenuePart})`;
    })
    .join(' · ');
  const untiered = a.customers.length > 0 && a.customers.every((c) => c.tier === null);
  if (untiered) out.push(`  ${zh ? '分级' : 'Tiers'}: ${noTiersNotice(lang).message}`);
  else {
    out.push(`  ${zh ? '分级' : 'Tiers'}: ${tierLine}`);
    for (const t of ['A', 'B', 'C', 'D'] as Tier[]) out.push(`    ${zh ? `${t} 类服务政策` : `${t} policy`}: ${formatServicePolicy(lang, servicePolicy(t, a.settings))}`);
  }
  const p = s.pyramid;
  if (!untiered) out.push(
    zh
      ? `  金字塔 20/80/30: 前 20% 客户贡献 ${pct(lang, p.top20Share)} 的${metricName}; 后 30% 客户${p.bottom30Share < 0 ? '减少' : '贡献'} ${pct(lang, Math.abs(p.bottom30Share))}; 没有他们${metricName}为 ${num(lang, p.withoutBottom30)} (现为 ${num(lang, p.total)})`
      : `  Pyramid 20/80/30: the top 20% of customers bring ${pct(lang, p.top20Share)} of ${metricName}; the bottom 30% ${p.bottom30Share < 0 ? 'take away' : 'add'} ${pct(lang, Math.abs(p.bottom30Share))}; without them ${metricName} would be ${num(lang, p.withoutBottom30)} (now ${num(lang, p.total)})`,
  );
  const vc = s.valueClasses;
  out.push(`  ${zh ? '价值类别' : 'Value classes'}: ${(['MVC', 'MGC', 'BZ', 'maintain'] as const).map((k) => `${label(lang, 'valueClass', k)} ${num(lang, vc[k])}`).join(' · ')}`);
  out.push(`  ${zh ? '生命周期' : 'Lifecycle'}: ${Object.entries(s.lifecycle).filter(([, n]) => n > 0).map(([k, n]) => `${label(lang, 'lifecycle', k)} ${num(lang, n)}`).join(' · ')}`);
  const w = s.shareOfWallet;
  if (w.known > 0)
    out.push(zh ? `  钱包份额: ${pct(lang, w.roseShare)} 的客户上升, ${pct(lang, w.fellShare)} 下降 (共 ${num(lang, w.known)} 个有两期份额)` : `  Share of wallet: rose for ${pct(lang, w.roseShare)} and fell for ${pct(lang, w.fellShare)} of the ${num(lang, w.known)} customers with both periods`);
  out.push(`  ${zh ? '跳槽' : 'Defection'}: ${(['complete', 'partial', 'former', 'stable'] as const).map((k) => `${label(lang, 'defection', k)} ${num(lang, s.defection[k])}`).join(' · ')}`);
  out.push(
    `  ${zh ? '各核心类别跳槽率' : 'Defection rate by core class'}: ${(['best_core', 'other_core', 'general', 'expendable'] as const)
      .map((k) => `${label(lang, 'coreClass', k)} ${pct(lang, s.defectionByCore[k].rate)} (${num(lang, s.defectionByCore[k].count)})`)
      .join(' · ')}`,
  );
  if (s.churnReasons.length)
    out.push(`  ${zh ? '流失原因' : 'Churn reasons'}: ${s.churnReasons.map((x) => `${label(lang, 'churnReason', x.code)} ${x.count}`).join(' · ')}`);
  out.push(
    zh
      ? `  流失风险: 高风险 (≥ ${a.settings.churn.high}) ${num(lang, s.churnRisk.high)} 个, 沉默风险 ${num(lang, s.churnRisk.silent)} 个, 平均 ${s.churnRisk.average}; 拜访逾期 ${num(lang, s.visitsOverdue)} 个`
      : `  Churn risk: ${num(lang, s.churnRisk.high)} high (≥ ${a.settings.churn.high}), ${num(lang, s.churnRisk.silent)} silent, average ${s.churnRisk.average}; ${num(lang, s.visitsOverdue)} visits overdue`,
  );
  // Where churn risk comes from: the purchase model's probability, or the warning signs alone.
  const fromModel = a.customers.filter((c) => c.churnRisk.basis === 'model').length;
  const H = a.settings.churn.horizonDays;
  if (a.customers.length > 0)
    out.push(
      fromModel > 0
        ? zh
          ? `    依据: 购买概率模型给出的未来 ${H} 天内不再下单的概率 (${num(lang, fromModel)} 个客户), 再加上预警信号`
          : `    basis: the purchase model's chance of no order in the next ${H} days (${num(lang, fromModel)} customers), raised by the warning signs`
        : zh
          ? '    依据: 仅预警信号 (没有可用的购买历史模型)'
          : '    basis: warning signs only (no purchase history to model)',
    );
  if (s.csat.csat !== null)
    out.push(zh ? `  满意度 CSAT: ${pct(lang, s.csat.csat)} (${num(lang, s.csat.responses)} 个答复中 ${num(lang, s.csat.satisfied)} 个满意)` : `  CSAT: ${pct(lang, s.csat.csat)} (${num(lang, s.csat.satisfied)} of ${num(lang, s.csat.responses)} answers are 4–5)`);
  if (s.credit.graded > 0) {
    const grades = Object.entries(s.credit.grades).map(([g, n]) => `${label(lang, 'creditGrade', g)} ${num(lang, n)}`).join(' · ');
    const hasAlerts = Object.keys(s.credit.alerts).length > 0;
    out.push(`  ${zh ? '信用' : 'Credit'}: ${grades}${hasAlerts ? ` — ${zh ? '预警' : 'alerts'}: ${alertSummary(lang, s.credit.alerts, a.settings.credit)}` : ''}`);
  }
  type Fitted = { r: number; alpha: number; a: number; b: number; ll: number } | null;
  const m = s.model as { model?: string; bgnbd?: Fitted; mbgnbd?: Fitted; unit?: string } | undefined;
  const used = m?.model === 'mbgnbd' ? m.mbgnbd : m?.bgnbd;
  if (used) out.push(`  ${m!.model === 'mbgnbd' ? 'MBG/NBD' : 'BG/NBD'} (${m!.unit}): r=${sig(used.r)} α=${sig(used.alpha)} a=${sig(used.a)} b=${sig(used.b)} LL=${used.ll.toFixed(2)}`);

  if (a.errors.length) {
    out.push('');
    out.push(zh ? `行错误 (${num(lang, a.errors.length)}):` : `Row errors (${num(lang, a.errors.length)}):`);
    for (const line of groupedErrors(a.errors, lang)) out.push(`  ${line}`);
  }
  const notes = a.notices.filter((n) => n.code !== 'skipped_blank');
  if (notes.length) {
    out.push('');
    out.push(zh ? '说明:' : 'Notes:');
    for (const n of notes.slice(0, 12)) out.push(`  ${n.message}`);
    if (notes.length > 12) out.push(zh ? `  … 另有 ${notes.length - 12} 条` : `  … ${notes.length - 12} more`);
  }
  return out.join('\n');
}

/** Significant digits for model parameters, which range from 1e-8 to 1e5. */
const sig = (x: number) => String(Number(x.toPrecision(4)));

/**
 * Row errors as a manager reads them: one line for a single error, one line per kind of error
 * (reason and column) with its count and first rows when the same problem repeats.
 */
function groupedErrors(errors: Analysis['errors'], lang: Lang): string[] {
  const zh = lang === 'zh';
  const kept = (e: Analysis['errors'][number]) => (e.fatal ? '' : zh ? ' (该项留空, 行已接受)' : ' (left blank, row kept)');
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
    lines.push(zh ? `${num(lang, g.length)} 行 ${e.column ?? ''} ${e.reason}${kept(e)}: 第 ${rows} 行` : `${num(lang, g.length)} rows: ${e.column ?? ''} ${e.reason}${kept(e)} — rows ${rows}`);
  }
  const shown = lines.slice(0, 20);
  if (lines.length > 20) shown.push(zh ? `… 另有 ${lines.length - 20} 类 (--json 查看全部)` : `… ${lines.length - 20} more kinds (--json lists all)`);
  return shown;
}

function alertSummary(lang: Lang, alerts: Record<string, string[]>, t: Analysis['settings']['credit']): string {
  const zh = lang === 'zh';
  const u = Math.round(t.utilisationAlert * 100);
  const r = Math.round(t.overdueRatioAlert * 100);
  const names: Record<string, [string, string]> = {
    utilisation: [`额度使用 > ${u}%`, `credit use > ${u}%`],
    overdue_days: [`逾期 > ${t.overdueDaysAlert} 天`, `overdue > ${t.overdueDaysAlert} days`],
    overdue_ratio: [`逾期占比 > ${r}%`, `overdue ratio > ${r}%`],
  };
  return Object.entries(alerts)
    .map(([code, keys]) => `${names[code]?.[zh ? 0 : 1] ?? code} ${keys.length}`)
    .join(' · ');
}
