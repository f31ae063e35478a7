/**
 * expectedPurchasesOverHorizon gives, from one evaluation, the undiscounted expected purchases over
 * the horizon exactly as bgnbdExpectedPurchases gives them (the same double: the last discounting
 * period ends at H) and the discounted ones as the sum over the K = ⌈H/30⌉ periods, written out here.
 * Horizons long enough against α + T take the quadrature, shorter ones the series.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bgnbdExpectedPurchases } from '../../shared/model/bgnbd-predict';
import { discountedExpectedPurchases, expectedPurchasesOverHorizon } from '../../shared/model/clv';

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.05, max: 60, noNaN: true }),
  a: fc.double({ min: 0.05, max: 8, noNaN: true }),
  b: fc.double({ min: 0.05, max: 12, noNaN: true }),
});
const customer = fc
  .record({ x: fc.integer({ min: 0, max: 40 }), T: fc.double({ min: 0.5, max: 150, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ x, tx: x === 0 ? 0 : share * T, T }));

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

  it('no horizon: nothing expected', () => {
    expect(expectedPurchasesOverHorizon({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { x: 2, tx: 30, T: 38 }, { horizonDays: 0, unit: 'weeks', annualDiscountRate: 0.1 })).toEqual({ expected: 0, discounted: 0 });
  });
});
