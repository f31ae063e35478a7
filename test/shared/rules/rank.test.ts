/**
 * The ranking primitives against plain comparator sorts: the radix argsort, percentile ranks
 * (mid-rank ties, NaN left out) and the descending order with ties by key.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argsortShared, presentShared } from '../../../shared/rules/argsort';
import { orderDescending, percentileRanks } from '../../../shared/rules/rank';

/** Doubles of every kind the rules meet: integers, cents, huge, tiny, ±0, ±Infinity, many ties. */
const value = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer({ min: -1e9, max: 1e9 }).map((x) => x / 100),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE),
);

/** The sort's answer, copied out of its shared working array. */
const argsort = (v: Float64Array, idx: Uint32Array) => Array.from(argsortShared(v, idx));

/** Each rank is the mid-rank computed by counting: (below + (equal − 1) / 2) / (m − 1); NaN stays NaN. */
function expectMidRanks(v: Float64Array): void {
  const present = Array.from(v).filter((x) => !Number.isNaN(x));
  const m = present.length;
  const r = percentileRanks(v);
  v.forEach((x, i) => {
    if (Number.isNaN(x)) {
      expect(r[i]).toBeNaN();
      return;
    }
    const below = present.filter((y) => y < x).length;
    const equal = present.filter((y) => y === x).length;
    expect(r[i]).toBe(m === 1 ? 0.5 : (below + (equal - 1) / 2) / (m - 1));
  });
}

/** Ascending by value, −0 equal to +0, ties by index. */
function referenceOrder(values: Float64Array, idx: readonly number[]): number[] {
  const cmp = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);
  return [...idx].sort((a, b) => cmp(values[a]!, values[b]!) || a - b);
}

describe('argsortShared', () => {
  it('orders indices as a stable comparator sort does, −0 equal to +0', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (xs) => {
        const v = Float64Array.from(xs);
        const idx = Uint32Array.from(xs.keys());
        expect(argsort(v, idx)).toEqual(referenceOrder(v, [...idx]));
      }),
      { numRuns: 300 },
    );
  });

  it('decimals of a few places (sorted by their scaled integers) order as the comparator sort does', () => {
    // Amounts with up to four places, a span near the 32-bit limit, −0, and values that are not such
    // decimals (0.1 + 0.2, a third, a tiny or huge number) mixed in rarely, which end the shortcut.
    const decimal = fc.oneof(
      { weight: 20, arbitrary: fc.tuple(fc.integer({ min: -5e8, max: 5e8 }), fc.integer({ min: 0, max: 4 })).map(([x, d]) => x / 10 ** d) },
      { weight: 2, arbitrary: fc.constantFrom(0, -0, 42949672.95, -42949672.95, 2 ** 31, -(2 ** 31)) },
      { weight: 1, arbitrary: fc.constantFrom(0.1 + 0.2, 1 / 3, 1e-7, 1e15, Infinity) },
    );
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 300 }), fc.boolean(), (xs, subset) => {
        const v = Float64Array.from(xs);
        const idx = Uint32Array.from([...xs.keys()].filter((i) => !subset || i % 3 !== 1));
        expect(argsort(v, idx)).toEqual(referenceOrder(v, [...idx]));
      }),
      { numRuns: 500, seed: 20261201 },
    );
    // Cents spanning just under and just over 2^32 of them.
    for (const top of [42949672.95, 42949672.96]) {
      const v = Float64Array.from([top, 0, 12.34, -0, 12.3, top, 0.01]);
      expect(argsort(v, Uint32Array.from(v.keys()))).toEqual(referenceOrder(v, [...v.keys()]));
    }
  });

  it('sorts only the indices it is given, and worked examples', () => {
    const v = Float64Array.from([3, -1, 2, -0, 0, -Infinity, 2]);
    expect(argsort(v, Uint32Array.from([0, 1, 2, 3, 4, 5, 6]))).toEqual([5, 1, 3, 4, 2, 6, 0]);
    expect(argsort(v, Uint32Array.from([6, 0, 2]))).toEqual([6, 2, 0]);
    expect(Array.from(presentShared(Float64Array.from([1, NaN, 3, NaN])))).toEqual([0, 2]);
  });
});

describe('percentileRanks', () => {
  it('matches the mid-rank definition computed by counting', () => {
    fc.assert(
      fc.property(fc.array(fc.option(value, { nil: null, freq: 4 }), { maxLength: 200 }), (xs) => {
        expectMidRanks(Float64Array.from(xs, (x) => x ?? NaN));
      }),
      { numRuns: 200 },
    );
  });

  it('whole-number columns (counted, not sorted) match the definition too, with missing values and −0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2000, max: 2000 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 300 }), { nil: null, freq: 5 }), { maxLength: 400 }),
        fc.boolean(),
        (offset, xs, negZero) => {
          expectMidRanks(Float64Array.from(xs, (x) => (x === null ? NaN : x === 0 && negZero ? -0 : x + offset)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('worked example: ties share their mid-rank', () => {
    expect(Array.from(percentileRanks(Float64Array.from([10, 20, 20, NaN, 30])))).toEqual([0, 0.5, 0.5, NaN, 1]);
  });
});

describe('orderDescending', () => {
  it('zeros of either sign are ties, ordered by key (not by their sign)', () => {
    expect(Array.from(orderDescending(Float64Array.from([0, -0, 0, -0, 1]), ['a', 'b', 'c', 'd', 'e']))).toEqual([4, 0, 1, 2, 3]);
    expect(Array.from(orderDescending(Float64Array.from([-0, 0]), ['b', 'a']))).toEqual([1, 0]);
  });

  it('orders by value descending, ties by key, whatever the keys’ order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.string({ maxLength: 3 }), fc.boolean()), { maxLength: 100 }), (pairs) => {
        const v = Float64Array.from(pairs, ([x, , negZero]) => (x === 0 && negZero ? -0 : x));
        const keys = pairs.map(([, k]) => k);
        // (v[b] − v[a] is 0 for −0 against +0: zeros of either sign are one tie, ordered by key.)
        const expected = [...keys.keys()].sort((a, b) => v[b]! - v[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
        expect(Array.from(orderDescending(v, keys))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('without keys (index order is key order), gives the order that ascending keys give', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 200 }), fc.uniqueArray(fc.string({ maxLength: 4 }), { minLength: 200, maxLength: 200 }), (xs, pool) => {
        const v = Float64Array.from(xs);
        const keys = pool.slice(0, xs.length).sort();
        expect(Array.from(orderDescending(v, null))).toEqual(Array.from(orderDescending(v, keys)));
      }),
      { numRuns: 300 },
    );
    // Without keys, ties stay in index order.
    expect(Array.from(orderDescending(Float64Array.from([1, 1, 1]), null))).toEqual([0, 1, 2]);
  });
});
