/**
 * Custom functions over the probabilistic model (method §9): =RAPPORT_PALIVE and
 * =RAPPORT_CLV. Inputs are per-customer columns x (repeat purchases), t_x (time of the last
 * purchase since the first) and T (age), in one unit (weeks or days). Without parameters the model
 * is fitted on the customers given (Fader, Hardie & Lee 2005; Gamma-Gamma, Fader & Hardie note 025).
 * A bad row gives an error text in its own cell; a model that cannot be fitted throws.
 */
import type { Lang } from '../shared/types';
import { parseNumber } from '../shared/ingest/parse-number';
import { errorReason, formatRowError } from '../shared/i18n/messages';
import { fitBgNbd } from '../shared/model/bgnbd-fit';
import { bgnbdPAlive, bgnbdExpectedPurchases } from '../shared/model/bgnbd-predict';
import type { BgNbdParams } from '../shared/model/bgnbd-likelihood';
import { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaParams } from '../shared/model/gamma-gamma';
import { MIN_CUSTOMERS } from '../shared/model/model-problem';
import { asGrid } from './custom-functions';
import { documentLang } from './lang';

type Out = string | number;

const TEXT = {
  sameSize: { zh: '各列的行数必须相同', en: 'frequency, recency and age must have the same number of rows' },
  history: { zh: '应满足 复购次数 ≥ 0 且 0 ≤ 最近购买 ≤ 年龄', en: 'needs frequency ≥ 0 and 0 ≤ recency ≤ age' },
  spend: { zh: '平均每次消费不能为负数 (退货多于购买的客户请不要计入)', en: 'mean spend must not be negative (leave out customers whose returns exceed their purchases)' },
  fit: {
    zh: '无法拟合模型 (至少需要 {min} 个有效客户, 其中要有复购者): 请传入参数',
    en: 'The model could not be fitted (it needs at least {min} valid customers, some of them repeat buyers): pass the parameters',
  },
  params: { zh: '参数应为 {n} 个正数: {names} (a 可以为 0: 没有客户流失)', en: 'params must be {n} positive numbers: {names} (a may be 0: no customer drops out)' },
  horizon: { zh: '预测期应为正数', en: 'horizon must be a positive number' },
};

