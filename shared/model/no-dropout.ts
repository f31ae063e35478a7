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

/** b held beside a = 0: any positive value gives the same likelihood and predictions. */
export const NO_DROPOUT_B = 1;

/** True when the parameters stand for the limit where nobody drops out. */
export function inNoDropoutLimit(p: { a: number }): boolean {
  return p.a === 0;
}

/**
 * Values of b at which the boundary condition is checked: 10⁻⁴ to 10¹⁰, at factors of √10. Below
 * and above them the condition's sign no longer changes: ∂ℓ/∂a behaves as c/b at both ends.
 */
const B_GRID = Array.from({ length: 29 }, (_, k) => 10 ** (-4 + k / 2));

/**
 * The limit is the maximum-likelihood estimate only if no small share of drop-out raises the
 * likelihood, whatever b: the one-sided condition ∂ℓ/∂a ≤ 0 at a = 0 for every b > 0 (on B_GRID).
 * From eq. 6, per customer, ∂ℓ/∂a at a = 0 is −(ψ(b+x') − ψ(b)) + δ(x'>0)/(b+x'−1) · ((α+T)/(α+t_x))^(r+x),
 * x' = x plus the model's extra drop-out chance (MBG/NBD); the sum must not exceed rounding
 * (10⁻⁹ of the sum of its terms' sizes).
 */
export function noDropoutHolds(params: BgNbdParams, data: RfmData, model: PurchaseModelName): boolean {
  const k0 = dropOffset(model);
  const { r, alpha } = params;
  // Per row, ((α+T)/(α+t_x))^(r+x) where the drop-out term exists (0 where it does not).
  const n = data.tx.length;
  const odds = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = data.xs[data.xIndex[i]!]!;
    if (x + k0 > 0) odds[i] = Math.exp((r + x) * (Math.log(alpha + data.T[i]!) - Math.log(alpha + data.tx[i]!)));
  }
  for (const b of B_GRID) {
    let up = 0;
    let down = 0;
    for (let k = 0; k < data.xs.length; k++) down += data.xWeight[k]! * digammaDifference(b, data.xs[k]! + k0);
    for (let i = 0; i < n; i++) {
      const xb = data.xs[data.xIndex[i]!]! + k0;
      if (xb > 0) up += (data.weight[i]! * odds[i]!) / (b + xb - 1);
    }
    if (!(up - down <= 1e-9 * (up + down))) return false;
  }
  return true;
}
