import { describe, expect, it } from 'vitest';
import { aggregateRfm, columnar, type RfmData } from '../../shared/model/rfm-data';
import { fitBgNbdData, twoPointHolds } from '../../shared/model/bgnbd-fit';
import { bgnbdExpectedPurchases, bgnbdNoPurchaseProbability, bgnbdPAlive } from '../../shared/model/bgnbd-predict';
import { bgnbdLogLikelihoodData, type BgNbdParams, type PurchaseModelName } from '../../shared/model/bgnbd-likelihood';
import { TWO_POINT_EPSILON } from '../../shared/model/two-point-dropout';
import { noDropoutHolds } from '../../shared/model/no-dropout';
import { lgamma } from '../../shared/model/gamma-functions';
import { simulateBgNbdCustomer, simulateRfmRows } from '../../shared/model/simulate-bgnbd';
import { fitRfmRows } from '../../shared/model/fit-model';
import { mulberry32 } from '../../shared/prng';
import { modelParamsText } from '../../cli/model-params-text';

const MODELS: PurchaseModelName[] = ['bgnbd', 'mbgnbd'];
const at = (r: number, alpha: number, pi: number): BgNbdParams => ({ r, alpha, a: pi * TWO_POINT_EPSILON, b: (1 - pi) * TWO_POINT_EPSILON });

/**
 * The log-likelihood in the limit a, b → 0 at a/(a+b) = π, written out for this test from eq. 6 of
 * Fader, Hardie & Lee (2005): a customer's drop-out chance is 1 (share π) or 0. BG/NBD: x = 0 →
 * (α+T)^−r; x = 1 → (1−π)(α+T)^−(r+1) + π(α+t_x)^−(r+1); x ≥ 2 → (1−π)(α+T)^−(r+x). MBG/NBD (a
 * chance at the first purchase too): x = 0 → (1−π)(α+T)^−r + π α^−r; x ≥ 1 → (1−π)(α+T)^−(r+x).
 * Each times Γ(r+x)α^r/Γ(r).
 */
function limitLogLikelihood(r: number, alpha: number, pi: number, data: RfmData, model: PurchaseModelName): number {
  let total = 0;
  for (let i = 0; i < data.T.length; i++) {
    const x = data.xs[data.xIndex[i]!]!;
    const T = data.T[i]!;
    const tx = data.tx[i]!;
    const stay = (alpha + T) ** -(r + x);
    const left = (alpha + tx) ** -(r + x);
    const firstChance = model === 'bgnbd' ? x === 1 : x === 0;
    const noChanceYet = model === 'bgnbd' && x === 0;
    const inner = noChanceYet ? stay : (1 - pi) * stay + (firstChance ? pi * left : 0);
    total += data.weight[i]! * (lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + Math.log(inner));
  }
  return total;
}

/** n customers of whom a share π drop out at their first chance (the model's own process), ages 20–80. */
function population(pi: number, n: number, seed: number, model: PurchaseModelName): RfmData {
  const random = mulberry32(seed);
  const rows = Array.from({ length: n }, () => {
    const T = 20 + Math.floor(random() * 60);
    // MBG/NBD's first chance is at the first purchase: such a customer never buys again.
    if (model === 'mbgnbd' && random() < pi) return { x: 0, tx: 0, T };
    return simulateBgNbdCustomer(model === 'mbgnbd' ? { r: 0.8, alpha: 6, a: 0, b: 1 } : at(0.8, 6, pi), T, random);
  });
  return aggregateRfm(rows);
}

