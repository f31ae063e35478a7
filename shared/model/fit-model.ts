/**
 * The whole probabilistic model on purchase histories (method §9): calibration summary, BG/NBD
 * (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel & Filiztekin 2007) — both fitted, the
 * better by log-likelihood used — Gamma-Gamma (note 025) and CLV, with every failure turned into a
 * ModelProblem so that no NaN or Infinity reaches a user.
 */
import { FIT_HERE, type ModelWork, type PurchaseFitter } from './purchase-fitter';
import { choosePurchaseModel, type FittedParams, type PurchaseModelChoice } from './choose-model';
import type { PurchaseModelName } from './bgnbd-likelihood';
import { fitGammaGamma, gammaGammaExpectedSpend, type GammaGammaParams } from './gamma-gamma';
import {
  exclusionMessage,
  MIN_CUSTOMERS,
  MIN_REPEAT_CUSTOMERS,
  MIN_SPEND_CUSTOMERS,
  modelProblem,
  type ModelProblem,
} from './model-problem';
import type { PurchaseHistory } from './purchase-history';
import { fitSampleData, sampleIndices } from './fit-sample';
import { ModelFigureTable } from './model-figure-table';
import { rfmTableOf, summarizeRfm, type RfmRow, type RfmTable, type TimeUnit } from './summarize-rfm';

export interface FitModelOptions {
  /** Calibration cut-off, days since 1970-01-01 (inclusive). */
  asOfDay: number;
  unit: TimeUnit;
  /** Horizon for expected purchases and CLV, in days. */
  horizonDays: number;
  /** Annual discount rate for CLV (0 = none). */
  annualDiscountRate: number;
  /** Horizon of the churn probability (no purchase in the next H days); default horizonDays. */
  churnHorizonDays?: number;
}

export interface ModelFit {
  ok: true;
  unit: TimeUnit;
  horizonDays: number;
  churnHorizonDays: number;
  /** The BG/NBD fit (null when it did not converge). */
  bgnbd: FittedParams | null;
  /** The MBG/NBD fit (null when it did not converge). */
  mbgnbd: FittedParams | null;
  /** The model the customers' figures come from, and why. */
  chosen: PurchaseModelChoice;
  gammaGamma: (GammaGammaParams & { ll: number }) | null;
  gammaGammaProblem: ModelProblem | null;
  /** Fits that are valid but say little (e.g. no drop-out seen): shown beside the figures. */
  warnings: ModelProblem[];
  /** Each customer's figures, by key. */
  customers: ModelFigureTable;
  excluded: { code: string; count: number; message: { zh: string; en: string } }[];
  /** `fittedOn`: how many of the customers the parameters were fitted on (fit-sample.ts). */
  counts: { customers: number; repeat: number; fittedOn: number };
}

export type ModelResult = ModelFit | { ok: false; problem: ModelProblem };

/**
 * Fit the model on the histories at the cut-off and compute each customer's P(alive), expected
 * purchases and spend over the horizon, CLV, and the probability of no purchase over the churn
 * horizon (method §9). Gamma-Gamma trouble leaves expectedSpend and clv null with
 * gammaGammaProblem set; purchase-model trouble gives { ok: false, problem }.
 */
export function fitModel(histories: readonly PurchaseHistory[], options: FitModelOptions): ModelResult {
  const bad = checkOptions(options);
  if (bad) return { ok: false, problem: modelProblem('bad_options', { what: bad }) };
  const { rows, excluded } = summarizeRfm(histories, { asOfDay: options.asOfDay, unit: options.unit });
  return fitRfmRows(rows, excluded, options);
}

/**
 * The same model on ready (x, t_x, T) rows — e.g. from a customer table's orders, first and last
 * purchase — with the same data-sufficiency rules. Rows with meanRepeatSpend null everywhere get no
 * Gamma-Gamma (problem `no_spend_history`).
 */
export function fitRfmRows(rows: readonly RfmRow[], excluded: readonly { code: string; count: number }[], options: FitModelOptions): ModelResult {
  return startRfmFit(rows, excluded, options, FIT_HERE)();
}

/**
 * fitRfmRows in two steps: the checks, the fit sample and its data now, and the two purchase-model
 * fits with every customer's figures started with `fitter` (which may run them elsewhere); the
 * function returned waits for them and completes the model (the choice, Gamma-Gamma, the table).
 */
