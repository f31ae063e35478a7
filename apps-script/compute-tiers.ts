/**
 * Menu action "Compute tiers on this sheet": one getValues of the data region, the
 * result columns written to the right under headers the add-on owns (a rerun finds and rewrites
 * only those), tiers coloured, the "Rapport summary" sheet rewritten. Under the document lock.
 * The number of Spreadsheet calls does not grow with the number of rows.
 */
import { userLang } from './lang';
import { runAction, withDocumentLock } from './run-action';
import { analyzeSheet } from './analyze-sheet';
import { columnsToWrite } from './own-columns';
import { planColumns, resultRows, writeColumns } from './result-writer';
import { colourTiers } from './tier-colours';
import { writeSummary } from './summary-sheet';
import { SUMMARY_SHEET, SETTINGS_SHEET } from './sheet-names';
import { formatSettingsProblem } from '../shared/i18n/messages';
import { t } from './i18n/strings';

/** What a run did, for tests and the toast. */
export interface ComputeReport {
  customers: number;
  rows: number;
  rejected: number;
}

/** Compute tiers on the active sheet and write results, colours and the summary. */
export function computeTiersOnActiveSheet(): ComputeReport {
  const lang = userLang();
  return withDocumentLock(lang, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.getActiveSheet();
    const { analysis, values, problems } = analyzeSheet(ss, sheet, lang);
    const columns = columnsToWrite(analysis.customers);
    const plan = planColumns(values[analysis.headerRow - 1] ?? values[0]!, columns);
    writeColumns(sheet, plan, resultRows(values.length, analysis, columns, lang));
    colourTiers(sheet, plan.positions[columns.findIndex((c) => c.field === 'tier')]!);
    writeSummary(ss, analysis, sheet.getName(), lang, problems);
    ss.setActiveSheet(sheet);
    const rejected = analysis.summary.rows.rejected;
    let message = t(lang, 'computed', { customers: analysis.summary.customers, rejected, summary: SUMMARY_SHEET });
    if (problems.length)
      message += ` ${t(lang, 'settingsProblems', { sheet: SETTINGS_SHEET, problems: problems.map((p) => formatSettingsProblem(lang, p)).join('; ') })}`;
    ss.toast(message, t(lang, 'computedTitle'), 10);
    return { customers: analysis.summary.customers, rows: values.length - analysis.headerRow, rejected };
  });
}

/** Menu handler. */
export function menuComputeTiers(): void {
  runAction(userLang(), () => void computeTiersOnActiveSheet());
}
