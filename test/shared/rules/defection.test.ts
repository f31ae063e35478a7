/** method §6: defection classes, core classes, defection rate per core class, relationship type. */
import { describe, expect, it } from 'vitest';
import { defection } from '../../../shared/rules/defection';
import { lifecycle } from '../../../shared/rules/lifecycle';
import { relationship } from '../../../shared/rules/relationship';
import { coreClass } from '../../../shared/rules/core-class';
import { emptyInput, type CustomerInput } from '../../../shared/ingest/customer-input';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { analyze } from '../../../shared/analyze';

const S = DEFAULT_SETTINGS;
const T = 20000;
const cust = (p: Partial<CustomerInput>): CustomerInput => Object.assign(emptyInput('k', 2), p);
const def = (p: Partial<CustomerInput>) => {
  const c = cust(p);
  return defection(c, lifecycle(c, T, S).stage, T, S);
};
const buying = { firstPurchase: T - 800, lastPurchase: T - 10, orders: 12 };

describe('§6 defection classes', () => {
  it('complete: nothing within the churn horizon and buys from a competitor', () => {
    expect(def({ ...buying, lastPurchase: T - 400, competitor: true })).toBe('complete');
  });
  it('former: stopped buying, no sign of a competitor', () => {
    expect(def({ ...buying, lastPurchase: T - 400 })).toBe('former');
    expect(def({ ...buying, lastPurchase: T - 400, competitor: false })).toBe('former');
  });
  it('complete: zero revenue this period after revenue last period, buys from a competitor (no dates)', () => {
    expect(def({ revenue: 0, revenuePrev: 500, competitor: true })).toBe('complete');
    expect(def({ revenue: 0, revenuePrev: 500 })).toBe('former');
  });
  it('stopped buying = zero revenue this period after revenue last period, even when a last purchase date is known', () => {
    // method §6: "stopped buying (nothing within the churn horizon, OR zero revenue this period after
    // revenue last period)". Last purchase 200 days ago, 0 this period after 500 last period → stopped.
    expect(def({ firstPurchase: T - 900, lastPurchase: T - 200, orders: 8, revenue: 0, revenuePrev: 500 })).toBe('former');
  });
  it('partial: share of wallet fell by more than 5 points, even when purchases grew', () => {
    // share 40% → 30%: −10 points; revenue 120 vs 100 grew
    expect(def({ ...buying, share: 0.3, sharePrev: 0.4, revenue: 120, revenuePrev: 100 })).toBe('partial');
  });
  it('a fall of exactly 5 points is not "more than 5" → stable; 6 points → partial', () => {
    expect(def({ ...buying, share: 0.35, sharePrev: 0.4 })).toBe('stable');
    expect(def({ ...buying, share: 0.34, sharePrev: 0.4 })).toBe('partial');
  });
  it('partial: still buying and buys from a competitor at the same time', () => {
    expect(def({ ...buying, competitor: true })).toBe('partial');
  });
  it('stable: share steady or rising', () => {
    expect(def({ ...buying, share: 0.5, sharePrev: 0.4 })).toBe('stable');
    expect(def({ ...buying, share: 0.4, sharePrev: 0.4 })).toBe('stable');
  });
});

describe('§6 core classes', () => {
  const a = { ...buying, overdueDays: 10 };
  it('best core = A, overdue ≤ 30 days, tenure ≥ 1 year', () => {
    expect(coreClass(cust(a), 'A', T, S)).toBe('best_core');
    expect(coreClass(cust({ ...a, overdueDays: 30 }), 'A', T, S)).toBe('best_core');
    expect(coreClass(cust({ ...a, firstPurchase: T - 365 }), 'A', T, S)).toBe('best_core');
  });
  it('other core = the rest of A (late payer, short tenure) and all of B', () => {
    expect(coreClass(cust({ ...a, overdueDays: 31 }), 'A', T, S)).toBe('other_core');
    expect(coreClass(cust({ ...a, firstPurchase: T - 364 }), 'A', T, S)).toBe('other_core');
    expect(coreClass(cust(a), 'B', T, S)).toBe('other_core');
  });
  it('general = C, expendable = D', () => {
    expect(coreClass(cust(a), 'C', T, S)).toBe('general');
    expect(coreClass(cust(a), 'D', T, S)).toBe('expendable');
  });
});

