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

/** How far down a report title may push the header row (as the core's findHeaderRow looks). */
const TITLE_ROWS = 10;

/**
 * Our result columns: those with a "Rapport · " header on the first row that has any, among the
 * rows a title may stand above the header (results are written on the header row).
 */
function ownedColumns(values: readonly (readonly unknown[])[]): ColumnPlan['owned'] {
  for (let i = 0; i < Math.min(values.length, TITLE_ROWS + 1); i++) {
    const owned = planColumns(values[i]!, OWN_COLUMNS).owned;
    if (owned.size) return owned;
  }
  return new Set();
}

/** Analyse the data on `sheet` (refuses Rapport's own sheets and empty sheets, in words). */
export function analyzeSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: Sheet, lang: Lang): SheetAnalysis {
  const name = sheet.getName();
  if (isRapportSheet(name)) throw new UserError(t(lang, 'notOnDataSheet', { sheet: name }));
  const values = sheet.getDataRange().getValues() as unknown[][];
  if (values.length === 0 || values[0]!.every((v) => v === '')) throw new UserError(t(lang, 'emptySheet'));
  const { settings, problems } = readSettings(ss);
  const owned: ColumnPlan['owned'] = ownedColumns(values);
  const table = toCoreTable(values, ss.getSpreadsheetTimeZone(), owned);
  const analysis = analyze(table, { settings, lang });
  return { analysis, values, owned, problems };
}
