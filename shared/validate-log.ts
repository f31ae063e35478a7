/**
 * Calibration/holdout validation of churn risk on a whole transaction log (method §7, §9): the log
 * is analysed as of D exactly as a user would (rows after D ignored, churn horizon and model
 * horizon H), and each customer's purchases in (D, D+H] — read from the same log — say whether they
 * churned. See shared/model/validate-churn.ts for the measures.
 */
import type { Analysis, Lang } from './types';
import { analyze } from './analyze';
import { AnalyzeError } from './analyze-error';
import { readTransactions } from './ingest/read-transactions';
import { dayToIso, isoToDay } from './ingest/parse-date';
import { holdoutPurchases, validateChurn, type ChurnValidation } from './model/validate-churn';

export interface LogValidation {
  analysis: Analysis;
  validation: ChurnValidation;
  /** The log's last purchase date (ISO). */
  logEnd: string;
  /** D + H (ISO). */
  holdoutEnd: string;
}

export type ValidateLogResult = { ok: true; result: LogValidation } | { ok: false; code: 'not_a_log' | 'holdout_past_log' | 'no_customers'; logEnd?: string; holdoutEnd?: string };

/**
 * Validate churn risk on `table` (header row first) at `asOf` over `horizonDays`. The log must reach
 * D + H (otherwise quiet customers would be counted as churned for lack of data).
 */
export function validateLog(table: unknown[][], options: { asOf: string; horizonDays: number; unit?: 'days' | 'weeks'; lang?: Lang }): ValidateLogResult {
  const lang = options.lang ?? 'en';
  const D = isoToDay(options.asOf);
  if (D === null) throw new AnalyzeError('bad_as_of', lang, { value: options.asOf });
  const H = options.horizonDays;
  const settings = { churn: { horizonDays: H }, model: { horizonDays: H, ...(options.unit ? { unit: options.unit } : {}) } };
  const analysis = analyze(table, { asOf: options.asOf, settings: settings as never, lang });
  if (analysis.kind !== 'transactions') return { ok: false, code: 'not_a_log' };
  const full = readTransactions(table.slice(analysis.headerRow - 1), { lang });
  let end = -Infinity;
  for (const h of full.histories) for (const d of h.days) if (d > end) end = d;
  const logEnd = Number.isFinite(end) ? dayToIso(end) : options.asOf;
  const holdoutEnd = dayToIso(D + H);
  if (end < D + H) return { ok: false, code: 'holdout_past_log', logEnd, holdoutEnd };
  if (analysis.customers.length === 0) return { ok: false, code: 'no_customers' };
  const validation = validateChurn(analysis.customers, holdoutPurchases(full.histories, D, D + H), D, H);
  return { ok: true, result: { analysis, validation, logEnd, holdoutEnd } };
}
