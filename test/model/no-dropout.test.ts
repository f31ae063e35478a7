import { describe, expect, it } from 'vitest';
import { aggregateRfm, type RfmData } from '../../shared/model/rfm-data';
import { fitBgNbdData } from '../../shared/model/bgnbd-fit';
import { bgnbdExpectedPurchases, bgnbdNoPurchaseProbability, bgnbdPAlive } from '../../shared/model/bgnbd-predict';
import { bgnbdLogLikelihoodData, type BgNbdParams, type PurchaseModelName } from '../../shared/model/bgnbd-likelihood';
import { fitBothModels } from '../../shared/model/purchase-fitter';
import { choosePurchaseModel } from '../../shared/model/choose-model';
import { dropoutSlope, NO_DROPOUT_B, noDropoutHolds } from '../../shared/model/no-dropout';
import { lgamma } from '../../shared/model/gamma-functions';
import { simulateBgNbdCustomer, simulateRfmRows } from '../../shared/model/simulate-bgnbd';
import { mulberry32 } from '../../shared/prng';
import { modelParamsText } from '../../cli/model-params-text';
import { fitRfmRows } from '../../shared/model/fit-model';

/**
 * The NBD log-likelihood (Ehrenberg 1959; BG/NBD eq. 6 without its drop-out factors), written out
 * for this test: ln Γ(r+x) − ln Γ(r) + r ln α − (r+x) ln(α+T) per customer.
 */
function nbdLogLikelihood(r: number, alpha: number, data: RfmData): number {
  let total = 0;
  for (let i = 0; i < data.T.length; i++) {
    const x = data.xs[data.xIndex[i]!]!;
    total += data.weight[i]! * (lgamma(r + x) - lgamma(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + data.T[i]!));
  }
  return total;
}

/** n customers who never drop out (a = 0), ages 5 to 85 periods, with r and α drawn as the fallback study drew them. */
function population(seed: number): { data: RfmData; r: number; alpha: number; n: number } {
  const random = mulberry32(seed);
  const n = 30 + Math.floor(random() * 470);
  const r = 0.3 + random() * 2;
  const alpha = 1 + random() * 20;
  const rows = [];
  for (let i = 0; i < n; i++) rows.push(simulateBgNbdCustomer({ r, alpha, a: 0, b: 1 }, 5 + Math.floor(random() * 80), random));
  return { data: aggregateRfm(rows), r, alpha, n };
}

const LIMIT: BgNbdParams = { r: 0.9, alpha: 7, a: 0, b: NO_DROPOUT_B };

