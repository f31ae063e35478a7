/**
 * Value score 0–100 (method §2; seeds 001, 002, 004): each part is a percentile rank among the
 * table's customers, weighted. A part absent for the whole table drops out and the other weights
 * are renormalised; a part absent for one customer takes the neutral 0.5.
 */
import type { ScorePart, ScorePartName, ValueScore } from '../types';
import type { Settings } from '../settings';
import { anyPresent, type CustomerColumns } from '../ingest/customer-columns';
import { percentileRanks } from './rank';

export const SCORE_PARTS: readonly ScorePartName[] = ['value', 'growth', 'share', 'payment', 'satisfaction', 'tenure'];

const NA = NaN;

/**
 * Growth as a ratio; growth from zero is +Infinity (the highest rank), zero to zero is 0. Column
 * values: NaN stands for a missing figure, and no growth is NaN.
 */
export function growthOf(revenue: number, prev: number): number {
  if (Number.isNaN(revenue)) return NA;
  if (prev > 0) return revenue / prev - 1;
  if (prev === 0) return revenue > 0 ? Infinity : 0;
  return NA;
}

export interface ValueScoreResult {
  /** Each customer's score 0–100, rounded to one decimal. */
  scores: Float64Array;
  /** Customer i's score with its weighted parts, built when a surface shows it. */
  at(i: number): ValueScore;
  /** Parts the table has no data for (dropped, weights renormalised). */
  dropped: ScorePartName[];
}

/**
 * Score every customer. `useProfit`: the value part ranks profit (else revenue).
 * Payment ranks the inverse of overdue days and of the overdue ratio (overdue / receivable),
 * averaged over whichever of the two the customer has.
 */
export function valueScores(cols: CustomerColumns, asOfDay: number, useProfit: boolean, settings: Settings): ValueScoreResult {
  const n = cols.count;
  const { revenue, revenuePrev, profit, share, satisfaction, firstPurchase, overdueDays: days, overdueAmount, receivable } = cols.num;
  // One working column, refilled for each derived part and ranked into that part's own array: a
  // million customers' parts cost seven rank arrays, not fourteen columns.
  const raw = new Float64Array(n);
  const ranks = {} as Record<ScorePartName, Float64Array>;
  // Columns hold NaN where a value is missing, so missing stays missing through the arithmetic.
  // (Each part's loop is written out: a callback per value would cost more than the ranking.)
  const value = useProfit ? profit : revenue;
  ranks.value = percentileRanks(value);
  for (let i = 0; i < n; i++) raw[i] = growthOf(revenue[i]!, revenuePrev[i]!);
  ranks.growth = percentileRanks(raw);
  ranks.share = percentileRanks(share);
  ranks.satisfaction = percentileRanks(satisfaction);
  for (let i = 0; i < n; i++) raw[i] = asOfDay - firstPurchase[i]!;
  ranks.tenure = percentileRanks(raw);
  // Payment: the mean of the ranks of −overdue days and of −(overdue / receivable), whichever exist.
  for (let i = 0; i < n; i++) raw[i] = -days[i]!;
  const rd = percentileRanks(raw);
  for (let i = 0; i < n; i++) {
    const owed = receivable[i]!;
    const overdue = overdueAmount[i]!;
    raw[i] = owed > 0 ? -(overdue / owed) : overdue === 0 ? 0 : NA;
  }
  const rr = percentileRanks(raw);
  for (let i = 0; i < n; i++) {
    const a = rd[i]!;
    const b = rr[i]!;
    rd[i] = Number.isNaN(a) ? b : Number.isNaN(b) ? a : (a + b) / 2;
  }
  ranks.payment = rd;

  const present = SCORE_PARTS.filter((p) => settings.weights[p] > 0 && anyPresent(ranks[p], n));
  const dropped = SCORE_PARTS.filter((p) => !present.includes(p) && settings.weights[p] > 0);
  const total = present.reduce((s, p) => s + settings.weights[p], 0);
  const weights = present.map((p) => (total > 0 ? settings.weights[p] / total : 0));

  const rankArrays = present.map((p) => ranks[p]);
  const shownWeights = weights.map((w) => round(w, 4));
  const m = present.length;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let score = 0;
    for (let k = 0; k < m; k++) {
      const r = rankArrays[k]![i]!;
      score += (Number.isNaN(r) ? 0.5 : r) * weights[k]! * 100;
    }
    scores[i] = Math.round(score * 10) / 10;
  }
  /** The parts of customer i's score, each rounded for display (the score is rounded from the exact sum). */
  const at = (i: number): ValueScore => {
    const parts: ScorePart[] = new Array(m);
    for (let k = 0; k < m; k++) {
      const r = rankArrays[k]![i]!;
      const neutral = Number.isNaN(r);
      const rank = neutral ? 0.5 : r;
      const points = rank * weights[k]! * 100;
      parts[k] = { part: present[k]!, rank: Math.round(rank * 1000) / 1000, weight: shownWeights[k]!, points: Math.round(points * 10) / 10, neutral };
    }
    return { score: scores[i]!, parts };
  };
  return { scores, at, dropped };
}

/** Round half away from zero to `digits` decimals (stable for display and JSON). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
