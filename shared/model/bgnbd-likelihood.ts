/**
 * BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6), in the numerically stable form of
 * Hardie's note "Overcoming the BG/NBD model's numerical problems": every factor is kept in logs and
 * the sum (α+T)^−(r+x) + δ(x>0)·a/(b+x−1)·(α+t_x)^−(r+x) is taken with log-sum-exp, so the value
 * stays finite for large x and T.
 */
import { digamma, lgamma } from './gamma-functions';
import { aggregateRfm, type RfmData, type RfmPoint } from './rfm-data';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Sum of the per-customer BG/NBD log-likelihoods (Fader, Hardie & Lee 2005 eq. 6; Hardie's stable form). */
export function bgnbdLogLikelihood(params: BgNbdParams, rows: readonly RfmPoint[]): number {
  return bgnbdLogLikelihoodData(params, aggregateRfm(rows), null);
}

/**
 * Log-likelihood over columnar data; when `grad` is given it receives the gradient with respect to
 * (ln r, ln α, ln a, ln b), derived analytically from eq. 6.
 */
export function bgnbdLogLikelihoodData(params: BgNbdParams, data: RfmData, grad: number[] | null): number {
  const { r, alpha, a, b } = params;
  const nx = data.xs.length;
  const constPart = new Float64Array(nx); // ln Γ(r+x)α^r/Γ(r) + ln B(a,b+x)/B(a,b)
  const logA4Const = new Float64Array(nx); // ln a − ln(b+x−1)
  const lnAlpha = Math.log(alpha);
  const lgR = lgamma(r);
  const lgAB = lgamma(a + b);
  const lgB = lgamma(b);
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  let total = 0;
  let gr = 0;
  let ga = 0;
  let gb = 0;
  let gAlpha = 0;
  for (let k = 0; k < nx; k++) {
    const x = data.xs[k]!;
    const w = data.xWeight[k]!;
    constPart[k] = lgamma(r + x) - lgR + r * lnAlpha + lgAB + lgamma(b + x) - lgB - lgamma(a + b + x);
    logA4Const[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity;
    total += w * constPart[k]!;
    if (grad) {
      gr += w * (digamma(r + x) - psiR + lnAlpha);
      gAlpha += w * (r / alpha);
      const psiABx = digamma(a + b + x);
      ga += w * (psiAB - psiABx);
      gb += w * (psiAB + digamma(b + x) - psiB - psiABx);
    }
  }
  const n = data.tx.length;
  const xIndex = data.xIndex;
  const txs = data.tx;
  const Ts = data.T;
  const ws = data.weight;
  for (let i = 0; i < n; i++) {
    const k = xIndex[i]!;
    const x = data.xs[k]!;
    const w = ws[i]!;
    const rx = r + x;
    const lnAT = Math.log(alpha + Ts[i]!);
    const l3 = -rx * lnAT;
    if (x === 0) {
      total += w * l3;
      if (grad) {
        gr -= w * lnAT;
        gAlpha -= (w * rx) / (alpha + Ts[i]!);
      }
      continue;
    }
    const lnAtx = Math.log(alpha + txs[i]!);
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
      ga += (w * w4) / a;
      gb -= (w * w4) / (b + x - 1);
    }
  }
  if (grad) {
    grad[0] = gr * r;
    grad[1] = gAlpha * alpha;
    grad[2] = ga * a;
    grad[3] = gb * b;
  }
  return total;
}
