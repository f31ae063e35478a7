import type { Customer } from '../../shared/types';
import type { StoredCustomer } from '../../extension/db/records';

/** A stored customer with every result field filled neutrally; tests set what they check. */
export function makeCustomer(key: string, emails: string[], domains: string[], extra: Partial<StoredCustomer> = {}): StoredCustomer {
  const base: Customer = {
    key, rows: [2], name: `Customer ${key}`, emails, domains, owner: null, segment: null, region: null,
    revenue: 1000, revenuePrev: null, profit: null, costToServe: null, orders: null, firstPurchase: null, lastPurchase: null,
    wallet: null, share: null, sharePrev: null, competitor: null, competitorName: null, suppliers: null, switchingCost: null,
    potential: null, receivable: null, overdueAmount: null, overdueDays: null, creditLimit: null, satisfaction: null,
    complaints: null, complaintsOpen: null, lastContact: null, churnReason: null, churnReasonText: null,
    metric: 1000, cumulativeShare: 0, tier: 'A', valueScore: { score: 50, parts: [] }, valueClass: 'maintain', pyramid: 'iron',
    lifecycle: 'maturity', lifecycleWhy: { code: 'maturity' }, defection: 'stable', relationship: null,
    churnRisk: { score: 10, factors: [], silent: false }, credit: { score: null, grade: null, alerts: [], deductions: [] },
    coreClass: 'other_core', nextVisitDue: null, visitOverdue: null, kaHealth: null,
  };
  return { ...base, source: 'import', updatedAt: '2026-01-01T00:00:00.000Z', tableLastContact: null, tableComplaintsOpen: null, ...extra };
}