describe('the limit where each drop-out chance is 0 or 1 (a, b → 0 at a/(a+b) = π)', () => {
  const rows = aggregateRfm([
    { x: 0, tx: 0, T: 30 },
    { x: 1, tx: 3, T: 40 },
    { x: 1, tx: 38, T: 40 },
    { x: 2, tx: 10, T: 50 },
    { x: 6, tx: 49, T: 52 },
  ]);

  for (const model of MODELS) {
    it(`${model}: the likelihood is the limit's, written out, and the a + b → 0 limit of the finite one`, () => {
      const p = at(0.7, 5, 0.3);
      expect(bgnbdLogLikelihoodData(p, rows, null, model)).toBeCloseTo(limitLogLikelihood(0.7, 5, 0.3, rows, model), 10);
      // The finite formulas at a + b = 10⁻⁷ differ from the limit in the seventh digit at most.
      const finite = bgnbdLogLikelihoodData({ ...p, a: 0.3e-7, b: 0.7e-7 }, rows, null, model);
      expect(Math.abs(finite - limitLogLikelihood(0.7, 5, 0.3, rows, model))).toBeLessThan(1e-5);
    });

    it(`${model}: the gradient in (ln r, ln α, logit π) matches central differences`, () => {
      const g = [0, 0, 0, 0];
      bgnbdLogLikelihoodData(at(0.7, 5, 0.3), rows, g, model);
      expect(g[3]).toBeCloseTo(-g[2]!, 12);
      const h = 1e-6;
      const ll = (dr: number, da: number, dt: number) => {
        const t = Math.log(0.3 / 0.7) + dt;
        return limitLogLikelihood(0.7 * Math.exp(dr), 5 * Math.exp(da), 1 / (1 + Math.exp(-t)), rows, model);
      };
      expect(g[0]).toBeCloseTo((ll(h, 0, 0) - ll(-h, 0, 0)) / (2 * h), 5);
      expect(g[1]).toBeCloseTo((ll(0, h, 0) - ll(0, -h, 0)) / (2 * h), 5);
      expect(g[2]).toBeCloseTo((ll(0, 0, h) - ll(0, 0, -h)) / (2 * h), 5);
    });
  }

  it('the predictions are the limit\'s, worked out by hand, and the finite formulas approach them', () => {
    const [r, alpha, pi] = [0.7, 5, 0.3];
    const p = at(r, alpha, pi);
    const finite = { ...p, a: pi * 1e-8, b: (1 - pi) * 1e-8 };
    const t = 26;
    // BG/NBD, x = 0: alive; next purchase then gone with chance π: (1−π)·r·w + π·(1 − (1+w)^−r).
    const w0 = t / (alpha + 30);
    expect(bgnbdPAlive(p, 0, 0, 30, 'bgnbd')).toBe(1);
    expect(bgnbdExpectedPurchases(p, t, 0, 0, 30, 'bgnbd')).toBeCloseTo((1 - pi) * r * w0 + pi * (1 - (1 + w0) ** -r), 12);
    // BG/NBD, x = 1: gone with odds π/(1−π)·((α+T)/(α+t_x))^(r+1); alive means p = 0.
    const odds = (pi / (1 - pi)) * ((alpha + 40) / (alpha + 3)) ** (r + 1);
    expect(bgnbdPAlive(p, 1, 3, 40, 'bgnbd')).toBeCloseTo(1 / (1 + odds), 12);
    expect(bgnbdExpectedPurchases(p, t, 1, 3, 40, 'bgnbd')).toBeCloseTo(((r + 1) * t) / (alpha + 40) / (1 + odds), 12);
    // BG/NBD, x ≥ 2: a customer with p = 1 would have left after the first repeat purchase.
    expect(bgnbdPAlive(p, 6, 10, 52, 'bgnbd')).toBe(1);
    expect(bgnbdExpectedPurchases(p, t, 6, 10, 52, 'bgnbd')).toBeCloseTo(((r + 6) * t) / (alpha + 52), 12);
    // MBG/NBD, x = 0: gone with odds π/(1−π)·((α+T)/α)^r; x ≥ 1: alive.
    const odds0 = (pi / (1 - pi)) * ((alpha + 30) / alpha) ** r;
    expect(bgnbdPAlive(p, 0, 0, 30, 'mbgnbd')).toBeCloseTo(1 / (1 + odds0), 12);
    expect(bgnbdExpectedPurchases(p, t, 0, 0, 30, 'mbgnbd')).toBeCloseTo((r * w0) / (1 + odds0), 12);
    expect(bgnbdPAlive(p, 2, 10, 50, 'mbgnbd')).toBe(1);
    expect(bgnbdNoPurchaseProbability(p, t, 2, 10, 50, 'mbgnbd')).toBeCloseTo(((alpha + 50) / (alpha + 50 + t)) ** (r + 2), 12);
    // The finite formulas at a + b = 10⁻⁸ (x ≥ 2 is left out: there they keep ~a·((α+T)/(α+t_x))^(r+x), far from 0).
    for (const model of MODELS)
      for (const [x, tx, T] of [
        [0, 0, 30],
        [1, 3, 40],
      ] as const) {
        expect(bgnbdPAlive(finite, x, tx, T, model)).toBeCloseTo(bgnbdPAlive(p, x, tx, T, model), 6);
        expect(bgnbdExpectedPurchases(finite, t, x, tx, T, model)).toBeCloseTo(bgnbdExpectedPurchases(p, t, x, tx, T, model), 5);
      }
  });

  it('the boundary condition agrees with the likelihood: it holds where moving a + b off 0 lowers it, and fails where it raises it', () => {
    for (const model of MODELS) {
      const d = population(0.4, 400, 3, model);
      const fit = fitBgNbdData(d, model);
      // Drop-out chances that differ smoothly (a = 0.8, b = 2.5) are not 0 or 1: the limit at their
      // rates must fail, and a small a + b must raise the likelihood there.
      const random = mulberry32(9);
      const smooth = aggregateRfm(Array.from({ length: 400 }, () => simulateBgNbdCustomer({ r: 0.8, alpha: 6, a: 0.8, b: 2.5 }, 20 + Math.floor(random() * 60), random)));
      for (const [data, pi] of [
        [d, fit.a / (fit.a + fit.b)],
        [smooth, 0.25],
      ] as const) {
        const p = at(0.8, 6, pi);
        const rises = bgnbdLogLikelihoodData({ ...p, a: pi * 1e-5, b: (1 - pi) * 1e-5 }, data, null, model) > bgnbdLogLikelihoodData(p, data, null, model);
        expect(twoPointHolds(p, data, model)).toBe(!rises);
      }
      expect(twoPointHolds(at(0.8, 6, 0.25), smooth, model)).toBe(false);
    }
  });
});

