/** method §3 ABC(D) tiers on hand-worked cases, called directly and through analyze(). */
import { describe, expect, it } from 'vitest';
import { abcTiers } from '../../../shared/rules/abc-tiers';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { analyze } from '../../../shared/analyze';

const L = DEFAULT_SETTINGS.tiers;
const run = (m: number[], keys?: string[], neg?: (i: number) => boolean) =>
  abcTiers(Float64Array.from(m), keys ?? m.map((_, i) => `k${String(i).padStart(2, '0')}`), L, neg);

describe('§3 ABC by Pareto', () => {
  it('metrics [50,30,10,5,3,2] → A A B B C D', () => {
    // total 100; cumulative share BEFORE each: 0, .50, .80, .90, .95, .98
    // A while before < .80: 50 (0), 30 (.50). B while < .95: 10 (.80), 5 (.90). C: 3 (.95), 2 (.98).
    // D = lowest 5% of C rounded up: ceil(0.05 × 2) = 1 → the 2.
    const r = run([50, 30, 10, 5, 3, 2]);
    expect(r.tiers).toEqual(['A', 'A', 'B', 'B', 'C', 'D']);
    expect(Array.from(r.cumulativeShare).map((x) => Math.round(x * 100) / 100)).toEqual([0, 0.5, 0.8, 0.9, 0.95, 0.98]);
  });

  it('does not depend on input order', () => {
    const r = run([3, 50, 2, 10, 30, 5], ['c3', 'c50', 'c2', 'c10', 'c30', 'c5']);
    expect(r.tiers).toEqual(['C', 'A', 'D', 'B', 'A', 'B']);
  });

  it('ties are broken by key: [40, 40, 20] with keys b, a, c', () => {
    // order: a (40, before 0) → A; b (40, before .4) → A; c (20, before .8) → not A, B (.8 < .95)
    const r = run([40, 40, 20], ['b', 'a', 'c']);
    expect(r.tiers).toEqual(['A', 'A', 'B']);
    expect(r.cumulativeShare[1]).toBe(0);
    expect(r.cumulativeShare[0]).toBeCloseTo(0.4, 12);
  });

  it('ties at the A boundary: key order decides who is A', () => {
    // [70, 10, 10, 10]: 70 before 0 → A; tie of three 10s ordered x, y, z:
    // x before .70 → A; y before .80 → B; z before .90 → B
    const r = run([10, 70, 10, 10], ['z', 'big', 'x', 'y']);
    expect(r.tiers).toEqual(['B', 'A', 'A', 'B']);
  });

  it('zero and negative metrics are never A or B, even when the cumulative share is small', () => {
    // [10, 0, -5]: 10 is A; 0 (before 1.0) and -5 are C → D = ceil(.05 × 2) = 1 → the lowest, -5
    const r = run([10, 0, -5]);
    expect(r.tiers[0]).toBe('A');
    expect(r.tiers[1]).toBe('C');
    expect(r.tiers[2]).toBe('D');
  });

  it('all zero: nobody is A or B; ceil(5% of 4) = 1 of them is D (the last by key)', () => {
    const r = run([0, 0, 0, 0], ['a', 'b', 'c', 'd']);
    expect(r.tiers).toEqual(['C', 'C', 'C', 'D']);
  });

  it('no C customer → no D: [50, 30, 10, 5]', () => {
    // total 95; before: 0, 50/95 = .526, 80/95 = .842, 90/95 = .947 → A A B B; C empty → ceil(5% × 0) = 0 D
    expect(run([50, 30, 10, 5]).tiers).toEqual(['A', 'A', 'B', 'B']);
  });

  it('one customer with a positive metric is A', () => {
    expect(run([5]).tiers).toEqual(['A']);
  });

  it('D = lowest 5% of C rounded up: 21 C customers → 2 D', () => {
    // [1000, then 21 ones]: total 1021; 1000 before 0 → A; first 1: before 1000/1021 = .979 → C; all 21 C.
    // ceil(0.05 × 21) = ceil(1.05) = 2 → the last two by key.
    const m = [1000, ...Array(21).fill(1)];
    const r = run(m);
    expect(r.tiers.filter((t) => t === 'D')).toHaveLength(2);
    expect(r.tiers.slice(-2)).toEqual(['D', 'D']);
    expect(r.tiers.filter((t) => t === 'C')).toHaveLength(19);
  });

  it('a loss-maker in C is the lowest of C, so it takes the 5% release slot (the method read literally)', () => {
    // metrics [60, 25, 10, 3, 2, −5]: C = {3, 2, −5}; lowest ceil(5% × 3) = 1 of C = −5, which is also
    // D for its negative profit → D = {−5} only; the 2 stays C. (Ambiguous: "plus" could mean the 5% is
    // taken from the C customers that are not loss-makers, which would make the 2 D as well.)
    const r = run([60, 25, 10, 3, 2, -5], undefined, (i) => i === 5);
    expect(r.tiers).toEqual(['A', 'A', 'B', 'C', 'C', 'D']);
  });

  it('every negative-profit customer is D, whatever its metric', () => {
    // by revenue [50,30,10,5,3,2], the 30 loses money → D; the rest keep their tiers
    const r = run([50, 30, 10, 5, 3, 2], undefined, (i) => i === 1);
    expect(r.tiers).toEqual(['A', 'D', 'B', 'B', 'C', 'D']);
  });
});

