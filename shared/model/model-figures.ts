/**
 * The probabilistic model as analyze() uses it (method §9): fitted on a transaction log's purchase
 * histories, or on a customer table's orders, first and last purchase (the same x, t_x, T), at the
 * analysis date, with the unit, horizons and discount rate from settings; BG/NBD and MBG/NBD are
 * both fitted and the better one used. A fit that cannot be made becomes a message, never a NaN.
 */
import type { Lang } from '../types';
import type { Settings } from '../settings';
import type { RfmTableSummary } from './summarize-rfm';
import { startRfmFit, type FitModelOptions, type ModelResult } from './fit-model';
import { FIT_HERE, type PurchaseFitter } from './purchase-fitter';
import type { ModelFigureTable } from './model-figure-table';
import { anyHistory, asHistoryColumns, rfmTableFromTable, type TableHistory, type TableHistoryColumns } from './table-history';

export type AnalysisModel =
  | { ok: true; figures: ModelFigureTable; summary: Record<string, unknown>; why: string }
  | { ok: false; message: string };

function options(asOfDay: number, settings: Settings): FitModelOptions {
  const m = settings.model;
  return { asOfDay, unit: m.unit, horizonDays: m.horizonDays, annualDiscountRate: m.annualDiscountRate, churnHorizonDays: settings.churn.horizonDays };
}

/**
 * The model on a transaction log's (x, t_x, T) summary at the analysis date (summarizeTransactions's
 * `rfm`, in the settings' unit), its two purchase-model fits started by `fitter`; the function
 * returned completes it.
 */
export function startLogFit(rfm: RfmTableSummary, asOfDay: number, settings: Settings, lang: Lang, fitter: PurchaseFitter): () => AnalysisModel {
  const done = startRfmFit(rfm.table, rfm.excluded, options(asOfDay, settings), fitter);
  return () => toAnalysis(done(), 'transactions', lang);
}

/**
 * Fit on a customer table's histories; null when no customer has all of orders, first and last
 * purchase (the table offers no purchase history, so there is nothing to say).
 */
export function fitTableForAnalysis(rows: readonly TableHistory[] | TableHistoryColumns, asOfDay: number, settings: Settings, lang: Lang): AnalysisModel | null {
  return startTableFit(rows, asOfDay, settings, lang, FIT_HERE)?.() ?? null;
}

/** fitTableForAnalysis with its two purchase-model fits started by `fitter`; the function returned completes it (null: nothing to fit). */
export function startTableFit(rows: readonly TableHistory[] | TableHistoryColumns, asOfDay: number, settings: Settings, lang: Lang, fitter: PurchaseFitter): (() => AnalysisModel) | null {
  const table = asHistoryColumns(rows);
  if (!anyHistory(table)) return null;
  const o = options(asOfDay, settings);
  const { table: rfm, excluded } = rfmTableFromTable(table, { asOfDay, unit: o.unit });
  const done = startRfmFit(rfm, excluded, o, fitter);
  return () => toAnalysis(done(), 'customers', lang);
}

function toAnalysis(r: ModelResult, source: 'transactions' | 'customers', lang: Lang): AnalysisModel {
  if (!r.ok) return { ok: false, message: r.problem.message[lang] };
  return {
    ok: true,
    figures: r.customers,
    why: r.chosen.why[lang],
    summary: {
      source,
      unit: r.unit,
      horizonDays: r.horizonDays,
      churnHorizonDays: r.churnHorizonDays,
      model: r.chosen.model,
      modelWhy: r.chosen.why[lang],
      bgnbd: r.bgnbd,
      mbgnbd: r.mbgnbd,
      gammaGamma: r.gammaGamma,
      gammaGammaProblem: r.gammaGammaProblem ? r.gammaGammaProblem.message[lang] : null,
      warnings: r.warnings.map((w) => w.message[lang]),
      excluded: r.excluded.map((e) => ({ code: e.code, count: e.count, message: e.message[lang] })),
      counts: r.counts,
    },
  };
}
