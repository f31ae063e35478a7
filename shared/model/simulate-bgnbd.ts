/**
 * Draw customers from a BG/NBD process with known parameters (Fader, Hardie & Lee 2005, §2):
 * λ ~ Gamma(r, α) (rate α), p ~ Beta(a, b); purchases follow a Poisson process with rate λ, and
 * after each repeat purchase the customer drops out with probability p. Used by tests and the
 * benchmark to check that a fit recovers the parameters.
 */
import type { BgNbdParams } from './bgnbd-likelihood';
import type { RfmRow } from './summarize-rfm';
import { gamma } from '../sample/distributions';
import { inTwoPointLimit } from './two-point-dropout';
import { inNoDropoutLimit } from './no-dropout';

/**
 * Simulate one customer observed for T periods after the first purchase: returns (x, t_x, T).
 * `random` returns floats in [0, 1).
 */
export function simulateBgNbdCustomer(p: BgNbdParams, T: number, random: () => number): { x: number; tx: number; T: number } {
  const lambda = gamma(random, p.r, 1) / p.alpha;
  // a = 0 is the limit where nobody drops out (no-dropout.ts); a + b ≤ TWO_POINT_BELOW the limit of
  // chances 0 or 1 (two-point-dropout.ts), where Gamma draws of shape 10⁻¹² underflow to 0.
  const drop = inNoDropoutLimit(p) ? 0 : inTwoPointLimit(p.a, p.b) ? (random() < p.a / (p.a + p.b) ? 1 : 0) : dropChance(p, random);
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

/**
 * p ~ Beta(a, b), as the ratio of two Gamma draws taken in logs: for small shapes a Gamma draw
 * (Γ(shape+1)·U^(1/shape)) underflows to 0, and both at once would give 0/0.
 */
function dropChance(p: BgNbdParams, random: () => number): number {
  const la = logGammaDraw(random, p.a);
  const lb = logGammaDraw(random, p.b);
  return 1 / (1 + Math.exp(lb - la));
}

/** ln of a Gamma(shape, 1) draw, the same draw as gamma(random, shape, 1) (Marsaglia–Tsang, boosted below shape 1). */
function logGammaDraw(random: () => number, shape: number): number {
  if (shape < 1) return Math.log(gamma(random, shape + 1, 1)) + Math.log(1 - random()) / shape;
  return Math.log(gamma(random, shape, 1));
}

/**
 * n customers simulated as simulateBgNbdCustomer does, keyed c0, c1, …, as the model's fit takes
 * them (RfmRow, no spend); customer i observed for ageOf(i) periods (drawn before the customer).
 */
export function simulateRfmRows(p: BgNbdParams, n: number, ageOf: (i: number) => number, random: () => number): RfmRow[] {
  const rows: RfmRow[] = [];
  for (let i = 0; i < n; i++) {
    const c = simulateBgNbdCustomer(p, ageOf(i), random);
    rows.push({ key: `c${i}`, x: c.x, tx: c.tx, T: c.T, meanRepeatSpend: null });
  }
  return rows;
}