describe('§3 limits are settings', () => {
  it('with A below 50%: [50,30,10,5,3,2] → A B B B C D', () => {
    // before: 0, .5, .8, .9, .95, .98; A while < .5 → only the 50; B while < .95 → 30, 10, 5; C 3, 2 → D the 2
    const r = abcTiers(Float64Array.from([50, 30, 10, 5, 3, 2]), ['a', 'b', 'c', 'd', 'e', 'f'], { a: 0.5, b: 0.95, d: 0.05 });
    expect(r.tiers).toEqual(['A', 'B', 'B', 'B', 'C', 'D']);
  });
  it('through analyze options.settings', () => {
    const a = analyze([['Customer', 'Sales'], ['a', '50'], ['b', '30'], ['c', '20']], { asOf: '2024-12-31', settings: { tiers: { a: 0.5, b: 0.95, d: 0.05 } } });
    // before: 0, .5, .8 → A, B, B
    expect(a.customers.map((c) => c.tier)).toEqual(['A', 'B', 'B']);
  });
});

describe('§3 tiers through analyze()', () => {
  it('profit is the tier metric when present; negative profit is D and BZ', () => {
    // profit: a 50, b 30, c 10, d 5, e 3, f -2. Positive total 98 (loss-makers do not add to shares).
    // Before: a 0, b 50/98=.510, c 80/98=.816, d 90/98=.918, e 95/98=.969, f → C then D anyway.
    // a, b A; c, d B; e, f C → D = ceil(.05 × 2) = 1 = f (lowest); f negative → D too.
    const a = analyze(
      [
        ['客户编号', '销售额', '利润'],
        ['a', '100', '50'],
        ['b', '900', '30'],
        ['c', '100', '10'],
        ['d', '100', '5'],
        ['e', '100', '3'],
        ['f', '1000', '-2'],
      ],
      { asOf: '2024-12-31' },
    );
    expect(a.summary.metric).toBe('profit');
    expect(a.customers.map((c) => [c.key, c.tier])).toEqual([
      ['a', 'A'],
      ['b', 'A'],
      ['c', 'B'],
      ['d', 'B'],
      ['e', 'C'],
      ['f', 'D'],
    ]);
    expect(a.customers.find((c) => c.key === 'f')!.valueClass).toBe('BZ');
  });

  it('amounts with cents: a customer whose cumulative share before it is exactly 80% is B, not A', () => {
    // 5437.24 + 3624.84 = 9062.08; total = 9062.08 + 940.58 + 728.62 + 596.32 = 11327.60;
    // 9062.08 / 11327.60 = 0.8 exactly (906208 × 5 = 4531040 = 1132760 × 4) → k2 is not "below 80%" → B.
    // B runs while before < 95%: k2 (.80) B; k3 (10002.66 / 11327.60 = .8830) B; k4 (10731.28 / 11327.60 = .9474) B
    // C is empty, so nobody is released as D.
    const a = analyze(
      [
        ['Customer', 'Revenue'],
        ['k0', '5437.24'],
        ['k1', '3624.84'],
        ['k2', '940.58'],
        ['k3', '728.62'],
        ['k4', '596.32'],
      ],
      { asOf: '2024-12-31' },
    );
    expect(a.customers.map((c) => [c.key, c.tier])).toEqual([
      ['k0', 'A'],
      ['k1', 'A'],
      ['k2', 'B'],
      ['k3', 'B'],
      ['k4', 'B'],
    ]);
  });

  it('profit = revenue − cost to serve when profit is absent; a loss after cost is D', () => {
    // x: 100 − 20 = 80; y: 50 − 60 = −10 → D
    const a = analyze(
      [
        ['Customer', 'Revenue', 'Cost to serve'],
        ['x', '100', '20'],
        ['y', '50', '60'],
      ],
      { asOf: '2024-12-31' },
    );
    const y = a.customers.find((c) => c.key === 'y')!;
    expect(y.profit).toBe(-10);
    expect(y.tier).toBe('D');
    expect(y.valueClass).toBe('BZ');
  });
});

describe('zero metrics of either sign', () => {
  it('are ties broken by key, whatever the sign of the zero (a −0 number cell is a 0)', () => {
    const a = analyze([['Customer ID', 'Revenue', 'Profit'], ['A', 3, 0], ['B', 3, -0]], { asOf: '2026-11-28', model: false });
    const b = analyze([['Customer ID', 'Revenue', 'Profit'], ['A', 3, -0], ['B', 3, 0]], { asOf: '2026-11-28', model: false });
    for (const r of [a, b]) expect(r.customers.map((c) => [c.key, c.tier, c.pyramid])).toEqual([['A', 'C', 'platinum'], ['B', 'D', 'iron']]);
  });
});
