/**
 * BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6), in the numerically stable form of
 * Hardie's note "Overcoming the BG/NBD model's numerical problems": every factor is kept in logs and
 * the sum (α+T)^−(r+x) + δ(x>0)·a/(b+x−1)·(α+t_x)^−(r+x) is taken with log-sum-exp, so the value
 * stays finite for large x and T.
 *
 * The same code gives the modified BG/NBD (MBG/NBD; Batislam, Denizel & Filiztekin 2007, with
 * Wagner & Hoppe's 2008 erratum), where a customer may also drop out right after the first purchase:
 * there a customer with x repeat purchases has had x + 1 chances to drop out instead of x, so
 * B(a, b+x)/B(a, b) becomes B(a, b+x+1)/B(a, b) and the drop-out term a/(b+x)·(α+t_x)^−(r+x) is
 * present for every x, including x = 0. `offset` (0 BG/NBD, 1 MBG/NBD) is that extra chance.
 *
 * In the limit of one drop-out chance p for everyone (a + b ≥ SAME_DROPOUT_FROM, same-dropout.ts)
 * B(a, b+x)/B(a, b) is (1−p)^x and a/(b+x−1) is p/(1−p), computed as such. In the limit where
 * nobody drops out (a = 0, no-dropout.ts) the drop-out term's log is −∞ and the sum is the NBD's. In
 * the limit of drop-out chances 0 or 1 (a + b ≤ TWO_POINT_BELOW, two-point-dropout.ts) the factors are
 * that limit's, in closed form.
 */
import { digammaDifference, lgammaRatio } from './gamma-functions';
import { inSameDropoutLimit, limitLogs } from './same-dropout';
import { inTwoPointLimit } from './two-point-dropout';
import { aggregateRfm, levelsOf, type RfmData, type RfmPoint } from './rfm-data';

/** Which model of the BG/NBD family: the original, or the modified one (drop-out also at the first purchase). */
export type PurchaseModelName = 'bgnbd' | 'mbgnbd';

