/**
 * Maximum-likelihood fit of the BG/NBD model (Fader, Hardie & Lee 2005, §3): the log-likelihood of
 * eq. 6 (stable form) maximised over (ln r, ln α, ln a, ln b) with BFGS and the analytic gradient,
 * then restarted once from the optimum with a fresh Hessian to confirm convergence. The same fit
 * serves the modified BG/NBD (Batislam, Denizel & Filiztekin 2007) with `model = 'mbgnbd'`.
 */
import { bgnbdLogLikelihoodData, dropOffset, type BgNbdParams, type PurchaseModelName } from './bgnbd-likelihood';
import { minimizeBfgs } from './minimize-bfgs';
import { aggregateRfm, type RfmData, type RfmPoint } from './rfm-data';
import { dropoutSpread, SAME_DROPOUT_KAPPA, SAME_DROPOUT_SPREAD } from './same-dropout';
import { NO_DROPOUT_B, noDropoutHolds } from './no-dropout';
import { TWO_POINT_EPSILON } from './two-point-dropout';
import { weightedSilenceOdds } from './silence-odds';

export interface BgNbdFit extends BgNbdParams {
  ll: number;
  iterations: number;
  /** Likelihood evaluations spent (every BFGS run): the fit's cost. */
  evaluations: number;
  converged: boolean;
  /**
   * True when the likelihood is highest in the limit where every customer has the same drop-out
   * chance p after a purchase (a, b → ∞ at a/(a+b) = p): a and b are then p·κ and (1−p)·κ with
   * κ = SAME_DROPOUT_KAPPA, which the likelihood and the predictions take as the limit itself
   * (same-dropout.ts).
   */
  sameDropout: boolean;
  /**
   * True when the likelihood is highest where no customer ever drops out (a → 0: the NBD model, no-dropout.ts):
   * a is then 0 and b NO_DROPOUT_B, which has no effect.
   */
  noDropout: boolean;
  /**
   * True when the likelihood is highest where each customer's drop-out chance is 0 or 1 (a, b → 0 at
   * a/(a+b) = π, two-point-dropout.ts): a and b are then π·ε and (1−π)·ε with ε = TWO_POINT_EPSILON.
   */
  twoPoint: boolean;
}

/**
 * Log-scale bound for every parameter: e^±20 (about 2e−9 to 5e8). Real logs give parameters far
 * inside it; a fit that runs to it — ends within a factor e of it — is degenerate (e.g. no sign of
 * any customer dropping out, or r and α growing together without end) and is reported as not
 * converged.
 */
export const BGNBD_LOG_BOUND = 20;

/**
 * Where the limit's boundary is checked: the limit's p with drop-out chances that differ by about
 * 1% (squared coefficient of variation 10⁻⁴), a + b at most 10¹⁰ so that the finite formulas apply.
 */
const BOUNDARY_CHECK_SPREAD = 1e-4;
const BOUNDARY_CHECK_MAX_KAPPA = 1e10;

/** How much lower the limit's log-likelihood may be than the 4-parameter fit's and still be taken. */
const LIMIT_TOLERANCE = 0.01;

/** Fit BG/NBD by maximum likelihood (Fader, Hardie & Lee 2005) on (x, t_x, T) rows. */
export function fitBgNbd(rows: readonly RfmPoint[], model: PurchaseModelName = 'bgnbd'): BgNbdFit {
  return fitBgNbdData(aggregateRfm(rows), model);
}

/**
 * Fit on already-aggregated columnar data (see aggregateRfm); `model` picks BG/NBD or MBG/NBD.
 * When the four-parameter fit runs along the ridge of equal drop-out chances (a and b growing
 * together), the model is fitted in that limit — three parameters r, α and the common drop-out
 * chance p — and taken when it converges, its likelihood is as high, and letting the chances differ
 * would not raise it (boundaryHolds): the maximum-likelihood estimate is then on the boundary, one
 * drop-out chance for everyone. Otherwise the four-parameter search goes on to its end.
 *
 * A search that still does not settle has mostly run a to 0: its customers show little sign of
 * dropping out. So has one that settles with a below DROPOUT_EDGE. Three more fits are then tried,
 * and the more likely of those accepted taken: the limit where nobody drops out (fitNoDropout), the limit where each customer's chance is
 * 0 or 1 (fitTwoPoint), and the search again from a small a and b (RESTART_DROPOUT) — a Beta with
 * most of its mass near p = 0 and a little near p = 1, which the search from a = b = 1 can miss when
 * it heads for b → ∞ instead (taken only off the edge, as likely as the first search, and more
 * likely than a limit by over LIMIT_TOLERANCE). A fit whose purchase rates are all alike (r and α
 * growing together, purchaseRatesAlike) is never taken from these. When none is, the first search's
 * result stands.
 */
