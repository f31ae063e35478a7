/**
 * The result columns not marked as depending on the purchase model really do not: on real data
 * where the model fits (the CDNOW log, calibration to 1997-09-30), every such column has the same
 * value for every customer with the model as without it — so a surface asking only for them (a
 * one-column RAPPORT_ANALYZE) may skip the fit. Columns marked as depending on it do change.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../shared/analyze';
import { RESULT_COLUMNS } from '../../shared/result-columns';
import { readTableFile } from '../../cli/read-table-file';
import { dataFile } from '../model/data-path';

describe('result columns and the purchase model', () => {
  const table = readTableFile(dataFile('cdnow', 'cdnow_master_zh.csv')).table;
  const withModel = analyze(table, { asOf: '1997-09-30', lang: 'en' });
  const without = analyze(table, { asOf: '1997-09-30', lang: 'en', model: false });

  it('the model is fitted on this data (the comparison means something)', () => {
    expect(withModel.customers.some((c) => c.pAlive !== undefined)).toBe(true);
    expect(without.customers.some((c) => c.pAlive !== undefined)).toBe(false);
    expect(withModel.customers.map((c) => c.key)).toEqual(without.customers.map((c) => c.key));
  });

  it('every column not marked `model` has the same value for every customer either way', () => {
    const free = RESULT_COLUMNS.filter((c) => !c.model);
    expect(free.map((c) => c.field)).toContain('tier');
    for (const col of free)
      for (let i = 0; i < withModel.customers.length; i++)
        expect([col.field, col.value(withModel.customers[i]!, 'en')]).toEqual([col.field, col.value(without.customers[i]!, 'en')]);
  });

  it('the columns marked `model` that a fitted model moves do change for some customers', () => {
    for (const field of ['churn_risk', 'churn_probability', 'p_alive']) {
      const col = RESULT_COLUMNS.find((c) => c.field === field)!;
      expect(col.model).toBe(true);
      expect(withModel.customers.some((c, i) => col.value(c, 'en') !== col.value(without.customers[i]!, 'en'))).toBe(true);
    }
  });
});
