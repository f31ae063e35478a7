/**
 * An error in words a sales manager understands (developers' guide: "errors caught at the top and
 * shown in words", zh-CN and en): a full disk says what to do; other storage failures get their own
 * advice; anything else is named and the rep is told their data is unchanged (every write commits
 * in one transaction or not at all).
 */
import type { Lang } from '../../shared/types';
import { t } from '../i18n/strings';

/** The error's name, or the name of the storage error a transaction abort carries inside it. */
function names(e: unknown): string[] {
  const out: string[] = [];
  for (let x = e as { name?: unknown; inner?: unknown; cause?: unknown } | null, depth = 0; x && depth < 4; depth++) {
    if (typeof x.name === 'string') out.push(x.name);
    x = (x.inner ?? x.cause) as typeof x;
  }
  return out;
}

export function describeError(lang: Lang, e: unknown): string {
  const all = names(e);
  if (all.includes('QuotaExceededError')) return t(lang, 'errorQuota');
  if (all.includes('ManualCustomerRefused')) {
    const m = e as { customerName: string; reason: string; code?: string };
    if (m.code === 'skipped_totals' || m.code === 'skipped_header') return t(lang, 'manualRefusedTotals', { name: m.customerName });
    return t(lang, 'manualRefused', { name: m.customerName, reason: m.reason.replace(/[.。]\s*$/, '') });
  }
  if (all.includes('CommitBusy')) return t(lang, 'errorBusy');
  if (all.some((n) => /^(OpenFailedError|DatabaseClosedError|InvalidStateError|VersionError)$/.test(n))) return t(lang, 'errorDb');
  const message = e instanceof Error ? e.message : String(e);
  return t(lang, 'errorGeneric', { message });
}
