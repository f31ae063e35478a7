/**
 * The user's preferences, kept in the database's `meta` table so a backup carries them: the settings
 * JSON (the same object a sheet template carries, method "Defaults are defaults") and the language
 * override.
 */
import { resolveSettings, type Settings, type SettingsProblem } from '../../shared/settings';
import type { Lang } from '../../shared/types';
import type { RapportDB } from './database';

export type LangChoice = Lang | 'auto';

export async function getLangChoice(db: RapportDB): Promise<LangChoice> {
  const v = (await db.meta.get('lang'))?.value;
  return v === 'zh' || v === 'en' ? v : 'auto';
}

export async function setLangChoice(db: RapportDB, choice: LangChoice): Promise<void> {
  await db.meta.put({ key: 'lang', value: choice });
}

/** The stored partial settings (what the user typed), or {} for the defaults. */
export async function getSettingsJson(db: RapportDB): Promise<Record<string, unknown>> {
  const v = (await db.meta.get('settings'))?.value;
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** Checks settings with the core's `resolveSettings`; stores them only when there is no problem. */
export async function setSettingsJson(db: RapportDB, partial: unknown): Promise<SettingsProblem[]> {
  const { problems } = resolveSettings(partial);
  if (problems.length === 0) await db.meta.put({ key: 'settings', value: partial });
  return problems;
}

/** Settings merged over the defaults, as analyze receives them. */
export async function getSettings(db: RapportDB): Promise<Settings> {
  return resolveSettings(await getSettingsJson(db)).settings;
}
