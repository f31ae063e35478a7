/** method §8: satisfaction levels and CSAT, credit scorecard, grades at the boundaries, alerts, survey sample. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { credit, creditGrade } from '../../../shared/rules/credit';
import { surveySample } from '../../../shared/rules/survey-sample';
import { emptyInput, type CustomerInput } from '../../../shared/ingest/customer-input';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { analyze } from '../../../shared/analyze';

const S = DEFAULT_SETTINGS;
const T = 20000;
const cust = (p: Partial<CustomerInput>): CustomerInput => Object.assign(emptyInput('k', 2), p);
const alertCodes = (p: Partial<CustomerInput>) => credit(cust(p), T, S).alerts.map((a) => a.code).sort();

describe('§8 satisfaction and CSAT', () => {
  it('five levels in Chinese, English and 1–5; CSAT = share of 4–5', () => {
    // levels: 5, 4, 3, 2, 1, 4 (English), 5 (number) → 4–5: four of seven
    const a = analyze(
      [
        ['客户名称', '销售额', '满意度'],
        ['a', '1', '高度满意'],
        ['b', '1', '一般满意'],
        ['c', '1', '无意见'],
        ['d', '1', '有些不满意'],
        ['e', '1', '极不满意'],
        ['f', '1', 'Satisfied'],
        ['g', '1', '5'],
        ['h', '1', ''],
      ],
      { asOf: '2024-12-31' },
    );
    expect(a.customers.map((c) => c.satisfaction)).toEqual([5, 4, 3, 2, 1, 4, 5, null]);
    expect(a.summary.csat.responses).toBe(7);
    expect(a.summary.csat.satisfied).toBe(4);
    expect(a.summary.csat.csat).toBeCloseTo(4 / 7, 9);
  });

  it('no satisfaction data → CSAT null, not 0', () => {
    const a = analyze([['Customer', 'Revenue'], ['a', '1']], { asOf: '2024-12-31' });
    expect(a.summary.csat.csat).toBeNull();
  });
});

describe('§8 credit grades at the boundaries', () => {
  it.each([
    [100, 'excellent'],
    [85, 'excellent'],
    [84.9, 'good'],
    [70, 'good'],
    [69.9, 'fair'],
    [55, 'fair'],
    [54.9, 'poor'],
    [40, 'poor'],
    [39.9, 'high_risk'],
    [0, 'high_risk'],
  ])('%d → %s', (score, grade) => {
    expect(creditGrade(score, S.credit)).toBe(grade);
  });
});

describe('§8 credit scorecard', () => {
  it('no payment data at all → no score', () => {
    expect(credit(cust({ revenue: 100 }), T, S)).toMatchObject({ score: null, grade: null });
  });

  it('a clean payer with a long tenure keeps 100 (excellent), no deductions', () => {
    const r = credit(cust({ overdueDays: 0, overdueAmount: 0, receivable: 100, creditLimit: 1000, firstPurchase: T - 1000 }), T, S);
    expect(r).toMatchObject({ score: 100, grade: 'excellent', deductions: [], alerts: [] });
  });

  it('each point deducted is named: score = 100 − the sum of the named deductions', () => {
    const r = credit(cust({ overdueDays: 45, overdueAmount: 20, receivable: 100, creditLimit: 105, firstPurchase: T - 200, revenue: 70, revenuePrev: 100 }), T, S);
    const codes = r.deductions.map((d) => d.code).sort();
    // overdue days, overdue ratio 20%, utilisation 95%, tenure < 1 year, revenue −30%
    expect(codes).toEqual(['overdue_days', 'overdue_ratio', 'revenue_trend', 'short_tenure', 'utilisation']);
    const total = r.deductions.reduce((s, d) => s + d.points!, 0);
    expect(r.score).toBeCloseTo(100 - total, 6);
    expect(r.grade).toBe(creditGrade(r.score!, S.credit));
  });

  it('each input worsening lowers the score', () => {
    const base = { overdueDays: 10, overdueAmount: 10, receivable: 100, creditLimit: 200, firstPurchase: T - 1000 };
    const s0 = credit(cust(base), T, S).score!;
    expect(credit(cust({ ...base, overdueDays: 100 }), T, S).score!).toBeLessThan(s0);
    expect(credit(cust({ ...base, overdueAmount: 50 }), T, S).score!).toBeLessThan(s0);
    expect(credit(cust({ ...base, creditLimit: 100 }), T, S).score!).toBeLessThan(s0);
    expect(credit(cust({ ...base, firstPurchase: T - 100 }), T, S).score!).toBeLessThan(s0);
    expect(credit(cust({ ...base, revenue: 40, revenuePrev: 100 }), T, S).score!).toBeLessThan(s0);
  });
});

describe('§8 credit alerts', () => {
  it('utilisation > 90%: 90% no, 91% yes', () => {
    expect(alertCodes({ receivable: 90, creditLimit: 100 })).toEqual([]);
    expect(alertCodes({ receivable: 91, creditLimit: 100 })).toEqual(['utilisation']);
  });
  it('overdue > 60 days: 60 no, 61 yes', () => {
    expect(alertCodes({ overdueDays: 60 })).toEqual([]);
    expect(alertCodes({ overdueDays: 61 })).toEqual(['overdue_days']);
  });
  it('overdue ratio > 30%: 30% no, 31% yes', () => {
    expect(alertCodes({ overdueAmount: 30, receivable: 100 })).toEqual([]);
    expect(alertCodes({ overdueAmount: 31, receivable: 100 })).toEqual(['overdue_ratio']);
  });
  it('summary lists the customers under each alert', () => {
    const a = analyze(
      [
        ['客户编号', '销售额', '应收账款', '逾期金额', '逾期天数', '信用额度'],
        ['ok', '100', '50', '0', '0', '100'],
        ['late', '100', '50', '10', '75', '100'],
        ['full', '100', '95', '40', '10', '100'],
      ],
      { asOf: '2024-12-31' },
    );
    // late: 75 days > 60 → overdue_days; full: 95/100 > 90% → utilisation, 40/95 = 42% > 30% → overdue_ratio
    expect(a.summary.credit.alerts).toEqual({ overdue_days: ['late'], utilisation: ['full'], overdue_ratio: ['full'] });
    expect(a.summary.credit.graded).toBe(3);
  });
});

describe('§8 survey sample', () => {
  const keys = Array.from({ length: 30 }, (_, i) => `KA${i}`);
  it('reproducible from a seed', () => {
    expect(surveySample(keys, 5, 42)).toEqual(surveySample(keys, 5, 42));
  });
  it('independent of input order', () => {
    const shuffled = [...keys].reverse();
    expect(surveySample(shuffled, 5, 42)).toEqual(surveySample(keys, 5, 42));
  });
  it('N distinct keys from the input; all of them when N exceeds the pool', () => {
    const s = surveySample(keys, 5, 7);
    expect(new Set(s).size).toBe(5);
    for (const k of s) expect(keys).toContain(k);
    expect(surveySample(keys.slice(0, 3), 10, 7).sort()).toEqual(keys.slice(0, 3).sort());
  });
  it('different seeds give different samples (random, not the first N)', () => {
    const samples = new Set([1, 2, 3, 4, 5].map((seed) => surveySample(keys, 5, seed).join(',')));
    expect(samples.size).toBeGreaterThan(1);
  });
});

describe('§8 credit without listed deductions', () => {
  it('gives the same score, grade and alerts, and no deductions', () => {
    const amount = fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: null });
    const fields = fc.record({
      overdueDays: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      overdueAmount: amount,
      receivable: amount,
      creditLimit: amount,
      revenue: amount,
      revenuePrev: amount,
      firstPurchase: fc.option(fc.integer({ min: T - 900, max: T }), { nil: null }),
    });
    fc.assert(
      fc.property(fields, (p) => {
        const listed = credit(cust(p), T, S);
        expect(credit(cust(p), T, S, false)).toEqual({ ...listed, deductions: [] });
      }),
      { numRuns: 1000 },
    );
  });
});
