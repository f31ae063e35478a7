/**
 * The add-on under hostile input, on the BUILT add-on: a settings sheet that tries to reach
 * Object.prototype, a report title above the header, numbers too large to add up, a negative
 * mean spend.
 */
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtHarness } from './built';
import { putRows, sheetValues, workbookWith, type AppsScriptHarness, type Workbook } from './harness/index';
import { settingsSheetRowsFor } from './fixtures';

let h: AppsScriptHarness;
beforeAll(() => {
  h = builtHarness();
});

const OWN = 'Rapport · ';
const HEADER = ['Customer ID', 'Customer', 'Revenue', 'Last order'];
const DATA = [
  ['C1', 'Acme', 5000, '2026-10-01'],
  ['C2', 'Beta', 3000, '2026-09-15'],
  ['C3', 'Gamma', 1000, '2026-06-01'],
  ['C4', 'Delta', 500, '2025-12-01'],
];

function withSettings(wb: Workbook, rows: unknown[][]): void {
  const settings = wb.copy().sheets[0]!;
  settings.name = 'Rapport settings';
  settings.cells = [];
  putRows(settings, rows);
  wb.sheets.push(settings);
}

describe('a shared template whose settings sheet carries __proto__.asOf', () => {
  it('does not pollute Object.prototype, does not move the analysis date, and says which keys were ignored', () => {
    const wb = workbookWith([HEADER, ...DATA], { sheetName: 'Data' });
    const rows = settingsSheetRowsFor({});
    rows.push(['__proto__.asOf', '2030-01-01', ''], ['toString', 1, ''], ['constructor', 2, ''], ['hasOwnProperty', 3, ''], ['tiers.valueOf', 4, '']);
    withSettings(wb, rows);
    const ex = h.open(wb, { userLocale: 'en' });
    ex.call('rapportComputeTiers');
    expect(ex.ui.alerts).toEqual([]);
    expect(vm.runInContext('({}).asOf', ex.context)).toBeUndefined();
    const summary = sheetValues(wb, 'Rapport summary');
    expect(summary[0]![0]).toBe('Rapport summary of "Data" — analysis date 2026-10-01');
    const toast = wb.toasts.at(-1)!.message;
    for (const key of ['__proto__.asOf', 'toString', 'constructor', 'hasOwnProperty', 'tiers.valueOf']) expect(toast).toContain(`${key}: unknown setting, ignored`);
    // and no customer became "former" because of a date in 2030
    const values = sheetValues(wb, 'Data');
    const lifecycle = values[0]!.indexOf(`${OWN}Lifecycle`);
    expect(values.slice(1).map((r) => r[lifecycle])).not.toContain('interrupted');
  });

  it('in Chinese, the settings problems are Chinese', () => {
    const wb = workbookWith([HEADER, ...DATA], { sheetName: 'Data' });
    const rows = settingsSheetRowsFor({});
    rows.push(['__proto__.asOf', '2030-01-01', ''], ['tiers.a', 'lots', '']);
    withSettings(wb, rows);
    const ex = h.open(wb, { userLocale: 'zh_CN' });
    ex.call('rapportComputeTiers');
    const toast = wb.toasts.at(-1)!.message;
    expect(toast).toContain('__proto__.asOf: 未知的设置项, 已忽略');
    expect(toast).toContain('tiers.a: 应为数字');
  });
});

describe('Compute tiers below a report title', () => {
  it('writes its headers on the header row, not on the title row', () => {
    const wb = workbookWith([['Customer report, November 2026'], [], HEADER, ...DATA], { sheetName: 'Data' });
    const ex = h.open(wb, { userLocale: 'en' });
    ex.call('rapportComputeTiers');
    expect(ex.ui.alerts).toEqual([]);
    const values = sheetValues(wb, 'Data');
    expect(values[0]!.slice(1).every((v) => v === '')).toBe(true);
    expect(values[2]!.slice(0, 4)).toEqual(HEADER);
    const tierAt = values[2]!.indexOf(`${OWN}Tier`);
    expect(tierAt).toBeGreaterThanOrEqual(4);
    // 5000 of 9500 before nothing → A; 3000 (before 52.6%) → A; 1000 (84.2%) → B; 500 (94.7%) → B
    expect(values.slice(3).map((r) => r[tierAt])).toEqual(['A', 'A', 'B', 'B']);
    // a rerun finds its columns on the header row and adds none
    const width = values[2]!.length;
    h.open(wb, { userLocale: 'en' }).call('rapportComputeTiers');
    expect(sheetValues(wb, 'Data')[2]!.length).toBe(width);
  });
});

describe('numbers too large to add up', () => {
  it('RAPPORT_TIER reports a 309-digit revenue instead of ranking it A', () => {
    const ex = h.open(workbookWith([[]]));
    const out = ex.customFunction('RAPPORT_TIER', [['Revenue'], ['9'.repeat(309)], [100], [50]]) as unknown[][];
    expect(out[1]![0]).toMatch(/^row 2: Revenue '9{60}…' /);
    expect(out[2]).toEqual(['A']);
  });
});

describe('RAPPORT_CLV with a negative mean spend', () => {
  it('gives that row an error text and computes the others', () => {
    const ex = h.open(workbookWith([[]]));
    const params = '0.243, 4.414, 0.793, 2.426, 6.25, 3.74, 15.44';
    const out = ex.customFunction('RAPPORT_CLV', [[2], [2]], [[30.43], [30.43]], [[38.86], [38.86]], [[-40], [40]], 39, params) as unknown[][];
    expect(out[0]).toEqual(['row 1: mean spend must not be negative (leave out customers whose returns exceed their purchases)']);
    expect((out[1]![0] as number) / 39.1404).toBeCloseTo(1.226, 2);
  });
});
