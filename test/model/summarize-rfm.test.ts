import { describe, expect, it } from 'vitest';
import { summarizeRfm, type PurchaseHistory } from '../../shared/model';
import { cdnowSampleHistories, dayOf, readNumericCsv } from './data-path';

const CUTOFF = dayOf('19970930');

describe('summarizeRfm on CDNOW_sample.txt at 1997-09-30, weeks', () => {
  const histories = cdnowSampleHistories();
  const summary = summarizeRfm(histories, { asOfDay: CUTOFF, unit: 'weeks' });
  const byKey = new Map(summary.rows.map((r) => [r.key, r]));

  it('reproduces x, recency and T of cdnow_customers_summary.csv for every customer', () => {
    const expected = readNumericCsv('cdnow', 'cdnow_customers_summary.csv');
    expect(expected).toHaveLength(2357);
    expect(summary.rows).toHaveLength(2357);
    expect(summary.excluded).toEqual([]);
    for (const [id, x, recency, T] of expected) {
      const row = byKey.get(String(id));
      expect(row, `customer ${id}`).toBeDefined();
      expect(row!.x).toBe(x);
      expect(Number(row!.tx.toFixed(2))).toBe(recency);
      expect(Number(row!.T.toFixed(2))).toBe(T);
    }
  });

  it('gives the repeat customers the mean repeat value z̄ of cdnow_customers_summary_with_transactions.csv', () => {
    const expected = readNumericCsv('cdnow', 'cdnow_customers_summary_with_transactions.csv');
    let compared = 0;
    for (const [id, x, , , zbar] of expected) {
      const row = byKey.get(String(id))!;
      if (x === 0) {
        expect(row.meanRepeatSpend).toBeNull();
        continue;
      }
      expect(Math.abs(row.meanRepeatSpend! - zbar!), `customer ${id}`).toBeLessThanOrEqual(0.005 + 1e-9); // z̄ is rounded to cents
      compared++;
    }
    expect(compared).toBe(946);
  });

  it('customer 1 (00004 in the master file): x = 2, t_x = 213/7, T = 272/7', () => {
    const row = byKey.get('1')!;
    expect(row).toMatchObject({ x: 2, tx: 213 / 7, T: 272 / 7 });
    // Repeat days 1997-01-18 (29.73) and 1997-08-02 (14.96); the 1997-12-12 purchase is after the cut-off.
    expect(row.meanRepeatSpend).toBeCloseTo((29.73 + 14.96) / 2, 10);
  });
});

describe('summarizeRfm rules', () => {
  const h = (key: string, days: number[], amounts: number[], returns = 0): PurchaseHistory => ({ key, days, amounts, returns });

  it('excludes and counts customers whose first purchase is after the cut-off, and customers with no purchase', () => {
    const s = summarizeRfm([h('a', [10, 20], [5, 5]), h('b', [31, 40], [5, 5]), h('c', [], [])], { asOfDay: 30, unit: 'days' });
    expect(s.rows.map((r) => r.key)).toEqual(['a']);
    expect(s.excluded).toEqual([
      { code: 'first_purchase_after_cutoff', count: 1 },
      { code: 'no_purchases', count: 1 },
    ]);
  });

  it('counts a purchase on the cut-off day, in days and in weeks', () => {
    const days = summarizeRfm([h('a', [0, 7, 14], [1, 1, 1])], { asOfDay: 14, unit: 'days' }).rows[0]!;
    expect(days).toMatchObject({ x: 2, tx: 14, T: 14 });
    const weeks = summarizeRfm([h('a', [0, 7, 14], [1, 1, 1])], { asOfDay: 21, unit: 'weeks' }).rows[0]!;
    expect(weeks).toMatchObject({ x: 2, tx: 2, T: 3 });
  });

  it('counts same-day purchases once even when the input repeats a day', () => {
    const s = summarizeRfm([h('a', [0, 5, 5, 9], [10, 20, 30, 40])], { asOfDay: 30, unit: 'days' });
    expect(s.rows[0]).toMatchObject({ x: 2, tx: 9, T: 30, meanRepeatSpend: (50 + 40) / 2 });
  });

  it('spreads returns over all gross spend: repeat spend × (1 − returns / gross), floor 0', () => {
    // gross 100 + 60 + 40 (the last day after the cut-off) = 200; returns 50 → keep 75 %.
    const s = summarizeRfm([h('a', [0, 5, 40], [100, 60, 40], 50)], { asOfDay: 30, unit: 'days' });
    expect(s.rows[0]!.meanRepeatSpend).toBeCloseTo(60 * 0.75, 12);
    const all = summarizeRfm([h('a', [0, 5], [100, 60], 500)], { asOfDay: 30, unit: 'days' });
    expect(all.rows[0]!.meanRepeatSpend).toBe(0);
    const none = summarizeRfm([h('a', [0], [100], 10)], { asOfDay: 30, unit: 'days' });
    expect(none.rows[0]!.meanRepeatSpend).toBeNull();
  });
});
