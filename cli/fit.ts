/**
 * `rapport fit FILE [--as-of YYYY-MM-DD] [--unit weeks|days] [--horizon DAYS] [--discount RATE]
 * [--json] [--lang zh|en]`: fit BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel &
 * Filiztekin 2007) on a transaction log, use the one with the higher log-likelihood, fit
 * Gamma-Gamma (method §9), and print the parameters, which model was used and why, what was excluded
 * and why, and each customer's P(alive), expected purchases, expected spend and CLV. Rows dated
 * after the cut-off are ignored.
 * Exit 0 on a fit, 2 when the input cannot be used (with a plain message).
 */
import { oneFile, parseCommandArgs } from './command-args';
import { AnalyzeError } from '../shared/analyze-error';
import { dayToIso, isoToDay } from '../shared/ingest/parse-date';
import { readTransactions } from '../shared/ingest/read-transactions';
import { errorReason } from '../shared/i18n/messages';
import { exclusionMessage, fitModel, type ModelFit } from '../shared/model';
import type { Lang, ModelFigures, RowError } from '../shared/types';
import { langFromArgs } from './locale';
import { modelParamsText } from './model-params-text';
import { readTableFile, UsageError } from './read-table-file';
import { renderTable } from './text-width';

/** Customers listed in the text table. */
const LISTED = 20;
const DEFAULT_HORIZON_DAYS = 90;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** One line of "what was left out and why". */
export interface FitExclusion {
  kind: 'rows' | 'customers';
  code: string;
  count: number;
  message: string;
}

const T = {
  en: {
    usage:
      'Usage: rapport fit FILE [--as-of YYYY-MM-DD] [--unit weeks|days] [--horizon DAYS] [--discount RATE] [--json] [--lang zh|en]',
    noFile: 'Name the transaction log to fit: rapport fit FILE',
    oneFile: (s: string) => `One file at a time, got: ${s}`,
    badUnit: (s: string) => `--unit must be weeks or days, not "${s}"`,
    badHorizon: (s: string) => `--horizon needs a number of days greater than 0, not "${s}"`,
    badDiscount: (s: string) => `--discount needs an annual rate of 0 or more (0.1 = 10 %), not "${s}"`,
    badAsOf: (s: string) => `--as-of needs a date written YYYY-MM-DD, not "${s}"`,
    title: 'Rapport fit — BG/NBD or MBG/NBD + Gamma-Gamma',
    file: 'File',
    rows: (r: { read: number; accepted: number; rejected: number; skipped: number }) =>
      `${r.read} rows read, ${r.accepted} used, ${r.rejected} rejected, ${r.skipped} skipped`,
    cutoff: 'Cut-off',
    unit: { weeks: 'weeks', days: 'days' },
    unitLabel: 'time unit',
    horizon: (d: number) => `horizon ${d} days`,
    discount: (d: number) => `CLV discounted at ${(d * 100).toFixed(1)} % a year`,
    customers: (n: number, repeat: number) => `Customers in the model: ${n} (${repeat} bought again on a later day)`,
    sample: (fitted: number, n: number) => `Parameters fitted on ${fitted} of the ${n} customers, chosen by a hash of their id (enough to settle four parameters); applied to all of them`,
    ll: 'log-likelihood',
    notConverged: 'did not settle',
    used: 'Used',
    ggMean: (m: string) => `average spend per purchase ${m}`,
    ggNone: 'Gamma-Gamma: not fitted —',
    excluded: 'Left out',
    nothingExcluded: 'Left out: nothing',
    rowsRejected: (n: number, why: string) => `${n} rows rejected: ${why}`,
    rowsAfter: (n: number) => `${n} rows dated after the cut-off ignored`,
    header: ['customer', 'x', 't_x', 'T', 'P(alive)', 'P(no order)', 'purchases', 'spend', 'CLV'],
    tableTitle: (n: number, d: number) => `Customers by CLV (first ${n}; P(no order), purchases and CLV over the next ${d} days)`,
    more: (n: number) => `… ${n} more`,
    failed: 'The model could not be fitted',
  },
  zh: {
    usage: '用法: rapport fit 文件 [--as-of YYYY-MM-DD] [--unit weeks|days] [--horizon 天数] [--discount 年折现率] [--json] [--lang zh|en]',
    noFile: '请指定要拟合的交易流水文件: rapport fit 文件',
    oneFile: (s: string) => `一次只能拟合一个文件, 收到: ${s}`,
    badUnit: (s: string) => `--unit 只能是 weeks 或 days, 不能是 "${s}"`,
    badHorizon: (s: string) => `--horizon 需要一个大于 0 的天数, 不能是 "${s}"`,
    badDiscount: (s: string) => `--discount 需要一个不小于 0 的年折现率 (0.1 即 10%), 不能是 "${s}"`,
    badAsOf: (s: string) => `--as-of 需要 YYYY-MM-DD 格式的日期, 不能是 "${s}"`,
    title: 'Rapport 模型拟合 — BG/NBD 或 MBG/NBD + Gamma-Gamma',
    file: '文件',
    rows: (r: { read: number; accepted: number; rejected: number; skipped: number }) =>
      `读取 ${r.read} 行, 使用 ${r.accepted} 行, 拒绝 ${r.rejected} 行, 跳过 ${r.skipped} 行`,
    cutoff: '截止日期',
    unit: { weeks: '周', days: '天' },
    unitLabel: '时间单位',
    horizon: (d: number) => `预测期 ${d} 天`,
    discount: (d: number) => `CLV 按年折现率 ${(d * 100).toFixed(1)}% 折现`,
    customers: (n: number, repeat: number) => `模型中的客户: ${n} 位 (其中 ${repeat} 位在之后的日期再次购买)`,
    sample: (fitted: number, n: number) => `参数由 ${n} 位客户中按编号哈希选出的 ${fitted} 位拟合 (足以确定四个参数), 再用于全部客户`,
    ll: '对数似然',
    notConverged: '未得到稳定结果',
    used: '采用',
    ggMean: (m: string) => `平均每次消费 ${m}`,
    ggNone: 'Gamma-Gamma: 未拟合 —',
    excluded: '未计入',
    nothingExcluded: '未计入: 无',
    rowsRejected: (n: number, why: string) => `${n} 行被拒绝: ${why}`,
    rowsAfter: (n: number) => `${n} 行晚于截止日期, 未使用`,
    header: ['客户', 'x', 't_x', 'T', '存活概率', '不再下单概率', '预计购买', '预计客单价', 'CLV'],
    tableTitle: (n: number, d: number) => `按 CLV 排序的客户 (前 ${n} 位; 不再下单概率、购买次数和 CLV 为未来 ${d} 天)`,
    more: (n: number) => `… 另有 ${n} 位`,
    failed: '无法拟合模型',
  },
} as const;

