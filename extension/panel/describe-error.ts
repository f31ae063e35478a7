/**
 * An error in words a sales manager understands (developers' guide: "errors caught at the top and
 * shown in words", zh-CN and en): storage failures get their own advice; anything else is named
 * and the rep is told their data is unchanged.
 */
import type { Lang } from '../../shared/types';
import { t } from '../i18n/strings';

export function describeError(lang: Lang, e: unknown): string {
  const name = (e as { name?: string } | null)?.name ?? '';
  if (/^(OpenFailedError|DatabaseClosedError|InvalidStateError|VersionError|QuotaExceededError)$/.test(name)) return t(lang, 'errorDb');
  const message = e instanceof Error ? e.message : String(e);
  return t(lang, 'errorGeneric', { message });
}
