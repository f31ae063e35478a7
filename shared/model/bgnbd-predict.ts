/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005): P(alive) (eq. 11 / Hardie's note 021), the
 * conditional expected number of purchases in the next t periods (eq. 10) and the population
 * E[X(t)] (eq. 9). Eq. 10's (α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t)) is rewritten
 * with Pfaff's transformation as ₂F₁(r+x, a−1; a+b+x−1; −t/(α+T)), which has no large prefactor
 * and stays bounded for large x.
 *
 * Each takes the model as its last argument: for the modified BG/NBD (MBG/NBD; Batislam, Denizel &
 * Filiztekin 2007, Appendix A eq. 5; expectation as corrected by Wagner & Hoppe 2008) a customer has
 * had one more chance to drop out, so b+x−1 becomes b+x in P(alive) — for every x, also x = 0 — and
 * b becomes b+1 in the expectation of a customer who is alive.
 *
 * Parameters in the limit of one drop-out chance p for everyone (a + b ≥ SAME_DROPOUT_FROM; see
 * same-dropout.ts) are taken as that limit: a/(b+x−1) is p/(1−p) and the ₂F₁ a power. With a = 0,
 * the limit where nobody drops out (no-dropout.ts), P(alive) is 1 and a customer's expected
 * purchases are (r+x)·t/(α+T). With a + b ≤ TWO_POINT_BELOW, the limit of drop-out chances 0 or 1
 * (two-point-dropout.ts), in that limit's closed forms.
 */
import { dropOffset, type BgNbdParams, type PurchaseModelName } from './bgnbd-likelihood';
import { aliveExpectationBySeries, aliveExpectationsByQuadrature, boughtWithChance } from './alive-expectation';
import { inSameDropoutLimit, limitLogs } from './same-dropout';
import { inNoDropoutLimit } from './no-dropout';
import { inTwoPointLimit } from './two-point-dropout';

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)); 1 when x = 0
 * (Fader, Hardie & Lee 2005, eq. 11). MBG/NBD: 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)) for all x
 * (Batislam et al. 2007, eq. 5). Computed in logs so large x and T cannot overflow.
 */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number, model: PurchaseModelName = 'bgnbd'): number {
  const xb = x + dropOffset(model);
  if (xb <= 0) return 1;
  // a/(b+xb−1), or p/(1−p) in the limit of one drop-out chance for everyone (same-dropout.ts).
  // In the limit of drop-out chances 0 or 1 (two-point-dropout.ts): π/(1−π) at the first chance, 0 after.
  const logOdds = inSameDropoutLimit(p.a, p.b) ? oddsInLimit(p) : inTwoPointLimit(p.a, p.b) ? (xb === 1 ? oddsInLimit(p) : -Infinity) : Math.log(p.a) - Math.log(p.b + (xb - 1));
  const L = logOdds + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  if (L > 0) {
    const e = Math.exp(-L);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(L));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods of a customer with history
 * (x, t_x, T) (Fader, Hardie & Lee 2005, eq. 10):
 * (a+b+x−1)/(a−1) · [1 − ₂F₁(r+x, a−1; a+b+x−1; −t/(α+T))] · P(alive); MBG/NBD: b → b+1 in the
 * first two factors, and its own P(alive).
 */
export function bgnbdExpectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number, model: PurchaseModelName = 'bgnbd'): number {
  return bgnbdExpectedPurchasesOver(p, [t], x, tx, T, model)[0]!;
}

/**
 * bgnbdExpectedPurchases at several horizons ts (a horizon cut into discounting periods), the same
 * numbers: P(alive) once, and the horizons the series cannot take integrated over one set of nodes.
 */
export function bgnbdExpectedPurchasesOver(p: BgNbdParams, ts: readonly number[], x: number, tx: number, T: number, model: PurchaseModelName = 'bgnbd'): number[] {
  const out = aliveExpectations(p, ts, x, T, dropOffset(model));
  const alive = bgnbdPAlive(p, x, tx, T, model);
  for (let i = 0; i < out.length; i++) out[i]! *= alive;
  return out;
}

/**
 * E[X(t)] for a customer drawn from the population, from time 0 (Fader, Hardie & Lee 2005, eq. 9);
 * MBG/NBD: b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))], the same as eq. 10 at
 * x = t_x = T = 0 with its P(alive) of b/(a+b).
 */
