/**
 * Menu action "New template": a sheet with the template headers in the user's language, data
 * validation (the five satisfaction levels as a dropdown, yes/no for competitor, dates), a frozen
 * header and example rows — plus the "Rapport settings" sheet, so a copy of the file ("Make a
 * copy", or shared as a template) carries its thresholds and weights.
 */
import type { Field, Lang } from '../shared/types';
import { CUSTOMER_HEADERS_EN, CUSTOMER_HEADERS_ZH, generateCustomers } from '../shared/sample/generate-customers';
import { SATISFACTION_LEVELS, parseSatisfaction, parseCompetitor } from '../shared/ingest/parse-flags';
import { fieldOfHeader } from '../shared/ingest/headers';
import { userLang } from './lang';
import { runAction, withDocumentLock } from './run-action';
import { readSettings, writeSettings } from './settings-sheet';
import { asText, type CellOut } from './result-writer';
import { t } from './i18n/strings';

export const EXAMPLE_ROWS = 5;
const DATE_FIELDS: readonly Field[] = ['first_purchase', 'last_purchase', 'last_contact'];
const TEMPLATE_HEADERS: Record<Lang, readonly string[]> = { zh: CUSTOMER_HEADERS_ZH, en: CUSTOMER_HEADERS_EN };

/** Header row and example rows, with satisfaction and competitor cells as the dropdowns offer them. */
export function templateRows(lang: Lang): CellOut[][] {
  const headers = TEMPLATE_HEADERS[lang];
  const sample = generateCustomers(EXAMPLE_ROWS, { seed: 7, lang });
  const fields = headers.map((h) => fieldOfHeader(h));
  const yesNo = yesNoOf(lang);
  return [
    [...headers],
    ...sample.slice(1).map((row) =>
      row.map((v, j): CellOut => {
        if (fields[j] === 'satisfaction') {
          const level = parseSatisfaction(v);
          return typeof level === 'number' ? SATISFACTION_LEVELS.find((l) => l.value === level)![lang] : '';
        }
        if (fields[j] === 'competitor') {
          const c = parseCompetitor(v);
          return c === null ? '' : c.buys ? yesNo[0] : yesNo[1];
        }
        return asText(v as CellOut);
      }),
    ),
  ];
}

function yesNoOf(lang: Lang): [string, string] {
  return [t(lang, 'templateYes'), t(lang, 'templateNo')];
}

/** Create the template sheet (and the settings sheet when the file has none); returns its name. */
export function createTemplate(lang: Lang): string {
  return withDocumentLock(lang, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    let name = t(lang, 'templateSheet');
    for (let i = 2; ss.getSheetByName(name); i++) name = `${t(lang, 'templateSheet')} ${i}`;
    const sheet = ss.insertSheet(name);
    const rows = templateRows(lang);
    const width = rows[0]!.length;
    const maxCols = sheet.getMaxColumns();
    if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    const head = sheet.getRange(1, 1, 1, width);
    head.setFontWeight('bold');
    head.setBackground('#e8f0fe');
    sheet.setFrozenRows(1);
    const body = (col: number) => sheet.getRange(2, col + 1, sheet.getMaxRows() - 1, 1);
    const fields = (rows[0] as string[]).map((h) => fieldOfHeader(h));
    fields.forEach((f, j) => {
      if (f === 'satisfaction')
        body(j).setDataValidation(
          SpreadsheetApp.newDataValidation()
            .requireValueInList(SATISFACTION_LEVELS.map((l) => l[lang]), true)
            .setAllowInvalid(false)
            .setHelpText(t(lang, 'templateHelpSatisfaction'))
            .build(),
        );
      else if (f === 'competitor')
        body(j).setDataValidation(
          SpreadsheetApp.newDataValidation()
            .requireValueInList(yesNoOf(lang), true)
            .setAllowInvalid(true)
            .setHelpText(t(lang, 'templateHelpCompetitor'))
            .build(),
        );
      else if (f !== null && DATE_FIELDS.includes(f))
        body(j).setDataValidation(
          SpreadsheetApp.newDataValidation()
            .requireDate()
            .setAllowInvalid(false)
            .setHelpText(t(lang, 'templateHelpDate'))
            .build(),
        );
    });
    const current = readSettings(ss);
    if (!current.fromSheet) writeSettings(ss, current.settings, lang);
    ss.setActiveSheet(sheet);
    return name;
  });
}

/** Menu handler. */
export function menuNewTemplate(): void {
  const lang = userLang();
  runAction(lang, () => {
    const name = createTemplate(lang);
    SpreadsheetApp.getActiveSpreadsheet().toast(t(lang, 'templateCreated', { sheet: name }), 'Rapport', 10);
  });
}
