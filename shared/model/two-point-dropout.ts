/**
 * The BG/NBD family's limit where each customer's drop-out chance is 0 or 1 (Fader, Hardie & Lee
 * 2005 eq. 6 and 10 as a, b → 0 at a/(a+b) = π): the Beta(a, b) of drop-out chances splits into a
 * mass 1 − π at p = 0 (never drops out) and π at p = 1 (drops out at the first chance: after the
 * first repeat purchase in BG/NBD, right after the first purchase in MBG/NBD). Then B(a, b+x')/B(a, b)
 * → 1 − π for x' ≥ 1 (1 for x' = 0), and the drop-out term's weight a/(b+x'−1) → π/(1−π) for x' = 1
 * and 0 beyond: a customer with two or more chances behind them and still buying has p = 0. A fit
 * made in this limit is held as a = π·ε, b = (1−π)·ε with ε = TWO_POINT_EPSILON, far below anything a
 * four-parameter fit can reach; the likelihood and the predictions take every a + b that small as the
 * limit itself, in closed form.
 */

/** a + b that stands for the limit. */
export const TWO_POINT_EPSILON = 1e-12;

/**
 * a + b up to which the likelihood and the predictions use the limit's closed forms: below the
 * smallest sum a four-parameter fit can reach (each of a, b ≥ e^−20 ≈ 2·10⁻⁹).
 */
export const TWO_POINT_BELOW = 1e-11;

/** True when (a, b) stands for the limit of drop-out chances 0 or 1 (a = 0 is the limit where nobody drops out). */
export function inTwoPointLimit(a: number, b: number): boolean {
  return a > 0 && a + b <= TWO_POINT_BELOW;
}
