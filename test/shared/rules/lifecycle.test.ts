/** method §5 lifecycle rules 1–8, rule order, and missing inputs, on hand-worked customers. */
import { describe, expect, it } from 'vitest';
import { lifecycle, usualInterval } from '../../../shared/rules/lifecycle';
import { emptyInput, type CustomerInput } from '../../../shared/ingest/customer-input';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { analyze } from '../../../shared/analyze';

const S = DEFAULT_SETTINGS;
const T = 20000; // analysis day
const cust = (p: Partial<CustomerInput>): CustomerInput => Object.assign(emptyInput('k', 2), p);
const stage = (p: Partial<CustomerInput>, pAlive?: number) => lifecycle(cust(p), T, S, pAlive).stage;
// an established customer: first bought 2 years ago, 10 orders, last bought 10 days ago
// usual interval = (720 − 10) / 9 ≈ 78.9 days; 10 days since → not late
const steady = { firstPurchase: T - 720, lastPurchase: T - 10, orders: 10 };

describe('§5 lifecycle rules', () => {
  it('1. no purchase ever → prospecting', () => {
    expect(stage({ orders: 0 })).toBe('prospecting');
  });

  it('2. no purchase within 365 days → interrupted (366 days: yes; 365: no)', () => {
    expect(stage({ ...steady, lastPurchase: T - 366 })).toBe('interrupted');
    expect(stage({ firstPurchase: T - 700, lastPurchase: T - 365, orders: 10 })).not.toBe('interrupted');
  });

  it('3. bought in the current period after a gap longer than the horizon → recovery', () => {
    expect(stage({ ...steady, gapBeforeCurrent: 400 })).toBe('recovery');
    expect(stage({ ...steady, gapBeforeCurrent: 200 })).not.toBe('recovery');
  });

  it('4. first purchase within 90 days → socialization', () => {
    expect(stage({ firstPurchase: T - 90, lastPurchase: T - 5, orders: 5 })).toBe('socialization');
    expect(stage({ firstPurchase: T - 91, lastPurchase: T - 5, orders: 5 })).not.toBe('socialization');
  });

  it('4. fewer than 3 orders → socialization (2 yes, 3 no)', () => {
    expect(stage({ firstPurchase: T - 300, lastPurchase: T - 10, orders: 2 })).toBe('socialization');
    expect(stage({ firstPurchase: T - 300, lastPurchase: T - 10, orders: 3 })).not.toBe('socialization');
  });

  it('5. revenue fell more than 50% → terminating (60% fall yes; exactly 50% is at risk)', () => {
    expect(stage({ ...steady, revenue: 40, revenuePrev: 100 })).toBe('terminating');
    expect(stage({ ...steady, revenue: 50, revenuePrev: 100 })).toBe('at_risk');
  });

  it('5. more than 3 × the usual interval since the last purchase → terminating', () => {
    // first T−400, last T−310, orders 4 → usual (400 − 310) / 3 = 30 days; 310 / 30 = 10.3 > 3
    expect(usualInterval(cust({ firstPurchase: T - 400, lastPurchase: T - 310, orders: 4 }))).toBe(30);
    expect(stage({ firstPurchase: T - 400, lastPurchase: T - 310, orders: 4 })).toBe('terminating');
  });

  it('6. revenue fell more than 10% → at risk (15% yes; exactly 10% no)', () => {
    expect(stage({ ...steady, revenue: 85, revenuePrev: 100 })).toBe('at_risk');
    expect(stage({ ...steady, revenue: 90, revenuePrev: 100 })).toBe('maturity');
  });

  it('6. more than 1.5 × the usual interval → at risk (boundary 1.5 × is not)', () => {
    // first T−350, last T−150, orders 3 → usual 100. since 150 = 1.5 × → not late; since 151 → late
    expect(stage({ firstPurchase: T - 350, lastPurchase: T - 150, orders: 3 })).toBe('maturity');
    expect(stage({ firstPurchase: T - 351, lastPurchase: T - 151, orders: 3 })).toBe('at_risk');
    // since 300 = 3 × → at risk, not terminating; 301 → terminating
    expect(stage({ firstPurchase: T - 500, lastPurchase: T - 300, orders: 3 })).toBe('at_risk');
    expect(stage({ firstPurchase: T - 501, lastPurchase: T - 301, orders: 3 })).toBe('terminating');
  });

  it('7. revenue grew more than 10% → growth (20% yes)', () => {
    expect(stage({ ...steady, revenue: 120, revenuePrev: 100 })).toBe('growth');
  });

  it('7. revenue grew by exactly 10% is not "more than 10%" → maturity', () => {
    // 110 vs 100: growth = 10%, not > 10%
    expect(stage({ ...steady, revenue: 110, revenuePrev: 100 })).toBe('maturity');
  });

  it('8. otherwise → maturity', () => {
    expect(stage({ ...steady, revenue: 105, revenuePrev: 100 })).toBe('maturity');
  });

  it('P(alive) < 0.5 marks at risk and < 0.2 terminating', () => {
    expect(stage(steady, 0.4)).toBe('at_risk');
    expect(stage(steady, 0.1)).toBe('terminating');
    expect(stage(steady, 0.9)).toBe('maturity');
  });
});

