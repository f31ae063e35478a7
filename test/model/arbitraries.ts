/**
 * fast-check arbitraries the model's property tests share: BG/NBD parameters and customers'
 * (x, t_x, T), each test choosing its ranges.
 */
import fc from 'fast-check';

/** r, α, a, b drawn from [0.05, 5], [alphaMin, alphaMax], [0.05, aMax], [0.05, bMax]. */
export function bgnbdParams({ alphaMin = 0.1, alphaMax = 100, aMax = 5, bMax = 10 } = {}) {
  return fc.record({
    r: fc.double({ min: 0.05, max: 5, noNaN: true }),
    alpha: fc.double({ min: alphaMin, max: alphaMax, noNaN: true }),
    a: fc.double({ min: 0.05, max: aMax, noNaN: true }),
    b: fc.double({ min: 0.05, max: bMax, noNaN: true }),
  });
}

/** A customer's (x, t_x, T): x repeat purchases up to xMax, T in [tMin, tMax], t_x a share of T (0 without repeats). */
export function customerHistory({ xMax, tMin, tMax }: { xMax: number; tMin: number; tMax: number }) {
  return fc
    .tuple(fc.integer({ min: 0, max: xMax }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: tMin, max: tMax, noNaN: true }))
    .map(([x, f, T]) => ({ x, tx: x === 0 ? 0 : f * T, T }));
}
