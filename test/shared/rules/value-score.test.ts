/** method §2 value score on hand-worked tables. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analyze';
import { valueScores } from '../../../shared/rules/value-score';
import { emptyInput } from '../../../shared/ingest/customer-input';
import { CustomerColumns } from '../../../shared/ingest/customer-columns';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

const AS_OF = '2024-12-31';
const sumPoints = (parts: { points: number }[]) => parts.reduce((s, p) => s + p.points, 0);

describe('§2 value score', () => {
  it('one part present: score = percentile rank of revenue × 100', () => {
    // ranks among 100, 200, 300: 0, .5, 1; only "value" has data → its weight renormalises to 1.
    const a = analyze(
      [
        ['Customer', 'Revenue'],
        ['a', '100'],
        ['b', '200'],
        ['c', '300'],
      ],
      { asOf: AS_OF },
    );
    expect(a.customers.map((c) => c.valueScore.score)).toEqual([0, 50, 100]);
    for (const c of a.customers) {
      expect(c.valueScore.parts.map((p) => p.part)).toEqual(['value']);
      expect(c.valueScore.parts[0]!.weight).toBe(1);
    }
    const dropped = a.notices.filter((n) => n.code === 'part_dropped');
    expect(dropped).toHaveLength(1); // one notice naming the five parts the table lacks
    for (const part of ['growth', 'share of wallet', 'on-time payment', 'satisfaction', 'tenure']) expect(dropped[0]!.message).toContain(part);
  });

  it('revenue + satisfaction: 0.40 and 0.10 renormalise to 0.8 and 0.2; a missing satisfaction is neutral 0.5', () => {
    // value ranks: a 0, b .5, c 1. satisfaction present for a (5) and b (3): a 1, b 0; c neutral .5.
    // a: 0 × .8 + 1 × .2 = 0.2 → 20; b: .5 × .8 + 0 = .4 → 40; c: 1 × .8 + .5 × .2 = .9 → 90
    const a = analyze(
      [
        ['客户', '销售额', '满意度'],
        ['a', '100', '高度满意'],
        ['b', '200', '无意见'],
        ['c', '300', ''],
      ],
      { asOf: AS_OF },
    );
    const s = Object.fromEntries(a.customers.map((c) => [c.key, c.valueScore]));
    expect(s.a!.score).toBeCloseTo(20, 6);
    expect(s.b!.score).toBeCloseTo(40, 6);
    expect(s.c!.score).toBeCloseTo(90, 6);
    const cs = s.c!.parts.find((p) => p.part === 'satisfaction')!;
    expect(cs).toMatchObject({ rank: 0.5, neutral: true });
    expect(cs.weight).toBeCloseTo(0.2, 6);
    for (const v of Object.values(s)) expect(sumPoints(v.parts)).toBeCloseTo(v.score, 1);
  });

  it('profit is the value part when present; growth compares revenue with the previous period', () => {
    // profit ranks: p 10 → 0, q 20 → .5, r 30 → 1 (weight .4)
    // growth: p 100/50 − 1 = +1.0 → 1; q 100/100 − 1 = 0 → .5; r 90/100 − 1 = −.1 → 0 (weight .15)
    // renormalised over .55: value .4/.55 = .72727, growth .15/.55 = .27273
    // p: 0 + 1 × .27273 = 27.27; q: .5 × .72727 + .5 × .27273 = 50; r: .72727 + 0 = 72.73
    const a = analyze(
      [
        ['Customer ID', 'Revenue', 'Previous revenue', 'Profit'],
        ['p', '100', '50', '10'],
        ['q', '100', '100', '20'],
        ['r', '90', '100', '30'],
      ],
      { asOf: AS_OF },
    );
    const s = Object.fromEntries(a.customers.map((c) => [c.key, c.valueScore.score]));
    expect(s.p).toBeCloseTo(27.3, 1);
    expect(s.q).toBeCloseTo(50, 1);
    expect(s.r).toBeCloseTo(72.7, 1);
  });

  it('payment ranks the inverse of overdue: fewer days overdue scores higher', () => {
    // overdue days 0, 30, 90 → inverse ranks 1, .5, 0 (the only part besides value; equal revenue ties at .5)
    const a = analyze(
      [
        ['客户编号', '销售额', '逾期天数'],
        ['x', '100', '0'],
        ['y', '100', '30'],
        ['z', '100', '90'],
      ],
      { asOf: AS_OF },
    );
    const pay = Object.fromEntries(a.customers.map((c) => [c.key, c.valueScore.parts.find((p) => p.part === 'payment')!.rank]));
    expect(pay).toEqual({ x: 1, y: 0.5, z: 0 });
    // weights .4 and .15 over .55; x: .5 × .7273 + 1 × .2727 = .6364 → 63.6
    expect(a.customers[0]!.valueScore.score).toBeCloseTo(63.6, 1);
  });

  it('every part present: weights are the defaults and the parts add up to the score', () => {
    const asOf = 20000;
    const mk = (k: string, i: number) => {
      const c = emptyInput(k, i + 2);
      c.revenue = 100 * (i + 1);
      c.revenuePrev = 100;
      c.profit = 10 * (i + 1);
      c.share = 0.1 * (i + 1);
      c.overdueDays = 10 * i;
      c.satisfaction = 5 - i;
      c.firstPurchase = asOf - 100 * (i + 1);
      return c;
    };
    const inputs = ['a', 'b', 'c'].map(mk);
    const r = valueScores(CustomerColumns.of(inputs), asOf, true, DEFAULT_SETTINGS);
    expect(r.dropped).toEqual([]);
    const w = Object.fromEntries(r.at(0).parts.map((p) => [p.part, p.weight]));
    expect(w).toEqual({ value: 0.4, growth: 0.15, share: 0.15, payment: 0.15, satisfaction: 0.1, tenure: 0.05 });
    // c (index 2): value 1, growth 1, share 1, payment 0 (30 days), satisfaction 0 (3), tenure 1 (longest)
    // = 40 + 15 + 15 + 0 + 0 + 5 = 75
    expect(r.scores[2]).toBeCloseTo(75, 6);
    for (let i = 0; i < r.scores.length; i++) expect(sumPoints(r.at(i).parts)).toBeCloseTo(r.scores[i]!, 1);
  });

  it('one customer alone takes the middle rank on every part present (50)', () => {
    const a = analyze(
      [
        ['Customer', 'Revenue'],
        ['solo', '100'],
      ],
      { asOf: AS_OF },
    );
    expect(a.customers[0]!.valueScore.score).toBe(50);
  });

  it('ties share their rank', () => {
    const a = analyze(
      [
        ['Customer', 'Revenue'],
        ['a', '10'],
        ['b', '10'],
        ['c', '20'],
      ],
      { asOf: AS_OF },
    );
    const [x, y, z] = a.customers.map((c) => c.valueScore.score);
    expect(x).toBe(y);
    expect(z).toBeGreaterThan(x!);
  });
});
