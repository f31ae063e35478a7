/**
 * Customer lifetime value over a horizon (method §9): expected purchases (BG/NBD, Fader, Hardie &
 * Lee 2005 eq. 10) × expected spend per purchase (Gamma-Gamma, note 025 eq. 5), optionally
 * discounted.
 */
import type { BgNbdParams, PurchaseModelName } from './bgnbd-likelihood';
import { bgnbdExpectedPurchases, bgnbdExpectedPurchasesOver } from './bgnbd-predict';
import { gammaGammaExpectedSpend, type GammaGammaParams } from './gamma-gamma';
import { unitDays, type TimeUnit } from './summarize-rfm';

export interface ClvOptions {
  horizonDays: number;
  unit: TimeUnit;
  /** Annual discount rate d (0.1 = 10 %); 0 or absent: no discounting. */
  annualDiscountRate?: number;
  /** BG/NBD (default) or MBG/NBD. */
  model?: PurchaseModelName;
}

/** Length of one discounting period, in days (monthly, as in lifetimes' customer_lifetime_value). */
export const DISCOUNT_PERIOD_DAYS = 30;

/**
 * Expected purchases over the horizon, discounted: the horizon H (days) is cut into K = ⌈H/30⌉
 * equal periods ending at τ_k = k·H/K; the purchases expected in period k,
 * E[Y(τ_k)] − E[Y(τ_{k−1})], are discounted by (1+d)^(−τ_k/365) (end of period). With d = 0 this is
 * exactly E[Y(H)].
 */
export function discountedExpectedPurchases(
  p: BgNbdParams,
  customer: { x: number; tx: number; T: number },
  options: ClvOptions,
): number {
  return expectedPurchasesOverHorizon(p, customer, options).discounted;
}

/**
 * Expected purchases over the horizon H both undiscounted, E[Y(H)] (bgnbdExpectedPurchases), and
 * discounted (discountedExpectedPurchases), from one evaluation: the last discounting period ends
 * at τ_K = H, so the E[Y(τ_K)] the discounted sum is made of is E[Y(H)] itself — the same number
 * (the expectations at the K horizons are each evaluated as at one alone, and any integrated
 * together share the nodes placed for the largest, H).
 */
export function expectedPurchasesOverHorizon(
  p: BgNbdParams,
  customer: { x: number; tx: number; T: number },
  options: ClvOptions,
): { expected: number; discounted: number } {
  const perUnit = unitDays(options.unit);
  const H = options.horizonDays;
  const d = options.annualDiscountRate ?? 0;
  if (!(H > 0)) return { expected: 0, discounted: 0 };
  if (d === 0) {
    const expected = bgnbdExpectedPurchases(p, H / perUnit, customer.x, customer.tx, customer.T, options.model);
    return { expected, discounted: expected };
  }
  const K = Math.max(1, Math.ceil(H / DISCOUNT_PERIOD_DAYS));
  const taus = Array.from({ length: K }, (_, i) => (i === K - 1 ? H : ((i + 1) * H) / K));
  const expected = bgnbdExpectedPurchasesOver(p, taus.map((tau) => tau / perUnit), customer.x, customer.tx, customer.T, options.model);
  let prev = 0;
  let total = 0;
  for (let k = 0; k < K; k++) {
    const e = expected[k]!;
    total += (e - prev) * (1 + d) ** (-taus[k]! / 365);
    prev = e;
  }
  return { expected: expected[K - 1]!, discounted: total };
}

/**
 * CLV = discounted expected purchases over the horizon × E[spend | x, mean repeat spend].
 * `meanSpend` is the customer's mean repeat spend (ignored when x = 0).
 */
export function clv(
  bgnbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  customer: { x: number; tx: number; T: number; meanSpend: number | null },
  options: ClvOptions,
): number {
  const spend = gammaGammaExpectedSpend(gammaGamma, customer.x, customer.meanSpend ?? 0);
  return discountedExpectedPurchases(bgnbd, customer, options) * spend;
}
