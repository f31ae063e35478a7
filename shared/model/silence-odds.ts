/**
 * How much a customer's silence since their last purchase speaks for their having dropped out then:
 * ((α+T)/(α+t_x))^(r+x), the ratio of eq. 6's drop-out term (α+t_x)^−(r+x) to its survival term
 * (α+T)^−(r+x) (Fader, Hardie & Lee 2005), without the Beta's factors. The boundary conditions of
 * the model's limits (no-dropout.ts, bgnbd-fit.ts) are sums of it.
 */
import type { RfmData } from './rfm-data';

/**
 * Per row of `data`, its weight (customers) times ((α+T)/(α+t_x))^(r+x), for the rows that have had a
 * drop-out chance (x + offset ≥ 1; offset 1 for MBG/NBD) and 0 for the others. +∞ where the power
 * overflows (many purchases, then a long silence).
 */
export function weightedSilenceOdds(r: number, alpha: number, data: RfmData, offset: number): Float64Array {
  const n = data.tx.length;
  const odds = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = data.xs[data.xIndex[i]!]!;
    if (x + offset > 0) odds[i] = data.weight[i]! * Math.exp((r + x) * (Math.log(alpha + data.T[i]!) - Math.log(alpha + data.tx[i]!)));
  }
  return odds;
}
