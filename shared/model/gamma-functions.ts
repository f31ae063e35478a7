/**
 * Log-gamma and digamma for real arguments (the BG/NBD and Gamma-Gamma likelihoods need both).
 * Lanczos approximation (g = 7, 9 terms; Numerical Recipes 3rd ed. §6.1) for small arguments, the
 * Stirling series for large ones, the reflection formula below 0.5.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.9189385332046728;

function lgammaPositive(x: number): number {
  if (x >= 10) {
    // Stirling: (x-1/2)ln x - x + ln(2π)/2 + 1/(12x) - 1/(360x³) + 1/(1260x⁵) - 1/(1680x⁷)
    const inv = 1 / x;
    const inv2 = inv * inv;
    const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }
  // Lanczos for Γ(x) with x in (0, 10): Γ(x) = Γ(x+1)/x.
  const z = x - 1;
  let s = LANCZOS[0]!;
  // z + i written x + (i − 1): for tiny x, z = x − 1 would already have lost x's low digits.
  for (let i = 1; i < LANCZOS.length; i++) s += LANCZOS[i]! / (x + (i - 1));
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ln|Γ(x)| and the sign of Γ(x); sign 0 (and log +∞) at the poles x = 0, −1, −2, … */
export function lgammaSigned(x: number): { log: number; sign: -1 | 0 | 1 } {
  if (x > 0) return { log: lgammaPositive(x), sign: 1 };
  if (Number.isInteger(x)) return { log: Infinity, sign: 0 };
  // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
  const s = Math.sin(Math.PI * x);
  const log = Math.log(Math.PI / Math.abs(s)) - lgammaPositive(1 - x);
  return { log, sign: s > 0 ? 1 : -1 };
}

/** ln Γ(x) for x > 0. */
export function lgamma(x: number): number {
  return x > 0 ? lgammaPositive(x) : lgammaSigned(x).log;
}

/** Stirling's series of ln Γ(w) beyond its leading terms: 1/(12w) − 1/(360w³) + 1/(1260w⁵) − 1/(1680w⁷). */
function stirlingTail(w: number): number {
  const inv = 1 / w;
  const inv2 = inv * inv;
  return inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
}

/**
 * ln Γ(z+x) − ln Γ(z) for z > 0, x ≥ 0, accurate also where both are huge and x is small beside z
 * (a subtraction of lgammas there keeps only the digits of their difference that survive lgamma's
 * rounding: at z = 10⁸ about 2·10⁻⁷ is lost). For z ≥ 10 the difference of Stirling's series
 * (NR 3rd ed. §6.1) is written without large cancelling terms:
 * (z−½)·log1p(x/z) + x·ln(z+x) − x + tail(z+x) − tail(z).
 */
export function lgammaRatio(z: number, x: number): number {
  if (x === 0) return 0;
  if (z < 10) return lgamma(z + x) - lgamma(z);
  const w = z + x;
  return (z - 0.5) * Math.log1p(x / z) + x * Math.log(w) - x + (stirlingTail(w) - stirlingTail(z));
}

/** The asymptotic series of ψ(w) beyond ln w − 1/(2w): 1/(12w²) − 1/(120w⁴) + … (subtracted). */
function digammaTail(w: number): number {
  const inv2 = 1 / (w * w);
  return inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
}

/**
 * ψ(z+x) − ψ(z) for z > 0, x ≥ 0, accurate where z is huge and x small beside it: for z ≥ 10 the
 * difference of the asymptotic series, log1p(x/z) + x/(2z(z+x)) − (tail(z+x) − tail(z)).
 */
export function digammaDifference(z: number, x: number): number {
  if (x === 0) return 0;
  if (z < 10) return digamma(z + x) - digamma(z);
  const w = z + x;
  return Math.log1p(x / z) + x / (2 * z * w) - (digammaTail(w) - digammaTail(z));
}

/** ψ(x) = d/dx ln Γ(x): recurrence up to x ≥ 10, then the asymptotic series; reflection for x ≤ 0. */
export function digamma(x: number): number {
  if (x <= 0) {
    if (Number.isInteger(x)) return NaN;
    // ψ(1−x) − ψ(x) = π cot(πx)
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    acc +
    Math.log(x) -
    0.5 * inv -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))))
  );
}
