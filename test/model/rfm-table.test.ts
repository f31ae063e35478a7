import { describe, expect, it } from 'vitest';
import { startRfmFit } from '../../shared/model/fit-model';
import { FIT_HERE } from '../../shared/model/purchase-fitter';
import { simulateBgNbdCustomer } from '../../shared/model/simulate-bgnbd';
import { rfmTableOf, type RfmRow } from '../../shared/model/summarize-rfm';
import { rfmTableFromTable } from '../../shared/model/table-history';
import { mulberry32 } from '../../shared/prng';

const OPTIONS = { asOfDay: 20_000, unit: 'weeks', horizonDays: 90, annualDiscountRate: 0.1, churnHorizonDays: 60 } as const;

/** Simulated customers (CDNOW's parameters), some with a mean repeat spend. */
function rows(n: number, seed: number, withSpend: boolean): RfmRow[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const c = simulateBgNbdCustomer({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39 + 39 * random(), random);
    const spend = withSpend && c.x > 0 ? 5 + Math.round(random() * 9000) / 100 : null;
    return { key: `K${(i * 7919) % n}-${i}`, x: c.x, tx: c.tx, T: c.T, meanRepeatSpend: spend };
  });
}

describe('customers column by column (RfmTable)', () => {
  it('rows as columns: each value in its row\'s place, a null spend as NaN, no spend column when none has one', () => {
    const t = rfmTableOf([
      { key: 'a', x: 2, tx: 5.5, T: 10, meanRepeatSpend: 12.5 },
      { key: 'b', x: 0, tx: 0, T: 3, meanRepeatSpend: null },
      { key: 'c', x: 1, tx: -0, T: 7, meanRepeatSpend: NaN },
    ]);
    expect(t.count).toBe(3);
    expect(t.key).toEqual(['a', 'b', 'c']);
    expect(Array.from(t.x)).toEqual([2, 0, 1]);
    expect(Array.from(t.tx)).toEqual([5.5, 0, -0]);
    expect(Array.from(t.T)).toEqual([10, 3, 7]);
    expect(Array.from(t.meanRepeatSpend!)).toEqual([12.5, NaN, NaN]);
    expect(t.spendNotANumber).toBe(true);
    const none = rfmTableOf([{ key: 'a', x: 1, tx: 1, T: 2, meanRepeatSpend: null }]);
    expect(none.meanRepeatSpend).toBeNull();
    expect(none.spendNotANumber).toBe(false);
  });

  it('the model on 3,000 simulated customers with spend: fitted on all, Gamma-Gamma fitted, every customer scored', () => {
    const list = rows(3_000, 3_000, true);
    const r = startRfmFit(rfmTableOf(list), [], OPTIONS, FIT_HERE)();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.counts).toEqual({ customers: 3_000, repeat: list.filter((c) => c.x > 0).length, fittedOn: 3_000 });
    expect(r.gammaGamma).not.toBeNull();
    expect(r.customers.size).toBe(3_000);
    const repeat = list.find((c) => c.x > 0)!;
    expect(r.customers.get(repeat.key)!.expectedSpend).toBeGreaterThan(0);
  }, 60_000);

  it("a customer table's histories by hand: which are kept, which left out and why", () => {
    const table = [
      { key: 'a', orders: 3, firstPurchase: 19_000, lastPurchase: 19_900 },
      { key: 'b', orders: 1, firstPurchase: 19_500, lastPurchase: 19_500 },
      { key: 'c', orders: null, firstPurchase: 19_000, lastPurchase: 19_100 },
      { key: 'd', orders: 2, firstPurchase: 20_100, lastPurchase: 20_200 },
      { key: 'e', orders: 1, firstPurchase: 19_000, lastPurchase: 19_100 },
    ];
    const cut = { asOfDay: 20_000, unit: 'weeks' } as const;
    const { table: t, excluded } = rfmTableFromTable(table, cut);
    expect(Array.from(t.key)).toEqual(['a', 'b']);
    expect(Array.from(t.x)).toEqual([2, 0]);
    expect(Array.from(t.tx)).toEqual([900 / 7, 0]);
    expect(Array.from(t.T)).toEqual([1000 / 7, 500 / 7]);
    expect(t.meanRepeatSpend).toBeNull();
    expect(excluded).toEqual([
      { code: 'first_purchase_after_cutoff', count: 1 },
      { code: 'inconsistent_history', count: 1 },
      { code: 'incomplete_history', count: 1 },
    ]);
  });
});

describe('a mean spend that is NaN (an overflow) is not read as none', () => {
  const opts = { asOfDay: 20_000, unit: 'weeks', horizonDays: 365, annualDiscountRate: 0.1 } as const;
  /** 40 customers: every third without repeat purchases (spend null), the others with `spendOf(i)`. */
  const rows = (spendOf: (i: number) => number): RfmRow[] =>
    Array.from({ length: 40 }, (_, i) => {
      const repeat = i % 3 !== 0;
      return { key: `k${String(i).padStart(3, '0')}`, x: repeat ? (i % 5) + 1 : 0, tx: repeat ? 3 + (i % 7) : 0, T: 12 + (i % 11), meanRepeatSpend: repeat ? spendOf(i) : null };
    });

  it('every repeat customer NaN: Gamma-Gamma has no spend to fit on (not "no spend history")', () => {
    const r = startRfmFit(rows(() => NaN), [], opts, FIT_HERE)();
    expect(r.ok && r.gammaGammaProblem?.code).toBe('no_spend');
  });

  it('one NaN among spends Gamma-Gamma is fitted on: the model reports a numeric problem', () => {
    const valid = startRfmFit(rows((i) => 20 + i), [], opts, FIT_HERE)();
    expect(valid.ok && valid.gammaGamma).not.toBeNull();
    const r = startRfmFit(rows((i) => (i === 1 ? NaN : 20 + i)), [], opts, FIT_HERE)();
    expect(r.ok ? null : r.problem.code).toBe('numeric');
  });
});
