/**
 * Key-account health for tier A (大客户: 一个沟通·两个一致·四个保证, method §10, seed 004):
 * communication = contact within the visit interval; alignment (needs and strategy) is set by the
 * rep, so it is null until they do; the four guarantees (quality, service, logistics, value) hold
 * when no complaint in that category is open. With only a count of open complaints (a sheet),
 * zero open means all four hold and any open leaves them unknown.
 */
import type { Guarantee, KaHealth } from '../types';

export const GUARANTEES: readonly Guarantee[] = ['quality', 'service', 'logistics', 'value'];

export function kaHealth(visitOverdue: boolean | null, openComplaints: number | null, openByCategory?: ReadonlySet<string>, alignment: boolean | null = null): KaHealth {
  const guarantees = {} as Record<Guarantee, boolean | null>;
  for (const g of GUARANTEES) {
    guarantees[g] = openByCategory ? !openByCategory.has(g) : openComplaints === null ? null : openComplaints === 0 ? true : null;
  }
  return { communication: visitOverdue === null ? null : !visitOverdue, alignment, guarantees, openComplaints };
}
