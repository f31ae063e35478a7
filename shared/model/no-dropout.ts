/**
 * The BG/NBD family's limit where no customer ever drops out (Fader, Hardie & Lee 2005 eq. 6 and 10
 * as a → 0): the Beta(a, b) of drop-out chances puts all its mass at p = 0, so B(a, b+x)/B(a, b) → 1,
 * the drop-out term a/(b+x−1)·(α+t_x)^−(r+x) vanishes and the model is the NBD of Ehrenberg (1959)
 * — every customer buys at their own Gamma(r, α) rate for ever: P(alive) = 1 and a customer's
 * expected purchases in the next t periods are (r+x)·t/(α+T). A fit made in this limit is held as
 * a = 0 and b = NO_DROPOUT_B; b has no effect once a is 0 (it is not identified by the data), and
 * the likelihood and the predictions take a = 0 as the limit itself.
 */
import { dropOffset, type BgNbdParams, type PurchaseModelName } from './bgnbd-likelihood';
import { digammaDifference } from './gamma-functions';
import type { RfmData } from './rfm-data';
import { weightedSilenceOdds } from './silence-odds';

/** b held beside a = 0: any positive value gives the same likelihood and predictions. */
export const NO_DROPOUT_B = 1;

/** True when the parameters stand for the limit where nobody drops out. */
export function inNoDropoutLimit(p: { a: number }): boolean {
  return p.a === 0;
}

/**
 * ∂ℓ/∂a at a = 0 as a function of b, split into its rising and falling parts (`up` − `down`). From
 * eq. 6, per customer, −(ψ(b+x') − ψ(b)) + δ(x'>0)/(b+x'−1) · ((α+T)/(α+t_x))^(r+x), where x' is x
 * plus the model's extra drop-out chance (MBG/NBD); both parts are sums of positive terms.
 */
export function dropoutSlope(params: BgNbdParams, data: RfmData, model: PurchaseModelName): (b: number) => { up: number; down: number } {
  const k0 = dropOffset(model);
  return slopeOf(weightedSilenceOdds(params.r, params.alpha, data, k0), data, k0);
}

/** dropoutSlope from the rows' weighted silence odds (weightedSilenceOdds). */
function slopeOf(odds: Float64Array, data: RfmData, k0: number): (b: number) => { up: number; down: number } {
  return (b) => {
    let up = 0;
    let down = 0;
    for (let k = 0; k < data.xs.length; k++) down += data.xWeight[k]! * digammaDifference(b, data.xs[k]! + k0);
    for (let i = 0; i < odds.length; i++) if (odds[i]! > 0) up += odds[i]! / (b + (data.xs[data.xIndex[i]!]! + k0 - 1));
    return { up, down };
  };
}

/** Grid of b: 10⁻⁴ to 10¹⁰ at factors of 10^(1/8); each local peak of the slope is then refined. */
const B_GRID = Array.from({ length: 14 * 8 + 1 }, (_, k) => 10 ** (-4 + k / 8));

/**
 * The limit is the maximum-likelihood estimate only if no small share of drop-out raises the
 * likelihood, whatever b: the one-sided condition ∂ℓ/∂a ≤ 0 at a = 0 for every b > 0
 * (dropoutSlope), up to rounding (10⁻⁹ of the sum of its terms' sizes). Checked at both ends
 * exactly — b·∂ℓ/∂a tends to Σ_{x'=1} odds − #{x' ≥ 1} as b → 0 and to Σ odds − Σ x' as b → ∞ —
 * and in between on a grid, each local peak of the slope refined by a golden-section search in
 * ln b, so a window where it turns positive between grid points is found.
 */
export function noDropoutHolds(params: BgNbdParams, data: RfmData, model: PurchaseModelName): boolean {
  const k0 = dropOffset(model);
  const odds = weightedSilenceOdds(params.r, params.alpha, data, k0);
  const slope = slopeOf(odds, data, k0);
  // The two ends.
  let upZero = 0;
  let downZero = 0;
  let upInf = 0;
  let downInf = 0;
  for (let i = 0; i < odds.length; i++) {
    const xb = data.xs[data.xIndex[i]!]! + k0;
    if (xb === 0) continue;
    const w = data.weight[i]!;
    if (xb === 1) upZero += odds[i]!;
    downZero += w;
    upInf += odds[i]!;
    downInf += w * xb;
  }
  // Odds that overflow (many purchases, long silent) make a slope +∞: the limit fails.
  if (!Number.isFinite(upInf)) return false; // upInf sums every odds, upZero some of them
  if (!(upZero - downZero <= 1e-9 * (upZero + downZero)) || !(upInf - downInf <= 1e-9 * (upInf + downInf))) return false;
  const excess = (b: number): number => {
    const { up, down } = slope(b);
    return (up - down) / (up + down);
  };
  const values = B_GRID.map(excess);
  for (let k = 0; k < values.length; k++) {
    if (!(values[k]! <= 1e-9)) return false;
    const peak = (k === 0 || values[k]! >= values[k - 1]!) && (k === values.length - 1 || values[k]! >= values[k + 1]!);
    if (peak && refinedPeak(excess, Math.log(B_GRID[Math.max(0, k - 1)]!), Math.log(B_GRID[Math.min(values.length - 1, k + 1)]!)) > 1e-9) return false;
  }
  return true;
}

/** The largest value of f(e^y) for y in [lo, hi], by golden-section search (40 steps). */
function refinedPeak(f: (b: number) => number, lo: number, hi: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let d = hi;
  let c1 = d - g * (d - a);
  let c2 = a + g * (d - a);
  let f1 = f(Math.exp(c1));
  let f2 = f(Math.exp(c2));
  for (let i = 0; i < 40; i++) {
    if (f1 >= f2) {
      d = c2;
      c2 = c1;
      f2 = f1;
      c1 = d - g * (d - a);
      f1 = f(Math.exp(c1));
    } else {
      a = c1;
      c1 = c2;
      f1 = f2;
      c2 = a + g * (d - a);
      f2 = f(Math.exp(c2));
    }
  }
  return Math.max(f1, f2);
}
