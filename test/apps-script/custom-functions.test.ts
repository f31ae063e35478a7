/**
 * The custom functions, run from the BUILT Code.js in the in-memory Sheets: on scalars (a 1×1
 * range) and ranges, on messy headers and values; bad cells give error text in their own cell,
 * hopeless input throws a message that says what Rapport understands. Expected values are worked
 * out by hand in the comments.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { builtHarness } from './built';
import { putRows, workbookWith, zonedMidnight, type Execution } from './harness/index';
import type { AppsScriptHarness } from './harness/index';
import { settingsSheetRowsFor } from './fixtures';

let h: AppsScriptHarness;
beforeAll(() => {
  h = builtHarness();
});

const fn = (ex: Execution, name: string, ...args: unknown[]) => ex.customFunction(name, ...args);

describe('RAPPORT_TIER', () => {
  // 50 30 10 5 3 2 (total 100): share before each = 0, .5, .8, .9, .95, .98 → A A B B C C;
  // C has 2 customers, ceil(5% × 2) = 1 released as D: the smallest (2).
  it('tiers a column by Pareto, keeps a header, leaves blanks blank and flags bad cells in place', () => {
    const ex = h.open(workbookWith([[]]));
    expect(fn(ex, 'RAPPORT_TIER', [['revenue'], [50], [30], [''], ['12o0'], [10], [5], [3], [2]])).toEqual([
      ['Tier'],
      ['A'],
      ['A'],
      [''],
      ["row 5: revenue '12o0' is not a number"],
      ['B'],
      ['B'],
      ['C'],
      ['D'],
    ]);
  });

  it('works on a row and on a single cell (a scalar)', () => {
    const ex = h.open(workbookWith([[]]));
    expect(fn(ex, 'RAPPORT_TIER', [[50, 30, 10, 5, 3, 2]])).toEqual([['A', 'A', 'B', 'B', 'C', 'D']]);
    expect(fn(ex, 'RAPPORT_TIER', 120)).toBe('A');
    expect(fn(ex, 'RAPPORT_TIER', '¥1,234')).toBe('A');
  });

  it('makes a loss D and reads currency, 万 and full-width digits', () => {
    const ex = h.open(workbookWith([[]]));
    // 12000 (1.2万), 1234, 100 (１００), -5: before = 0, .9, .9925 → A, B, C; -5 is a loss → D.
    expect(fn(ex, 'RAPPORT_TIER', [['1.2万'], ['¥1,234'], ['１００'], [-5]])).toEqual([['A'], ['B'], ['C'], ['D']]);
  });

  it('uses the tier limits of the "Rapport settings" sheet', () => {
    const wb = workbookWith([[]]);
    const s = wb.sheets[0]!;
    s.name = 'Data';
    const settings = wb.copy().sheets[0]!; // a fresh sheet object to hold settings
    settings.name = 'Rapport settings';
    settings.cells = [];
    putRows(settings, settingsSheetRowsFor({ 'tiers.a': 0.5 }));
    wb.sheets.push(settings);
    const ex = h.open(wb);
    // with A below 50%: 50 (before 0) A; 30 (before .5) B; 10 (.8) B; 5 (.9) B; 3 (.95) C; 2 → D
    expect(fn(ex, 'RAPPORT_TIER', [[50], [30], [10], [5], [3], [2]])).toEqual([['A'], ['B'], ['B'], ['B'], ['C'], ['D']]);
  });

  it('refuses a block wider than one column and taller than one row', () => {
    const ex = h.open(workbookWith([[]]));
    expect(() => fn(ex, 'RAPPORT_TIER', [[1, 2], [3, 4]])).toThrow('Pass one column (or one row)');
  });
});

describe('RAPPORT_PARETO', () => {
  it('gives the cumulative share including each value', () => {
    const ex = h.open(workbookWith([[]]));
    // 50/100, 80/100, 90/100, 95/100, 98/100, 100/100, in the input's order
    expect(fn(ex, 'RAPPORT_PARETO', [[10], [50], [2], [30], [5], [3]])).toEqual([[0.9], [0.5], [1], [0.8], [0.95], [0.98]]);
    expect(fn(ex, 'RAPPORT_PARETO', 7)).toBe(1);
  });
});

describe('RAPPORT_SATISFACTION', () => {
  it('maps the five levels in both languages and numbers; a bad cell says why in the sheet language', () => {
    const ex = h.open(workbookWith([[]], { locale: 'zh_CN' }));
    const cells = [['满意度'], ['高度满意'], ['satisfied'], ['3'], [''], ['有些不满意'], ['极不满意'], ['great']];
    expect(fn(ex, 'RAPPORT_SATISFACTION', cells)).toEqual([
      ['满意度 (1–5)'],
      [5],
      [4],
      [3],
      [''],
      [2],
      [1],
      ["第 8 行: 满意度 'great' 不是五级满意度之一 (高度满意/一般满意/无意见/有些不满意/极不满意 或 1–5)"],
    ]);
    expect(fn(ex, 'RAPPORT_SATISFACTION', 'Very satisfied')).toBe(5);
  });
});

describe('RAPPORT_SHARE', () => {
  it('divides cell by cell; zero wallet and text give messages in their cells', () => {
    const ex = h.open(workbookWith([[]]));
    expect(fn(ex, 'RAPPORT_SHARE', [[300], [0], ['x'], [5], ['']], [[1000], [500], [100], [0], [10]])).toEqual([
      [0.3],
      [0],
      ["row 3: 'x' is not a number"],
      ['row 4: wallet must be above 0'],
      [''],
    ]);
    expect(fn(ex, 'RAPPORT_SHARE', 30, 120)).toBe(0.25);
    // a single wallet cell pairs with every cell
    expect(fn(ex, 'RAPPORT_SHARE', [[10], [20]], 40)).toEqual([[0.25], [0.5]]);
    expect(() => fn(ex, 'RAPPORT_SHARE', [[1], [2]], [[1], [2], [3]])).toThrow('same size');
  });
});

describe('RAPPORT_ANALYZE', () => {
  // Profit metric: C2 3000, C1 600, C4 −50 (C3 rejected: its revenue '12o0' is not a number).
  // Positive total 3600: C2 before 0 → A; C1 before 3000/3600 = .83 → B; C4 a loss → D.
  const messy = [
    [' Customer ID ', 'Customer', 'Revenue (USD)', 'Profit'],
    ['C1', 'Alpha', '$1,200', 600],
    ['C2', 'Beta', '1.2万', 3000],
    ['C3', 'Gamma', '12o0', 100],
    ['C4', 'Delta', 300, -50],
  ];

  it('returns one field aligned with the rows, a bad row saying why in its cell', () => {
    const ex = h.open(workbookWith(messy));
    expect(fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:D5'), 'tier')).toEqual([['Tier'], ['B'], ['A'], ["row 4: Revenue (USD) '12o0' is not a number"], ['D']]);
    expect(fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:D5'), 'value_class')).toEqual([
      ['Value class'],
      ['maintain'],
      ['most valuable'],
      ["row 4: Revenue (USD) '12o0' is not a number"],
      ['below zero'],
    ]);
  });

  it('speaks the spreadsheet language and accepts a header name as the field', () => {
    const ex = h.open(workbookWith(messy, { locale: 'zh_CN' }));
    expect(fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:D5'), '客户等级')).toEqual([
      ['客户等级'],
      ['B'],
      ['A'],
      ["第 4 行: Revenue (USD) '12o0' 不是数字"],
      ['D'],
    ]);
  });

  it('with no field returns every result column with its header row', () => {
    const ex = h.open(workbookWith(messy));
    const out = fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:D5')) as unknown[][];
    expect(out).toHaveLength(5);
    expect(out[0]!.slice(0, 2)).toEqual(['Tier', 'Value score']);
    expect(out.every((r) => r.length === out[0]!.length)).toBe(true);
    expect(out[2]![0]).toBe('A');
  });

  it('throws, listing the headers it understands, when there is no key column (also for a scalar)', () => {
    const ex = h.open(workbookWith([['foo', 'bar'], [1, 2]]));
    expect(() => fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:B2'))).toThrow(
      /No customer id or customer name column was found\. Headers Rapport understands: customer id \/ customerid \/ 客户编号; /,
    );
    expect(() => fn(ex, 'RAPPORT_ANALYZE', 42)).toThrow('No customer id or customer name column');
    expect(() => fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:B2'), 'colour')).toThrow('Unknown result field "colour"');
  });

  it('reads date cells in the spreadsheet zone, not the script zone', () => {
    // In an Asia/Shanghai sheet a date cell is 16:00 UTC the day before; read as a calendar date
    // it must still be 2026-01-10, so next visit = last contact + 30 days (tier A) = 2026-02-09.
    const tz = 'Asia/Shanghai';
    const rows = [
      ['Customer', 'Revenue', 'Last contact'],
      ['Solo', 1000, new Date(zonedMidnight('2026-01-10', tz))],
    ];
    const ex = h.open(workbookWith(rows, { timeZone: tz }));
    const asText = h.open(workbookWith([rows[0]!, ['Solo', 1000, '2026-01-10']], { timeZone: tz }));
    const a = fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:C2'), 'next_visit');
    expect(a).toEqual([['Next visit due'], ['2026-02-09']]);
    expect(fn(asText, 'RAPPORT_ANALYZE', asText.rangeArg('A1:C2'), 'next_visit')).toEqual(a);
  });

  it('reads date cells right without Intl time zones too (through Utilities.formatDate)', () => {
    const tz = 'Asia/Shanghai';
    const rows = [
      ['Customer', 'Revenue', 'Last contact'],
      ['Solo', 1000, new Date(zonedMidnight('2026-01-10', tz))],
    ];
    const ex = h.open(workbookWith(rows, { timeZone: tz }));
    vm.runInContext('globalThis.Intl = undefined', ex.context);
    expect(fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:C2'), 'next_visit')).toEqual([['Next visit due'], ['2026-02-09']]);
    expect(ex.calls.get('Utilities.formatDate')).toBeGreaterThan(0);
  });

  it('takes as_of as a date cell or text', () => {
    const tz = 'Asia/Shanghai';
    const rows = [
      ['Customer', 'Revenue', 'Last contact'],
      ['Solo', 1000, '2026-01-10'],
    ];
    const ex = h.open(workbookWith(rows, { timeZone: tz }));
    // as of 2026-03-01 the visit due 2026-02-09 is overdue
    expect(fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:C2'), 'visit_overdue', new Date(zonedMidnight('2026-03-01', tz)))).toEqual([['Visit overdue'], ['yes']]);
    expect(fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:C2'), 'visit_overdue', '2026-01-20')).toEqual([['Visit overdue'], ['no']]);
    expect(() => fn(ex, 'RAPPORT_ANALYZE', ex.rangeArg('A1:C2'), 'tier', 'soon')).toThrow('as_of "soon" is not a date');
  });
});