describe('the boundary condition where differences at a small a + b would mislead', () => {
  it('a customer whose odds overflow (200 purchases, then silent for 99 periods) fails the limit, not passes it', () => {
    // ((α+T)/(α+t_x))^(r+x) = (100.5/1.5)^201 is beyond the largest double: the slope is +∞.
    const data = columnar([1, 200], [50, 1], [100, 100], [1000, 1]);
    const p = { r: 1, alpha: 0.5, a: 0.3 * TWO_POINT_EPSILON, b: 0.7 * TWO_POINT_EPSILON };
    expect(twoPointHolds(p, data, 'bgnbd')).toBe(false);
    expect(noDropoutHolds({ r: 1, alpha: 0.5, a: 0, b: 1 }, data, 'bgnbd')).toBe(false);
  });

  it('many one-time repeat buyers and ten gone quiet after two: the slope is positive, the check says so', () => {
    // 100,000 customers with x = 1 (their likelihood does not depend on a + b at all) and 10 with two
    // repeat purchases long ago: b + x − 1 computed as (b + x) − 1 once lost b's digits here.
    const data = columnar([1, 2], [5, 10], [40, 40], [1e5, 10]);
    const p = at(0.8, 6, 0.99);
    expect(twoPointHolds(p, data, 'bgnbd')).toBe(false);
    const eps = 1e-9;
    expect(bgnbdLogLikelihoodData({ ...p, a: 0.99 * eps, b: 0.01 * eps }, data, null, 'bgnbd')).toBeGreaterThan(bgnbdLogLikelihoodData(p, data, null, 'bgnbd'));
  });

  it('ten million customers of the limit and one outlier: the outlier raises the likelihood near the limit, though at a + b = 10⁻⁶ the slope is negative', () => {
    const base = population(0.4, 400, 3, 'bgnbd');
    const fit = fitBgNbdData(base, 'bgnbd');
    const p = at(fit.r, fit.alpha, fit.a / (fit.a + fit.b));
    expect(twoPointHolds(p, base, 'bgnbd')).toBe(true);
    // The same points, each 25,000 times (10⁷ customers), and one who bought 20 times in the first period and never since.
    const x = [...base.xIndex].map((k) => base.xs[k]!);
    const data = columnar([...x, 20], [...base.tx, 1], [...base.T, 79], [...base.weight].map((w) => w * 25_000).concat(1));
    expect(twoPointHolds(p, data, 'bgnbd')).toBe(false);
    const ll0 = bgnbdLogLikelihoodData(p, data, null, 'bgnbd');
    const small = (eps: number) => bgnbdLogLikelihoodData({ ...p, a: (p.a / TWO_POINT_EPSILON) * eps, b: (p.b / TWO_POINT_EPSILON) * eps }, data, null, 'bgnbd');
    expect(small(1e-10)).toBeGreaterThan(ll0);
    // A check by the slope at a + b = 10⁻⁶ would pass: there the outlier's rise has saturated and
    // the ten million's fall dominates.
    const g = [0, 0, 0, 0];
    bgnbdLogLikelihoodData({ ...p, a: (p.a / TWO_POINT_EPSILON) * 1e-6, b: (p.b / TWO_POINT_EPSILON) * 1e-6 }, data, g, 'bgnbd');
    expect(g[2]! + g[3]!).toBeLessThan(0);
  });
});

