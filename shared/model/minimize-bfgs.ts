/**
 * A small quasi-Newton minimiser: BFGS with an analytic gradient and a backtracking (Armijo) line
 * search (Nocedal & Wright, Numerical Optimization, 2nd ed., Alg. 6.1 and 3.1). The likelihoods here
 * have four or three parameters on the log scale, so a dense inverse-Hessian is cheap; the line
 * search rejects steps where the function is not finite, and steps are capped so a trial point can
 * never jump to an overflowing corner.
 */

export interface MinimizeOptions {
  /** Stop when every gradient component is below this. */
  gradTol?: number;
  maxIterations?: number;
  /** Largest change of any coordinate in one step. */
  maxStep?: number;
  /** Coordinates are kept inside [−bound, bound]. */
  bound?: number;
  /**
   * f alone, giving exactly fg's value: once the line search has turned down the full step, it
   * rejects the shorter trial steps on f and takes the gradient only of a step it accepts (the same
   * path, fewer gradients). The full step, usually taken, is evaluated with its gradient at once.
   */
  value?: (x: readonly number[]) => number;
  /**
   * Give up (not converged) once some coordinate has stayed within this distance of the bound for
   * RUNAWAY_ITERATIONS iterations in a row: the optimum is at infinity, and creeping towards it only
   * costs time. Off when absent.
   */
  giveUpNearBound?: number;
  /**
   * Checked after every accepted step: true stops the search there ('left', not converged) — the
   * caller has seen where the search is heading and goes on another way.
   */
  leaveWhen?: (x: readonly number[]) => boolean;
}

/** Iterations in a row at the bound after which a runaway fit is abandoned. */
const RUNAWAY_ITERATIONS = 25;

export interface MinimizeResult {
  x: number[];
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  /**
   * Why it stopped: 'no-descent' when not even a steepest-descent step from a fresh Hessian
   * improves f (a restart from here would try exactly that again).
   */
  stop: 'converged' | 'no-descent' | 'stalled' | 'runaway' | 'left' | 'iterations' | 'not-finite';
}

/**
 * Halvings of a proposed step before the line search gives up on the direction: a step a
 * millionth of the proposed one that still does not pass the sufficient-decrease test only finds
 * rounding noise in f, so the direction is dropped (the Hessian estimate is reset, and a fresh
 * steepest-descent direction that fails too ends the search).
 */
const MAX_HALVINGS = 20;

/**
 * The smallest change of f, relative to f, that an evaluation resolves: about a hundred units in
 * the last place of a double (2.2e−16 each), as a likelihood summed over many thousands of terms
 * carries that much rounding. Once the full step is turned down, a shorter step whose predicted
 * decrease (step × slope, the first-order change) is below it is not tried: its sufficient-decrease
 * test would only compare rounding noise, and each halving would cost an evaluation and find nothing.
 */
const F_RESOLUTION = 2e-14;

/** Gradient size below which a point where no step improves f counts as the optimum. */
const STUCK_GRAD_TOL = 1e-6;

