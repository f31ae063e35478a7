/**
 * Core classes for the defection report (失误分析制度, method §6): best core 最佳核心客户 = tier A,
 * on-time payment (overdue ≤ 30 days; no overdue data counts as on time) and tenure ≥ 1 year;
 * other core 其他核心客户 = the rest of A and B; general 一般客户 = C (and every customer of a table
 * with no tiers); expendable 可流失客户 = D.
 */
import type { CoreClass, Tier } from '../types';
import type { Settings } from '../settings';
import type { CustomerInput } from '../ingest/customer-input';

export function coreClass(c: CustomerInput, tier: Tier | null, asOfDay: number, settings: Settings): CoreClass {
  if (tier === 'D') return 'expendable';
  if (tier === 'C' || tier === null) return 'general';
  const onTime = c.overdueDays === null || c.overdueDays <= settings.bestCore.maxOverdueDays;
  const tenure = c.firstPurchase !== null ? asOfDay - c.firstPurchase : null;
  if (tier === 'A' && onTime && tenure !== null && tenure >= settings.bestCore.minTenureDays) return 'best_core';
  return 'other_core';
}
