/**
 * Draw customers from a BG/NBD process with known parameters (Fader, Hardie & Lee 2005, §2):
 * λ ~ Gamma(r, α) (rate α), p ~ Beta(a, b); purchases follow a Poisson process with rate λ, and
 * after each repeat purchase the customer drops out with probability p. Used by tests and the
 * benchmark to check that a fit recovers the parameters.
 */
import type { BgNbdParams } from './bgnbd-likelihood';

/** Gamma(shape, 1) variate (Marsaglia & Tsang 2000; shape < 1 via the u^(1/shape) boost). */
export function gammaVariate(shape: number, random: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, random) * Math.pow(random() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function normal(random: () => number): number {
  const u = random() || Number.MIN_VALUE;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Simulate one customer observed for T periods after the first purchase: returns (x, t_x, T).
 * `random` returns floats in [0, 1).
 */
export function simulateBgNbdCustomer(p: BgNbdParams, T: number, random: () => number): { x: number; tx: number; T: number } {
  const lambda = gammaVariate(p.r, random) / p.alpha;
  const ga = gammaVariate(p.a, random);
  const gb = gammaVariate(p.b, random);
  const drop = ga / (ga + gb);
  let t = 0;
  let x = 0;
  let tx = 0;
  for (;;) {
    t += -Math.log(1 - random()) / lambda;
    if (!(t <= T)) break;
    x++;
    tx = t;
    if (random() < drop) break;
  }
  return { x, tx, T };
}