export function startRfmFit(rows: readonly RfmRow[] | RfmTable, excluded: readonly { code: string; count: number }[], options: FitModelOptions, fitter: PurchaseFitter): () => ModelResult {
  const bad = checkOptions(options);
  if (bad) return () => ({ ok: false, problem: modelProblem('bad_options', { what: bad }) });
  const table = isRfmTable(rows) ? rows : rfmTableOf(rows);
  let repeat = 0;
  for (let i = 0; i < table.count; i++) if (table.x[i]! > 0) repeat++;
  if (table.count < MIN_CUSTOMERS) return () => ({ ok: false, problem: modelProblem('too_few_customers', { have: table.count }) });
  if (repeat < MIN_REPEAT_CUSTOMERS) return () => ({ ok: false, problem: modelProblem('too_few_repeat_customers', { have: repeat }) });
  // Fitted on a hash-chosen sample when the table is very large; applied to every customer below.
  const sample = sampleIndices(table.key);
  const points = { x: table.x, tx: table.tx, T: table.T };
  const churnHorizonDays = options.churnHorizonDays ?? options.horizonDays;
  const figures = { unit: options.unit, horizonDays: options.horizonDays, annualDiscountRate: options.annualDiscountRate, churnHorizonDays };
  const work = fitter.start({ data: fitSampleData(points, sample), points, figures });
  return () => {
    // Gamma-Gamma needs nothing of the purchase model: fitted here while the fitter's work may still be going on elsewhere.
    const spend = spendModel(table, repeat, sample);
    return completeFit(table, excluded, repeat, sample, spend, work(), options);
  };
}

function isRfmTable(rows: readonly RfmRow[] | RfmTable): rows is RfmTable {
  return !Array.isArray(rows);
}

/** The spend side of the model: Gamma-Gamma (or why not) and every customer's expected spend (null: a numeric problem). */
interface SpendModel {
  gammaGamma: (GammaGammaParams & { ll: number }) | null;
  gammaGammaProblem: ModelProblem | null;
  spend: Float64Array | null;
}

/**
 * Gamma-Gamma fitted on the repeat customers of the fit sample (`sample`: its rows; null: all) with
 * positive net repeat spend, or the problem that kept it from being fitted; and every customer's
 * expected spend under it (expectedSpends).
 */
function spendModel(table: RfmTable, repeat: number, sample: Uint32Array | null): SpendModel {
  const meanSpend = table.meanRepeatSpend;
  let gammaGamma: (GammaGammaParams & { ll: number }) | null = null;
  let gammaGammaProblem: ModelProblem | null = null;
  const spendRows: { x: number; meanSpend: number }[] = [];
  if (meanSpend !== null) {
    const fitted = sample ?? { length: table.count };
    for (let k = 0; k < fitted.length; k++) {
      const i = sample === null ? k : sample[k]!;
      const spend = meanSpend[i]!;
      if (table.x[i]! > 0 && spend > 0) spendRows.push({ x: table.x[i]!, meanSpend: spend });
    }
  }
  if (!table.spendNotANumber && (meanSpend === null || meanSpend.every(Number.isNaN))) gammaGammaProblem = modelProblem(repeat > 0 ? 'no_spend_history' : 'no_spend');
  else if (spendRows.length === 0) gammaGammaProblem = modelProblem('no_spend');
  else if (spendRows.length < MIN_SPEND_CUSTOMERS) gammaGammaProblem = modelProblem('too_few_spend_customers', { have: spendRows.length });
  else {
    const gg = fitGammaGamma(spendRows);
    const ok = gg.converged && gg.q > 1 && [gg.p, gg.q, gg.v, gg.ll].every(Number.isFinite);
    if (ok) gammaGamma = { p: gg.p, q: gg.q, v: gg.v, ll: gg.ll };
    else gammaGammaProblem = modelProblem('spend_fit_failed');
  }
  return { gammaGamma, gammaGammaProblem, spend: expectedSpends(table, gammaGamma) };
}

/**
 * Every customer's expected spend per purchase under the Gamma-Gamma fit (NaN for all without one);
 * null when one is not a finite, non-negative number — a mean spend that is not a number gives one
 * that is not either — which makes the model a numeric problem.
 */
