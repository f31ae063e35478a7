import { describe, expect, it } from 'vitest';
import { analyze, findHeaderRow } from '../../../shared/analyze';
import { AnalyzeError } from '../../../shared/analyze-error';
import { RESULT_COLUMNS, resultTable } from '../../../shared/result-columns';

// ERP and Excel exports often put a report title (and a blank line) above the header row.
describe('a title above the header row', () => {
  const table = [['2024年客户销售报表'], [''], ['客户名称', '销售额'], ['甲', '100'], ['乙', '12o0'], ['丙', '50']];

  it('finds the header below the title', () => {
    expect(findHeaderRow(table)).toBe(2);
    expect(findHeaderRow([['客户名称', '销售额'], ['甲', '1']])).toBe(0);
  });

  it('reads the rows below it, keeping row numbers as the file shows them', () => {
    const a = analyze(table, { lang: 'zh', asOf: '2024-12-31' });
    expect(a.customers.map((c) => [c.key, c.rows])).toEqual([
      ['丙', [6]],
      ['甲', [4]],
    ]);
    expect(a.errors).toEqual([{ row: 5, column: '销售额', value: '12o0', code: 'not_a_number', reason: '不是数字', fatal: true }]);
    expect(a.summary.rows).toEqual({ read: 3, accepted: 2, rejected: 1, skipped: 0 });
    expect(a.notices[0]!.message).toBe('表头在第 3 行, 上面 2 行 (标题等) 已跳过');
  });

  it('puts the result headers on the header row, not on the title', () => {
    const a = analyze(table, { lang: 'en', asOf: '2024-12-31' });
    expect(a.headerRow).toBe(3);
    const tier = RESULT_COLUMNS.filter((c) => c.field === 'tier');
    expect(resultTable(table.length, a, 'en', tier)).toEqual([[null], [null], ['Tier'], ['A'], ["row 5: 销售额 '12o0' is not a number"], ['A']]);
  });

  it('still fails plainly when no row within the first eleven names a key column', () => {
    expect(() => analyze([['报表'], ['foo', 'bar'], ['1', '2']], { lang: 'en' })).toThrow(AnalyzeError);
  });
});