/** Extra drop-out chances before the repeat purchases: 0 for BG/NBD, 1 for MBG/NBD. */
export function dropOffset(model: PurchaseModelName): 0 | 1 {
  return model === 'mbgnbd' ? 1 : 0;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Sum of the per-customer BG/NBD log-likelihoods (Fader, Hardie & Lee 2005 eq. 6; Hardie's stable form). */
export function bgnbdLogLikelihood(params: BgNbdParams, rows: readonly RfmPoint[], model: PurchaseModelName = 'bgnbd'): number {
  return bgnbdLogLikelihoodData(params, aggregateRfm(rows), null, model);
}

/**
 * Log-likelihood over columnar data; when `grad` is given it receives the gradient with respect to
 * (ln r, ln α, ln a, ln b), derived analytically from eq. 6.
 */
export function bgnbdLogLikelihoodData(params: BgNbdParams, data: RfmData, grad: number[] | null, model: PurchaseModelName = 'bgnbd'): number {
  const { r, alpha, a, b } = params;
  const k0 = dropOffset(model);
  const nx = data.xs.length;
  const constPart = new Float64Array(nx); // ln Γ(r+x)α^r/Γ(r) + ln B(a,b+x+k0)/B(a,b)
  const logA4Const = new Float64Array(nx); // ln a − ln(b+x−1+k0)
  const lnAlpha = Math.log(alpha);
  const ab = a + b;
  // In the limit of one drop-out chance p for everyone (same-dropout.ts), B(a, b+xb)/B(a, b) is
  // (1−p)^xb and a/(b+xb−1) is p/(1−p), exactly; the gradient is then along p alone.
  const limit = inSameDropoutLimit(a, b);
  // In the limit of drop-out chances 0 or 1 (two-point-dropout.ts), with π = a/(a+b): B(a, b+xb)/B(a, b)
  // is 1 − π for xb ≥ 1 and a/(b+xb−1) is π/(1−π) for xb = 1, 0 beyond; the gradient is along π alone.
  const twoPoint = inTwoPointLimit(a, b);
  const { lnP, ln1mP } = limitLogs(a, b);
  const share = a / ab;
  let gLimit = 0;
  let total = 0;
  let gr = 0;
  let ga = 0;
  let gb = 0;
  let gAlpha = 0;
  for (let k = 0; k < nx; k++) {
    const x = data.xs[k]!;
    const xb = x + k0; // drop-out chances so far
    const w = data.xWeight[k]!;
    // ln B(a, b+xb)/B(a, b) as differences of ln Γ over the same shift, which stay exact when a
    // and b are large (drop-out chances alike across customers), where lgammas would cancel.
    if (twoPoint) {
      constPart[k] = lgammaRatio(r, x) + r * lnAlpha + (xb > 0 ? ln1mP : 0);
      logA4Const[k] = xb === 1 ? lnP - ln1mP : -Infinity;
    } else {
      constPart[k] = lgammaRatio(r, x) + r * lnAlpha + (limit ? xb * ln1mP : lgammaRatio(b, xb) - lgammaRatio(ab, xb));
      logA4Const[k] = xb > 0 ? (limit ? lnP - ln1mP : Math.log(a) - Math.log(b + (xb - 1))) : -Infinity; // b + (xb − 1): exact for small b
    }
    total += w * constPart[k]!;
    if (grad) {
      gr += w * (digammaDifference(r, x) + lnAlpha);
      gAlpha += w * (r / alpha);
      if (limit) gLimit -= w * xb * share; // ∂/∂logit p of xb·ln(1−p)
      else if (twoPoint) gLimit -= xb > 0 ? w * share : 0; // ∂/∂logit π of ln(1−π)
      else {
        const psiABx = digammaDifference(ab, xb);
        ga -= w * psiABx;
        gb += w * (digammaDifference(b, xb) - psiABx);
      }
    }
  }
  const n = data.tx.length;
  const xIndex = data.xIndex;
  const txs = data.tx;
  const Ts = data.T;
  const ws = data.weight;
  // ln(α + T) and ln(α + t_x) once per distinct T and t_x when values repeat (the same numbers).
  const tLevels = levelsOf(Ts);
  const txLevels = levelsOf(txs);
  const lnATs = tLevels ? logsOf(alpha, tLevels.values) : null;
  const lnAtxs = txLevels ? logsOf(alpha, txLevels.values) : null;
  for (let i = 0; i < n; i++) {
    const k = xIndex[i]!;
    const x = data.xs[k]!;
    const w = ws[i]!;
    const rx = r + x;
    const lnAT = lnATs ? lnATs[tLevels!.at[i]!]! : Math.log(alpha + Ts[i]!);
    const l3 = -rx * lnAT;
    if (x + k0 === 0) {
      total += w * l3;
      if (grad) {
        gr -= w * lnAT;
        gAlpha -= (w * rx) / (alpha + Ts[i]!);
      }
      continue;
    }
    const lnAtx = lnAtxs ? lnAtxs[txLevels!.at[i]!]! : Math.log(alpha + txs[i]!);
    const l4 = logA4Const[k]! - rx * lnAtx;
    const d = l3 - l4;
    // ln(e^l3 + e^l4) = max + log1p(e^−|d|); w4 = e^l4 / (e^l3 + e^l4)
    const e = Math.exp(-Math.abs(d));
    total += w * ((d > 0 ? l3 : l4) + Math.log1p(e));
    if (grad) {
      const w4 = d > 0 ? e / (1 + e) : 1 / (1 + e);
      const w3 = 1 - w4;
      gr -= w * (w3 * lnAT + w4 * lnAtx);
      gAlpha -= w * rx * (w3 / (alpha + Ts[i]!) + w4 / (alpha + txs[i]!));
      // w4 is 0 where a is 0 (no drop-out, no-dropout.ts): that term is then 0, not 0/0.
      if (w4 > 0) {
        ga += (w * w4) / a;
        gb -= (w * w4) / (b + (x + k0 - 1));
      }
    }
  }
  if (grad) {
    grad[0] = gr * r;
    grad[1] = gAlpha * alpha;
    if (limit || twoPoint) {
      // The likelihood depends on p = a/(a+b) alone: ∂/∂ln a = −∂/∂ln b = ∂/∂logit p, whose
      // drop-out terms (∂ ln(p/(1−p))/∂logit p = 1) were summed into ga·a.
      grad[2] = gLimit + ga * a;
      grad[3] = -grad[2];
    } else {
      grad[2] = ga * a;
      grad[3] = gb * b;
    }
  }
  return total;
}

/** ln(α + v) for each v. */
function logsOf(alpha: number, values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let j = 0; j < values.length; j++) out[j] = Math.log(alpha + values[j]!);
  return out;
}
