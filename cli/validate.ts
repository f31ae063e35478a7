/**
 * `rapport validate LOG --as-of D --horizon DAYS [--unit weeks|days] [--json] [--lang zh|en]`:
 * does churn risk predict churn? Analyses the log as of D, labels each customer "churned" when they
 * bought nothing in the next DAYS days of the same log, and prints the AUC of churn risk beside plain
 * recency and the purchase model's own figures, then the model's predicted against actual holdout
 * purchases by calibration frequency (Fader, Hardie & Lee 2005). The logic is in
 * shared/validate-log.ts; this file reads the file and prints. Exit 0 on a result, 2 when unusable.
 */
import { oneFile, parseCommandArgs } from './command-args';
import { AnalyzeError } from '../shared/analyze-error';
import { isoToDay } from '../shared/ingest/parse-date';
import { validateLog, type LogValidation } from '../shared/validate-log';
import type { Lang } from '../shared/types';
import { langFromArgs } from './locale';
import { readTableFile, UsageError } from './read-table-file';
import { renderTable } from './text-width';

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const T = {
  en: {
    usage: 'Usage: rapport validate LOG --as-of YYYY-MM-DD --horizon DAYS [--unit weeks|days] [--json] [--lang zh|en]',
    noFile: 'Name the transaction log to validate on: rapport validate LOG --as-of YYYY-MM-DD --horizon DAYS',
    oneFile: (s: string) => `One file at a time, got: ${s}`,
    needAsOf: '--as-of YYYY-MM-DD is needed: the cut-off between calibration and holdout',
    badAsOf: (s: string) => `--as-of needs a date written YYYY-MM-DD, not "${s}"`,
    badHorizon: (s: string) => `--horizon needs a whole number of days greater than 0, not "${s}"`,
    badUnit: (s: string) => `--unit must be weeks or days, not "${s}"`,
    notALog: 'validate needs a transaction log (customer id, date, amount on every row), not a customer table.',
    pastLog: (end: string, hold: string) => `The log ends on ${end}, before the end of the holdout (${hold}): choose an earlier --as-of or a shorter --horizon.`,
    noCustomers: 'No customer bought on or before the --as-of date.',
    title: 'Rapport validate — does churn risk predict churn?',
    file: (f: string, r: { read: number; accepted: number; rejected: number; skipped: number }) =>
      `File: ${f} (${r.read} rows read, ${r.accepted} up to the cut-off, ${r.rejected} rejected, ${r.skipped} skipped)`,
    split: (d: string, h: number, end: string) => `Calibration: rows up to ${d} · holdout: the next ${h} days, to ${end}`,
    churned: (n: number, c: number) => `Customers: ${n}; churned (no purchase in the holdout): ${c} (${((100 * c) / n).toFixed(1)}%)`,
    model: (why: string) => `Purchase model: ${why}`,
    noModel: (why: string) => `Purchase model: not fitted — ${why}`,
    aucTitle: (h: number) => `AUC for "no purchase in the next ${h} days" (0.5 = chance, 1 = perfect; ties count ½)`,
    aucHead: ['score', 'AUC'],
    rows: {
      churnRisk: 'churn risk (the 0–100 score)',
      churnProbability: 'churn probability (purchase model)',
      recency: 'days since last purchase (recency)',
      expectedPurchases: '−expected purchases (purchase model)',
      pAlive: '1 − P(alive) (purchase model)',
    },
    fhlTitle: 'Holdout purchases per customer by calibration repeat purchases x (Fader, Hardie & Lee 2005)',
    fhlHead: ['x', 'customers', 'actual', 'predicted'],
  },
  zh: {
    usage: '用法: rapport validate 流水文件 --as-of YYYY-MM-DD --horizon 天数 [--unit weeks|days] [--json] [--lang zh|en]',
    noFile: '请指定用于检验的交易流水: rapport validate 流水文件 --as-of YYYY-MM-DD --horizon 天数',
    oneFile: (s: string) => `一次只能检验一个文件, 收到: ${s}`,
    needAsOf: '需要 --as-of YYYY-MM-DD: 校准期与检验期的分界日',
    badAsOf: (s: string) => `--as-of 需要 YYYY-MM-DD 格式的日期, 不能是 "${s}"`,
    badHorizon: (s: string) => `--horizon 需要一个大于 0 的整数天数, 不能是 "${s}"`,
    badUnit: (s: string) => `--unit 只能是 weeks 或 days, 不能是 "${s}"`,
    notALog: 'validate 需要交易流水 (每行有客户编号、日期、金额), 而不是客户表。',
    pastLog: (end: string, hold: string) => `流水在 ${end} 结束, 早于检验期结束日 (${hold}): 请选择更早的 --as-of 或更短的 --horizon。`,
    noCustomers: '在 --as-of 日期之前没有任何客户购买。',
    title: 'Rapport 检验 — 流失风险能否预测流失?',
    file: (f: string, r: { read: number; accepted: number; rejected: number; skipped: number }) =>
      `文件: ${f} (读取 ${r.read} 行, 截止日前 ${r.accepted} 行, 拒绝 ${r.rejected} 行, 跳过 ${r.skipped} 行)`,
    split: (d: string, h: number, end: string) => `校准期: ${d} 及之前的记录 · 检验期: 之后 ${h} 天, 至 ${end}`,
    churned: (n: number, c: number) => `客户: ${n} 位; 流失 (检验期内没有购买): ${c} 位 (${((100 * c) / n).toFixed(1)}%)`,
    model: (why: string) => `购买概率模型: ${why}`,
    noModel: (why: string) => `购买概率模型: 未拟合 — ${why}`,
    aucTitle: (h: number) => `预测 "未来 ${h} 天内没有购买" 的 AUC (0.5 = 随机, 1 = 完美; 并列记 ½)`,
    aucHead: ['指标', 'AUC'],
    rows: {
      churnRisk: '流失风险 (0–100 分)',
      churnProbability: '流失概率 (购买概率模型)',
      recency: '距上次购买天数 (最近度)',
      expectedPurchases: '−预计购买次数 (购买概率模型)',
      pAlive: '1 − 仍活跃概率 (购买概率模型)',
    },
    fhlTitle: '按校准期复购次数 x 分组的检验期人均购买次数 (Fader, Hardie & Lee 2005)',
    fhlHead: ['x', '客户数', '实际', '预测'],
  },
} as const;

