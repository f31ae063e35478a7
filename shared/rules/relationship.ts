/**
 * Relationship type (seed 003, method §6): partner 伙伴型 when share of wallet ≥ 50%, tenure ≥ 1
 * year and (switching cost high, or at most 2 suppliers); otherwise transactional 交易型.
 * Null when the customer's share of wallet is unknown (the type cannot be judged).
 */
import type { Relationship } from '../types';
import type { Settings } from '../settings';
import type { CustomerInput } from '../ingest/customer-input';

export function relationship(c: CustomerInput, asOfDay: number, settings: Settings): Relationship | null {
  if (c.share === null) return null;
  const P = settings.partner;
  const tenure = c.firstPurchase !== null ? asOfDay - c.firstPurchase : null;
  const locked = c.switchingCost === 'high' || (c.suppliers !== null && c.suppliers <= P.maxSuppliers);
  return c.share >= P.minShare && tenure !== null && tenure >= P.minTenureDays && locked ? 'partner' : 'transactional';
}
