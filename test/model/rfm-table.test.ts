import { describe, expect, it } from 'vitest';
import { startRfmFit } from '../../shared/model/fit-model';
import { FIT_HERE } from '../../shared/model/purchase-fitter';
import { simulateBgNbdCustomer } from '../../shared/model/simulate-bgnbd';
import { rfmTableOf, type RfmRow } from '../../shared/model/summarize-rfm';
import { rfmFromTable, rfmTableFromTable } from '../../shared/model/table-history';
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

describe('the model on customers column by column (RfmTable) is the model on their rows', () => {
  it.each([
    ['3,000 customers with spend (no sample)', 3_000, true],
    ['60,000 customers without spend (fitted on a sample of 50,000)', 60_000, false],
  ])('%s', (_, n, withSpend) => {
    const list = rows(n, n, withSpend);
    const fromRows = startRfmFit(list, [], OPTIONS, FIT_HERE)();
    const fromTable = startRfmFit(rfmTableOf(list), [], OPTIONS, FIT_HERE)();
    expect(fromRows.ok).toBe(true);
    expect(fromTable).toEqual(fromRows);
    if (!fromRows.ok || !fromTable.ok) return;
    expect(fromRows.counts.fittedOn).toBe(Math.min(n, 50_000));
    expect(fromRows.gammaGamma === null).toBe(!withSpend);
    // The same figures for every customer, read back by key.
    for (const k of [list[0]!.key, list[n - 1]!.key]) expect(fromTable.customers.get(k)).toEqual(fromRows.customers.get(k));
  }, 60_000);

  it("a customer table's histories: the same rows, kept and left out alike", () => {
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
    expect(rfmFromTable(table, cut)).toEqual({ rows: [{ key: 'a', x: 2, tx: 900 / 7, T: 1000 / 7, meanRepeatSpend: null }, { key: 'b', x: 0, tx: 0, T: 500 / 7, meanRepeatSpend: null }], excluded });
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
