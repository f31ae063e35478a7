import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { medianInPlace } from '../../../shared/rules/median';

/** The median as sorting gives it. */
function sortedMedian(values: number[]): number {
  const xs = Float64Array.from(values).sort();
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

describe('medianInPlace', () => {
  it('by hand: odd and even counts, repeats, one value', () => {
    expect(medianInPlace(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(medianInPlace(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(medianInPlace(Float64Array.from([7, 7, 7, 1]))).toBe(7);
    expect(medianInPlace(Float64Array.from([42]))).toBe(42);
    // Only the first m values count.
    expect(medianInPlace(Float64Array.from([9, 1, 100, 100]), 2)).toBe(5);
  });

  it('property: what sorting gives, for any values (many repeats, sorted and reversed runs, infinities)', () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(0, 30.5, 1e300));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), fc.constantFrom('as is', 'sorted', 'reversed'), (list, order) => {
        const values = order === 'as is' ? list : [...list].sort((a, b) => a - b);
        if (order === 'reversed') values.reverse();
        const got = medianInPlace(Float64Array.from(values));
        const want = sortedMedian(values);
        // Equal as numbers are (−0 and +0 alike: a sort orders them, selection need not).
        expect(got === want, `${got} against ${want}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
