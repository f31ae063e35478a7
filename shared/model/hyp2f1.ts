/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z < 1, as the
 * BG/NBD conditional expectation needs it (Fader, Hardie & Lee 2005, eq. 9–10).
 *
 * - |z| ≤ 0.5 (and 0.5 < z ≤ 0.9 when the series converges in a few hundred terms): the power series,
 *   summed with a running rescale so large parameters cannot overflow (Abramowitz & Stegun 15.1.1).
 * - z < −0.5: Pfaff's transformation ₂F₁(a,b;c;z) = (1−z)^(−b) ₂F₁(b, c−a; c; z/(z−1))
 *   (A&S 15.3.4–5), which maps z ∈ [−1, −0.5) into (1/3, 1/2] and z < −1 into (1/2, 1).
 * - z close to 1: the 1−z connection formula (A&S 15.3.6); when c−a−b is (nearly) an integer the
 *   formula is degenerate (0/0), and the value is interpolated in c from ±1e−4 and ±2e−4 either side.
 */

import { bridgeSingularity } from './bridge-singularity';
import { lgammaSigned } from './gamma-functions';

const EPS = 1e-16;
const MAX_TERMS = 100_000;
/** Within this distance of an integer, c−a−b counts as an integer (bridged from ±1e−4, ±2e−4). */
const DEGENERATE = 1e-4;

/** Series Σ (a)_n (b)_n / ((c)_n n!) zⁿ as sign · exp(log); null when it did not converge in maxTerms. */
function seriesLog(a: number, b: number, c: number, z: number, maxTerms: number): { log: number; sign: number } | null {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < maxTerms; n++) {
    term *= ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    sum += term;
    if (term === 0) return finish(sum, logScale);
    const absSum = Math.abs(sum);
    if (absSum > 1e250 || Math.abs(term) > 1e250) {
      const k = Math.max(absSum, Math.abs(term));
      sum /= k;
      term /= k;
      logScale += Math.log(k);
    }
    // Converged once the term is negligible and the remaining terms shrink geometrically.
    if (n > 2 && Math.abs(term) <= EPS * Math.abs(sum)) {
      const ratio = Math.abs(((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2)) * z);
      if (ratio < 1) return finish(sum, logScale);
    }
    if (!Number.isFinite(sum)) return null;
  }
  return null;
}

function finish(sum: number, logScale: number): { log: number; sign: number } {
  return { log: Math.log(Math.abs(sum)) + logScale, sign: sum === 0 ? 0 : Math.sign(sum) };
}

function fromLog(v: { log: number; sign: number }): number {
  return v.sign === 0 ? 0 : v.sign * Math.exp(v.log);
}

function isNonPositiveInteger(v: number): boolean {
  return v <= 0 && Number.isInteger(v);
}

/** A&S 15.3.6 for 0 < z < 1, with c−a−b not an integer. */
function connectionOneMinusZ(a: number, b: number, c: number, z: number): number {
  const w = 1 - z;
  const m = c - a - b;
  const gc = lgammaSigned(c);
  const parts: { log: number; sign: number }[] = [];
  // Γ(c)Γ(c−a−b) / (Γ(c−a)Γ(c−b)) · F(a, b; a+b−c+1; 1−z)
  const g1 = lgammaSigned(m);
  const g2 = lgammaSigned(c - a);
  const g3 = lgammaSigned(c - b);
  if (g2.sign !== 0 && g3.sign !== 0) {
    const f = seriesLog(a, b, 1 - m, w, MAX_TERMS);
    if (f === null) return NaN;
    parts.push({ log: gc.log + g1.log - g2.log - g3.log + f.log, sign: gc.sign * g1.sign * g2.sign * g3.sign * f.sign });
  }
  // (1−z)^(c−a−b) Γ(c)Γ(a+b−c) / (Γ(a)Γ(b)) · F(c−a, c−b; c−a−b+1; 1−z)
  const h1 = lgammaSigned(-m);
  const h2 = lgammaSigned(a);
  const h3 = lgammaSigned(b);
  if (h2.sign !== 0 && h3.sign !== 0) {
    const f = seriesLog(c - a, c - b, m + 1, w, MAX_TERMS);
    if (f === null) return NaN;
    parts.push({
      log: m * Math.log(w) + gc.log + h1.log - h2.log - h3.log + f.log,
      sign: gc.sign * h1.sign * h2.sign * h3.sign * f.sign,
    });
  }
  let total = 0;
  for (const p of parts) total += fromLog(p);
  return total;
}

function nearOne(a: number, b: number, c: number, z: number): number {
  // The series first: cheap when c is large compared with a and b.
  const direct = seriesLog(a, b, c, z, 2000);
  if (direct !== null) return fromLog(direct);
  const m = c - a - b;
  const e = m - Math.round(m);
  if (Math.abs(e) >= DEGENERATE) return connectionOneMinusZ(a, b, c, z);
  // Degenerate: the value is smooth in c, so bridge the 0/0 from c's either side.
  return bridgeSingularity((cc) => connectionOneMinusZ(a, b, cc, z), c - e, DEGENERATE, c);
}

/**
 * ₂F₁(a, b; c; z) for real a, b, c (c not 0, −1, −2, …) and real z < 1. NaN outside that domain.
 * Source: Abramowitz & Stegun §15.1, 15.3.4–15.3.6.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1) || isNonPositiveInteger(c) || ![a, b, c, z].every(Number.isFinite)) return NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  if (a === c) return (1 - z) ** -b;
  if (b === c) return (1 - z) ** -a;
  // A terminating series (a or b a non-positive integer) is a polynomial: sum it exactly.
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
    const n = -Math.max(isNonPositiveInteger(a) ? a : -Infinity, isNonPositiveInteger(b) ? b : -Infinity);
    let term = 1;
    let sum = 1;
    for (let k = 0; k < n; k++) {
      term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
      sum += term;
    }
    return sum;
  }
  if (z < -0.5) {
    // Pfaff on whichever parameter leaves the smaller new parameter c − other.
    const [p, other] = Math.abs(c - a) <= Math.abs(c - b) ? [b, a] : [a, b];
    // F(a,b;c;z) = (1−z)^(−p) F(p, c−other; c; z/(z−1))
    const w = z / (z - 1);
    const inner = hyp2f1Unit(p, c - other, c, w);
    return Math.exp(-p * Math.log(1 - z)) * inner;
  }
  return hyp2f1Unit(a, b, c, z);
}

/** z in [−0.5, 1). */
function hyp2f1Unit(a: number, b: number, c: number, z: number): number {
  if (z <= 0.5) {
    const s = seriesLog(a, b, c, z, MAX_TERMS);
    return s === null ? NaN : fromLog(s);
  }
  if (z <= 0.9) {
    const s = seriesLog(a, b, c, z, 5000);
    if (s !== null) return fromLog(s);
  }
  return nearOne(a, b, c, z);
}