export function fitBgNbdData(data: RfmData, model: PurchaseModelName = 'bgnbd'): BgNbdFit {
  const fit = fitWithDropout(data, model);
  if (!Number.isFinite(fit.ll) || (fit.converged && !(fit.a < DROPOUT_EDGE))) return fit;
  const none = fitNoDropout(data, model, fit);
  const split = fitTwoPoint(data, model, fit);
  const again = fitWithDropout(data, model, { r: fit.r, alpha: fit.alpha, ...RESTART_DROPOUT });
  const spent = {
    iterations: fit.iterations + none.iterations + split.iterations + again.iterations,
    evaluations: fit.evaluations + none.evaluations + split.evaluations + again.evaluations,
  };
  const taken = (c: BgNbdFit | null): c is BgNbdFit => c?.converged === true && !purchaseRatesAlike(c, data, model);
  let best: BgNbdFit | null = null;
  for (const c of [none.fit, split.fit]) if (taken(c) && (best === null || c.ll > best.ll)) best = c;
  // The restart only where it settles off the edge, is as likely as where the first search stopped,
  // and beats a limit by more than the tolerance (a near-tie goes to the limit, which says what it is).
  if (taken(again) && !(again.a < DROPOUT_EDGE) && again.ll >= fit.ll - LIMIT_TOLERANCE && (best === null || again.ll > best.ll + LIMIT_TOLERANCE)) best = again;
  return best === null ? { ...fit, ...spent } : { ...best, ...spent };
}

/**
 * Below this a the search is at the edge where drop-out vanishes, even when it reports converging:
 * its gradient in ln a, a·∂ℓ/∂a, falls below the tolerance there before ln a reaches its bound.
 */
const DROPOUT_EDGE = 1e-6;

/**
 * True when the fit sits on the ridge where r and α grow together (the Gamma of purchase rates
 * narrowing to one rate for everyone, a Poisson process): scaling both by 1,000 does not lower the
 * likelihood. Such a fit has no finite optimum, whatever the search reported (a search along that
 * ridge can stop inside the bound, its gradient vanishing as the likelihood flattens).
 */
function purchaseRatesAlike(fit: BgNbdParams & { ll: number }, data: RfmData, model: PurchaseModelName): boolean {
  const scaled = bgnbdLogLikelihoodData({ ...fit, r: fit.r * 1e3, alpha: fit.alpha * 1e3 }, data, null, model);
  return scaled >= fit.ll - 1e-9 * data.total;
}

/** One of the limits tried when the first search does not settle: its fit, or null, and what it cost. */
interface LimitTry {
  fit: BgNbdFit | null;
  iterations: number;
  evaluations: number;
}

/**
 * A limit of the Beta of drop-out chances, fitted from `start` (its own parameters θ, mapped by
 * `toParams`, gradient by `chain`) and taken (`fit`) when that fit converges, its likelihood is at
 * least as high as where the failed search stopped (less LIMIT_TOLERANCE), and `holds` — the
 * limit's one-sided boundary condition — says no step off it raises the likelihood.
 */
function fitLimit(
  data: RfmData,
  model: PurchaseModelName,
  failed: BgNbdFit,
  limit: { toParams: (theta: readonly number[]) => BgNbdParams; chain: Chain; start: number[]; holds: (p: BgNbdParams, data: RfmData, model: PurchaseModelName) => boolean; flag: 'noDropout' | 'twoPoint' },
): LimitTry {
  const run = settle(objectiveOf(data, model, limit.toParams, limit.chain), limit.start);
  const ll = -run.f * (data.total > 0 ? data.total : 1);
  const params = limit.toParams(run.x);
  const spent = { iterations: run.iterations, evaluations: run.evaluations };
  if (!run.converged || !(ll >= failed.ll - LIMIT_TOLERANCE) || !limit.holds(params, data, model)) return { fit: null, ...spent };
  return { fit: { ...params, ll, ...spent, converged: true, sameDropout: false, noDropout: false, twoPoint: false, [limit.flag]: true }, ...spent };
}

