/**
 * The "Rapport settings" sheet: every threshold and weight as a key/value row (plus what it means),
 * read by every computation, so a copied spreadsheet or a shared template carries its settings.
 */
import type { Lang } from '../shared/types';
import { resolveSettings, rowsToSettings, settingsToRows, type Settings, type SettingsProblem } from '../shared/settings';
import { SETTINGS_SHEET } from './sheet-names';
import { settingLabel } from './i18n/setting-labels';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER: Record<Lang, string[]> = {
  zh: ['设置项 (key)', '值 (value)', '说明'],
  en: ['key', 'value', 'meaning'],
};

/** The settings of this spreadsheet: its settings sheet over the defaults (defaults when absent). */
export function readSettings(ss: Spreadsheet): { settings: Settings; problems: SettingsProblem[]; fromSheet: boolean } {
  const sheet = ss.getSheetByName(SETTINGS_SHEET);
  if (!sheet) return { ...resolveSettings(null), fromSheet: false };
  const values = sheet.getDataRange().getValues();
  return { ...resolveSettings(rowsToSettings(values.slice(1))), fromSheet: true };
}

/** The sheet's rows for a settings object: header, then key / value / meaning. */
export function settingsSheetRows(settings: Settings, lang: Lang): (string | number)[][] {
  return [HEADER[lang], ...settingsToRows(settings).map(([k, v]) => [k, v === null ? '' : v, settingLabel(lang, k)])];
}

/** Write settings to the settings sheet (created when absent), replacing what it held. */
export function writeSettings(ss: Spreadsheet, settings: Settings, lang: Lang): void {
  let sheet = ss.getSheetByName(SETTINGS_SHEET);
  if (!sheet) sheet = ss.insertSheet(SETTINGS_SHEET);
  const rows = settingsSheetRows(settings, lang);
  sheet.clearContents();
  sheet.getRange(1, 1, rows.length, 3).setValues(rows);
  sheet.getRange(1, 1, 1, 3).setFontWeight('bold');
  sheet.setFrozenRows(1);
}
