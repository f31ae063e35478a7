/** method §3 service policy and next visit; method §10 key-account checklist (tier A only). */
import { describe, expect, it } from 'vitest';
import { nextVisit, servicePolicy } from '../../../shared/rules/service-policy';
import { kaHealth } from '../../../shared/rules/ka-health';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { analyze } from '../../../shared/analyze';

const S = DEFAULT_SETTINGS;
const T = 20000;

describe('§3 service policy per tier', () => {
  it.each([
    ['A', 30, 'very_satisfied', 'personal_top_management', 'dedicated'],
    ['B', 90, 'satisfied', 'regular', 'standard'],
    ['C', 180, 'raise_gradually', 'light', 'self_service'],
    ['D', null, 'review_release', 'none', 'minimal'],
  ] as const)('%s: visit every %s days', (tier, days, target, care, support) => {
    expect(servicePolicy(tier, S)).toEqual({ tier, visitDays: days, satisfactionTarget: target, care, support });
  });
});

describe('§3 next visit due and overdue', () => {
  it('A: last contact 10 days ago → due in 20 days, not overdue', () => {
    expect(nextVisit(T - 10, null, 'A', T, S)).toEqual({ due: T + 20, overdue: false });
  });
  it('A: exactly 30 days ago → due today, not yet overdue; 31 days ago → overdue', () => {
    expect(nextVisit(T - 30, null, 'A', T, S)).toEqual({ due: T, overdue: false });
    expect(nextVisit(T - 31, null, 'A', T, S)).toEqual({ due: T - 1, overdue: true });
  });
  it('B every 90 days, C every 180', () => {
    expect(nextVisit(T - 100, null, 'B', T, S).overdue).toBe(true);
    expect(nextVisit(T - 100, null, 'C', T, S)).toEqual({ due: T + 80, overdue: false });
  });
  it('D has no visits: nothing due, never overdue', () => {
    expect(nextVisit(T - 1000, null, 'D', T, S)).toEqual({ due: null, overdue: null });
  });
  it('through analyze: ISO dates per tier', () => {
    // revenue a 90, b 10 → a A (before 0), b: before .9 → B. asOf 2024-12-31.
    // a last contact 2024-12-01 + 30 = 2024-12-31 (not overdue); b 2024-09-01 + 90 = 2024-11-30 (overdue)
    const a = analyze(
      [
        ['客户名称', '销售额', '最近联系'],
        ['a', '90', '2024-12-01'],
        ['b', '10', '2024-09-01'],
      ],
      { asOf: '2024-12-31' },
    );
    expect(a.customers.map((c) => [c.key, c.tier, c.nextVisitDue, c.visitOverdue])).toEqual([
      ['a', 'A', '2024-12-31', false],
      ['b', 'B', '2024-11-30', true],
    ]);
    expect(a.summary.visitsOverdue).toBe(1);
  });
});

describe('§10 key-account checklist', () => {
  it('communication = contact within the visit interval; four guarantees hold with no open complaint', () => {
    expect(kaHealth(false, 0)).toEqual({
      communication: true,
      alignment: null,
      guarantees: { quality: true, service: true, logistics: true, value: true },
      openComplaints: 0,
    });
    expect(kaHealth(true, 0).communication).toBe(false);
  });
  it('an open complaint in a category breaks that guarantee only', () => {
    const k = kaHealth(false, 1, new Set(['logistics']));
    expect(k.guarantees).toEqual({ quality: true, service: true, logistics: false, value: true });
  });
  it('through analyze: tier A customers have the checklist, others none', () => {
    // revenue big 900, mid 60, small 40 (total 1000): big A; mid before .9 → B; small before .96 → C → D
    const a = analyze(
      [
        ['Customer', 'Revenue', 'Last contact', 'Open complaints'],
        ['big', '900', '2024-12-20', '0'],
        ['mid', '60', '2024-12-20', '0'],
        ['small', '40', '2024-12-20', '0'],
      ],
      { asOf: '2024-12-31' },
    );
    const big = a.customers.find((c) => c.key === 'big')!;
    expect(big.tier).toBe('A');
    expect(big.kaHealth).toMatchObject({ communication: true, guarantees: { quality: true, service: true, logistics: true, value: true } });
    expect(a.customers.filter((c) => c.key !== 'big').map((c) => c.kaHealth)).toEqual([null, null]);
  });
});