/**
 * The limit of drop-out chances 0 or 1 (two-point-dropout.ts): r, α and the share π who drop out at
 * their first chance, held as a = π·ε, b = (1−π)·ε, started from the failed search's share of
 * drop-out when that is neither 0 nor 1, else 10%; checked by twoPointHolds.
 */
function fitTwoPoint(data: RfmData, model: PurchaseModelName, failed: BgNbdFit): LimitTry {
  const share = failed.a / (failed.a + failed.b);
  const start = share > 1e-3 && share < 0.999 ? share : 0.1;
  return fitLimit(data, model, failed, {
    toParams: twoPointParams,
    chain: sameDropoutGradient,
    start: [Math.log(failed.r), Math.log(failed.alpha), Math.log(start) - Math.log1p(-start)],
    holds: twoPointHolds,
    flag: 'twoPoint',
  });
}

/**
 * The limit of drop-out chances 0 or 1 is a maximum on the boundary only if moving the chances off
 * 0 and 1 does not raise the likelihood: with a = πε, b = (1−π)ε, ∂ℓ/∂ε at ε = 0 ≤ 0 (up to rounding,
 * 10⁻¹² of the sum of its terms' sizes). From eq. 6, B(a, b+n)/B(a, b) = (1−π)(1 − πε·H_{n−1}) + O(ε²)
 * and B(a+1, b+n−1)/B(a, b) = πε(1−π)/(n−1) + O(ε²) for n ≥ 2 (H the harmonic numbers), while n = 1
 * does not depend on ε; so ∂ℓ/∂ε at 0 = π·Σ_{x'≥2} [((α+T)/(α+t_x))^(r+x)/(x'−1) − H_{x'−1}] over the
 * customers, x' = x plus the model's extra drop-out chance — taken in closed form at the limit itself,
 * not by differences at a small ε, where ℓ is linear only while ε is far below every customer's
 * 1/((α+T)/(α+t_x))^(r+x).
 */
export function twoPointHolds(params: BgNbdParams, data: RfmData, model: PurchaseModelName): boolean {
  const k0 = dropOffset(model);
  const odds = weightedSilenceOdds(params.r, params.alpha, data, k0);
  // Harmonic numbers up to the largest x' − 1.
  let top = 0;
  for (let k = 0; k < data.xs.length; k++) top = Math.max(top, data.xs[k]! + k0 - 1);
  const harmonic = new Float64Array(top + 1);
  for (let m = 1; m <= top; m++) harmonic[m] = harmonic[m - 1]! + 1 / m;
  let up = 0;
  let down = 0;
  for (let i = 0; i < odds.length; i++) {
    const n = data.xs[data.xIndex[i]!]! + k0;
    if (n < 2) continue;
    up += odds[i]! / (n - 1);
    down += data.weight[i]! * harmonic[n - 1]!;
  }
  // A customer whose odds overflow (many purchases, long silent) makes the slope +∞: the limit fails.
  return Number.isFinite(up) && up - down <= 1e-12 * (up + down);
}

/** Where the search starts again when it did not settle from a = b = 1: most drop-out chances near 0. */
const RESTART_DROPOUT = { a: 0.05, b: 0.5 };

/**
 * The limit where nobody drops out (no-dropout.ts): r and α fitted with a = 0 from where the failed
 * search stopped; checked by noDropoutHolds (no small share of drop-out raises the likelihood, for
 * any b).
 */
function fitNoDropout(data: RfmData, model: PurchaseModelName, failed: BgNbdFit): LimitTry {
  return fitLimit(data, model, failed, {
    toParams: (theta) => ({ r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), a: 0, b: NO_DROPOUT_B }),
    chain: (_p, g4, g) => {
      g[0] = g4[0]!;
      g[1] = g4[1]!;
    },
    start: [Math.log(failed.r), Math.log(failed.alpha)],
    holds: noDropoutHolds,
    flag: 'noDropout',
  });
}

/** How a parameterisation's gradient g follows from the likelihood's gradient g4 in (ln r, ln α, ln a, ln b). */
type Chain = (p: BgNbdParams, g4: number[], g: number[]) => void;

