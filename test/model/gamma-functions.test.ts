import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma, digammaDifference, lgamma, lgammaRatio, lgammaSigned } from '../../shared/model/gamma-functions';

const big = fc.double({ min: 1e-3, max: 1e13, noNaN: true });
const shift = fc.double({ min: 0, max: 300, noNaN: true });

describe('ln Γ(z+x) − ln Γ(z) and ψ(z+x) − ψ(z) without cancellation', () => {
  it('at z = 10⁸ and x = 3 is ln z + ln(z+1) + ln(z+2), where a difference of lgammas loses ~10⁻⁷', () => {
    const z = 1e8;
    const exact = Math.log(z) + Math.log(z + 1) + Math.log(z + 2);
    expect(Math.abs(lgammaRatio(z, 3) - exact)).toBeLessThan(1e-12);
    expect(Math.abs(digammaDifference(z, 3) - (1 / z + 1 / (z + 1) + 1 / (z + 2)))).toBeLessThan(1e-22);
    // What the ratio replaces: lgamma(z) ≈ 1.74·10⁹ keeps about 10⁻⁷ of absolute precision.
    expect(Math.abs(lgamma(z + 3) - lgamma(z) - exact)).toBeGreaterThan(1e-10);
  });

  it('below z = 10 is the difference of lgammas and of digammas, and continuous across 10', () => {
    expect(lgammaRatio(2.5, 4)).toBe(lgamma(6.5) - lgamma(2.5));
    expect(digammaDifference(2.5, 4)).toBe(digamma(6.5) - digamma(2.5));
    for (const x of [0.5, 3, 40]) {
      expect(Math.abs(lgammaRatio(10 - 1e-12, x) - lgammaRatio(10, x))).toBeLessThan(1e-10);
      expect(Math.abs(digammaDifference(10 - 1e-12, x) - digammaDifference(10, x))).toBeLessThan(1e-10);
    }
  });

  it('property: Γ(w+1) = wΓ(w) — a step of one in x adds ln(z+x), and 1/(z+x) to ψ', () => {
    fc.assert(
      fc.property(big, shift, (z, x) => {
        const step = lgammaRatio(z, x + 1) - lgammaRatio(z, x);
        const scale = 1 + Math.abs(lgammaRatio(z, x + 1));
        const psiStep = digammaDifference(z, x + 1) - digammaDifference(z, x);
        // Near 10, lgamma's own accuracy: Lanczos below, Stirling's series cut after z⁻⁷ above
        // (next term 1/(1188 z⁹) ≈ 10⁻¹²). Further out the series' difference is exact to rounding.
        const tolerance = z >= 20 ? 1e-13 : 5e-12;
        return Math.abs(step - Math.log(z + x)) <= tolerance * scale && Math.abs(psiStep - 1 / (z + x)) <= 1e-12 * (1 / (z + x)) + 1e-15 * Math.abs(digammaDifference(z, x + 1));
      }),
      { numRuns: 2000, seed: 20261130 },
    );
  });

  it('property: ψ(z+x) − ψ(z) is the slope of ln Γ(z+x) − ln Γ(z) in x, less ψ(z)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 300, noNaN: true }), (z, x) => {
        // A central difference over ±h (h ≤ x/2): its error is about h²·ψ''(z+x)/6, under 10⁻⁸ of ψ.
        const h = Math.min(1e-3 * (z + x), x / 2);
        const slope = (lgammaRatio(z, x + h) - lgammaRatio(z, x - h)) / (2 * h);
        const exact = digammaDifference(z, x) + digamma(z);
        return Math.abs(slope - exact) <= 1e-6 * (1 + Math.abs(exact));
      }),
      { numRuns: 500, seed: 20261130 },
    );
  });
});

describe('gamma functions', () => {
  it('ln Γ at known points', () => {
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lgamma(1)).toBeCloseTo(0, 13);
    expect(lgamma(10)).toBeCloseTo(Math.log(362880), 11);
    expect(lgamma(100)).toBeCloseTo(359.1342053695754, 10);
    // Γ(−1/2) = −2√π
    const g = lgammaSigned(-0.5);
    expect(g.sign).toBe(-1);
    expect(g.log).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 12);
    expect(lgammaSigned(-2).sign).toBe(0);
  });
  it('ψ at known points', () => {
    const euler = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-euler, 13);
    expect(digamma(0.25)).toBeCloseTo(-euler - Math.PI / 2 - 3 * Math.log(2), 12);
    expect(digamma(50)).toBeCloseTo(3.901989673427892, 12);
  });
});
