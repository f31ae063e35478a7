/**
 * expectedPurchasesOverHorizon gives, from one evaluation, the undiscounted expected purchases over
 * the horizon exactly as bgnbdExpectedPurchases gives them (the same double: the last discounting
 * period ends at H) and the discounted ones as the sum over the K = ⌈H/30⌉ periods, written out here.
 * Horizons long enough against α + T take the quadrature, shorter ones the series.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SERIES_UP_TO } from '../../shared/model/alive-expectation';
import { bgnbdExpectedPurchases } from '../../shared/model/bgnbd-predict';
import { discountedExpectedPurchases, expectedPurchasesOverHorizon } from '../../shared/model/clv';
import { bgnbdParams, customerHistory } from './arbitraries';

const params = bgnbdParams({ alphaMin: 0.05, alphaMax: 60, aMax: 8, bMax: 12 });
const customer = customerHistory({ xMax: 40, tMin: 0.5, tMax: 150 });

describe('expected purchases over the horizon, undiscounted and discounted from one evaluation', () => {
  it('property: the undiscounted figure is bgnbdExpectedPurchases at H, bit for bit; the discounted one is the sum over the periods', () => {
    fc.assert(
      fc.property(
        params,
        customer,
        fc.integer({ min: 1, max: 1500 }),
        fc.constantFrom(0, 0.05, 0.1, 0.35),
        fc.constantFrom('days' as const, 'weeks' as const),
        fc.constantFrom('bgnbd' as const, 'mbgnbd' as const),
        (p, c, H, d, unit, model) => {
          const perUnit = unit === 'weeks' ? 7 : 1;
          const got = expectedPurchasesOverHorizon(p, c, { horizonDays: H, unit, annualDiscountRate: d, model });
          const alone = bgnbdExpectedPurchases(p, H / perUnit, c.x, c.tx, c.T, model);
          expect(Object.is(got.expected, alone)).toBe(true);
          // The periods written out: ends τ_k = k·H/K, each period's purchases discounted at its end.
          const K = Math.ceil(H / 30);
          let prev = 0;
          let total = 0;
          for (let k = 1; k <= K; k++) {
            const tau = (k * H) / K;
            const e = bgnbdExpectedPurchases(p, tau / perUnit, c.x, c.tx, c.T, model);
            total += (e - prev) * (1 + d) ** (-tau / 365);
            prev = e;
          }
          if (Number.isFinite(total)) expect(got.discounted).toBeCloseTo(total, 9);
          expect(Object.is(discountedExpectedPurchases(p, c, { horizonDays: H, unit, annualDiscountRate: d, model }), got.discounted)).toBe(true);
          if (d === 0) expect(Object.is(got.discounted, got.expected)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('both paths, by hand: a horizon the series takes and one only the quadrature takes give E[Y(H)] bit for bit', () => {
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // Fader, Hardie & Lee's CDNOW estimates
    const c = { x: 3, tx: 2, T: 3 };
    for (const [H, path] of [[7, 'series'], [730, 'quadrature']] as const) {
      const w = H / 7 / (p.alpha + c.T); // t/(α + T), in weeks
      expect(w <= SERIES_UP_TO ? 'series' : 'quadrature').toBe(path);
      for (const model of ['bgnbd', 'mbgnbd'] as const) {
        const got = expectedPurchasesOverHorizon(p, c, { horizonDays: H, unit: 'weeks', annualDiscountRate: 0.1, model });
        expect(Object.is(got.expected, bgnbdExpectedPurchases(p, H / 7, c.x, c.tx, c.T, model))).toBe(true);
        expect(got.discounted).toBeLessThan(got.expected);
      }
    }
  });

  it('no horizon: nothing expected', () => {
    expect(expectedPurchasesOverHorizon({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { x: 2, tx: 30, T: 38 }, { horizonDays: 0, unit: 'weeks', annualDiscountRate: 0.1 })).toEqual({ expected: 0, discounted: 0 });
  });
});