describe('§5 rule order: first match wins', () => {
  it('interrupted (2) beats fewer than 3 orders (4)', () => {
    expect(stage({ firstPurchase: T - 400, lastPurchase: T - 400, orders: 1 })).toBe('interrupted');
  });
  it('recovery (3) beats socialization (4) and decline (5)', () => {
    expect(stage({ firstPurchase: T - 800, lastPurchase: T - 5, orders: 2, gapBeforeCurrent: 500, revenue: 10, revenuePrev: 100 })).toBe('recovery');
  });
  it('socialization (4) beats a revenue fall (5)', () => {
    expect(stage({ firstPurchase: T - 30, lastPurchase: T - 5, orders: 5, revenue: 10, revenuePrev: 100 })).toBe('socialization');
  });
  it('at risk (6) beats growth (7): grew 20% but late against the usual interval', () => {
    // grew 20% but 2 × usual interval since the last purchase → at risk, not growth
    expect(stage({ firstPurchase: T - 500, lastPurchase: T - 200, orders: 4, revenue: 120, revenuePrev: 100 })).toBe('at_risk');
  });
});

describe('§5 missing inputs do not apply a rule', () => {
  it('revenue only (no orders, dates or previous revenue) → maturity, not socialization or prospecting', () => {
    expect(stage({ revenue: 500 })).toBe('maturity');
  });
  it('no order count: a customer with dates but no orders is not socialization by rule 4b', () => {
    expect(stage({ firstPurchase: T - 400, lastPurchase: T - 10, revenue: 100, revenuePrev: 100 })).toBe('maturity');
  });
  it('no previous revenue: neither decline nor growth by revenue', () => {
    expect(stage({ ...steady, revenue: 1 })).toBe('maturity');
  });
});

describe('§5 through analyze() with a Chinese table', () => {
  it('stages from dates, orders and revenue', () => {
    // asOf 2024-12-31
    // 甲: last 2023-06-01 → 579 days > 365 → interrupted
    // 乙: first 2024-11-15 → 46 days ≤ 90 → socialization
    // 丙: first 2022-01-01, last 2024-12-01, 20 orders, 本期 40 vs 上期 100 → fell 60% → terminating
    // 丁: first 2022-01-01, last 2024-12-20, 20 orders, 130 vs 100 → growth
    // 戊: 订单数 0 → prospecting
    const a = analyze(
      [
        ['客户名称', '销售额', '上期销售额', '订单数', '首次购买', '最近购买'],
        ['甲', '0', '100', '5', '2022-01-01', '2023-06-01'],
        ['乙', '50', '0', '2', '2024-11-15', '2024-12-10'],
        ['丙', '40', '100', '20', '2022-01-01', '2024-12-01'],
        ['丁', '130', '100', '20', '2022-01-01', '2024-12-20'],
        ['戊', '0', '0', '0', '', ''],
      ],
      { asOf: '2024-12-31' },
    );
    const st = Object.fromEntries(a.customers.map((c) => [c.key, c.lifecycle]));
    expect(st).toEqual({ 甲: 'interrupted', 乙: 'socialization', 丙: 'terminating', 丁: 'growth', 戊: 'prospecting' });
    expect(a.summary.lifecycle.interrupted).toBe(1);
  });
});

describe('§5 on a transaction log whose previous period lies before the log begins', () => {
  it('previous revenue is unknown, not zero: a steady buyer is maturity, not "growth from zero"', () => {
    // The log begins 2024-02-01; the previous period (2023-01-02 … 2024-01-01) is not in it.
    const rows = [['Customer ID', 'InvoiceDate', 'Amount']];
    for (const m of ['02', '04', '06', '08', '10', '12']) rows.push(['steady', `2024-${m}-01`, '100']);
    const a = analyze(rows, { asOf: '2024-12-31', model: false });
    const c = a.customers[0]!;
    expect(c.revenuePrev).toBeNull();
    expect(c.lifecycle).toBe('maturity');
    expect(c.lifecycleWhy.code).toBe('steady');
  });
});
