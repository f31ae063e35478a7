/**
 * Maximum-likelihood fit of the BG/NBD model (Fader, Hardie & Lee 2005, §3): the log-likelihood of
 * eq. 6 (stable form) maximised over (ln r, ln α, ln a, ln b) with BFGS and the analytic gradient,
 * then restarted once from the optimum with a fresh Hessian to confirm convergence. The same fit
 * serves the modified BG/NBD (Batislam, Denizel & Filiztekin 2007) with `model = 'mbgnbd'`.
 */
import { bgnbdLogLikelihoodData, type BgNbdParams, type PurchaseModelName } from './bgnbd-likelihood';
import { minimizeBfgs } from './minimize-bfgs';
import { aggregateRfm, type RfmData, type RfmPoint } from './rfm-data';

export interface BgNbdFit extends BgNbdParams {
  ll: number;
  iterations: number;
  /** Likelihood evaluations spent (both BFGS runs): the fit's cost. */
  evaluations: number;
  converged: boolean;
}

/**
 * Log-scale bound for every parameter: e^±20 (about 2e−9 to 5e8). Real logs give parameters far
 * inside it; a fit that runs to it — ends within a factor e of it — is degenerate (e.g. no sign of
 * any customer dropping out, or r and α growing together without end) and is reported as not
 * converged.
 */
export const BGNBD_LOG_BOUND = 20;

/** Fit BG/NBD by maximum likelihood (Fader, Hardie & Lee 2005) on (x, t_x, T) rows. */
export function fitBgNbd(rows: readonly RfmPoint[], model: PurchaseModelName = 'bgnbd'): BgNbdFit {
  return fitBgNbdData(aggregateRfm(rows), model);
}

/** Fit on already-aggregated columnar data (see aggregateRfm); `model` picks BG/NBD or MBG/NBD. */
export function fitBgNbdData(data: RfmData, model: PurchaseModelName = 'bgnbd'): BgNbdFit {
  const total = data.total > 0 ? data.total : 1;
  const fg = (theta: readonly number[], g: number[]): number => {
    const p = toParams(theta);
    const ll = bgnbdLogLikelihoodData(p, data, g, model);
    for (let i = 0; i < 4; i++) g[i] = -g[i]! / total;
    return -ll / total;
  };
  // Start: r = 1, α so that r/α matches the observed purchase rate, a = b = 1.
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < data.T.length; i++) {
    sumX += data.weight[i]! * data.xs[data.xIndex[i]!]!;
    sumT += data.weight[i]! * data.T[i]!;
  }
  const alpha0 = Math.max(sumT, 1e-6) / Math.max(sumX, 1e-6 * total);
  const start = [0, Math.log(Math.min(Math.max(alpha0, 1e-6), 1e6)), 0, 0];
  const value = (theta: readonly number[]): number => -bgnbdLogLikelihoodData(toParams(theta), data, null, model) / total;
  // A fit that runs to the bound is given up (it would be reported as not converged anyway).
  const options = { gradTol: 1e-9, maxIterations: 500, maxStep: 2, bound: BGNBD_LOG_BOUND, value, giveUpNearBound: 1 };
  const first = minimizeBfgs(fg, start, options);
  const runaway = !first.converged && first.x.some((v) => Math.abs(v) >= BGNBD_LOG_BOUND - 1);
  // A restart with a fresh Hessian confirms an optimum; where not even steepest descent from a
  // fresh Hessian could improve, it would only try that step again.
  const again = !runaway && first.stop !== 'no-descent';
  const second = again ? minimizeBfgs(fg, first.x, options) : first;
  const best = second.f <= first.f ? second : first;
  const p = toParams(best.x);
  return {
    ...p,
    ll: -best.f * total,
    iterations: first.iterations + (again ? second.iterations : 0),
    evaluations: first.evaluations + (again ? second.evaluations : 0),
    // A parameter within a factor e of the bound is running to it (e.g. r, α → ∞ together).
    converged: second.converged && best.x.every((v) => Math.abs(v) < BGNBD_LOG_BOUND - 1),
  };
}

function toParams(theta: readonly number[]): BgNbdParams {
  return { r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), a: Math.exp(theta[2]!), b: Math.exp(theta[3]!) };
}
