/**
 * Defection classes (客户跳槽, method §6, seed 004 — the MicroScan lesson: most defection is partial):
 * complete = stopped buying and known to buy from a competitor; former = stopped, no sign of a
 * competitor; partial = still buying but share of wallet fell by more than 5 points (even when
 * purchases grew) or buys from a competitor at the same time; stable = the rest.
 * Customers who never bought are stable (nothing to defect from).
 */
import type { Defection, Lifecycle } from '../types';
import type { Settings } from '../settings';
import type { CustomerInput } from '../ingest/customer-input';
import { stoppedBuying } from './lifecycle';

export function defection(c: CustomerInput, stage: Lifecycle, asOfDay: number, settings: Settings): Defection {
  if (stage === 'prospecting') return 'stable';
  if (stoppedBuying(c, asOfDay, settings)) return c.competitor ? 'complete' : 'former';
  const shareFell = c.share !== null && c.sharePrev !== null && c.sharePrev - c.share > settings.partialShareDrop + 1e-12;
  if (shareFell || c.competitor === true) return 'partial';
  return 'stable';
}