describe('§6 relationship type (seed 003)', () => {
  const base = { share: 0.6, firstPurchase: T - 400 };
  it('partner: share ≥ 50%, tenure ≥ 1 year and high switching cost', () => {
    expect(relationship(cust({ ...base, switchingCost: 'high' }), T, S)).toBe('partner');
  });
  it('partner: share ≥ 50%, tenure ≥ 1 year and at most 2 suppliers', () => {
    expect(relationship(cust({ ...base, suppliers: 2, switchingCost: 'low' }), T, S)).toBe('partner');
    expect(relationship(cust({ ...base, share: 0.5, suppliers: 1 }), T, S)).toBe('partner');
  });
  it('transactional when any condition fails', () => {
    expect(relationship(cust({ ...base, share: 0.49, switchingCost: 'high' }), T, S)).toBe('transactional');
    expect(relationship(cust({ ...base, firstPurchase: T - 364, switchingCost: 'high' }), T, S)).toBe('transactional');
    expect(relationship(cust({ ...base, suppliers: 3, switchingCost: 'medium' }), T, S)).toBe('transactional');
  });
});

describe('§6 reports through analyze()', () => {
  // asOf 2024-12-31. Revenue = profit absent → tier by revenue.
  // Revenue: A1 500, A2 300, B1 100, B2 50, C1 30, C2 20 → total 1000.
  // Before: A1 0, A2 .5, B1 .8, B2 .9, C1 .95, C2 .98 → A A B B C then C2 → D (ceil(5% × 2) = 1)
  // Core: A1 best (on time, since 2020); A2 other (overdue 45 > 30); B1, B2 other; C1 general; C2 expendable.
  // Defection: A1 stable; A2 partial (share 60% → 40%); B1 partial (竞品 是); B2 former (last 2023-01-01);
  //            C1 stable; C2 complete (last 2023-01-01, 竞品 西门子).
  // Rate per core class: best 0/1 = 0; other (A2, B1, B2) 3/3 = 1; general 0/1; expendable 1/1.
  // Share of wallet known for A1 (50 → 55 rose), A2 (60 → 40 fell), B1 (30 → 30 steady): rose 1/3, fell 1/3.
  const a = analyze(
    [
      ['客户编号', '销售额', '首次购买', '最近购买', '逾期天数', '份额', '上期份额', '购买竞品'],
      ['A1', '500', '2020-01-01', '2024-12-01', '0', '55%', '50%', '否'],
      ['A2', '300', '2020-01-01', '2024-12-01', '45', '40%', '60%', '否'],
      ['B1', '100', '2020-01-01', '2024-12-01', '0', '30%', '30%', '是'],
      ['B2', '50', '2020-01-01', '2023-01-01', '0', '', '', '否'],
      ['C1', '30', '2020-01-01', '2024-12-01', '0', '', '', ''],
      ['C2', '20', '2020-01-01', '2023-01-01', '0', '', '', '西门子'],
    ],
    { asOf: '2024-12-31' },
  );
  const get = (k: string) => a.customers.find((c) => c.key === k)!;

  it('classes per customer', () => {
    expect(a.customers.map((c) => [c.key, c.tier, c.coreClass, c.defection])).toEqual([
      ['A1', 'A', 'best_core', 'stable'],
      ['A2', 'A', 'other_core', 'partial'],
      ['B1', 'B', 'other_core', 'partial'],
      ['B2', 'B', 'other_core', 'former'],
      ['C1', 'C', 'general', 'stable'],
      ['C2', 'D', 'expendable', 'complete'],
    ]);
    expect(get('C2').competitorName).toBe('西门子');
  });

  it('defection rate per core class', () => {
    const r = a.summary.defectionByCore;
    expect(r.best_core).toMatchObject({ count: 1, rate: 0 });
    expect(r.other_core).toMatchObject({ count: 3, partial: 2, former: 1, rate: 1 });
    expect(r.general).toMatchObject({ count: 1, rate: 0 });
    expect(r.expendable).toMatchObject({ count: 1, complete: 1, rate: 1 });
  });

  it('share of customers whose share of wallet rose and fell', () => {
    expect(a.summary.shareOfWallet).toMatchObject({ known: 3, rose: 1, fell: 1, steady: 1 });
    expect(a.summary.shareOfWallet.roseShare).toBeCloseTo(1 / 3, 9);
    expect(a.summary.shareOfWallet.fellShare).toBeCloseTo(1 / 3, 9);
  });
});