describe('the limit where no customer drops out (a = 0)', () => {
  const { data } = population(11);

  for (const model of ['bgnbd', 'mbgnbd'] as const) {
    it(`${model}: the likelihood at a = 0 is the NBD's, and the a → 0 limit of the finite one`, () => {
      const nbd = nbdLogLikelihood(LIMIT.r, LIMIT.alpha, data);
      expect(bgnbdLogLikelihoodData(LIMIT, data, null, model)).toBeCloseTo(nbd, 9);
      // b has no effect at a = 0.
      expect(bgnbdLogLikelihoodData({ ...LIMIT, b: 1e5 }, data, null, model)).toBeCloseTo(nbd, 9);
      // ℓ(a) − ℓ(0) is first order in a: at a = 1e−12 it is within 1e−6 of the limit.
      expect(Math.abs(bgnbdLogLikelihoodData({ ...LIMIT, a: 1e-12 }, data, null, model) - nbd)).toBeLessThan(1e-6);
    });

    it(`${model}: the gradient in ln r and ln α at a = 0 is finite and matches central differences`, () => {
      const g = [0, 0, 0, 0];
      bgnbdLogLikelihoodData(LIMIT, data, g, model);
      expect(g.every(Number.isFinite)).toBe(true);
      expect(Math.abs(g[2]!)).toBe(0); // ∂ℓ/∂ln a = a·∂ℓ/∂a = 0 at a = 0
      const h = 1e-6;
      const at = (dr: number, da: number) => nbdLogLikelihood(LIMIT.r * Math.exp(dr), LIMIT.alpha * Math.exp(da), data);
      expect(g[0]).toBeCloseTo((at(h, 0) - at(-h, 0)) / (2 * h), 3);
      expect(g[1]).toBeCloseTo((at(0, h) - at(0, -h)) / (2 * h), 3);
    });

    it(`${model}: the predictions at a = 0 are the NBD's and the limit of the finite ones`, () => {
      const cases = [
        [0, 0, 30],
        [1, 4.5, 30],
        [7, 12, 60],
        [40, 100, 120],
      ] as const;
      for (const [x, tx, T] of cases) {
        expect(bgnbdPAlive(LIMIT, x, tx, T, model)).toBe(1);
        // Hand-worked: a living Gamma(r+x, α+T) rate for ever, (r+x)·t/(α+T), at t = 52 (w = 52/(7+T) up to 1.4: the integral's side too).
        const expected = ((LIMIT.r + x) * 52) / (LIMIT.alpha + T);
        expect(bgnbdExpectedPurchases(LIMIT, 52, x, tx, T, model)).toBeCloseTo(expected, 12);
        // The finite route at a = 1e−9 (the series up to w = 0.9, the integral beyond) agrees to 1e−5 relatively.
        expect(Math.abs(bgnbdExpectedPurchases({ ...LIMIT, a: 1e-9 }, 52, x, tx, T, model) / expected - 1)).toBeLessThan(1e-5);
        expect(bgnbdNoPurchaseProbability(LIMIT, 52, x, tx, T, model)).toBeCloseTo(((LIMIT.alpha + T) / (LIMIT.alpha + T + 52)) ** (LIMIT.r + x), 12);
      }
    });
  }

  it('the slope ∂ℓ/∂a at a = 0 is the likelihood\'s own, for every b (Richardson differences at small a)', () => {
    const { data: d } = population(5);
    for (const model of ['bgnbd', 'mbgnbd'] as const) {
      const slope = dropoutSlope(LIMIT, d, model);
      for (const b of [1e-3, 0.3, 1, 2.5, 40, 1e4]) {
        const ll = (a: number) => bgnbdLogLikelihoodData({ ...LIMIT, a, b }, d, null, model);
        const l0 = ll(0);
        // A step small beside b: the likelihood bends in a on the scale of b.
        const h = 1e-4 * Math.min(1, b);
        const fd = (4 * (ll(h / 2) - l0) / (h / 2) - (ll(h) - l0) / h) / 3;
        const { up, down } = slope(b);
        expect(Math.abs(up - down - fd)).toBeLessThan(1e-4 * (up + down));
      }
    }
  });

  // Customers who bought once long ago and not since, beside steady buyers: a little drop-out
  // explains them better.
  const stale = aggregateRfm([
    ...Array.from({ length: 40 }, () => ({ x: 1, tx: 1, T: 80 })),
    ...Array.from({ length: 60 }, (_, i) => ({ x: 5 + (i % 7), tx: 70 + (i % 9), T: 80 })),
  ]);
  // Steady buyers up to the cut-off: none looks gone.
  const steady = aggregateRfm(Array.from({ length: 100 }, (_, i) => ({ x: 3 + (i % 11), tx: 78 + (i % 3) / 2, T: 80 })));
  // Two one-time buyers gone quiet among many heavy, recent ones: only a Beta with mass at both
  // p = 0 and p = 1 (b under about 0.03) explains them; at larger b the heavy buyers' many purchases
  // outweigh them.
  const onlySmallB = aggregateRfm([
    ...Array.from({ length: 2 }, () => ({ x: 1, tx: 1, T: 80 })),
    ...Array.from({ length: 150 }, (_, i) => ({ x: 30 + (i % 5), tx: 79 + (i % 2) / 2, T: 80 })),
  ]);
  // Customers with three purchases and a silence of about a third of their time: only a Beta spread
  // thinly near p = 0 (b above a few hundred) lets drop-out explain them.
  const onlyLargeB = (tx: number) =>
    aggregateRfm([...Array.from({ length: 30 }, () => ({ x: 3, tx, T: 80 })), ...Array.from({ length: 3 }, () => ({ x: 6, tx: 79, T: 80 }))]);

  it('the boundary condition fails exactly where some b lets a small a raise the likelihood', () => {
    const bs = [1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1e3, 1e4, 1e6, 1e8];
    const risesAt = (d: RfmData, model: PurchaseModelName, a = 1e-8) =>
      bs.filter((b) => bgnbdLogLikelihoodData({ ...LIMIT, a, b }, d, null, model) > bgnbdLogLikelihoodData(LIMIT, d, null, model));
    for (const model of ['bgnbd', 'mbgnbd'] as const) {
      expect(noDropoutHolds(LIMIT, steady, model)).toBe(true);
      expect(risesAt(steady, model)).toEqual([]);
      expect(noDropoutHolds(LIMIT, stale, model)).toBe(false);
      expect(risesAt(stale, model).length).toBeGreaterThan(3);
    }
    // Where only small b (or only large b) lets drop-out in, the check still finds it.
    expect(noDropoutHolds(LIMIT, onlySmallB, 'bgnbd')).toBe(false);
    // At these rates the slope turns positive only below the grid's first b (10⁻⁴): the b → 0 end
    // alone refuses the limit.
    const edge = { ...LIMIT, r: 0.8147884, alpha: 7 };
    expect(noDropoutHolds(edge, onlySmallB, 'bgnbd')).toBe(false);
    const slope = dropoutSlope(edge, onlySmallB, 'bgnbd');
    for (const b of [1e-4, 1e-2, 1, 1e4]) expect(slope(b).up).toBeLessThan(slope(b).down);
    expect(slope(1e-9).up).toBeGreaterThan(slope(1e-9).down);
    expect(risesAt(onlySmallB, 'bgnbd')).toEqual([1e-4, 1e-3, 0.01]);
    for (const [model, tx] of [
      ['bgnbd', 56],
      ['mbgnbd', 51.8],
    ] as const) {
      const d = onlyLargeB(tx);
      expect(noDropoutHolds(LIMIT, d, model)).toBe(false);
      // (At b = 10⁸ the rise, a·∂ℓ/∂a, is below the likelihood's rounding.)
      const rises = risesAt(d, model, 1e-6);
      expect(rises).toContain(1e4);
      expect(rises).toContain(1e6);
      expect(rises.filter((b) => b <= 100)).toEqual([]);
    }
  });
});

