/**
 * A living customer's expected purchases over the next t periods, E[Y(t) | alive], by integrating
 * over the drop-out chance instead of through ₂F₁ (Fader, Hardie & Lee 2005, eq. 10 and §5). Given
 * that the customer is alive, the purchase rate λ ~ Gamma(r+x, α+T) and the drop-out chance
 * p ~ Beta(a, B), independently, with B = b+x (b+x+1 for MBG/NBD: one more chance survived). A
 * customer with rate λ and chance p buys (1/p)(1 − e^(−λpt)) in expectation (each Poisson purchase
 * ends in drop-out with chance p), so E[Y(t) | alive] = E_p[(1/p)(1 − (1 + p·w)^−(r+x))] with
 * w = t/(α+T) — by Euler's integral, the same as (a+B−1)/(a−1)·[1 − ₂F₁(r+x, a−1; a+B−1; −w)].
 *
 * Where w is small the sum of eq. 10's series is used instead (aliveExpectationBySeries), written so
 * that neither 1 − ₂F₁ nor a − 1 is ever divided out. The integral is taken over y = logit p, where the Beta's density ∝ e^(a·y − (a+B)·ln(1+e^y)) is
 * smooth and unimodal, by the trapezoidal rule over the whole line with a step of a third of its width
 * or less, which converges faster than any power for such integrands (Trefethen & Weideman,
 * SIAM Review 2014); far out, where p is so small that the integrand is (r+x)·w times e^(a·y), or so
 * near 1 that it is 1 − (1+w)^−(r+x) times e^(−B·y), its nodes are summed as geometric series.
 */

/** ln(1 + e^y) without overflow. */
function softplus(y: number): number {
  return y > 0 ? y + Math.log1p(Math.exp(-y)) : Math.log1p(Math.exp(y));
}

/**
 * What a living customer with drop-out chance p expects to buy: (1 − (1 + p·w)^−k)/p, written with
 * expm1 and log1p so that it stays exact as p → 0, where it is k·w. This is the whole expectation in
 * the limit of one drop-out chance for everyone (same-dropout.ts).
 */
export function boughtWithChance(p: number, k: number, w: number): number {
  return p === 0 ? k * w : -Math.expm1(-k * Math.log1p(p * w)) / p;
}

/** Log-density of logit p under Beta(a, B), less its value at the mode. */
function logDensity(y: number, a: number, B: number, top: number): number {
  return a * y - (a + B) * softplus(y) - top;
}

/** How far below the mode's log-density the integral stops (e^−40 of the peak: 4e−18). */
const DEPTH = 40;

/** Most nodes the rule takes (reached only for w beyond 1e290, where the flat tails overflow). */
const MAX_NODES = 100_000;

/**
 * E_p[(1/p)(1 − (1 + p·w)^−k)] for p ~ Beta(a, B): the expected purchases in t of a customer who is
 * alive, with k = r+x and w = t/(α+T). a, B > 0, w ≥ 0.
 */
export function aliveExpectationByQuadrature(k: number, w: number, a: number, B: number): number {
  return aliveExpectationsByQuadrature(k, [w], a, B)[0]!;
}

/**
 * The same for several w at once (a horizon cut into discounting periods): one set of nodes and
 * densities, the integrand taken at each w. The flat tails are placed for the largest w, which
 * holds them for every smaller one.
 */
export function aliveExpectationsByQuadrature(k: number, ws: readonly number[], a: number, B: number): number[] {
  const mode = Math.log(a) - Math.log(B);
  const top = a * mode - (a + B) * softplus(mode);
  const width = Math.sqrt(1 / a + 1 / B);
  const most = Math.max(0, ...ws);
  // Beyond these the integrand is constant to 1e−12 and the density a pure exponential in y.
  const flatLeft = Math.max(Math.log(1e-12 / ((k * most + 1) * (a + B + 1))), -745);
  const flatRight = -flatLeft;
  const edge = (dir: -1 | 1, stop: number): number => {
    let step = width;
    let y = mode;
    while (dir * (stop - y) > 0 && logDensity(y, a, B, top) > -DEPTH) {
      y = dir < 0 ? Math.max(mode - step, stop) : Math.min(mode + step, stop);
      step *= 2;
    }
    return y;
  };
  const left = edge(-1, Math.min(flatLeft, mode));
  const right = edge(1, Math.max(flatRight, mode));
  // A step of a third of the width (at most 1/3): against mpmath, within 1e−13 (half the width
  // gave 1e−11 on heavy-tailed densities).
  const n = Math.min(MAX_NODES, Math.max(32, Math.ceil((right - left) / (Math.min(width, 1) / 3))));
  const h = (right - left) / n;
  const m = ws.length;
  const num = new Array<number>(m).fill(0);
  let den = 0;
  for (let i = 0; i <= n; i++) {
    const y = left + i * h;
    const d = Math.exp(logDensity(y, a, B, top));
    const p = 1 / (1 + Math.exp(-y));
    for (let j = 0; j < m; j++) num[j]! += d * boughtWithChance(p, k, ws[j]!);
    den += d;
  }
  // The trapezoidal rule over the whole line: beyond a flat edge the integrand is e^(a·y) (left)
  // or e^(−B·y) (right) times a constant, and its nodes there sum as a geometric series.
  if (left <= flatLeft) {
    const d = Math.exp(logDensity(left, a, B, top)) / Math.expm1(a * h);
    for (let j = 0; j < m; j++) num[j]! += d * k * ws[j]!;
    den += d;
  }
  if (right >= flatRight) {
    const d = Math.exp(logDensity(right, a, B, top)) / Math.expm1(B * h);
    for (let j = 0; j < m; j++) num[j]! += d * boughtWithChance(1, k, ws[j]!);
    den += d;
  }
  return num.map((v) => v / den);
}

/** Beyond this w the series converges too slowly (its terms shrink like wⁿ); the integral is used. */
export const SERIES_UP_TO = 0.9;

/** Digits the series may lose to cancellation among its alternating terms (largest term / sum). */
const MAX_CANCELLATION = 1e7;

/**
 * The same expectation as a series: (a+B−1)/(a−1)·[1 − ₂F₁(k, a−1; a+B−1; −w)] = Σ_{n≥1} u_n with
 * u_1 = k·w and u_{n+1} = u_n·(k+n)(a−1+n)/((a+B−1+n)(n+1))·(−w) (A&S 15.1.1, the leading 1 and the
 * factor (a−1)/(a+B−1) of the first term taken out, so a = 1 needs no special case). NaN when w >
 * SERIES_UP_TO, or when its terms grew so large that cancelling them lost more than 7 digits.
 */
export function aliveExpectationBySeries(k: number, w: number, a: number, B: number): number {
  if (!(w <= SERIES_UP_TO)) return NaN;
  const c = a + B - 1;
  let u = k * w;
  let sum = u;
  let largest = Math.abs(u);
  for (let n = 1; n < 10_000; n++) {
    u *= (((k + n) * (a - 1 + n)) / ((c + n) * (n + 1))) * -w;
    sum += u;
    if (!Number.isFinite(sum)) return NaN;
    const size = Math.abs(u);
    if (size > largest) largest = size;
    if (size <= 1e-17 * Math.abs(sum)) return largest <= MAX_CANCELLATION * Math.abs(sum) ? sum : NaN;
  }
  return NaN;
}