/** Minimise f, where fg(x, g) returns f(x) and writes ∇f(x) into g. */
export function minimizeBfgs(
  fg: (x: readonly number[], g: number[]) => number,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const gradTol = options.gradTol ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 2;
  const bound = options.bound ?? 30;
  const value = options.value;
  const n = x0.length;
  let x = x0.slice();
  let g: number[] = new Array<number>(n).fill(0);
  let f = fg(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f) || !g.every(Number.isFinite)) return { x, f, iterations: 0, evaluations, converged: false, stop: 'not-finite' };
  let H = identity(n);
  let fresh = true;
  let iterations = 0;
  let converged = maxAbs(g) < gradTol;
  let stop: MinimizeResult['stop'] = 'iterations';
  let stalled = 0;
  let atBound = 0;
  const near = options.giveUpNearBound;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let d = matVec(H, g).map((v) => -v);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      H = identity(n);
      fresh = true;
      d = g.map((v) => -v);
      slope = dot(g, d);
    }
    const scale = Math.min(1, maxStep / Math.max(maxAbs(d), 1e-300));
    let step = scale;
    let accepted = false;
    let xn: number[] = x;
    const gn: number[] = new Array<number>(n).fill(0);
    let fn = f;
    for (let tries = 0; tries <= MAX_HALVINGS; tries++) {
      // The full step is always tried (near the optimum it is taken on the gradient's word, f
      // unchanged); a shorter one that could lower f by less than f's rounding cannot be told from
      // no step, and the direction is given up (steepest descent's only where the gradient counts
      // as small anyway).
      if (tries > 0 && -step * slope < F_RESOLUTION * (1 + Math.abs(f)) && (!fresh || maxAbs(g) < STUCK_GRAD_TOL)) break;
      xn = x.map((v, i) => clamp(v + step * d[i]!, bound));
      evaluations++;
      // The full step is usually taken, so it gets f and the gradient at once; once a step has
      // been turned down, the shorter ones are screened on f alone (when given).
      if (value && tries > 0) {
        const fv = value(xn);
        if (!(Number.isFinite(fv) && fv <= f + 1e-4 * step * slope)) {
          step *= 0.5;
          continue;
        }
      }
      fn = fg(xn, gn);
      if (Number.isFinite(fn) && gn.every(Number.isFinite) && fn <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      if (fresh) {
        // Even steepest descent cannot improve: a numerical optimum if the gradient is small.
        converged = maxAbs(g) < STUCK_GRAD_TOL;
        stop = 'no-descent';
        break;
      }
      H = identity(n);
      fresh = true;
      continue;
    }
    const s = xn.map((v, i) => v - x[i]!);
    const y = gn.map((v, i) => v - g[i]!);
    const sy = dot(s, y);
    const fPrev = f;
    x = xn;
    f = fn;
    g = gn;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) {
        const yy = dot(y, y);
        H = identity(n).map((row) => row.map((v) => (v * sy) / yy));
        fresh = false;
      }
      bfgsUpdate(H, s, y, sy);
    }
    if (maxAbs(g) < gradTol) converged = true;
    else if (Math.abs(fPrev - f) <= 1e-15 * (1 + Math.abs(f)) && maxAbs(s) < 1e-10) converged = maxAbs(g) < gradTol * 1e3;
    if (!converged && options.leaveWhen?.(x)) {
      stop = 'left';
      break;
    }
    // Creeping along a flat ridge (f no longer changes in 12 significant digits): stop; it is an
    // optimum only if the gradient is small.
    stalled = Math.abs(fPrev - f) <= 1e-12 * (1 + Math.abs(f)) ? stalled + 1 : 0;
    if (!converged && stalled >= 10) {
      converged = maxAbs(g) < STUCK_GRAD_TOL;
      stop = 'stalled';
      break;
    }
    if (near !== undefined && !converged) {
      atBound = maxAbs(x) >= bound - near ? atBound + 1 : 0;
      if (atBound >= RUNAWAY_ITERATIONS) {
        stop = 'runaway';
        break;
      }
    }
  }
  return { x, f, iterations, evaluations, converged, stop: converged ? 'converged' : stop };
}

function bfgsUpdate(H: number[][], s: number[], y: number[], sy: number): void {
  // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(yᵀs)
  const n = s.length;
  const rho = 1 / sy;
  const Hy = matVec(H, y);
  const yHy = dot(y, Hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i]![j] = H[i]![j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
    }
  }
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

function matVec(M: number[][], v: readonly number[]): number[] {
  return M.map((row) => row.reduce((acc, m, j) => acc + m * v[j]!, 0));
}

function dot(u: readonly number[], v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
}

function maxAbs(v: readonly number[]): number {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e));
  return m;
}

function clamp(v: number, bound: number): number {
  return v < -bound ? -bound : Math.min(v , bound);
}