/** Run `rapport validate`; returns the exit code (0 validated, 2 unusable input). */
export async function validateCommand(
  args: string[],
  io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
): Promise<number> {
  const lang: Lang = langFromArgs(args);
  const t = T[lang];
  try {
    const { values, positionals } = parseCommandArgs(
      args,
      { 'as-of': { type: 'string' }, horizon: { type: 'string' }, unit: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } },
      t.usage,
    );
    const file = oneFile(positionals, t);
    const asOf = values['as-of'];
    if (asOf === undefined) throw new UsageError(`${t.needAsOf}\n${t.usage}`);
    if (isoToDay(asOf) === null) throw new UsageError(t.badAsOf(asOf));
    const horizon = Number(values.horizon ?? '');
    if (!Number.isInteger(horizon) || horizon <= 0) throw new UsageError(t.badHorizon(values.horizon ?? ''));
    const unit = values.unit ?? 'weeks';
    if (unit !== 'weeks' && unit !== 'days') throw new UsageError(t.badUnit(unit));

    const { table } = readTableFile(file, lang);
    const r = validateLog(table, { asOf, horizonDays: horizon, unit, lang });
    if (!r.ok) {
      const msg = r.code === 'not_a_log' ? t.notALog : r.code === 'holdout_past_log' ? t.pastLog(r.logEnd!, r.holdoutEnd!) : t.noCustomers;
      io.err(`rapport: ${msg}\n`);
      return 2;
    }
    if (values.json) {
      const m = r.result.analysis.summary.model as { model?: string; modelWhy?: string } | undefined;
      io.out(`${JSON.stringify({ file, asOf, holdoutEnd: r.result.holdoutEnd, rows: r.result.analysis.summary.rows, model: m?.model ?? null, modelWhy: m?.modelWhy ?? null, ...r.result.validation }, null, 2)}\n`);
      return 0;
    }
    io.out(formatValidation(file, asOf, r.result, lang));
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof AnalyzeError) {
      io.err(`rapport: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

const f3 = (v: number | null) => (v === null ? '—' : v.toFixed(3));

/** The printed report: split, churn rate, model used, the AUC table, the conditional-expectation table. */
export function formatValidation(file: string, asOf: string, r: LogValidation, lang: Lang): string {
  const t = T[lang];
  const v = r.validation;
  const a = r.analysis;
  const lines = [t.title, '', t.file(file, a.summary.rows), t.split(asOf, v.horizonDays, r.holdoutEnd), t.churned(v.customers, v.churned)];
  const m = a.summary.model as { modelWhy?: string } | undefined;
  const problem = a.notices.find((n) => n.code === 'model_problem');
  if (m?.modelWhy) lines.push(t.model(m.modelWhy));
  else if (problem) lines.push(t.noModel(problem.message));
  lines.push('', t.aucTitle(v.horizonDays));
  const keys = ['churnRisk', 'churnProbability', 'recency', 'expectedPurchases', 'pAlive'] as const;
  lines.push(renderTable([[...t.aucHead], ...keys.map((k) => [t.rows[k], f3(v.auc[k])])], [false, true]).replace(/\n$/, ''));
  lines.push('', t.fhlTitle);
  lines.push(renderTable([[...t.fhlHead], ...v.byFrequency.map((g) => [g.x, String(g.customers), f3(g.actual), f3(g.predicted)])], [false, true, true, true]).replace(/\n$/, ''));
  return `${lines.join('\n')}\n`;
}
