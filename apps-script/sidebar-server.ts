/**
 * The settings sidebar's server side: open it, hand it the current settings, save what it sends
 * (validated again here with the core's resolveSettings — the page's check is a convenience).
 */
import type { Lang } from '../shared/types';
import { resolveSettings, type Settings, type SettingsProblem } from '../shared/settings';
import { userLang } from './lang';
import { runAction, withDocumentLock } from './run-action';
import { readSettings, writeSettings } from './settings-sheet';
import { SETTINGS_SHEET } from './sheet-names';
import { problemText } from './i18n/setting-labels';
import { t } from './i18n/strings';

/** What the page needs to render. */
export interface SidebarState {
  lang: Lang;
  settings: Settings;
  problems: SettingsProblem[];
  fromSheet: boolean;
}

/** Menu handler: show the settings sidebar. */
export function menuSettings(): void {
  const lang = userLang();
  runAction(lang, () => {
    const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(t(lang, 'settingsTitle'));
    SpreadsheetApp.getUi().showSidebar(html);
  });
}

/** google.script.run: the page's initial state. */
export function sidebarState(): SidebarState {
  const lang = userLang();
  const { settings, problems, fromSheet } = readSettings(SpreadsheetApp.getActiveSpreadsheet());
  return { lang, settings, problems, fromSheet };
}

/**
 * google.script.run: save settings to the settings sheet. Throws (the page shows the message)
 * when they do not pass the core's validation; nothing is written then.
 */
export function saveSettings(partial: unknown): { saved: true; sheet: string; message: string } {
  const lang = userLang();
  const { settings, problems } = resolveSettings(partial);
  if (problems.length) throw new Error(t(lang, 'settingsInvalid', { problems: problems.map((p) => `${p.path}: ${problemText(lang, p)}`).join('; ') }));
  withDocumentLock(lang, () => writeSettings(SpreadsheetApp.getActiveSpreadsheet(), settings, lang));
  return { saved: true, sheet: SETTINGS_SHEET, message: t(lang, 'settingsSaved', { sheet: SETTINGS_SHEET }) };
}
