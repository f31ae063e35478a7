/**
 * The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV";
 * Fader & Hardie note 025 "The Gamma-Gamma model of monetary value"): a customer's transaction
 * values are Gamma(p, ν) around their own mean, and ν ~ Gamma(q, v) across customers.
 */
import { digamma, lgamma } from './gamma-functions';
import { minimizeBfgs } from './minimize-bfgs';

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** A repeat customer: x repeat purchases with mean value meanSpend. */
export interface SpendRow {
  x: number;
  meanSpend: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  ll: number;
  iterations: number;
  converged: boolean;
}

/** Log-scale bound for p, q, v (e^±20); a fit that runs to it is reported as not converged. */
export const GAMMA_GAMMA_LOG_BOUND = 20;

/**
 * Log-likelihood of the mean spends (note 025, eq. 3):
 * Σ lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(v + x m).
 * Rows with x ≤ 0 or meanSpend ≤ 0 are ignored (the model is for repeat customers' positive spend).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendRow[]): number {
  return gammaGammaLl(params, prepare(rows), null);
}

/** Usable rows, with the logs that do not depend on the parameters computed once. */
interface SpendData {
  x: Float64Array;
  m: Float64Array;
  /** Σ over rows, by distinct x: (px−1) ln m + px ln x = p·x(ln m + ln x) − ln m, so keep both sums. */
  xLog: Float64Array;
  lnM: Float64Array;
  n: number;
}

function prepare(rows: readonly SpendRow[]): SpendData {
  const ok = rows.filter((r) => r.x > 0 && r.meanSpend > 0 && Number.isFinite(r.x) && Number.isFinite(r.meanSpend));
  const n = ok.length;
  const data: SpendData = { x: new Float64Array(n), m: new Float64Array(n), xLog: new Float64Array(n), lnM: new Float64Array(n), n };
  ok.forEach((r, i) => {
    data.x[i] = r.x;
    data.m[i] = r.meanSpend;
    data.lnM[i] = Math.log(r.meanSpend);
    data.xLog[i] = r.x * (Math.log(r.meanSpend) + Math.log(r.x));
  });
  return data;
}

function gammaGammaLl(params: GammaGammaParams, data: SpendData, grad: number[] | null): number {
  const { p, q, v } = params;
  const lgQ = lgamma(q);
  const psiQ = digamma(q);
  const lnV = Math.log(v);
  const cache = new Map<number, { lg: number; psi: number; psiPxQ: number }>();
  let total = 0;
  let gp = 0;
  let gq = 0;
  let gv = 0;
  for (let i = 0; i < data.n; i++) {
    const x = data.x[i]!;
    const m = data.m[i]!;
    let c = cache.get(x);
    if (!c) {
      const px = p * x;
      const psiPxQ = grad ? digamma(px + q) : 0;
      c = { lg: lgamma(px + q) - lgamma(px), psi: grad ? psiPxQ - digamma(px) : 0, psiPxQ };
      cache.set(x, c);
    }
    const px = p * x;
    const vxm = v + x * m;
    const lnVxm = Math.log(vxm);
    // lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(v + x m)
    total += c.lg - lgQ + q * lnV + p * data.xLog[i]! - data.lnM[i]! - (px + q) * lnVxm;
    if (grad) {
      gp += x * c.psi + data.xLog[i]! - x * lnVxm;
      gq += c.psiPxQ - psiQ + lnV - lnVxm;
      gv += q / v - (px + q) / vxm;
    }
  }
  if (grad) {
    grad[0] = gp * p;
    grad[1] = gq * q;
    grad[2] = gv * v;
  }
  return total;
}

/**
 * Maximum-likelihood fit of (p, q, v) on repeat customers' mean spends (x > 0, meanSpend > 0),
 * BFGS on (ln p, ln q, ln v) with the analytic gradient, restarted once from the optimum.
 */
export function fitGammaGamma(rows: readonly SpendRow[]): GammaGammaFit {
  const data = prepare(rows);
  const n = Math.max(data.n, 1);
  let sum = 0;
  for (let i = 0; i < data.n; i++) sum += data.m[i]!;
  const mean = sum / n;
  const fg = (theta: readonly number[], g: number[]): number => {
    const ll = gammaGammaLl({ p: Math.exp(theta[0]!), q: Math.exp(theta[1]!), v: Math.exp(theta[2]!) }, data, g);
    for (let i = 0; i < 3; i++) g[i] = -g[i]! / n;
    return -ll / n;
  };
  // Start: p = 1, q = 2, v = the average mean spend (so the population mean pv/(q−1) matches it).
  const start = [0, Math.log(2), Math.log(mean > 0 ? mean : 1)];
  const options = { gradTol: 1e-9, maxIterations: 500, maxStep: 2, bound: GAMMA_GAMMA_LOG_BOUND };
  const first = minimizeBfgs(fg, start, options);
  const second = minimizeBfgs(fg, first.x, options);
  const best = second.f <= first.f ? second : first;
  return {
    p: Math.exp(best.x[0]!),
    q: Math.exp(best.x[1]!),
    v: Math.exp(best.x[2]!),
    ll: -best.f * n,
    iterations: first.iterations + second.iterations,
    converged: data.n > 0 && second.converged && best.x.every((t) => Math.abs(t) < GAMMA_GAMMA_LOG_BOUND - 1e-6),
  };
}

/**
 * E[M | x, m̄] = (p·v + p·x·m̄) / (p·x + q − 1): a weighted average of the population mean
 * p·v/(q−1) and the customer's own mean (note 025, eq. 5). With x = 0 it is the population mean.
 * Needs q > 1 (otherwise the mean spend is infinite): returns NaN then, which fitModel reports as
 * a problem before any figure reaches a user.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, meanSpend: number): number {
  const { p, q, v } = params;
  if (!(q > 1)) return NaN;
  if (x <= 0) return (p * v) / (q - 1);
  return (p * v + p * x * Math.max(meanSpend, 0)) / (p * x + q - 1);
}
