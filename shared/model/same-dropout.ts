/**
 * The BG/NBD family's limit of one drop-out chance for every customer (Fader, Hardie & Lee 2005
 * eq. 6 and 10 as a, b → ∞ at a/(a+b) = p): the Beta(a, b) of drop-out chances shrinks to the point
 * p, so B(a, b+x)/B(a, b) → (1−p)^x, a/(b+x−1) → p/(1−p), and a living customer's expected
 * purchases are the integrand of alive-expectation.ts at that one p. A fit made in this limit is held as a = p·κ, b = (1−p)·κ with κ =
 * SAME_DROPOUT_KAPPA, beyond anything a four-parameter fit can reach; the likelihood and the
 * predictions take every a + b that large as the limit itself, in closed form.
 */

/** a + b that stands for the limit. */
export const SAME_DROPOUT_KAPPA = 1e12;

/**
 * a + b from which the likelihood and the predictions use the limit's closed forms: above the
 * largest sum a four-parameter fit can reach (each of a, b ≤ e^20 ≈ 4.9·10⁸), where the finite
 * formulas differ from the limit by about x/(a+b) relatively.
 */
export const SAME_DROPOUT_FROM = 1e11;

/**
 * The squared coefficient of variation of the Beta(a, b) of drop-out chances under which a
 * four-parameter fit is taken to be heading for the limit: chances differing by under about 3%.
 */
export const SAME_DROPOUT_SPREAD = 1e-3;

/** The Beta(a, b)'s squared coefficient of variation, b/(a(a+b+1)). */
export function dropoutSpread(a: number, b: number): number {
  return b / (a * (a + b + 1));
}

/** True when (a, b) stands for the limit of one drop-out chance for everyone. */
export function inSameDropoutLimit(a: number, b: number): boolean {
  return a + b >= SAME_DROPOUT_FROM;
}

/** ln p and ln(1 − p) of the limit, each from its own side (neither is a difference near 0 or 1). */
export function limitLogs(a: number, b: number): { lnP: number; ln1mP: number } {
  const lnSum = Math.log(a + b);
  return { lnP: Math.log(a) - lnSum, ln1mP: Math.log(b) - lnSum };
}
