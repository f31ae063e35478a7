/**
 * The in-memory Apps Script must behave as the documented services do, or the add-on's tests
 * prove nothing. These pin the behaviours the add-on relies on.
 */
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { Execution, Workbook, putRows, zonedMidnight } from './harness/index';
import { parseA1, formatA1, columnLetters, columnNumber } from './harness/a1';

function exec(rows: unknown[][] = [], opts: { timeZone?: string } = {}): Execution {
  const wb = new Workbook('t', 'en_US', opts.timeZone ?? 'America/New_York');
  putRows(wb.sheets[0]!, rows);
  return new Execution(wb);
}
const run = (ex: Execution, code: string) => ex.fromRealm(vm.runInContext(code, ex.context));

describe('A1 notation', () => {
  it('converts columns both ways and parses ranges', () => {
    expect(columnLetters(1)).toBe('A');
    expect(columnLetters(28)).toBe('AB');
    expect(columnNumber('AB')).toBe(28);
    expect(parseA1("'My sheet'!B2:C10")).toEqual({ sheet: 'My sheet', row: 2, col: 2, endRow: 10, endCol: 3 });
    expect(parseA1('C:C')).toEqual({ sheet: null, row: 1, col: 3, endRow: null, endCol: 3 });
    expect(formatA1(2, 2, 9, 2)).toBe('B2:C10');
  });

  it('gives whole-column ranges the sheet height and A1 back', () => {
    const ex = exec([['a']]);
    expect(run(ex, `SpreadsheetApp.getActiveSheet().getRange('B:B').getNumRows()`)).toBe(1000);
    expect(run(ex, `SpreadsheetApp.getActiveSheet().getRange(2, 3, 4, 2).getA1Notation()`)).toBe('C2:D5');
  });
});

describe('Range values', () => {
  it('getValues gives Date objects of the script realm for dates and "" for blanks', () => {
    const ex = exec([['name', 'when'], ['x', new Date(Date.UTC(2024, 2, 1, 5))], ['', 'z']]);
    expect(run(ex, `(() => { const v = SpreadsheetApp.getActiveSheet().getDataRange().getValues();
      return [v[1][1] instanceof Date, v[2][0] === '', v.length, v[0].length]; })()`)).toEqual([true, true, 3, 2]);
  });

  it('a date cell is midnight in the spreadsheet zone', () => {
    expect(new Date(zonedMidnight('2024-03-01', 'Asia/Shanghai')).toISOString()).toBe('2024-02-29T16:00:00.000Z');
    expect(new Date(zonedMidnight('2024-07-01', 'America/New_York')).toISOString()).toBe('2024-07-01T04:00:00.000Z');
  });

  it('setValues throws when the data does not fit the range', () => {
    const ex = exec();
    expect(() => run(ex, `SpreadsheetApp.getActiveSheet().getRange('A1:B2').setValues([[1, 2]])`)).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => run(ex, `SpreadsheetApp.getActiveSheet().getRange('A1:B2').setValues([[1, 2], [3]])`)).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('getRange outside the grid throws; a new sheet is 1000 × 26', () => {
    const ex = exec();
    expect(() => run(ex, `SpreadsheetApp.getActiveSheet().getRange(1, 27)`)).toThrow('outside the dimensions of the sheet');
    expect(run(ex, `(() => { const s = SpreadsheetApp.getActiveSpreadsheet().insertSheet('n'); return [s.getMaxRows(), s.getMaxColumns()]; })()`)).toEqual([1000, 26]);
  });

  it('setValues converts typed text as Sheets does; an apostrophe keeps text', () => {
    const ex = exec();
    const v = run(ex, `(() => { const r = SpreadsheetApp.getActiveSheet().getRange('A1:E1');
      r.setValues([['000123', "'000123", '2024-03-01', 'TRUE', '=SUM(A1)']]);
      const g = r.getValues()[0]; return [g[0], g[1], g[2] instanceof Date, g[3], r.getFormulas()[0][4]]; })()`);
    expect(v).toEqual([123, '000123', true, true, '=SUM(A1)']);
  });

  it('getDataRange spans the last row and column with content', () => {
    const ex = exec([['a', '', ''], ['', '', 'c'], ['', '', '']]);
    expect(run(ex, `SpreadsheetApp.getActiveSheet().getDataRange().getA1Notation()`)).toBe('A1:C2');
  });
});

describe('execution rules', () => {
  it('a custom function may read but not write', () => {
    const ex = exec([['a']]);
    vm.runInContext(`function TRY_WRITE() { SpreadsheetApp.getActiveSheet().getRange('A1').setValue(1); return 1; }
      function TRY_READ() { return SpreadsheetApp.getActiveSheet().getRange('A1').getValue(); }`, ex.context);
    expect(() => ex.customFunction('TRY_WRITE')).toThrow('You do not have permission to call setValue');
    expect(ex.customFunction('TRY_READ')).toBe('a');
  });

  it('a custom function argument is a scalar for one cell and a 2-D array for a range', () => {
    const ex = exec([['a', 1], ['b', 2]]);
    expect(ex.rangeArg('B1')).toBe(1);
    expect(ex.rangeArg('A1:B2')).toEqual([['a', 1], ['b', 2]]);
  });

  it('AuthMode.NONE allows only menus', () => {
    const ex = exec();
    ex.mode = 'none';
    expect(() => run(ex, `PropertiesService.getDocumentProperties()`)).toThrow('Authorization is required');
    expect(() => run(ex, `SpreadsheetApp.getUi().createAddonMenu().addItem('x', 'f').addToUi()`)).not.toThrow();
  });

  it('a document lock held by another execution is not granted', () => {
    const ex = exec();
    ex.wb.locks.document = 'someone-else';
    expect(run(ex, `LockService.getDocumentLock().tryLock(1000)`)).toBe(false);
    expect(() => run(ex, `LockService.getDocumentLock().waitLock(1000)`)).toThrow('Lock timeout');
    ex.wb.locks.document = null;
    expect(run(ex, `LockService.getDocumentLock().tryLock(1000)`)).toBe(true);
  });

  it('properties are stored as strings; absent ones are null', () => {
    const ex = exec();
    expect(run(ex, `(() => { const p = PropertiesService.getDocumentProperties(); p.setProperty('n', 5); return [p.getProperty('n'), p.getProperty('x')]; })()`)).toEqual(['5', null]);
  });

  it('counts every service call by class and method', () => {
    const ex = exec([['a']]);
    run(ex, `SpreadsheetApp.getActiveSheet().getDataRange().getValues()`);
    expect(ex.calls.get('Range.getValues')).toBe(1);
    expect(ex.spreadsheetCalls()).toBe(3);
  });
});
