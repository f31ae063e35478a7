/**
 * The "Rapport" menu (under Extensions for an add-on), in the user's language. In AuthMode.NONE
 * (add-on installed but not yet used in this file) the locale may not be readable, so the items
 * are then bilingual; nothing else is touched before authorisation.
 */
import type { Lang } from '../shared/types';
import { langOfLocale } from './lang';
import { t } from './i18n/strings';

/** Menu items: caption key and the top-level function each calls. */
export const MENU_ITEMS = [
  { key: 'menuCompute', both: 'menuComputeBoth', fn: 'rapportComputeTiers' },
  { key: 'menuTemplate', both: 'menuTemplateBoth', fn: 'rapportNewTemplate' },
  { key: 'menuSettings', both: 'menuSettingsBoth', fn: 'rapportOpenSettings' },
  { key: 'menuSurvey', both: 'menuSurveyBoth', fn: 'rapportDrawSurveySample' },
] as const;

function menuLang(e: { authMode?: unknown } | undefined): Lang | null {
  if (e && e.authMode === ScriptApp.AuthMode.NONE) return null;
  try {
    const l = Session.getActiveUserLocale();
    return l ? langOfLocale(l) : langOfLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return null;
  }
}

/** onOpen / onInstall: add the menu. */
export function buildMenu(e?: { authMode?: unknown }): void {
  const lang = menuLang(e);
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    if (i === 3) menu.addSeparator();
    menu.addItem(lang === null ? t('en', item.both) : t(lang, item.key), item.fn);
  });
  menu.addToUi();
}
