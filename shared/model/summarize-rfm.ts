/**
 * Calibration summary of purchase histories into the BG/NBD inputs (x, t_x, T) and the repeat
 * spend the Gamma-Gamma model needs (method §9; Fader, Hardie & Lee 2005 §2).
 */
import type { PurchaseHistory } from './purchase-history';

export type TimeUnit = 'days' | 'weeks';

/** Days per model time unit. */
export function unitDays(unit: TimeUnit): number {
  return unit === 'weeks' ? 7 : 1;
}

/** The model's calibration cut-off (days since 1970-01-01) and time unit. */
export interface RfmCut {
  asOfDay: number;
  unit: TimeUnit;
}

export interface RfmRow {
  key: string;
  /** Repeat purchases: distinct purchase days up to the cut-off, minus one. */
  x: number;
  /** Time of the last purchase, from the first, in the unit. */
  tx: number;
  /** Age at the cut-off: cut-off minus first purchase, in the unit. */
  T: number;
  /** Mean spend of the repeat purchase days net of returns; null without repeat purchases. */
  meanRepeatSpend: number | null;
}

/**
 * The same rows column by column: a million customers' summaries are then five arrays rather than a
 * million objects. `meanRepeatSpend` is NaN where a row's is null, and null when every row's is.
 * `spendNotANumber`: some row's mean spend is a number that is NaN (an overflow in its sums), which
 * is not the same as none: the model reports it as a numeric problem rather than read it as none.
 */
export interface RfmTable {
  count: number;
  key: readonly string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  meanRepeatSpend: Float64Array | null;
  spendNotANumber?: boolean;
}

/** Rows as an RfmTable. */
export function rfmTableOf(rows: readonly RfmRow[]): RfmTable {
  const table = new RfmTableBuilder(rows.length);
  for (const r of rows) table.push(r.key, r.x, r.tx, r.T, r.meanRepeatSpend);
  return table.table();
}

export interface RfmSummary {
  rows: RfmRow[];
  excluded: { code: string; count: number }[];
}

/** An RfmSummary with its rows as an RfmTable. */
export interface RfmTableSummary {
  table: RfmTable;
  excluded: { code: string; count: number }[];
}

/** Customers whose first purchase is after the cut-off (they do not exist yet at the cut-off). */
export const EXCLUDED_AFTER_CUTOFF = 'first_purchase_after_cutoff';
/** Customers with no dated purchase at all. */
export const EXCLUDED_NO_PURCHASES = 'no_purchases';

/**
 * Summarise each history at the calibration cut-off `asOfDay` (days since 1970-01-01, inclusive):
 * only purchase days on or before it count, one purchase per day (method §9: same-day purchases
 * count once). x = purchase days − 1, t_x = last − first, T = asOfDay − first, in days or weeks
 * (days / 7). Customers whose first purchase is after the cut-off, or who have no purchase, are
 * left out and counted.
 *
 * Repeat spend: the spend of the purchase days after the first, up to the cut-off. Returns are not
 * dated, so they are spread over all of the customer's gross spend in proportion: every day's spend
 * is multiplied by max(0, 1 − returns / total gross spend of the whole history). meanRepeatSpend is
 * that net repeat spend divided by x (null when x = 0; 0 when everything was returned).
 */
export function summarizeRfm(
  histories: readonly PurchaseHistory[],
  options: RfmCut,
): RfmSummary {
  const perUnit = unitDays(options.unit);
  const asOf = options.asOfDay;
  const rows: RfmRow[] = [];
  let afterCutoff = 0;
  let noPurchases = 0;
  for (const h of histories) {
    if (isStrictlyAscending(h.days)) {
      // The reader's shape (distinct finite days, ascending): the days up to the cut-off are a prefix.
      const row = summarizeAscending(h, asOf, perUnit);
      if (row === NO_PURCHASES) noPurchases++;
      else if (row === AFTER_CUTOFF) afterCutoff++;
      else rows.push(row);
      continue;
    }
    // Distinct days up to the cut-off, with their spend (robust to unmerged or unsorted input).
    const spendByDay = new Map<number, number>();
    let gross = 0;
    let any = false;
    for (let i = 0; i < h.days.length; i++) {
      const day = h.days[i]!;
      if (!Number.isFinite(day)) continue;
      any = true;
      const amount = Number.isFinite(h.amounts[i]) ? Math.max(0, h.amounts[i]!) : 0;
      gross += amount;
      if (day <= asOf) spendByDay.set(day, (spendByDay.get(day) ?? 0) + amount);
    }
    if (!any) {
      noPurchases++;
      continue;
    }
    if (spendByDay.size === 0) {
      afterCutoff++;
      continue;
    }
    const days = Array.from(spendByDay.keys()).sort((p, q) => p - q);
    let repeat = 0;
    for (let i = 1; i < days.length; i++) repeat += spendByDay.get(days[i]!)!;
    rows.push(rfmRow(h.key, days[0]!, days[days.length - 1]!, days.length, gross, repeat, h.returns, asOf, perUnit));
  }
  return { rows, excluded: rfmExclusions(afterCutoff, noPurchases) };
}

