/**
 * A header row is never taken from a data row: a file whose header Rapport does not recognise gets
 * a plain error that says what was understood, not "customers" made of the data. Title rows above
 * a real header are still skipped.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../../shared/analyze';
import { AnalyzeError } from '../../../shared/analyze-error';
import { findHeaderRow, isHeaderRow, looksLikeValue } from '../../../shared/ingest/find-header-row';

function error(table: unknown[][], lang: 'zh' | 'en' = 'en'): AnalyzeError {
  try {
    analyze(table, { lang });
  } catch (e) {
    return e as AnalyzeError;
  }
  throw new Error('analyze did not throw');
}

describe('a header Rapport does not recognise', () => {
  // German headers; a data row whose owner is literally "Kunde"… and whose segment is "客户".
  const table = [
    ['Kundennummer', 'Firma', 'Umsatz', 'Betreuer'],
    ['K-1', 'Acme GmbH', '12000', '客户'],
    ['K-2', 'Beta AG', '8000', 'Müller'],
    ['K-3', 'Gamma KG', '3000', 'Schmidt'],
  ];

  it('is an error, not a table whose header is a data row', () => {
    expect(findHeaderRow(table)).toBe(-1);
    const e = error(table);
    expect(e).toBeInstanceOf(AnalyzeError);
    expect(e.code).toBe('no_key');
  });

  it('says what row 1 was read as and what was not understood (zh and en)', () => {
    expect(error(table, 'en').message).toContain('Row 1 was read as: none; not understood: Kundennummer, Firma, Umsatz, Betreuer (a data row is never taken as the header).');
    const partly = [['Owner', 'Umsatz'], ['Ana', '1']];
    expect(error(partly, 'zh').message).toContain('第 1 行识别为: Owner → 负责人; 未识别: Umsatz');
    expect(error(partly, 'zh').message).toContain('可识别的表头有: 客户编号');
  });

  it('describes the row closest to a header when a title stands above it', () => {
    const titled = [['2024 Kundenbericht'], ['Owner', 'Revenue', 'Umsatz'], ['Ana', '1', '2']];
    expect(error(titled).message).toContain('Row 2 was read as: Owner → owner, Revenue → revenue; not understood: Umsatz');
  });
});

describe('which row is the header', () => {
  it('a data row holding a synonym among numbers and dates is not a header', () => {
    expect(isHeaderRow(['客户', '1200', '2024-01-05', 'a@b.example'], true)).toBe(false);
    expect(isHeaderRow(['客户编号', '客户名称', '销售额'], true)).toBe(true);
  });

  it('below the first row a header names two fields, or nothing but fields', () => {
    expect(isHeaderRow(['Acme', '客户'], false)).toBe(false);
    expect(isHeaderRow(['客户'], false)).toBe(true);
    expect(isHeaderRow(['客户名称', '销售额', '备注'], false)).toBe(true);
  });

  it('a year heading a column is a label, not a value', () => {
    expect(findHeaderRow([['客户', '2023', '2024'], ['甲', '1', '2']])).toBe(0);
    expect(findHeaderRow([['客户', '2024-01', '2024-02', '2024年3月'], ['甲', '1', '2', '3']])).toBe(0);
    expect([looksLikeValue('2024'), looksLikeValue(2024), looksLikeValue('12,000'), looksLikeValue('¥1,200.50'), looksLikeValue('2024/3/1'), looksLikeValue('x@y.cn'), looksLikeValue('销售额')]).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('property: an unrecognised header with data below never yields customers', () => {
    const word = fc.constantFrom('客户', 'Customer', '公司', 'Name', '销售', '名称', 'Owner', 'Region');
    const dataRow = fc.tuple(fc.constantFrom('K-1', 'K-2', 'K-3', 'K-4'), word, fc.integer({ min: 1, max: 99_999 }).map(String), fc.constantFrom('2024-01-05', '2023/12/31', '3/1/2024'));
    fc.assert(
      fc.property(fc.array(dataRow, { minLength: 1, maxLength: 12 }), (rows) => {
        const table = [['Kundennummer', 'Bezeichnung', 'Umsatz', 'Datum'], ...rows];
        expect(() => analyze(table, { lang: 'en' })).toThrow(AnalyzeError);
      }),
    );
  });

  it('property: a recognised header below up to ten title rows is found, and its rows are all accounted for', () => {
    const title = fc.constantFrom<string[]>(['销售报表'], [''], ['导出时间: 2024-12-31 09:00'], ['Report', '', '']);
    const row = fc.tuple(fc.constantFrom('甲', '乙', '丙', ''), fc.oneof(fc.integer({ min: 0, max: 9999 }).map(String), fc.constantFrom('12o0', '', '合计')));
    fc.assert(
      fc.property(fc.array(title, { maxLength: 10 }), fc.array(row, { minLength: 1, maxLength: 10 }), (titles, rows) => {
        const table = [...titles, ['客户名称', '销售额'], ...rows];
        expect(findHeaderRow(table)).toBe(titles.length);
        const a = analyze(table, { lang: 'en', asOf: '2024-12-31' });
        const r = a.summary.rows;
        expect(r.read).toBe(rows.length);
        expect(r.read).toBe(r.accepted + r.rejected + r.skipped);
        for (const e of a.errors) expect(e.row).toBeGreaterThan(titles.length + 1);
      }),
    );
  });
});