function text(lang: Lang, key: keyof typeof TEXT, params: Record<string, unknown> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A column argument as a flat list (a scalar is a one-row column). */
function column(v: unknown): unknown[] {
  return asGrid(v).map((r) => r[0]);
}

/**
 * Positive numbers from a range or "a,b,c" text; null when absent. The third, BG/NBD's a, may be 0:
 * the fit's limit where no customer drops out (shared/model/no-dropout.ts).
 */
function paramList(v: unknown, n: number, names: string, lang: Lang): number[] | null {
  if (v === undefined || v === null || v === '') return null;
  const raw = Array.isArray(v) ? asGrid(v).flat() : String(v).split(/[,;\s，]+/);
  const nums = raw.filter((x) => x !== '' && x !== null).map((x) => parseNumber(x));
  const ok = nums.every((p, i) => p?.ok && (p.value > 0 || (i === 2 && p.value === 0)));
  if (nums.length !== n || !ok) throw new Error(text(lang, 'params', { n, names }));
  return nums.map((p) => (p as { value: number }).value);
}

interface Row {
  i: number;
  x: number;
  tx: number;
  T: number;
  m?: number;
}

/** Read (x, t_x, T[, m]) rows; invalid ones become error texts in `out`. A non-numeric first row is a header. */
function readRows(cols: unknown[][], lang: Lang, names: string[]): { rows: Row[]; out: Out[]; header: boolean } {
  const n = cols[0]!.length;
  if (cols.some((c) => c.length !== n)) throw new Error(text(lang, 'sameSize'));
  const out: Out[] = new Array(n).fill('');
  const header = n > 1 && cols.every((c) => typeof c[0] === 'string' && parseNumber(c[0])?.ok === false);
  const rows: Row[] = [];
  for (let i = header ? 1 : 0; i < n; i++) {
    const ps = cols.map((c) => parseNumber(c[i]));
    if (ps.every((p) => p === null)) continue;
    const bad = ps.findIndex((p) => p === null || !p.ok);
    if (bad >= 0) {
      const cell = cols[bad]![i];
      out[i] = formatRowError(lang, { row: i + 1, column: header ? String(cols[bad]![0]) : names[bad]!, value: cell === '' || cell === null || cell === undefined ? undefined : String(cell), code: 'not_a_number', reason: errorReason(lang, 'not_a_number'), fatal: false });
      continue;
    }
    const [x, tx, T, m] = ps.map((p) => (p as { value: number }).value) as [number, number, number, number?];
    if (!(x >= 0 && tx >= 0 && tx <= T)) {
      out[i] = `${lang === 'zh' ? `第 ${i + 1} 行` : `row ${i + 1}`}: ${text(lang, 'history')}`;
      continue;
    }
    // Gamma-Gamma models spend per purchase as a positive amount (Fader & Hardie note 025).
    if (m !== undefined && m < 0) {
      out[i] = `${lang === 'zh' ? `第 ${i + 1} 行` : `row ${i + 1}`}: ${text(lang, 'spend')}`;
      continue;
    }
    rows.push({ i, x, tx, T, m });
  }
  return { rows, out, header };
}

function shape(out: Out[], scalar: boolean): Out[][] | Out {
  return scalar ? out[0]! : out.map((v) => [v]);
}

function fitOrThrow(rows: readonly Row[], lang: Lang): BgNbdParams {
  if (rows.length < MIN_CUSTOMERS || !rows.some((r) => r.x > 0)) throw new Error(text(lang, 'fit', { min: MIN_CUSTOMERS }));
  const fit = fitBgNbd(rows.map((r) => ({ x: r.x, tx: r.tx, T: r.T })));
  if (!fit.converged || ![fit.r, fit.alpha, fit.a, fit.b].every(Number.isFinite)) throw new Error(text(lang, 'fit', { min: MIN_CUSTOMERS }));
  return { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b };
}

/**
 * =RAPPORT_PALIVE(frequency, recency, age, [params]): P(alive) of each customer (BG/NBD, Fader,
 * Hardie & Lee 2005, eq. 13 via bgnbdPAlive), with params r, alpha, a, b or fitted on these rows.
 */
export function RAPPORT_PALIVE(frequency: unknown, recency: unknown, age: unknown, params?: unknown): Out[][] | Out {
  const lang = documentLang(SpreadsheetApp.getActiveSpreadsheet());
  const cols = [column(frequency), column(recency), column(age)];
  const { rows, out, header } = readRows(cols, lang, ['frequency', 'recency', 'age']);
  const given = paramList(params, 4, 'r, alpha, a, b', lang);
  if (header) out[0] = lang === 'zh' ? '活跃概率' : 'P(alive)';
  if (rows.length) {
    const p: BgNbdParams = given ? { r: given[0]!, alpha: given[1]!, a: given[2]!, b: given[3]! } : fitOrThrow(rows, lang);
    for (const r of rows) out[r.i] = bgnbdPAlive(p, r.x, r.tx, r.T);
  }
  return shape(out, !Array.isArray(frequency));
}

/**
 * =RAPPORT_CLV(frequency, recency, age, mean_spend, horizon, [params]): expected purchases over
 * the horizon (BG/NBD eq. 10) × expected spend per purchase (Gamma-Gamma), undiscounted; params
 * r, alpha, a, b, p, q, v or both models fitted on these rows.
 */
export function RAPPORT_CLV(frequency: unknown, recency: unknown, age: unknown, meanSpend: unknown, horizon: unknown, params?: unknown): Out[][] | Out {
  const lang = documentLang(SpreadsheetApp.getActiveSpreadsheet());
  const h = parseNumber(horizon);
  if (!h?.ok || !(h.value > 0)) throw new Error(text(lang, 'horizon'));
  const cols = [column(frequency), column(recency), column(age), column(meanSpend)];
  const { rows, out, header } = readRows(cols, lang, ['frequency', 'recency', 'age', 'mean_spend']);
  const given = paramList(params, 7, 'r, alpha, a, b, p, q, v', lang);
  if (header) out[0] = lang === 'zh' ? '客户终身价值' : 'CLV';
  if (rows.length) {
    const bg: BgNbdParams = given ? { r: given[0]!, alpha: given[1]!, a: given[2]!, b: given[3]! } : fitOrThrow(rows, lang);
    let gg: GammaGammaParams;
    if (given) gg = { p: given[4]!, q: given[5]!, v: given[6]! };
    else {
      const fit = fitGammaGamma(rows.filter((r) => r.x > 0 && (r.m ?? 0) > 0).map((r) => ({ x: r.x, meanSpend: r.m! })));
      if (!fit.converged || !(fit.q > 1)) throw new Error(text(lang, 'fit', { min: MIN_CUSTOMERS }));
      gg = { p: fit.p, q: fit.q, v: fit.v };
    }
    for (const r of rows) out[r.i] = bgnbdExpectedPurchases(bg, h.value, r.x, r.tx, r.T) * gammaGammaExpectedSpend(gg, r.x, r.m ?? 0);
  }
  return shape(out, !Array.isArray(frequency));
}
