/**
 * The modified BG/NBD (Batislam, Denizel & Filiztekin 2007; Wagner & Hoppe 2008 erratum) against an
 * independent implementation: test/model/mbgnbd-reference.py (scipy) writes the likelihood as
 * Γ(r+x)α^r/Γ(r) · [B(a,b+x+1)/B(a,b)·(α+T)^−(r+x) + B(a+1,b+x)/B(a,b)·(α+t_x)^−(r+x)] with betaln
 * (no shared code, no log-sum-exp rewriting), fits it with Nelder–Mead then BFGS, evaluates lifetimes'
 * conditional expectation with scipy's hyp2f1 (no Pfaff rewriting), and computes P(no purchase in h)
 * by integrating the joint posterior of (λ, p) numerically (dblquad) — not from the closed form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateRfm,
  bgnbdExpectedPopulation,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodData,
  bgnbdNoPurchaseProbability,
  bgnbdPAlive,
  choosePurchaseModel,
  fitBgNbd,
  type BgNbdParams,
} from '../../shared/model';
import { bgnbdParams, customerHistory } from './arbitraries';
import { cdnowSummary } from './data-path';

const P: BgNbdParams = { r: 0.25, alpha: 4.5, a: 0.8, b: 2.5 };

// Printed by mbgnbd-reference.py (python 3.11, scipy 1.17.1).
const REF = {
  llAtP: -9632.183939395749,
  fit: { r: 0.52483801, alpha: 6.18299203, a: 0.89135607, b: 1.61399902, ll: -9582.132684899902 },
  // [x, t_x, T] → P(alive), E[Y(39)], P(no purchase in 39)
  customers: [
    [0, 0, 38.86, 0.6394710964507425, 0.13138922845202883, 0.9052374049605117],
    [2, 30.43, 38.86, 0.7757015869397772, 1.3447692437944614, 0.4074386555960442],
    [5, 10, 38, 0.03205973738875827, 0.12653106009846612, 0.9689908311649678],
  ],
  population: { 39: 1.0112279331908534, 78: 1.6138798114407416 },
};

describe('MBG/NBD against an independent scipy implementation', () => {
  const rows = cdnowSummary();

  it('log-likelihood on the CDNOW summary at (0.25, 4.5, 0.8, 2.5)', () => {
    expect(bgnbdLogLikelihood(P, rows, 'mbgnbd')).toBeCloseTo(REF.llAtP, 8);
  });

  it('maximum-likelihood fit on the CDNOW summary', () => {
    const fit = fitBgNbd(rows, 'mbgnbd');
    expect(fit.converged).toBe(true);
    expect(fit.r).toBeCloseTo(REF.fit.r, 4);
    expect(fit.alpha).toBeCloseTo(REF.fit.alpha, 3);
    expect(fit.a).toBeCloseTo(REF.fit.a, 4);
    expect(fit.b).toBeCloseTo(REF.fit.b, 4);
    expect(fit.ll).toBeCloseTo(REF.fit.ll, 5);
    // and it beats BG/NBD's −9582.43 on the same data: MBG/NBD is the one chosen
    const bg = fitBgNbd(rows);
    expect(choosePurchaseModel({ ...bg }, { ...fit })!.model).toBe('mbgnbd');
  });

  it.each(REF.customers)('x = %d, t_x = %d, T = %d: P(alive), E[Y(39)], P(no purchase in 39)', (x, tx, T, pAlive, expected, none) => {
    expect(bgnbdPAlive(P, x, tx, T, 'mbgnbd')).toBeCloseTo(pAlive, 12);
    expect(bgnbdExpectedPurchases(P, 39, x, tx, T, 'mbgnbd')).toBeCloseTo(expected, 10);
    expect(bgnbdNoPurchaseProbability(P, 39, x, tx, T, 'mbgnbd')).toBeCloseTo(none, 8);
  });

  it('population E[X(t)] at t = 39 and 78', () => {
    expect(bgnbdExpectedPopulation(P, 39, 'mbgnbd')).toBeCloseTo(REF.population[39], 10);
    expect(bgnbdExpectedPopulation(P, 78, 'mbgnbd')).toBeCloseTo(REF.population[78], 10);
  });

  it('a one-time buyer is not certainly alive: P(alive) = 1/(1 + a/b·((α+T)/α)^r) by hand', () => {
    // a/b = 0.32; ((4.5+38.86)/4.5)^0.25 = 9.63556^0.25 = 1.76185; 1/(1 + 0.32·1.76185) = 0.63947
    expect(bgnbdPAlive(P, 0, 0, 38.86, 'mbgnbd')).toBeCloseTo(0.63947, 5);
    expect(bgnbdPAlive(P, 0, 0, 38.86, 'bgnbd')).toBe(1);
  });

  it('has an analytic gradient equal to central differences on the log scale', () => {
    const data = aggregateRfm(rows);
    const p: BgNbdParams = { r: 0.3, alpha: 3, a: 0.6, b: 2 };
    const g = [0, 0, 0, 0];
    bgnbdLogLikelihoodData(p, data, g, 'mbgnbd');
    const keys = ['r', 'alpha', 'a', 'b'] as const;
    const h = 1e-6;
    keys.forEach((k, i) => {
      const up = bgnbdLogLikelihoodData({ ...p, [k]: p[k] * Math.exp(h) }, data, null, 'mbgnbd');
      const down = bgnbdLogLikelihoodData({ ...p, [k]: p[k] * Math.exp(-h) }, data, null, 'mbgnbd');
      expect(g[i]).toBeCloseTo((up - down) / (2 * h), 3);
    });
  });
});

describe('P(no purchase in h): properties of the closed form, both models', () => {
  const params = bgnbdParams({ bMax: 20 });
  const history = customerHistory({ xMax: 50, tMin: 0.1, tMax: 200 });

  it('lies in [1 − P(alive), 1], falls as h grows, and is 1 at h = 0', () => {
    fc.assert(
      fc.property(params, history, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.constantFrom<'bgnbd' | 'mbgnbd'>('bgnbd', 'mbgnbd'), (p, c, h, model) => {
        const alive = bgnbdPAlive(p, c.x, c.tx, c.T, model);
        const q = bgnbdNoPurchaseProbability(p, h, c.x, c.tx, c.T, model);
        const q2 = bgnbdNoPurchaseProbability(p, 2 * h, c.x, c.tx, c.T, model);
        return q >= 1 - alive - 1e-12 && q <= 1 && q2 <= q + 1e-12 && bgnbdNoPurchaseProbability(p, 0, c.x, c.tx, c.T, model) === 1;
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
