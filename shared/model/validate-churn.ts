/**
 * Calibration/holdout validation of churn risk on a transaction log: the analysis is run on the rows
 * up to the cut-off D; a customer "churned" when they bought nothing in (D, D+H]. Reports the AUC
 * (Mann–Whitney, ties ½) of churn risk beside the plain recency and the purchase model's own
 * figures, and the model's predicted against actual holdout purchases by calibration frequency —
 * the conditional-expectation table of Fader, Hardie & Lee (2005, Figure 4).
 */
import type { Customer } from '../types';
import type { PurchaseHistory } from './purchase-history';
import { isoToDay } from '../ingest/parse-date';
import { auc } from './auc';

/** Highest calibration frequency listed on its own; the rest are pooled as "7+" (as in the paper). */
export const FHL_MAX_X = 7;

export interface ChurnValidation {
  asOfDay: number;
  horizonDays: number;
  customers: number;
  churned: number;
  /** AUC of each score for "no purchase in the next H days"; null when not available. */
  auc: {
    churnRisk: number | null;
    churnProbability: number | null;
    recency: number | null;
    expectedPurchases: number | null;
    pAlive: number | null;
  };
  /** By calibration repeat purchases x: customers, mean actual and mean predicted holdout purchases. */
  byFrequency: { x: string; customers: number; actual: number; predicted: number | null }[];
}

/**
 * Repeat purchases (distinct purchase days) of each customer in (fromDay, toDay], from the full
 * log's histories.
 */
export function holdoutPurchases(histories: readonly PurchaseHistory[], fromDay: number, toDay: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const h of histories) {
    let n = 0;
    for (const d of h.days) if (d > fromDay && d <= toDay) n++;
    out.set(h.key, n);
  }
  return out;
}

/**
 * Validate the customers of an analysis made at `asOfDay` (only customers who had bought by then)
 * against their holdout purchases. Scores are oriented so that higher means more likely to churn:
 * churn risk and its probability as they are, recency = days since the last purchase,
 * −expected purchases, 1 − P(alive).
 */
export function validateChurn(customers: readonly Customer[], holdout: ReadonlyMap<string, number>, asOfDay: number, horizonDays: number): ChurnValidation {
  const rows = customers.filter((c) => c.lastPurchase !== null);
  const label = rows.map((c) => (holdout.get(c.key) ?? 0) === 0);
  const score = (f: (c: Customer) => number | undefined | null): number | null => {
    const xs = rows.map(f);
    if (xs.some((v) => v === undefined || v === null || !Number.isFinite(v))) return null;
    return auc(xs as number[], label);
  };
  const groups = new Map<number, { n: number; actual: number; predicted: number; havePrediction: boolean }>();
  rows.forEach((c) => {
    const x = c.model?.x ?? (c.orders !== null ? c.orders - 1 : null);
    if (x === null) return;
    const k = Math.min(x, FHL_MAX_X);
    const g = groups.get(k) ?? { n: 0, actual: 0, predicted: 0, havePrediction: true };
    g.n++;
    g.actual += holdout.get(c.key) ?? 0;
    if (c.expectedPurchases === undefined) g.havePrediction = false;
    else g.predicted += c.expectedPurchases;
    groups.set(k, g);
  });
  const byFrequency = [...groups.entries()]
    .sort((p, q) => p[0] - q[0])
    .map(([k, g]) => ({ x: k === FHL_MAX_X ? `${FHL_MAX_X}+` : String(k), customers: g.n, actual: g.actual / g.n, predicted: g.havePrediction ? g.predicted / g.n : null }));
  return {
    asOfDay,
    horizonDays,
    customers: rows.length,
    churned: label.filter(Boolean).length,
    auc: {
      churnRisk: score((c) => c.churnRisk.score),
      churnProbability: score((c) => c.churnRisk.probability ?? undefined),
      recency: score((c) => asOfDay - isoToDay(c.lastPurchase!)!),
      expectedPurchases: score((c) => (c.expectedPurchases === undefined ? undefined : -c.expectedPurchases)),
      pAlive: score((c) => (c.pAlive === undefined ? undefined : 1 - c.pAlive)),
    },
    byFrequency,
  };
}
