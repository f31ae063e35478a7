/**
 * Which language the add-on speaks: zh-CN for a Chinese locale ("zh_CN", "zh-TW", "zh"), English
 * otherwise. Menus, alerts and the sidebar follow the user's locale; what is written into the
 * document by a custom function follows the spreadsheet's locale (File → Settings), because every
 * viewer sees the same cached result.
 */
import type { Lang } from '../shared/types';

/** "zh_CN" → 'zh'; "en", "fr_FR", "" → 'en'. */
export function langOfLocale(locale: string | null | undefined): Lang {
  return /^zh/i.test(String(locale ?? '').trim()) ? 'zh' : 'en';
}

/** The user's language (Session locale, else the spreadsheet's); 'en' when neither is readable. */
export function userLang(): Lang {
  try {
    const l = Session.getActiveUserLocale();
    if (l) return langOfLocale(l);
  } catch {
    // AuthMode.NONE or a context without a session: fall through
  }
  try {
    return langOfLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}

/** The spreadsheet's language (File → Settings → Locale), for text a custom function returns. */
export function documentLang(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Lang {
  return langOfLocale(ss.getSpreadsheetLocale());
}