/**
 * One customer's row from its purchase days up to the cut-off (`upTo` of them, the first on day
 * `first` and the last on day `last`) and its sums: `gross` spend of every purchase day, `repeat`
 * spend of the days after the first up to the cut-off, `returns` (see summarizeRfm for how returns
 * reduce the repeat spend).
 */
export function rfmRow(key: string, first: number, last: number, upTo: number, gross: number, repeat: number, returns: number, asOf: number, perUnit: number): RfmRow {
  const x = upTo - 1;
  return { key, x, tx: (last - first) / perUnit, T: (asOf - first) / perUnit, meanRepeatSpend: meanRepeatSpendOf(x, gross, repeat, returns) };
}

/**
 * The mean spend of x repeat purchase days (null when x = 0): their `repeat` spend net of the
 * customer's `returns`, spread over all its `gross` spend in proportion (see summarizeRfm).
 */
export function meanRepeatSpendOf(x: number, gross: number, repeat: number, returns: number): number | null {
  if (!(x > 0)) return null;
  const kept = Number.isFinite(returns) ? Math.max(0, returns) : 0;
  const keep = gross > 0 ? Math.max(0, 1 - kept / gross) : 0;
  return (repeat * keep) / x;
}

/**
 * An RfmTable filled row by row, for a known number of rows at most (a row made by `add` is the one
 * rfmRow makes, without an object per row).
 */
export class RfmTableBuilder {
  private readonly key: string[] = [];
  private readonly x: Float64Array;
  private readonly tx: Float64Array;
  private readonly T: Float64Array;
  private readonly spend: Float64Array;
  private anySpend = false;
  private notANumber = false;
  private count = 0;

  constructor(capacity: number) {
    this.x = new Float64Array(capacity);
    this.tx = new Float64Array(capacity);
    this.T = new Float64Array(capacity);
    this.spend = new Float64Array(capacity);
  }

  /** The row rfmRow makes of the same figures. */
  add(key: string, first: number, last: number, upTo: number, gross: number, repeat: number, returns: number, asOf: number, perUnit: number): void {
    const x = upTo - 1;
    this.push(key, x, (last - first) / perUnit, (asOf - first) / perUnit, meanRepeatSpendOf(x, gross, repeat, returns));
  }

  /** A row's values: a null mean spend is NaN in its column (the column is null when every row's is). */
  push(key: string, x: number, tx: number, T: number, meanRepeatSpend: number | null): void {
    const i = this.count++;
    this.key.push(key);
    this.x[i] = x;
    this.tx[i] = tx;
    this.T[i] = T;
    if (meanRepeatSpend === null) this.spend[i] = NaN;
    else {
      this.anySpend = true;
      this.spend[i] = meanRepeatSpend;
      if (Number.isNaN(meanRepeatSpend)) this.notANumber = true;
    }
  }

  table(): RfmTable {
    const n = this.count;
    return {
      count: n,
      key: this.key,
      x: this.x.subarray(0, n),
      tx: this.tx.subarray(0, n),
      T: this.T.subarray(0, n),
      meanRepeatSpend: this.anySpend ? this.spend.subarray(0, n) : null,
      spendNotANumber: this.notANumber,
    };
  }
}

/** The customers left out of the model, counted: first purchase after the cut-off, no purchase. */
export function rfmExclusions(afterCutoff: number, noPurchases: number): { code: string; count: number }[] {
  const excluded: { code: string; count: number }[] = [];
  if (afterCutoff > 0) excluded.push({ code: EXCLUDED_AFTER_CUTOFF, count: afterCutoff });
  if (noPurchases > 0) excluded.push({ code: EXCLUDED_NO_PURCHASES, count: noPurchases });
  return excluded;
}

const NO_PURCHASES = 0;
const AFTER_CUTOFF = 1;

function isStrictlyAscending(days: readonly number[]): boolean {
  let prev = -Infinity;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (!(d > prev) || d === Infinity) return false;
    prev = d;
  }
  return true;
}

/** summarizeRfm for one history whose days are distinct, finite and ascending: the same sums, in the same order, without a map. */
function summarizeAscending(h: PurchaseHistory, asOf: number, perUnit: number): RfmRow | typeof NO_PURCHASES | typeof AFTER_CUTOFF {
  const n = h.days.length;
  if (n === 0) return NO_PURCHASES;
  let gross = 0;
  let upTo = 0;
  for (let i = 0; i < n; i++) {
    gross += Number.isFinite(h.amounts[i]) ? Math.max(0, h.amounts[i]!) : 0;
    if (h.days[i]! <= asOf) upTo = i + 1;
  }
  if (upTo === 0) return AFTER_CUTOFF;
  let repeat = 0;
  for (let i = 1; i < upTo; i++) repeat += Number.isFinite(h.amounts[i]) ? Math.max(0, h.amounts[i]!) : 0;
  return rfmRow(h.key, h.days[0]!, h.days[upTo - 1]!, upTo, gross, repeat, h.returns, asOf, perUnit);
}