function expectedSpends(table: RfmTable, gammaGamma: GammaGammaParams | null): Float64Array | null {
  const spend = new Float64Array(table.count).fill(NaN);
  if (!gammaGamma) return spend;
  if (table.spendNotANumber) return null;
  const meanSpend = table.meanRepeatSpend!;
  for (let i = 0; i < table.count; i++) {
    const m = meanSpend[i]!;
    const expectedSpend = gammaGammaExpectedSpend(gammaGamma, table.x[i]!, Number.isNaN(m) ? 0 : m);
    if (!(Number.isFinite(expectedSpend) && expectedSpend >= 0)) return null;
    spend[i] = expectedSpend;
  }
  return spend;
}

/** The model from the fitter's work and the spend model (spendModel): the better fit chosen, every customer's figures in a table. */
function completeFit(
  table: RfmTable,
  excluded: readonly { code: string; count: number }[],
  repeat: number,
  sample: Uint32Array | null,
  spendFit: SpendModel,
  work: ModelWork,
  options: FitModelOptions,
): ModelResult {
  const excludedOut = excluded.map((e) => ({ ...e, message: exclusionMessage(e.code, e.count) }));
  const { bgnbd, mbgnbd } = work.fits;
  const chosen = choosePurchaseModel(bgnbd, mbgnbd);
  if (!chosen) return { ok: false, problem: modelProblem('fit_failed') };
  const fit = chosen.params;
  const model = chosen.model;
  const { gammaGamma, gammaGammaProblem, spend } = spendFit;

  if (work.figures === null || spend === null) return { ok: false, problem: modelProblem('numeric') };
  const churnHorizonDays = options.churnHorizonDays ?? options.horizonDays;
  const customers = new ModelFigureTable(table.key, work.points.pointOf, work.figures, spend, model);
  const warning = dropoutWarning(fit, model);
  const warnings = warning ? [warning] : [];
  return {
    ok: true,
    unit: options.unit,
    horizonDays: options.horizonDays,
    churnHorizonDays,
    bgnbd,
    mbgnbd,
    chosen,
    gammaGamma,
    gammaGammaProblem,
    warnings,
    customers,
    excluded: excludedOut,
    counts: { customers: table.count, repeat, fittedOn: sample === null ? table.count : sample.length },
  };
}

/**
 * What the chosen fit says about drop-out, when it says something a user must know: a fit at one of
 * the Beta's limits names it; otherwise almost no drop-out (under 0.1% a purchase) says more than
 * drop-out alike for all, and covers it.
 */
function dropoutWarning(fit: FittedParams, model: PurchaseModelName): ModelProblem | null {
  // Mean drop-out probability after a purchase, a / (a + b): near zero, P(alive) cannot discriminate.
  const dropout = fit.a / (fit.a + fit.b);
  const percent = (dropout * 100).toPrecision(2);
  if (fit.noDropout) return modelProblem('no_dropout');
  if (fit.twoPoint) {
    const when = model === 'mbgnbd' ? { when_zh: '首次购买后就不再购买', when_en: 'they never buy again after the first purchase' } : { when_zh: '第一次回购后就不再购买', when_en: 'they stop after their first repeat purchase' };
    return modelProblem('two_point_dropout', { percent, ...when });
  }
  if (dropout < 1e-3) return modelProblem('no_dropout_seen', { percent });
  if (fit.sameDropout) return modelProblem('same_dropout', { percent });
  return null;
}

function checkOptions(o: FitModelOptions): string | null {
  if (!Number.isFinite(o.asOfDay)) return 'no valid cut-off date / 截止日期无效';
  if (o.unit !== 'days' && o.unit !== 'weeks') return 'the time unit must be days or weeks / 时间单位须为天或周';
  if (!(o.horizonDays > 0) || !Number.isFinite(o.horizonDays)) return 'the horizon must be a positive number of days / 预测天数须为正数';
  if (!(o.annualDiscountRate >= 0) || !Number.isFinite(o.annualDiscountRate)) return 'the discount rate must be 0 or more / 折现率须不小于 0';
  if (o.churnHorizonDays !== undefined && !(o.churnHorizonDays > 0 && Number.isFinite(o.churnHorizonDays))) return 'the churn horizon must be a positive number of days / 流失预测天数须为正数';
  return null;
}
