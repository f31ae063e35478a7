/** Number and date formatting for the panel, in the UI language. */
import type { Lang } from '../../shared/types';
import { LOCALES } from '../i18n/strings';

export function money(lang: Lang, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return new Intl.NumberFormat(LOCALES[lang].number, { maximumFractionDigits: 0 }).format(v);
}

export function percent(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`;
}

export function day(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(LOCALES[lang].date, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Today as `YYYY-MM-DD` in local time. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