/** Run `rapport fit`; returns the exit code (0 fitted, 2 unusable input). */
export async function fitCommand(
  args: string[],
  io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
): Promise<number> {
  const lang: Lang = langFromArgs(args);
  const t = T[lang];
  try {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        'as-of': { type: 'string' },
        unit: { type: 'string' },
        horizon: { type: 'string' },
        discount: { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
      },
      t.usage,
    );
    const file = oneFile(positionals, t);
    const unit = values.unit ?? 'weeks';
    if (unit !== 'weeks' && unit !== 'days') throw new UsageError(t.badUnit(unit));
    const horizonDays = values.horizon === undefined ? DEFAULT_HORIZON_DAYS : Number(values.horizon);
    if (!(horizonDays > 0) || !Number.isFinite(horizonDays)) throw new UsageError(t.badHorizon(values.horizon ?? ''));
    const discount = values.discount === undefined ? 0 : Number(values.discount);
    if (!(discount >= 0) || !Number.isFinite(discount)) throw new UsageError(t.badDiscount(values.discount ?? ''));
    let asOfDay: number | null = null;
    if (values['as-of'] !== undefined) {
      asOfDay = isoToDay(values['as-of']);
      if (asOfDay === null) throw new UsageError(t.badAsOf(values['as-of']));
    }

    const { table } = readTableFile(file, lang);
    const log = readTransactions(table, { lang, asOf: values['as-of'] });
    const cutoff = asOfDay ?? isoToDay(log.asOf)!;
    const result = fitModel(log.histories, { asOfDay: cutoff, unit, horizonDays, annualDiscountRate: discount });
    if (!result.ok) {
      io.err(`rapport: ${t.failed}: ${result.problem.message[lang]}\n`);
      return 2;
    }
    const excluded = exclusions(log.errors, log.afterAsOf, result, lang);
    const customers = sortedCustomers(result.customers);
    if (values.json) {
      io.out(
        `${JSON.stringify(
          {
            asOf: dayToIso(cutoff),
            unit,
            horizonDays,
            annualDiscountRate: discount,
            rows: log.rows,
            bgnbd: result.bgnbd ? pick(result.bgnbd, ['r', 'alpha', 'a', 'b', 'll', 'sameDropout', 'noDropout', 'twoPoint']) : null,
            mbgnbd: result.mbgnbd ? pick(result.mbgnbd, ['r', 'alpha', 'a', 'b', 'll', 'sameDropout', 'noDropout', 'twoPoint']) : null,
            model: result.chosen.model,
            modelWhy: result.chosen.why[lang],
            gammaGamma: result.gammaGamma ? pick(result.gammaGamma, ['p', 'q', 'v', 'll']) : null,
            gammaGammaProblem: result.gammaGammaProblem ? { code: result.gammaGammaProblem.code, message: result.gammaGammaProblem.message[lang] } : null,
            warnings: result.warnings.map((w) => ({ code: w.code, message: w.message[lang] })),
            counts: result.counts,
            excluded,
            customers: customers.map(([key, f]) => ({ key, ...f })),
          },
          null,
          2,
        )}\n`,
      );
      return 0;
    }
    io.out(formatText(file, log.rows, cutoff, result, excluded, customers, discount, lang));
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof AnalyzeError) {
      io.err(`rapport: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** Rejected rows grouped by reason, rows after the cut-off, then customers the model left out. */
function exclusions(errors: readonly RowError[], after: { rows: number; customers: number }, result: ModelFit, lang: Lang): FitExclusion[] {
  const byCode = new Map<string, number>();
  for (const e of errors) if (e.fatal) byCode.set(e.code, (byCode.get(e.code) ?? 0) + 1);
  const out: FitExclusion[] = [];
  for (const [code, count] of [...byCode].sort((p, q) => q[1] - p[1])) {
    out.push({ kind: 'rows', code, count, message: T[lang].rowsRejected(count, errorReason(lang, code)) });
  }
  if (after.rows > 0) out.push({ kind: 'rows', code: 'after_cutoff', count: after.rows, message: T[lang].rowsAfter(after.rows) });
  if (after.customers > 0) {
    const m = exclusionMessage('first_purchase_after_cutoff', after.customers);
    out.push({ kind: 'customers', code: 'first_purchase_after_cutoff', count: after.customers, message: m[lang] });
  }
  for (const e of result.excluded) out.push({ kind: 'customers', code: e.code, count: e.count, message: e.message[lang] });
  return out;
}

/** By CLV (highest first; customers without CLV last), then expected purchases, then key. */
function sortedCustomers(map: ReadonlyMap<string, ModelFigures>): [string, ModelFigures][] {
  return [...map].sort(
    ([ka, a], [kb, b]) => (b.clv ?? -1) - (a.clv ?? -1) || b.expectedPurchases - a.expectedPurchases || (ka < kb ? -1 : ka > kb ? 1 : 0),
  );
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = o[k];
  return out;
}

function num(v: number, digits: number): string {
  return v.toFixed(digits);
}

function sig(v: number): string {
  return Number(v.toPrecision(5)).toString();
}

function formatText(
  file: string,
  rows: { read: number; accepted: number; rejected: number; skipped: number },
  cutoff: number,
  result: ModelFit,
  excluded: FitExclusion[],
  customers: [string, ModelFigures][],
  discount: number,
  lang: Lang,
): string {
  const t = T[lang];
  const lines: string[] = [];
  const sep = ': ';
  lines.push(t.title, '');
  lines.push(`${t.file}${sep}${file} (${t.rows(rows)})`);
  const setup = [`${t.cutoff}${sep}${dayToIso(cutoff)}`, `${t.unitLabel}${sep}${t.unit[result.unit]}`, t.horizon(result.horizonDays)];
  if (discount > 0) setup.push(t.discount(discount));
  lines.push(setup.join(' · '));
  lines.push(t.customers(result.counts.customers, result.counts.repeat));
  if (result.counts.fittedOn < result.counts.customers) lines.push(t.sample(result.counts.fittedOn, result.counts.customers));
  lines.push('');
  for (const [name, b] of [['BG/NBD', result.bgnbd], ['MBG/NBD', result.mbgnbd]] as const) {
    if (b) lines.push(`${name}: ${modelParamsText(b, lang)}  ${t.ll} = ${b.ll.toFixed(2)}`);
    else lines.push(`${name}: ${t.notConverged}`);
  }
  lines.push(`${t.used}${sep}${result.chosen.why[lang]}`);
  const g = result.gammaGamma;
  if (g) {
    lines.push(
      `Gamma-Gamma: p = ${sig(g.p)}  q = ${sig(g.q)}  v = ${sig(g.v)}  ${t.ll} = ${g.ll.toFixed(2)}  (${t.ggMean(num((g.p * g.v) / (g.q - 1), 2))})`,
    );
  } else if (result.gammaGammaProblem) lines.push(`${t.ggNone} ${result.gammaGammaProblem.message[lang]}`);
  for (const w of result.warnings) lines.push(`! ${w.message[lang]}`);
  lines.push('');
  if (excluded.length === 0) lines.push(t.nothingExcluded);
  else {
    lines.push(`${t.excluded}:`);
    for (const e of excluded) lines.push(`  - ${e.message}`);
  }
  lines.push('', t.tableTitle(Math.min(LISTED, customers.length), result.horizonDays));
  const dash = '—';
  const table = [
    [...t.header],
    ...customers.slice(0, LISTED).map(([key, f]) => [
      key,
      String(f.x),
      num(f.tx, 2),
      num(f.T, 2),
      num(f.pAlive, 3),
      f.pNoPurchase === undefined ? dash : num(f.pNoPurchase, 3),
      num(f.expectedPurchases, 3),
      f.expectedSpend === null ? dash : num(f.expectedSpend, 2),
      f.clv === null ? dash : num(f.clv, 2),
    ]),
  ];
  lines.push(renderTable(table, [false, true, true, true, true, true, true, true, true]).replace(/\n$/, ''));
  if (customers.length > LISTED) lines.push(t.more(customers.length - LISTED));
  return `${lines.join('\n')}\n`;
}
