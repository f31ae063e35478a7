/**
 * Sheets the add-on owns. Their names are fixed (not translated) so that a team with zh and en
 * users — and a copied template — always finds the same settings and summary.
 */
export const SETTINGS_SHEET = 'Rapport settings';
export const SUMMARY_SHEET = 'Rapport summary';
/** Survey sheets start with this (then the date and seed). */
export const SURVEY_PREFIX = 'Rapport survey';
export const SURVEY_PREFIX_ZH = 'Rapport 调查';

/** True for a sheet Rapport writes itself (never analysed as customer data). */
export function isRapportSheet(name: string): boolean {
  return name === SETTINGS_SHEET || name === SUMMARY_SHEET || name.startsWith(SURVEY_PREFIX) || name.startsWith(SURVEY_PREFIX_ZH);
}
