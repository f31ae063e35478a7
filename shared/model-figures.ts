/**
 * The probabilistic model as analyze() uses it (METHOD §9): fit on the log's purchase histories
 * at the analysis date, with the unit, horizon and discount rate from settings; a fit that cannot
 * be made becomes a message, never a NaN.
 */
import type { Lang, ModelFigures } from './types';
import type { Settings } from './settings';
import type { PurchaseHistory } from './model/purchase-history';
import { fitModel } from './model/fit-model';

export type AnalysisModel =
  | { ok: true; figures: Map<string, ModelFigures>; summary: Record<string, unknown> }
  | { ok: false; message: string };

export function fitForAnalysis(histories: readonly PurchaseHistory[], asOfDay: number, settings: Settings, lang: Lang): AnalysisModel {
  const m = settings.model;
  const r = fitModel(histories, { asOfDay, unit: m.unit, horizonDays: m.horizonDays, annualDiscountRate: m.annualDiscountRate });
  if (!r.ok) return { ok: false, message: r.problem.message[lang] };
  return {
    ok: true,
    figures: r.customers,
    summary: {
      unit: r.unit,
      horizonDays: r.horizonDays,
      bgnbd: r.bgnbd,
      gammaGamma: r.gammaGamma,
      gammaGammaProblem: r.gammaGammaProblem ? r.gammaGammaProblem.message[lang] : null,
      warnings: r.warnings.map((w) => w.message[lang]),
      excluded: r.excluded.map((e) => ({ code: e.code, count: e.count, message: e.message[lang] })),
      counts: r.counts,
    },
  };
}
