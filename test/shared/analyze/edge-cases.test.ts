/** Edge cases of analyze(): one customer, all zero, ties, negative profit, missing columns, typed cells. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analyze';
import { byKey } from './helpers';

const AS_OF = '2024-12-31';

describe('edge cases', () => {
  it('one customer: A, MVC, platinum, score 50 on a one-part table', () => {
    const a = analyze([['客户名称', '销售额'], ['独家', '1000']], { asOf: AS_OF });
    expect(a.customers).toHaveLength(1);
    const c = a.customers[0]!;
    expect([c.tier, c.valueClass, c.pyramid, c.valueScore.score]).toEqual(['A', 'MVC', 'platinum', 50]);
    expect(a.summary.tiers.A).toMatchObject({ count: 1, revenue: 1000, revenueShare: 1 });
  });

  it('all zero: nobody is A or B; shares are 0, not NaN', () => {
    const a = analyze(
      [
        ['Customer', 'Revenue'],
        ['a', '0'],
        ['b', '0'],
        ['c', '0'],
      ],
      { asOf: AS_OF },
    );
    expect(a.customers.every((c) => c.tier === 'C' || c.tier === 'D')).toBe(true);
    // ceil(5% × 3) = 1 D: the last by key
    expect(a.customers.map((c) => c.tier)).toEqual(['C', 'C', 'D']);
    for (const t of ['A', 'B', 'C', 'D'] as const) expect(Number.isNaN(a.summary.tiers[t].revenueShare)).toBe(false);
    expect(Number.isNaN(a.summary.pyramid.top20Share)).toBe(false);
    expect(JSON.stringify(a)).not.toContain('NaN');
  });

  it('ties: equal revenue is ranked by key, whatever the row order', () => {
    // [40, 40, 20] with keys z, a, m: a (before 0) A; z (.4) A; m (.8) B
    const t1 = analyze([['Customer ID', 'Revenue'], ['z', '40'], ['a', '40'], ['m', '20']], { asOf: AS_OF });
    const t2 = analyze([['Customer ID', 'Revenue'], ['m', '20'], ['a', '40'], ['z', '40']], { asOf: AS_OF });
    expect(byKey(t1, 'a').cumulativeShare).toBe(0);
    expect(byKey(t1, 'z').cumulativeShare).toBeCloseTo(0.4, 9);
    expect(t1.customers.map((c) => [c.key, c.tier])).toEqual(t2.customers.map((c) => [c.key, c.tier]));
  });

  it('negative profit only: every customer D and BZ; totals are the (negative) sum', () => {
    const a = analyze([['Customer', 'Revenue', 'Profit'], ['a', '10', '-1'], ['b', '20', '-2']], { asOf: AS_OF });
    expect(a.customers.map((c) => [c.tier, c.valueClass])).toEqual([
      ['D', 'BZ'],
      ['D', 'BZ'],
    ]);
    expect(a.summary.totals.profit).toBe(-3);
  });

  it('a key column only (no amounts): customers are read, nothing is made up', () => {
    const a = analyze([['客户名称'], ['甲'], ['乙']], { asOf: AS_OF });
    expect(a.customers).toHaveLength(2);
    for (const c of a.customers) {
      expect(c.revenue).toBeNull();
      expect(c.lifecycle).not.toBe('prospecting');
      expect(c.credit.score).toBeNull();
      expect(c.relationship).toBeNull();
      expect(c.churnRisk.factors).toEqual([]);
    }
  });

  it('missing columns for some customers: blank cells are unknown, not zero', () => {
    const a = analyze(
      [
        ['Customer', 'Revenue', 'Previous revenue', 'Orders'],
        ['a', '100', '', ''],
        ['b', '100', '100', '10'],
      ],
      { asOf: AS_OF },
    );
    const c = byKey(a, 'a');
    expect(c.revenuePrev).toBeNull();
    expect(c.orders).toBeNull();
    // unknown order count does not make a socialization; unknown previous revenue is no decline
    expect(c.lifecycle).toBe('maturity');
    expect(c.churnRisk.factors).toEqual([]);
  });

  it('Sheets typed cells: numbers and Date objects work like their text', () => {
    const text = analyze(
      [
        ['Customer', 'Revenue', 'Last order'],
        ['a', '1234.5', '2024-03-01'],
        ['b', '10', '2024-12-01'],
      ],
      { asOf: AS_OF },
    );
    const typed = analyze(
      [
        ['Customer', 'Revenue', 'Last order'],
        ['a', 1234.5, new Date(2024, 2, 1)],
        ['b', 10, new Date(2024, 11, 1)],
      ],
      { asOf: AS_OF },
    );
    expect(typed.customers).toEqual(text.customers);
  });

  it('a repeated header row and a totals row in the middle of a Chinese table do not count', () => {
    const clean = analyze(
      [
        ['客户编号', '客户名称', '销售额', '利润'],
        ['1', '甲', '500', '50'],
        ['2', '乙', '300', '30'],
        ['3', '丙', '200', '20'],
      ],
      { asOf: AS_OF },
    );
    const messy = analyze(
      [
        ['客户编号', '客户名称', '销售额', '利润'],
        ['1', '甲', '500', '50'],
        ['客户编号', '客户名称', '销售额', '利润'],
        ['2', '乙', '300', '30'],
        ['', '小计', '800', '80'],
        ['3', '丙', '200', '20'],
        ['', '总计', '1000', '100'],
      ],
      { asOf: AS_OF },
    );
    const strip = (a: typeof clean) => a.customers.map(({ rows: _r, ...c }) => c);
    expect(strip(messy)).toEqual(strip(clean));
    expect(messy.summary.rows).toEqual({ read: 6, accepted: 3, rejected: 0, skipped: 3 });
  });
});
