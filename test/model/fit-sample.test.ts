import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keyHash, kthSmallest, MAX_FIT_CUSTOMERS, sampleIndices } from '../../shared/model/fit-sample';
import { fitRfmRows } from '../../shared/model/fit-model';
import { simulateRfmRows } from '../../shared/model/simulate-bgnbd';
import { mulberry32 } from '../../shared/prng';

describe('sampleIndices', () => {
  it('keyHash is FNV-1a 32-bit (reference values of the published algorithm)', () => {
    expect(keyHash('')).toBe(0x811c9dc5);
    expect(keyHash('a')).toBe(0xe40c292c);
    expect(keyHash('foobar')).toBe(0xbf9cf968);
  });

  it('keeps every row up to the limit, in order', () => {
    expect(sampleIndices(['b', 'a', 'c'], 3)).toBeNull();
  });

  it('chooses exactly max rows, the same ones whatever the row order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 2, maxLength: 80 }), fc.integer({ min: 1, max: 79 }), fc.integer(), (keys, max, seed) => {
        const shuffled = [...keys].sort((a, b) => keyHash(a + seed) - keyHash(b + seed) || (a < b ? -1 : 1));
        const chosen = (list: string[]) => {
          const at = sampleIndices(list, max);
          return at === null ? list : Array.from(at, (i) => list[i]!);
        };
        const one = chosen(keys);
        const two = chosen(shuffled);
        expect(one.length).toBe(Math.min(max, keys.length));
        // in the rows' order
        expect(one).toEqual(keys.filter((k) => one.includes(k)));
        expect([...one].sort()).toEqual([...two].sort());
        // the chosen keys are those with the lowest hashes
        const cut = Math.max(...one.map(keyHash));
        for (const k of keys) if (keyHash(k) < cut) expect(one).toContain(k);
      }),
    );
  });
});

describe('a purchase model on more customers than MAX_FIT_CUSTOMERS', () => {
  it('is fitted on the hash-chosen sample, recovers the generating parameters and scores every customer', () => {
    const truth = { r: 0.5, alpha: 20, a: 0.8, b: 2.5 };
    const random = mulberry32(11);
    const n = MAX_FIT_CUSTOMERS + 10_000;
    const rows = simulateRfmRows(truth, n, (i) => 30 + (i % 360), random);
    const r = fitRfmRows(rows, [], { asOfDay: 20_000, unit: 'days', horizonDays: 90, annualDiscountRate: 0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.counts).toEqual({ customers: n, repeat: rows.filter((x) => x.x > 0).length, fittedOn: MAX_FIT_CUSTOMERS });
    expect(r.customers.size).toBe(n);
    const b = r.bgnbd!;
    // 50,000 customers pin the parameters to within a few percent of the truth.
    expect(b.r).toBeCloseTo(truth.r, 1);
    expect(b.alpha / truth.alpha).toBeGreaterThan(0.9);
    expect(b.alpha / truth.alpha).toBeLessThan(1.1);
    expect(b.a / (b.a + b.b)).toBeCloseTo(truth.a / (truth.a + truth.b), 1);
  });
});

describe('kthSmallest', () => {
  it('property: what sorting the values and taking the k-th gives (many values sharing their high bits, repeats, extremes)', () => {
    const value = fc.oneof(fc.nat({ max: 0xffffffff }), fc.integer({ min: 0x12340000, max: 0x1234ffff }), fc.constantFrom(0, 0xffffffff, 0x12345678));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), fc.nat(), (list, at) => {
        const values = Uint32Array.from(list);
        const k = 1 + (at % values.length);
        expect(kthSmallest(values, k)).toBe(Uint32Array.from(values).sort()[k - 1]);
      }),
      { numRuns: 2000 },
    );
  });
});
