import { describe, expect, it } from 'vitest';
import { clv, discountedExpectedPurchases, bgnbdExpectedPurchases, fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from '../../shared/model';
import { readNumericCsv } from './data-path';

const rows = readNumericCsv('cdnow', 'cdnow_customers_summary_with_transactions.csv').map(([, x, , , zbar]) => ({
  x: x!,
  meanSpend: zbar!,
}));

describe('Gamma-Gamma on the CDNOW sample (Fader & Hardie note 025)', () => {
  it('uses the 946 customers with repeat purchases', () => {
    expect(rows.filter((r) => r.x > 0)).toHaveLength(946);
  });

  it('fits p = 6.25, q = 3.74, v = 15.44 and LL −4055.92', () => {
    const fit = fitGammaGamma(rows);
    expect(fit.converged).toBe(true);
    expect(fit.p).toBeCloseTo(6.25, 2);
    expect(fit.q).toBeCloseTo(3.74, 2);
    expect(fit.v).toBeCloseTo(15.44, 1);
    expect(Math.abs(fit.v - 15.44)).toBeLessThan(0.01);
    expect(fit.ll).toBeCloseTo(-4055.92, 1);
  });

  it('evaluates the log-likelihood at the published parameters near −4055.92', () => {
    expect(gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, rows)).toBeCloseTo(-4055.9, 0);
  });

  it('gives the population mean 35.17 and E[spend | x = 2, z̄ = 22.35] = 24.66', () => {
    const fit = fitGammaGamma(rows);
    expect(gammaGammaExpectedSpend(fit, 0, 0)).toBeCloseTo(35.17, 2);
    expect(gammaGammaExpectedSpend(fit, 2, 22.35)).toBeCloseTo(24.66, 2);
    // by hand at the published parameters: (p·v + p·x·z̄)/(p·x + q − 1) = 375.875 / 15.24
    expect(gammaGammaExpectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35)).toBeCloseTo(375.875 / 15.24, 12);
  });

  it('finds a maximum: the log-likelihood is lower a little way off the fit in every direction', () => {
    const fit = fitGammaGamma(rows);
    for (const k of ['p', 'q', 'v'] as const) {
      for (const f of [0.99, 1.01]) {
        expect(gammaGammaLogLikelihood({ ...fit, [k]: fit[k] * f }, rows)).toBeLessThan(fit.ll);
      }
    }
  });

  it('has no finite mean spend when q ≤ 1', () => {
    expect(gammaGammaExpectedSpend({ p: 1, q: 0.9, v: 10 }, 2, 20)).toBeNaN();
  });
});

describe('CLV', () => {
  const bg = { r: 0.2425929, alpha: 4.4135316, a: 0.7928861, b: 2.4257534 };
  const gg = { p: 6.25, q: 3.74, v: 15.44 };
  const c = { x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 };

  it('without discounting is expected purchases × expected spend', () => {
    const value = clv(bg, gg, c, { horizonDays: 273, unit: 'weeks' });
    expect(value).toBeCloseTo(bgnbdExpectedPurchases(bg, 39, 2, 30.43, 38.86) * gammaGammaExpectedSpend(gg, 2, 22.35), 10);
  });

  it('discounts each 30-day period by (1+d)^(−τ/365) at its end', () => {
    // Horizon 60 days in days units: two periods ending at 30 and 60 days.
    const e30 = bgnbdExpectedPurchases(bg, 30 / 7, 2, 213 / 7, 272 / 7);
    const e60 = bgnbdExpectedPurchases(bg, 60 / 7, 2, 213 / 7, 272 / 7);
    const hand = e30 * 1.1 ** (-30 / 365) + (e60 - e30) * 1.1 ** (-60 / 365);
    expect(discountedExpectedPurchases(bg, { x: 2, tx: 213 / 7, T: 272 / 7 }, { horizonDays: 60, unit: 'weeks', annualDiscountRate: 0.1 })).toBeCloseTo(hand, 12);
    const undiscounted = discountedExpectedPurchases(bg, c, { horizonDays: 365, unit: 'weeks', annualDiscountRate: 0 });
    const discounted = discountedExpectedPurchases(bg, c, { horizonDays: 365, unit: 'weeks', annualDiscountRate: 0.2 });
    expect(discounted).toBeLessThan(undiscounted);
    expect(discounted).toBeGreaterThan(undiscounted / 1.2);
  });
});
