import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliveExpectationByQuadrature, aliveExpectationBySeries, aliveExpectationsByQuadrature, SERIES_UP_TO } from '../../shared/model/alive-expectation';
import { bgnbdExpectedPurchases } from '../../shared/model/bgnbd-predict';
import { fitRfmRows } from '../../shared/model/fit-model';
import { simulateRfmRows } from '../../shared/model/simulate-bgnbd';
import { mulberry32 } from '../../shared/prng';

/**
 * (a+B−1)/(a−1)·[1 − ₂F₁(k, a−1; a+B−1; −w)] from mpmath 1.3.0 at 30 digits, rounded to 16 (mp.hyp2f1; the same
 * digits from mp.quad of the integral over logit p), for (k, w, a, B).
 */
const REFERENCE: [number, number, number, number, number][] = [
  [0.8, 73, 9.41, 3829, 50.43861082083978],
  [5.8, 300, 2.5, 3829, 1054.230358665315],
  [1, 300, 9.4, 3829, 176.1282354824158],
  [50, 3, 0.3, 0.05, 7.120492469878777],
  [50, 2, 0.07, 0.001, 2.046312412743507],
  [0.25, 1.5, 0.07, 0.5, 0.3490981734148195],
  // w ≤ 0.9, where the series answers: CDNOW's fit (r = 0.243, a = 0.793, b = 2.426) at x = 0 and 5,
  // and a large b + x.
  [0.243, 0.85, 0.793, 2.426, 0.1850483590238138],
  [5.243, 0.5, 0.793, 7.426, 2.299449113668158],
  [50, 0.3, 9.4, 3829, 14.72289650473123],
];

describe('a living customer’s expected purchases, E[Y(t) | alive]', () => {
  it('the integral over the drop-out chance gives mpmath’s values to 1e−13, where the ₂F₁ route did not', () => {
    for (const [k, w, a, B, ref] of REFERENCE) expect(Math.abs(aliveExpectationByQuadrature(k, w, a, B) / ref - 1)).toBeLessThan(1e-13);
  });

  it('the series gives mpmath’s values where w ≤ 0.9 (to 1e−13), and answers NaN beyond', () => {
    for (const [k, w, a, B, ref] of REFERENCE) {
      const s = aliveExpectationBySeries(k, w, a, B);
      if (w <= SERIES_UP_TO) expect(Math.abs(s / ref - 1)).toBeLessThan(1e-13);
      else expect(s).toBeNaN();
    }
  });

  it('a customer two days old, a year ahead (t/(α+T) = 73): mpmath’s value, where the old route gave −2.1e24', () => {
    // BG/NBD with r = 0.8, α = 3 days, a = 9.41, b = 3829: a fit on 3,000 simulated customers.
    const e = bgnbdExpectedPurchases({ r: 0.8, alpha: 3, a: 9.41, b: 3829 }, 365, 0, 0, 2);
    expect(Math.abs(e / 50.43861082083978 - 1)).toBeLessThan(1e-12);
  });

  it('property: the series, where it answers, is the integral; both lie between 1 − (1+w)^−k and k·w', () => {
    const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
    fc.assert(
      fc.property(positive(0.05, 500), positive(1e-6, 5), positive(0.02, 1e5), positive(1e-3, 1e8), (k, w, a, B) => {
        const q = aliveExpectationByQuadrature(k, w, a, B);
        const least = -Math.expm1(-k * Math.log1p(w));
        if (!(q >= least * (1 - 1e-9) && q <= k * w * (1 + 1e-9))) return false;
        const s = aliveExpectationBySeries(k, w, a, B);
        if (w > SERIES_UP_TO) return Number.isNaN(s);
        return Number.isNaN(s) || Math.abs(s - q) <= 1e-8 * q;
      }),
      { numRuns: 2000, seed: 20261201 },
    );
  });

  it('the series answers for the usual customers: w up to 0.9 and parameters of real fits', () => {
    // CDNOW's BG/NBD (Fader, Hardie & Lee 2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426.
    for (const x of [0, 1, 5, 20]) for (const w of [0.01, 0.3, 0.9]) expect(Number.isNaN(aliveExpectationBySeries(0.243 + x, w, 0.793, 2.426 + x))).toBe(false);
  });

  it('several horizons on one set of nodes (the discounting periods) give each horizon’s own integral', () => {
    // The nodes and flat tails are placed for the largest w; each smaller w must still get its own value.
    const ws = [0.05, 0.9, 1.5, 13, 73, 300];
    for (const [k, a, B] of [[0.243, 0.793, 2.426], [5.8, 9.41, 3829], [50, 0.07, 0.001], [1, 2.5, 1e5]] as const) {
      const together = aliveExpectationsByQuadrature(k, ws, a, B);
      ws.forEach((w, i) => {
        expect(Math.abs(together[i]! / aliveExpectationByQuadrature(k, w, a, B) - 1)).toBeLessThan(1e-12);
      });
    }
  });

  it('a model fitted on customers a few days old is used a year ahead, not failed as "numeric"', () => {
    // 3,000 customers drawn with a = 50, b = 20,000, r = 0.8, α = 3 days, ages 0–700 days.
    const random = mulberry32(1);
    const rows = simulateRfmRows({ r: 0.8, alpha: 3, a: 50, b: 2e4 }, 3000, () => Math.floor(random() * 700), random);
    const r = fitRfmRows(rows, [], { asOfDay: 20000, unit: 'days', horizonDays: 365, annualDiscountRate: 0.1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.chosen.params.sameDropout).toBeUndefined();
    for (const f of r.customers.values()) expect(f.expectedPurchases >= 0 && f.expectedPurchases < 1e4).toBe(true);
  });
});