describe('fitting customers who never drop out', () => {
  // Before the limits and the second start, 35 of these 100 populations got no purchase model at
  // all: both searches ran a to 0 without settling.
  const runs = Array.from({ length: 100 }, (_, k) => {
    const p = population(k + 1);
    return { ...p, fits: fitBothModels(p.data), bg: fitBgNbdData(p.data, 'bgnbd') };
  });

  it('at least 98 of 100 populations get a model, and at least 30 of them through the limit', () => {
    const withModel = runs.filter((r) => choosePurchaseModel(r.fits.bgnbd, r.fits.mbgnbd) !== null).length;
    const viaLimit = runs.filter((r) => r.fits.bgnbd?.noDropout || r.fits.mbgnbd?.noDropout).length;
    expect(withModel).toBeGreaterThanOrEqual(98);
    expect(viaLimit).toBeGreaterThanOrEqual(30);
  });

  it('the limit is refused where a little drop-out at some b would raise the likelihood, even when it is as likely as where the search stopped', () => {
    // Population 59, MBG/NBD: the search runs a to 0 without settling; the limit there would do as
    // well, but fails its condition, and neither other fallback settles: no MBG/NBD fit.
    const { data, fits } = runs[58]!;
    expect(fits.mbgnbd).toBeNull();
    const failed = fitBgNbdData(data, 'mbgnbd');
    expect(failed.converged).toBe(false);
    expect(noDropoutHolds({ r: failed.r, alpha: failed.alpha, a: 0, b: NO_DROPOUT_B }, data, 'mbgnbd')).toBe(false);
    expect(bgnbdLogLikelihoodData({ r: failed.r, alpha: failed.alpha, a: 0, b: NO_DROPOUT_B }, data, null, 'mbgnbd')).toBeGreaterThanOrEqual(failed.ll - 0.01);
  });

  it('a second start that settles below where the first search stopped is not taken', () => {
    // Population 859, MBG/NBD: the first search stops at log-likelihood −7205.401 without settling;
    // the second start settles at −7205.723 — not the maximum, so MBG/NBD has no fit here.
    const { data } = population(859);
    const fit = fitBgNbdData(data, 'mbgnbd');
    expect(fit.converged).toBe(false);
    expect(fit.ll).toBeCloseTo(-7205.401, 2);
  });

  it('a search started again from a small a and b finds the optimum the first search missed', () => {
    // Population 66: from a = b = 1 the search runs to a → 0, b → ∞ (the NBD, log-likelihood
    // −936.43); the optimum is inside, a little drop-out for a few customers.
    const { data, bg } = runs[65]!;
    expect(bg.converged).toBe(true);
    expect(bg.noDropout).toBe(false);
    expect(bg.a).toBeGreaterThan(1e-3);
    expect(bg.a).toBeLessThan(0.1);
    expect(bg.ll).toBeGreaterThan(bgnbdLogLikelihoodData({ r: bg.r, alpha: bg.alpha, a: 0, b: 1 }, data, null, 'bgnbd') + 0.05);
    // It is a maximum: no 1% step of one parameter raises the likelihood.
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      for (const f of [1.01, 0.99]) expect(bgnbdLogLikelihoodData({ ...bg, [k]: bg[k] * f }, data, null, 'bgnbd')).toBeLessThan(bg.ll);
  });

  it('a fit taken at the limit is the NBD maximum: a = 0, its likelihood the NBD one, r and α near the truth', () => {
    const limited = runs.filter((r) => r.bg.noDropout);
    expect(limited.length).toBeGreaterThan(10);
    for (const { data, bg, r, alpha, n } of limited) {
      expect(bg.a).toBe(0);
      expect(bg.converged).toBe(true);
      expect(bg.ll).toBeCloseTo(nbdLogLikelihood(bg.r, bg.alpha, data), 6);
      // A maximum: moving r or α by 1% lowers the likelihood.
      for (const [dr, da] of [
        [1.01, 1],
        [0.99, 1],
        [1, 1.01],
        [1, 0.99],
      ])
        expect(nbdLogLikelihood(bg.r * dr, bg.alpha * da, data)).toBeLessThan(bg.ll);
      // The mean purchase rate r/α is what the data say, within the sampling error of a few hundred customers.
      if (n >= 200) expect(Math.abs(Math.log(bg.r / bg.alpha / (r / alpha)))).toBeLessThan(0.35);
    }
  });

  it('populations with real drop-out never take the limit, and the condition refuses it at their true rates', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(1000 + seed);
      const truth = { r: 0.8, alpha: 6, a: 0.8 + random(), b: 2 + 3 * random() };
      const rows = Array.from({ length: 400 }, () => simulateBgNbdCustomer(truth, 20 + Math.floor(random() * 60), random));
      const d = aggregateRfm(rows);
      for (const model of ['bgnbd', 'mbgnbd'] as PurchaseModelName[]) {
        expect(fitBgNbdData(d, model).noDropout).toBe(false);
        expect(noDropoutHolds({ ...truth, a: 0, b: NO_DROPOUT_B }, d, model)).toBe(false);
      }
    }
  });

  it('the limit is named as such: the CLI line and the model choice say nobody drops out', () => {
    const run = runs.find((r) => r.fits.bgnbd?.noDropout)!;
    expect(modelParamsText(run.fits.bgnbd!, 'en')).toMatch(/^r = [\d.]+ {2}α = [\d.]+ {2}no customer drops out \(a → 0; b has no effect\)$/);
    expect(modelParamsText(run.fits.bgnbd!, 'zh')).toContain('没有客户流失');
    const other = { ...run.fits.bgnbd!, noDropout: false, a: 0.5, b: 3, ll: run.fits.bgnbd!.ll - 5 };
    expect(choosePurchaseModel(run.fits.bgnbd, other)!.why.en).toContain('BG/NBD fitted at the limit where no customer drops out, with two parameters');
  });
});

describe('the model on customers who never drop out, end to end', () => {
  it('gives every customer P(alive) 100%, the NBD expectations and no-purchase chances, and says why', () => {
    // Seed 2 of the study above: neither search settled before the limit was fitted.
    const random = mulberry32(2);
    const n = 30 + Math.floor(random() * 470);
    const r = 0.3 + random() * 2;
    const alpha = 1 + random() * 20;
    const rows = simulateRfmRows({ r, alpha, a: 0, b: 1 }, n, () => 5 + Math.floor(random() * 80), random);
    const result = fitRfmRows(rows, [], { asOfDay: 20000, unit: 'weeks', horizonDays: 91, annualDiscountRate: 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.chosen.params;
    expect(p.noDropout).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['no_dropout']);
    expect(result.warnings[0]!.message.en).toContain('not on how long ago they last bought');
    for (const [i, c] of rows.entries()) {
      const f = result.customers.get(`c${i}`)!;
      expect(f.pAlive).toBe(1);
      // 91 days = 13 weeks.
      expect(f.expectedPurchases).toBeCloseTo(((p.r + c.x) * 13) / (p.alpha + c.T), 9);
    }
  });
});
