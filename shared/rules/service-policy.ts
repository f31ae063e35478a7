/**
 * Service policy per tier (method §3, seed 001: 不同等级的客户拜访频次, 客户关怀等级, 停留时间,
 * 服务支持程度都要有所区别) and the next visit it implies.
 */
import type { Tier } from '../types';
import type { Settings } from '../settings';

export interface ServicePolicy {
  tier: Tier;
  visitDays: number | null;
  satisfactionTarget: 'very_satisfied' | 'satisfied' | 'raise_gradually' | 'review_release';
  care: 'personal_top_management' | 'regular' | 'light' | 'none';
  support: 'dedicated' | 'standard' | 'self_service' | 'minimal';
}

/** The policy table of method §3, with visit intervals from settings. */
export function servicePolicy(tier: Tier, settings: Settings): ServicePolicy {
  const visitDays = settings.visitDays[tier];
  switch (tier) {
    case 'A':
      return { tier, visitDays, satisfactionTarget: 'very_satisfied', care: 'personal_top_management', support: 'dedicated' };
    case 'B':
      return { tier, visitDays, satisfactionTarget: 'satisfied', care: 'regular', support: 'standard' };
    case 'C':
      return { tier, visitDays, satisfactionTarget: 'raise_gradually', care: 'light', support: 'self_service' };
    case 'D':
      return { tier, visitDays, satisfactionTarget: 'review_release', care: 'none', support: 'minimal' };
  }
}

/**
 * Next visit due = last contact + the tier's interval; overdue when that is before the analysis
 * date. A purchase counts as contact when no contact date is recorded; with neither, or a tier
 * with no visits (D), both are null. A customer of a table with no tiers (no revenue or profit)
 * is due at the longest interval any tier is visited at, so a long silence still shows.
 */
export function nextVisit(lastContact: number | null, lastPurchase: number | null, tier: Tier | null, asOfDay: number, settings: Settings): { due: number | null; overdue: boolean | null } {
  const interval = visitInterval(tier, settings);
  const last = lastContact ?? lastPurchase;
  if (interval === null || last === null) return { due: null, overdue: null };
  const due = last + interval;
  return { due, overdue: due < asOfDay };
}

/** Days between visits for a tier; without tiers, the longest interval at which any tier is visited. */
export function visitInterval(tier: Tier | null, settings: Settings): number | null {
  return tier === null ? longestVisitInterval(settings) : settings.visitDays[tier];
}

/** The longest interval at which any tier is visited (C's 180 days by default), or null if none is. */
function longestVisitInterval(settings: Settings): number | null {
  let longest: number | null = null;
  for (const d of Object.values(settings.visitDays)) if (d !== null && (longest === null || d > longest)) longest = d;
  return longest;
}
