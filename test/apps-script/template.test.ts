/**
 * "New template" and the settings sheet on the BUILT add-on: headers in the user's language,
 * dropdowns and date validation, a frozen header and example rows that analyse cleanly; settings
 * round-trip through the sheet, and a copied spreadsheet computes with the copy's settings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { builtHarness } from './built';
import { sheetValues, workbookWith, type AppsScriptHarness } from './harness/index';
import { CUSTOMER_HEADERS_EN, CUSTOMER_HEADERS_ZH, generateCustomers } from '../../shared/sample/generate-customers';
import { DEFAULT_SETTINGS, resolveSettings, rowsToSettings } from '../../shared/settings';

let h: AppsScriptHarness;
beforeAll(() => {
  h = builtHarness();
});

describe('New template', () => {
  it('creates the template sheet in Chinese with dropdowns, date validation, frozen header and examples', () => {
    const wb = workbookWith([[]], { locale: 'zh_CN' });
    const ex = h.open(wb, { userLocale: 'zh_CN' });
    ex.call('rapportNewTemplate');
    expect(ex.ui.alerts).toEqual([]);
    const sheet = wb.sheet('Rapport 客户')!;
    expect(wb.sheets[wb.activeSheetIndex]).toBe(sheet);
    const v = sheetValues(wb, 'Rapport 客户');
    expect(v[0]).toEqual([...CUSTOMER_HEADERS_ZH]);
    expect(v).toHaveLength(6);
    expect(sheet.frozenRows).toBe(1);
    const col = (header: string) => CUSTOMER_HEADERS_ZH.indexOf(header) + 1;
    const rule = (header: string) => sheet.validations.find((r) => r.col === col(header));
    expect(rule('满意度')).toMatchObject({
      row: 2,
      numRows: 999,
      criteria: 'VALUE_IN_LIST',
      values: [['高度满意', '一般满意', '无意见', '有些不满意', '极不满意'], true],
      allowInvalid: false,
    });
    expect(rule('购买竞品')).toMatchObject({ criteria: 'VALUE_IN_LIST', values: [['是', '否'], true] });
    for (const d of ['首次购买', '最近购买', '最近联系']) expect(rule(d)).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', allowInvalid: false });
    // example cells satisfy their own validation
    for (const r of v.slice(1)) {
      expect(['高度满意', '一般满意', '无意见', '有些不满意', '极不满意', '']).toContain(r[col('满意度') - 1]);
      expect(['是', '否', '']).toContain(r[col('购买竞品') - 1]);
    }
    // ids keep their leading zeros as text; dates became date cells
    expect(v[1]![0]).toBe('C000001');
    expect(typeof sheet.get(2, col('最近购买'))).toBe('object');
    // a settings sheet with the defaults
    expect(resolveSettings(rowsToSettings(sheetValues(wb, 'Rapport settings').slice(1))).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('in English, and a second template gets its own name; the examples analyse without errors', () => {
    const wb = workbookWith([[]]);
    h.open(wb, { userLocale: 'en' }).call('rapportNewTemplate');
    h.open(wb, { userLocale: 'en' }).call('rapportNewTemplate');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Rapport customers', 'Rapport settings', 'Rapport customers 2']);
    expect(sheetValues(wb, 'Rapport customers')[0]).toEqual([...CUSTOMER_HEADERS_EN]);
    wb.activeSheetIndex = 1;
    const ex = h.open(wb, { userLocale: 'en' });
    ex.call('rapportComputeTiers');
    expect(ex.ui.alerts).toEqual([]);
    expect(wb.toasts.at(-1)!.message).toContain('5 customers analysed (0 rows with errors');
  });
});

describe('Settings travel with the spreadsheet', () => {
  it('the settings sheet round-trips every setting', () => {
    const wb = workbookWith([[]]);
    const custom = {
      ...DEFAULT_SETTINGS,
      tiers: { a: 0.7, b: 0.9, d: 0.1 },
      visitDays: { A: 14, B: 60, C: null, D: null },
      model: { ...DEFAULT_SETTINGS.model, unit: 'days' as const },
    };
    h.open(wb, { userLocale: 'en' }).call('rapportSaveSettings', custom);
    const read = h.open(wb).call('rapportSidebarState') as { settings: unknown; problems: unknown[] };
    expect(read.settings).toEqual(custom);
    expect(read.problems).toEqual([]);
  });

  it('a copy ("Make a copy") computes with the thresholds edited in its settings sheet', () => {
    const rows = generateCustomers(60, { seed: 21, lang: 'en' });
    const wb = workbookWith(rows, { sheetName: 'Data' });
    h.open(wb, { userLocale: 'en' }).call('rapportNewTemplate');
    // the team edits A's limit in the settings sheet (a typed cell), then someone copies the file
    const settings = wb.sheet('Rapport settings')!;
    const r = sheetValues(wb, 'Rapport settings').findIndex((row) => row[0] === 'tiers.a') + 1;
    settings.set(r, 2, 0.5);
    const copy = wb.copy();
    const countA = (book: typeof wb) => {
      book.activeSheetIndex = 0;
      h.open(book, { userLocale: 'en' }).call('rapportComputeTiers');
      const v = sheetValues(book, 'Data');
      const j = v[0]!.indexOf('Rapport · Tier');
      return v.slice(1).filter((row) => row[j] === 'A').length;
    };
    const plain = workbookWith(rows, { sheetName: 'Data' });
    const withDefaults = countA(plain);
    const inCopy = countA(copy);
    expect(inCopy).toBeLessThan(withDefaults);
    // the summary of the copy says the same
    expect(sheetValues(copy, 'Rapport summary').find((row) => row[0] === 'A')![1]).toBe(inCopy);
  });

  it('a broken value in the settings sheet falls back to the default and is reported', () => {
    const wb = workbookWith(generateCustomers(20, { seed: 2, lang: 'en' }), { sheetName: 'Data' });
    h.open(wb, { userLocale: 'en' }).call('rapportNewTemplate');
    const settings = wb.sheet('Rapport settings')!;
    const r = sheetValues(wb, 'Rapport settings').findIndex((row) => row[0] === 'tiers.b') + 1;
    settings.set(r, 2, 'lots');
    wb.activeSheetIndex = 0;
    h.open(wb, { userLocale: 'en' }).call('rapportComputeTiers');
    expect(wb.toasts.at(-1)!.message).toContain('Some settings in the "Rapport settings" sheet were not usable, defaults were used: tiers.b: must be a number');
    expect(sheetValues(wb, 'Rapport summary').some((row) => row[0] === 'tiers.b' && row[1] === 'must be a number')).toBe(true);
  });
});
