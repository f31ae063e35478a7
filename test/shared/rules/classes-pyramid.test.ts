/** method §4: value classes MVC / MGC / BZ / maintain and the customer pyramid with its 20/80/30 figures. */
import { describe, expect, it } from 'vitest';
import { pyramid } from '../../../shared/rules/pyramid';
import { abcTiers } from '../../../shared/rules/abc-tiers';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { analyze } from '../../../shared/analyze';

const AS_OF = '2024-12-31';

function pyr(m: number[]) {
  const metric = Float64Array.from(m);
  const keys = m.map((_, i) => `k${String(i).padStart(2, '0')}`);
  const { order } = abcTiers(metric, keys, DEFAULT_SETTINGS.tiers);
  return pyramid(metric, order, DEFAULT_SETTINGS.pyramid);
}

describe('§4 customer pyramid', () => {
  it('20 customers → 1 platinum (5%), 3 gold (next 15%), 10 iron (next 50%), 6 lead (bottom 30%)', () => {
    const r = pyr(Array.from({ length: 20 }, (_, i) => 200 - i * 10));
    const count = (l: string) => r.levels.filter((x) => x === l).length;
    expect([count('platinum'), count('gold'), count('iron'), count('lead')]).toEqual([1, 3, 10, 6]);
    // ordered by the metric: the biggest is platinum, the smallest six are lead
    expect(r.levels[0]).toBe('platinum');
    expect(r.levels.slice(14)).toEqual(Array(6).fill('lead'));
  });

  it('20/80/30 figures on 10 customers with loss-makers', () => {
    // profits 100, 50, 40, 30, 20, 10, 5, 3, −10, −20; total = 228
    // top 20% = 2 customers: 150 → 150 / 228 = 65.8%
    // bottom 30% = 3 customers: 3 − 10 − 20 = −27 → −27 / 228 = −11.8%; without them: 228 + 27 = 255
    const r = pyr([100, 50, 40, 30, 20, 10, 5, 3, -10, -20]);
    expect(r.total).toBe(228);
    expect(r.top20Share).toBeCloseTo(150 / 228, 9);
    expect(r.bottom30Share).toBeCloseTo(-27 / 228, 9);
    expect(r.withoutBottom30).toBe(255);
  });

  it('summary carries the pyramid counts and figures', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`c${String(i).padStart(2, '0')}`, String(1000 - i * 50), String(100 - i * 10)]);
    // profits 100, 90, …, −90 (sum = 10 × (100 − 90) = 100); top 4: 100+90+80+70 = 340 → 3.4
    // bottom 6: −40 −50 −60 −70 −80 −90 = −390 → −3.9; without them 490
    const a = analyze([['客户编号', '销售额', '利润'], ...rows], { asOf: AS_OF });
    expect(a.summary.pyramid.counts).toEqual({ platinum: 1, gold: 3, iron: 10, lead: 6 });
    expect(a.summary.pyramid.total).toBe(10 * 10);
    expect(a.summary.pyramid.top20Share).toBeCloseTo(3.4, 9);
    expect(a.summary.pyramid.bottom30Share).toBeCloseTo(-3.9, 9);
    expect(a.summary.pyramid.withoutBottom30).toBe(490);
  });
});

describe('§4 value classes', () => {
  it('MVC = tier A by profit; MGC = top 20% headroom (potential − revenue) and not MVC; BZ = negative profit', () => {
    // profit a 60, b 25, c 10, d 3, e 2, f −5 → positive total 100
    // before: a 0, b .60, c .85, d .95, e .98 → A A B C C, f (−5) C too; D: ceil(5% × 3) = 1 → the
    // lowest of C = f, which is D anyway for its negative profit, so e stays C (the method read literally:
    // "the lowest 5% of C … plus every customer whose profit is negative"; see abc-tiers.test.ts)
    // headroom (potential − revenue): a 100, b 50, c 900, d 10, e 5, f 2000 → top 20% of 6 = ceil(1.2) = 2 slots: f, c
    // f is BZ (negative profit); c is MGC; a, b MVC; d, e maintain
    const a = analyze(
      [
        ['客户编号', '销售额', '利润', '潜在价值'],
        ['a', '600', '60', '700'],
        ['b', '250', '25', '300'],
        ['c', '100', '10', '1000'],
        ['d', '30', '3', '40'],
        ['e', '20', '2', '25'],
        ['f', '500', '-5', '2500'],
      ],
      { asOf: AS_OF },
    );
    expect(Object.fromEntries(a.customers.map((c) => [c.key, [c.tier, c.valueClass]]))).toEqual({
      a: ['A', 'MVC'],
      b: ['A', 'MVC'],
      c: ['B', 'MGC'],
      d: ['C', 'maintain'],
      e: ['C', 'maintain'],
      f: ['D', 'BZ'],
    });
    expect(a.summary.valueClasses).toEqual({ MVC: 2, MGC: 1, BZ: 1, maintain: 2 });
  });

  it('headroom falls back to wallet − revenue, then to revenue growth', () => {
    // 5 customers → 1 MGC slot. Revenue a 500, b 300, c 100, d 60, e 40 (total 1000):
    // before a 0, b .5, c .8, d .9, e .96 → A A B B C → e D (ceil(5% × 1) = 1)
    // wallet − revenue: c 900 is the largest non-MVC headroom … a has 0, b 0, d 40, e 10
    const a = analyze(
      [
        ['Customer', 'Revenue', 'Wallet'],
        ['a', '500', '500'],
        ['b', '300', '300'],
        ['c', '100', '1000'],
        ['d', '60', '100'],
        ['e', '40', '50'],
      ],
      { asOf: AS_OF },
    );
    expect(a.customers.map((c) => c.valueClass)).toEqual(['MVC', 'MVC', 'MGC', 'maintain', 'maintain']);
    // revenue growth: d grew 100 → 60? no: previous 30 → 60 = +100%, the most
    const g = analyze(
      [
        ['Customer', 'Revenue', 'Last year'],
        ['a', '500', '500'],
        ['b', '300', '300'],
        ['c', '100', '100'],
        ['d', '60', '30'],
        ['e', '40', '40'],
      ],
      { asOf: AS_OF },
    );
    expect(g.customers.find((c) => c.key === 'd')!.valueClass).toBe('MGC');
    expect(g.customers.filter((c) => c.valueClass === 'MGC')).toHaveLength(1);
  });
});