export function bgnbdExpectedPopulation(p: BgNbdParams, t: number, model: PurchaseModelName = 'bgnbd'): number {
  if (!(t > 0)) return 0;
  return bgnbdExpectedPurchases(p, t, 0, 0, 0, model);
}

/**
 * P(no purchase in the next h periods | x, t_x, T) = (1 − P(alive)) + P(alive) · ((α+T)/(α+T+h))^(r+x):
 * a customer who has dropped out buys nothing; one who is alive has a purchase rate distributed
 * Gamma(r+x, α+T) and, in both models, can drop out only right after a purchase, so buys nothing in
 * h with probability E[e^(−λh)] = ((α+T)/(α+T+h))^(r+x).
 */
export function bgnbdNoPurchaseProbability(p: BgNbdParams, h: number, x: number, tx: number, T: number, model: PurchaseModelName = 'bgnbd'): number {
  if (!(h > 0)) return 1; // nobody buys in no time
  const alive = bgnbdPAlive(p, x, tx, T, model);
  // P(a purchase) = P(alive) · (1 − ((α+T)/(α+T+h))^(r+x)), with expm1/log1p for small h.
  const buy = alive * -Math.expm1(-(p.r + x) * Math.log1p(h / (p.alpha + T)));
  return 1 - buy;
}

/**
 * (a+b'+x−1)/(a−1) · [1 − ₂F₁(r+x, a−1; a+b'+x−1; −t/(α+T))] with b' = b + offset, for each t: the
 * expected purchases of a customer who is alive, between 1 − (1+w)^−(r+x) (drop out after the next
 * purchase) and (r+x)·w (never drop out), w = t/(α+T); 0 for t ≤ 0. Eq. 10's series where w is small
 * and the series well conditioned; otherwise the integral over the drop-out chance, to which it is
 * equal (alive-expectation.ts) — the ₂F₁ through Pfaff's transformation and its 1−z connection lost
 * every digit there for large b + x. In the limit of one drop-out chance, the integrand at that p.
 */
function aliveExpectations(p: BgNbdParams, ts: readonly number[], x: number, T: number, offset: number): number[] {
  const k = p.r + x;
  const B = p.b + offset + x;
  const inLimit = limitExpectation(p, k, x + offset);
  const out = new Array<number>(ts.length);
  const rest: number[] = [];
  for (let i = 0; i < ts.length; i++) {
    const w = ts[i]! > 0 ? ts[i]! / (p.alpha + T) : 0;
    out[i] = w === 0 ? 0 : inLimit ? inLimit(w) : aliveExpectationBySeries(k, w, p.a, B);
    if (Number.isNaN(out[i])) rest.push(i);
  }
  if (rest.length > 0) {
    const integrals = aliveExpectationsByQuadrature(k, rest.map((i) => ts[i]! / (p.alpha + T)), p.a, B);
    for (let j = 0; j < rest.length; j++) out[rest[j]!] = integrals[j]!;
  }
  return out;
}

/**
 * A living customer's expected purchases as a function of w = t/(α+T) when the parameters stand for
 * one of the Beta's limits, in closed form (k = r + x; `chances` = x plus the model's extra drop-out
 * chance); null for a finite Beta:
 * - nobody drops out (a = 0, no-dropout.ts): the integrand at p = 0, k·w;
 * - drop-out chances 0 or 1 (two-point-dropout.ts): a living customer with a chance behind them has
 *   p = 0, k·w; one with none yet (BG/NBD, x = 0) has p = 1 with probability π;
 * - one drop-out chance p for everyone (same-dropout.ts): the integrand at that p.
 */
function limitExpectation(p: BgNbdParams, k: number, chances: number): ((w: number) => number) | null {
  const share = p.a / (p.a + p.b);
  if (inNoDropoutLimit(p)) return (w) => k * w;
  if (inTwoPointLimit(p.a, p.b)) return chances === 0 ? (w) => (1 - share) * k * w + share * boughtWithChance(1, k, w) : (w) => k * w;
  if (inSameDropoutLimit(p.a, p.b)) return (w) => boughtWithChance(share, k, w);
  return null;
}

/** ln(p/(1−p)) of the limit. */
function oddsInLimit(p: BgNbdParams): number {
  const { lnP, ln1mP } = limitLogs(p.a, p.b);
  return lnP - ln1mP;
}