/**
 * The minimised objective of a parameterisation θ → parameters: the mean negative log-likelihood
 * and its gradient in θ (through `chain`), and the value alone for line searches.
 */
function objectiveOf(data: RfmData, model: PurchaseModelName, toParams: (theta: readonly number[]) => BgNbdParams, chain: Chain) {
  const total = data.total > 0 ? data.total : 1;
  const g4 = [0, 0, 0, 0];
  const fg = (theta: readonly number[], g: number[]): number => {
    const p = toParams(theta);
    const ll = bgnbdLogLikelihoodData(p, data, g4, model);
    chain(p, g4, g);
    for (let i = 0; i < g.length; i++) g[i] = -g[i]! / total;
    return -ll / total;
  };
  const value = (theta: readonly number[]): number => -bgnbdLogLikelihoodData(toParams(theta), data, null, model) / total;
  return { fg, value };
}

/**
 * The fit with drop-out: four parameters, or the limit of one drop-out chance for everyone; from
 * `from` when given, else from r = 1, α matching the purchase rate, a = b = 1.
 */
function fitWithDropout(data: RfmData, model: PurchaseModelName, from?: BgNbdParams): BgNbdFit {
  const total = data.total > 0 ? data.total : 1;
  // Start: r = 1, α so that r/α matches the observed purchase rate, a = b = 1.
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < data.T.length; i++) {
    sumX += data.weight[i]! * data.xs[data.xIndex[i]!]!;
    sumT += data.weight[i]! * data.T[i]!;
  }
  const alpha0 = Math.max(sumT, 1e-6) / Math.max(sumX, 1e-6 * total);
  const start = from ? [Math.log(from.r), Math.log(from.alpha), Math.log(from.a), Math.log(from.b)] : [0, Math.log(Math.min(Math.max(alpha0, 1e-6), 1e6)), 0, 0];
  const four4 = objectiveOf(data, model, fourParams, copyGradient);
  const onRidge = (theta: readonly number[]): boolean => dropoutSpread(Math.exp(theta[2]!), Math.exp(theta[3]!)) <= SAME_DROPOUT_SPREAD;
  // Searched until it converges or heads for the ridge of equal drop-out chances.
  const four = settle(four4, start, onRidge);
  const asFit = (run: Settled, spent: { iterations: number; evaluations: number }): BgNbdFit => ({
    ...fourParams(run.x),
    ll: -run.f * total,
    ...spent,
    converged: run.converged,
    sameDropout: false,
    noDropout: false,
    twoPoint: false,
  });
  if (four.converged || !Number.isFinite(four.f) || !onRidge(four.x)) return asFit(four, four);
  const p4 = fourParams(four.x);
  const dropout = p4.a / (p4.a + p4.b);
  const limit = settle(objectiveOf(data, model, sameDropoutParams, sameDropoutGradient), [four.x[0]!, four.x[1]!, Math.log(dropout) - Math.log1p(-dropout)]);
  const spent = { iterations: four.iterations + limit.iterations, evaluations: four.evaluations + limit.evaluations };
  const ll = -limit.f * total;
  const params = sameDropoutParams(limit.x);
  if (limit.converged && ll >= -four.f * total - LIMIT_TOLERANCE && boundaryHolds(params, data, model)) {
    return { ...params, ll, ...spent, converged: true, sameDropout: true, noDropout: false, twoPoint: false };
  }
  // Not the limit after all: the four-parameter search goes on from where it left, to the end.
  const rest = settle(four4, four.x);
  return asFit(rest, { iterations: spent.iterations + rest.iterations, evaluations: spent.evaluations + rest.evaluations });
}

/**
 * The limit is a maximum on the boundary only if letting drop-out chances differ a little does not
 * raise the likelihood (a one-sided first-order condition): with the limit's r, α and p and chances
 * differing by about 1%, the likelihood must not fall as a + b grows, ∂ℓ/∂ln(a+b) = ∂ℓ/∂ln a +
 * ∂ℓ/∂ln b ≥ 0 (up to rounding, 10⁻⁹ per customer).
 */
