import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, lgamma, lgammaSigned } from '../../shared/model';

function rel(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('hyp2f1 against closed forms (A&S 15.1.3, 15.1.8)', () => {
  // ₂F₁(1,1;2;z) = −ln(1−z)/z: c−a−b = 0 and a−b = 0, the degenerate case of both connection formulas.
  it.each([-1e4, -50, -5, -1, -0.9, -0.5, -0.1, 0.3, 0.6, 0.9, 0.95, 0.99, 0.999, 0.999999])('2F1(1,1;2;%s)', (z) => {
    const expected = -Math.log(1 - z) / z;
    expect(rel(hyp2f1(1, 1, 2, z), expected)).toBeLessThan(1e-10);
  });

  // ₂F₁(a,b;b;z) = (1−z)^−a
  it.each([
    [0.5, 2.5, 0.97],
    [1.7, 0.3, -20],
    [3.2, 1.1, 0.9999],
    [-0.4, 2, -3],
  ])('2F1(%s,b;b;z) with b=%s, z=%s', (a, b, z) => {
    expect(rel(hyp2f1(a, b, b, z), (1 - z) ** -a)).toBeLessThan(1e-12);
  });

  // ₂F₁(1/2,1/2;3/2;−x²) = asinh(x)/x and ₂F₁(1/2,1;3/2;x²) = atanh(x)/x
  it.each([0.5, 1, 3, 100])('asinh form at x=%s (z = −x² ≤ −1 uses the transformations)', (x) => {
    expect(rel(hyp2f1(0.5, 0.5, 1.5, -x * x), Math.asinh(x) / x)).toBeLessThan(1e-10);
  });
  it.each([0.5, 0.9, 0.99, 0.99999])('atanh form at x=%s (z near 1)', (x) => {
    expect(rel(hyp2f1(0.5, 1, 1.5, x * x), Math.atanh(x) / x)).toBeLessThan(1e-10);
  });

  it('a terminating series is the polynomial: 2F1(−2,b;c;z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))', () => {
    const [b, c, z] = [1.5, 2.5, -7];
    expect(hyp2f1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 12);
  });

  it('is NaN outside its domain (z ≥ 1, c a non-positive integer)', () => {
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
  });
});

describe('hyp2f1 against mpmath (30 digits) at general parameters', () => {
  // Values from mpmath 1.3.0 hyp2f1 with mp.dps = 30; the last rows are the BG/NBD shapes
  // ₂F₁(r+x, a−1; a+b+x−1; −t/(α+T)) the model evaluates.
  it.each([
    [0.3, 2.7, 1.9, 0.45, 1.3162379024801542],
    [1.5, -0.2, 3.4, -0.8, 1.0606535447918075],
    [2.25, 0.75, 1.1, -3.5, 0.13888338548258488],
    [0.4, 1.3, 2.2, 0.97, 1.6741637890751632],
    [2.5, 1.5, 3.0, 0.995, 333.86471238562142],
    [1.2, 2.3, 5.5, 0.999, 2.4319026530741989],
    [3.0, 2.0, 4.0, -250.0, 4.6069461131134351e-5],
    [12.24, -0.207, 14.22, -1.004, 1.1373862234189635],
    [40.24, -0.207, 42.22, -12.5, 1.6980584889066242],
    [0.24, -0.207, 2.22, -88.0, 1.4019822540050406],
  ])('2F1(%s, %s; %s; %s)', (a, b, c, z, expected) => {
    expect(rel(hyp2f1(a, b, c, z), expected)).toBeLessThan(1e-10);
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
    expect(digamma(50)).toBeCloseTo(3.9019896734278921, 12);
  });
});