describe('fitting customers whose drop-out chances are 0 or 1', () => {
  it('populations drawn from that limit settle, and a fit taken there recovers π', () => {
    let limits = 0;
    for (const model of MODELS)
      for (let seed = 1; seed <= 8; seed++) {
        const pi = 0.1 + 0.6 * mulberry32(seed)();
        const data = population(pi, 400, seed, model);
        const fit = fitBgNbdData(data, model);
        expect(fit.converged).toBe(true);
        if (!fit.twoPoint) continue;
        limits++;
        expect(fit.a + fit.b).toBeCloseTo(TWO_POINT_EPSILON, 20);
        expect(fit.ll).toBeCloseTo(limitLogLikelihood(fit.r, fit.alpha, fit.a / (fit.a + fit.b), data, model), 6);
        expect(Math.abs(fit.a / (fit.a + fit.b) - pi)).toBeLessThan(0.1);
        // A maximum: no 1% step in r, α or π raises the likelihood.
        const pi0 = fit.a / (fit.a + fit.b);
        for (const [dr, da, dp] of [
          [1.01, 1, 1],
          [0.99, 1, 1],
          [1, 1.01, 1],
          [1, 0.99, 1],
          [1, 1, 1.01],
          [1, 1, 0.99],
        ])
          expect(limitLogLikelihood(fit.r * dr, fit.alpha * da, pi0 * dp, data, model)).toBeLessThan(fit.ll);
      }
    expect(limits).toBeGreaterThanOrEqual(4);
  });

  it('end to end: the notice names the share who leave at once, the CLI line the limit', () => {
    const random = mulberry32(3);
    const rows = simulateRfmRows(at(0.8, 6, 0.53), 400, () => 20 + Math.floor(random() * 60), random);
    const result = fitRfmRows(rows, [], { asOfDay: 20000, unit: 'weeks', horizonDays: 91, annualDiscountRate: 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.chosen.params;
    expect(p.twoPoint).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['two_point_dropout']);
    expect(result.warnings[0]!.message.en).toMatch(/either dropping out at their first chance or never: about \d+% are of the first kind/);
    // BG/NBD's first chance is after the first repeat purchase.
    expect(result.warnings[0]!.message.en).toContain('they stop after their first repeat purchase');
    expect(modelParamsText(p, 'en')).toMatch(/^r = [\d.]+ {2}α = [\d.]+ {2}[\d.]+% of customers drop out at their first chance, the rest never \(a, b → 0\)$/);
    expect(modelParamsText({ ...at(0.8, 6, 0.25), ll: 0, twoPoint: true }, 'en')).toBe('r = 0.8  α = 6  25% of customers drop out at their first chance, the rest never (a, b → 0)');
    for (const f of result.customers.values()) expect(f.pAlive >= 0 && f.pAlive <= 1 && Number.isFinite(f.expectedPurchases)).toBe(true);
  });
});