export function boundaryHolds(params: BgNbdParams, data: RfmData, model: PurchaseModelName): boolean {
  const share = params.a / (params.a + params.b);
  const kappa = Math.min((1 - share) / (share * BOUNDARY_CHECK_SPREAD) - 1, BOUNDARY_CHECK_MAX_KAPPA);
  const g = [0, 0, 0, 0];
  bgnbdLogLikelihoodData({ ...params, a: share * kappa, b: (1 - share) * kappa }, data, g, model);
  return g[2]! + g[3]! >= -1e-9 * data.total;
}

interface Settled {
  x: number[];
  f: number;
  iterations: number;
  evaluations: number;
  /** Converged, with every coordinate more than a factor e inside the bound. */
  converged: boolean;
}

/**
 * BFGS from `start`, then restarted once from its optimum with a fresh Hessian to confirm it (not
 * after a run-away to the bound, nor where not even steepest descent from a fresh Hessian improved:
 * a restart would only try that step again). `leaveWhen` ends the search early (not converged).
 */
function settle(
  objective: { fg: (theta: readonly number[], g: number[]) => number; value: (theta: readonly number[]) => number },
  start: readonly number[],
  leaveWhen?: (theta: readonly number[]) => boolean,
): Settled {
  // A fit that runs to the bound is given up (it would be reported as not converged anyway).
  const options = { gradTol: 1e-9, maxIterations: 500, maxStep: 2, bound: BGNBD_LOG_BOUND, value: objective.value, giveUpNearBound: 1, leaveWhen };
  const first = minimizeBfgs(objective.fg, start, options);
  const runaway = !first.converged && first.x.some((v) => Math.abs(v) >= BGNBD_LOG_BOUND - 1);
  const again = !runaway && first.stop !== 'no-descent' && first.stop !== 'left';
  const second = again ? minimizeBfgs(objective.fg, first.x, options) : first;
  const best = second.f <= first.f ? second : first;
  return {
    x: best.x,
    f: best.f,
    iterations: first.iterations + (again ? second.iterations : 0),
    evaluations: first.evaluations + (again ? second.evaluations : 0),
    // A parameter within a factor e of the bound is running to it (e.g. r, α → ∞ together).
    converged: second.converged && best.x.every((v) => Math.abs(v) < BGNBD_LOG_BOUND - 1),
  };
}

/** (ln r, ln α, ln a, ln b) → parameters. */
function fourParams(theta: readonly number[]): BgNbdParams {
  return { r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), a: Math.exp(theta[2]!), b: Math.exp(theta[3]!) };
}

function copyGradient(_p: BgNbdParams, g4: number[], g: number[]): void {
  for (let i = 0; i < 4; i++) g[i] = g4[i]!;
}

/** (ln r, ln α, logit p) → parameters in the limit of equal drop-out chances: a = pκ, b = (1−p)κ. */
function sameDropoutParams(theta: readonly number[]): BgNbdParams {
  const t = theta[2]!;
  // p and 1 − p each from its own side, so neither is a difference near 0 or 1.
  const p = 1 / (1 + Math.exp(-t));
  const q = 1 / (1 + Math.exp(t));
  return { r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), a: p * SAME_DROPOUT_KAPPA, b: q * SAME_DROPOUT_KAPPA };
}

/** (ln r, ln α, logit π) → parameters in the limit of drop-out chances 0 or 1: a = πε, b = (1−π)ε. */
function twoPointParams(theta: readonly number[]): BgNbdParams {
  const t = theta[2]!;
  const p = 1 / (1 + Math.exp(-t));
  const q = 1 / (1 + Math.exp(t));
  return { r: Math.exp(theta[0]!), alpha: Math.exp(theta[1]!), a: p * TWO_POINT_EPSILON, b: q * TWO_POINT_EPSILON };
}

/**
 * ∂/∂ logit p = (1 − p) ∂/∂ ln a − p ∂/∂ ln b, as ln a = ln p + ln κ and ln b = ln(1 − p) + ln κ (for
 * both limits, κ = SAME_DROPOUT_KAPPA or TWO_POINT_EPSILON).
 */
function sameDropoutGradient(p: BgNbdParams, g4: number[], g: number[]): void {
  const share = p.a / (p.a + p.b);
  g[0] = g4[0]!;
  g[1] = g4[1]!;
  g[2] = (p.b / (p.a + p.b)) * g4[2]! - share * g4[3]!;
}
