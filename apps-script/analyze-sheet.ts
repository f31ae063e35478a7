/**
 * Read a data sheet once and analyse it: one getValues of the data region, the add-on's own result
 * columns left out, dates read in the spreadsheet's zone, the settings sheet applied.
 */
import type { Analysis, Lang } from '../shared/types';
import type { SettingsProblem } from '../shared/settings';
import { analyze } from '../shared/analyze';
import { readSettings } from './settings-sheet';
import { toCoreTable } from './sheet-table';
import { planColumns, type ColumnPlan } from './result-writer';
import { OWN_COLUMNS } from './own-columns';
import { isRapportSheet } from './sheet-names';
import { UserError } from './run-action';
import { t } from './i18n/strings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SheetAnalysis {
  analysis: Analysis;
  /** The sheet's values as read (header row first). */
  values: unknown[][];
  /** Columns of the sheet holding our results (kept out of the analysis). */
  owned: Set<number>;
  problems: SettingsProblem[];
}

/** Analyse the data on `sheet` (refuses Rapport's own sheets and empty sheets, in words). */
export function analyzeSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: Sheet, lang: Lang): SheetAnalysis {
  const name = sheet.getName();
  if (isRapportSheet(name)) throw new UserError(t(lang, 'notOnDataSheet', { sheet: name }));
  const values = sheet.getDataRange().getValues() as unknown[][];
  if (values.length === 0 || values[0]!.every((v) => v === '')) throw new UserError(t(lang, 'emptySheet'));
  const { settings, problems } = readSettings(ss);
  const owned: ColumnPlan['owned'] = planColumns(values[0]!, OWN_COLUMNS).owned;
  const table = toCoreTable(values, ss.getSpreadsheetTimeZone(), owned);
  const analysis = analyze(table, { settings, lang });
  return { analysis, values, owned, problems };
}
