/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005): P(alive) (eq. 11 / Hardie's note 021), the
 * conditional expected number of purchases in the next t periods (eq. 10) and the population
 * E[X(t)] (eq. 9). Eq. 10's (α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t)) is rewritten
 * with Pfaff's transformation as ₂F₁(r+x, a−1; a+b+x−1; −t/(α+T)), which has no large prefactor
 * and stays bounded for large x.
 */
import type { BgNbdParams } from './bgnbd-likelihood';
import { bridgeSingularity } from './bridge-singularity';
import { hyp2f1 } from './hyp2f1';

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)); 1 when x = 0
 * (Fader, Hardie & Lee 2005, eq. 11). Computed in logs so large x and T cannot overflow.
 */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x <= 0) return 1;
  const L = Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  if (L > 0) {
    const e = Math.exp(-L);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(L));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods of a customer with history
 * (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10):
 * (a+b+x−1)/(a−1) · [1 − ₂F₁(r+x, a−1; a+b+x−1; −t/(α+T))] · P(alive).
 */
export function bgnbdExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (!(t > 0)) return 0;
  return aliveExpectation(p, t, x, T) * bgnbdPAlive(p, x, tx, T);
}

/** E[X(t)] for a customer drawn from the population, from time 0 (Fader, Hardie & Lee 2005, eq. 9). */
export function bgnbdExpectedPopulation(p: BgNbdParams, t: number): number {
  if (!(t > 0)) return 0;
  return aliveExpectation(p, t, 0, 0);
}

const NEAR_ONE = 1e-4;

/** (a+b+x−1)/(a−1) · [1 − ₂F₁(r+x, a−1; a+b+x−1; −t/(α+T))], continuous through a = 1. */
function aliveExpectation(p: BgNbdParams, t: number, x: number, T: number): number {
  const at = (a: number): number => {
    const c = a + p.b + x - 1;
    const f = hyp2f1(p.r + x, a - 1, c, -t / (p.alpha + T));
    return (c * (1 - f)) / (a - 1);
  };
  if (Math.abs(p.a - 1) >= NEAR_ONE) return at(p.a);
  // Removable singularity at a = 1: bridge it from a = 1 ± 1e−4, 1 ± 2e−4.
  return bridgeSingularity(at, 1, NEAR_ONE, p.a);
}
