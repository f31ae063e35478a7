/**
 * The purchase model's figures at each distinct (x, t_x, T) (method §9): P(alive) (Fader, Hardie &
 * Lee 2005, eq. 11; MBG/NBD: Batislam et al. 2007), expected purchases over the horizon, the same
 * discounted for CLV, and the probability of no purchase over the churn horizon. Customers with the
 * same point have the same figures, so each distinct point is computed once.
 */
import type { FittedParams } from './choose-model';
import type { PurchaseModelName } from './bgnbd-likelihood';
import { bgnbdNoPurchaseProbability, bgnbdPAlive } from './bgnbd-predict';
import { expectedPurchasesOverHorizon } from './clv';
import type { PointFigures } from './model-figure-table';
import type { PointColumns } from './rfm-data';
import { unitDays, type TimeUnit } from './summarize-rfm';

/** What the figures depend on besides the fit. */
export interface FigureOptions {
  unit: TimeUnit;
  /** Horizon of expected purchases and CLV, in days. */
  horizonDays: number;
  /** Annual discount rate of CLV (0 = none). */
  annualDiscountRate: number;
  /** Horizon of the probability of no purchase, in days. */
  churnHorizonDays: number;
}

/** Points between two calls of pointFigures' `tick`. */
const TICK_POINTS = 4096;

/**
 * Each point's figures under the fitted `model`; null when any of them is not a finite number in
 * its range (a probability in 0…1, expectations not negative), which the model reports as a
 * numeric problem rather than show. `tick`, when given, is called every few thousand points (a
 * thread waiting for the figures can tell work going on from a thread that died).
 */
export function pointFigures(points: PointColumns, fit: FittedParams, model: PurchaseModelName, options: FigureOptions, tick?: () => void): PointFigures | null {
  const m = points.x.length;
  const churnH = options.churnHorizonDays / unitDays(options.unit);
  const clvOptions = { horizonDays: options.horizonDays, unit: options.unit, annualDiscountRate: options.annualDiscountRate, model };
  const figures: PointFigures = {
    x: points.x,
    tx: points.tx,
    T: points.T,
    pAlive: new Float64Array(m),
    expectedPurchases: new Float64Array(m),
    discounted: new Float64Array(m),
    pNoPurchase: new Float64Array(m),
  };
  for (let k = 0; k < m; k++) {
    if (tick && k % TICK_POINTS === 0) tick();
    const point = { x: points.x[k]!, tx: points.tx[k]!, T: points.T[k]! };
    const pAlive = bgnbdPAlive(fit, point.x, point.tx, point.T, model);
    const { expected, discounted } = expectedPurchasesOverHorizon(fit, point, clvOptions);
    const pNoPurchase = bgnbdNoPurchaseProbability(fit, churnH, point.x, point.tx, point.T, model);
    const finite = Number.isFinite(pAlive) && Number.isFinite(expected) && Number.isFinite(discounted) && Number.isFinite(pNoPurchase);
    if (!finite || pAlive < 0 || pAlive > 1 || pNoPurchase < 0 || pNoPurchase > 1 || expected < 0 || discounted < 0) return null;
    figures.pAlive[k] = pAlive;
    figures.expectedPurchases[k] = expected;
    figures.discounted[k] = discounted;
    figures.pNoPurchase[k] = pNoPurchase;
  }
  return figures;
}
