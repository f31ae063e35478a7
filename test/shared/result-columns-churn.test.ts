/** The churn probability as a result column (CLI --csv, Sheets RAPPORT_ANALYZE(…, "churn_probability")). */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../shared/analyze';
import { findResultColumn, resultColumnsFor } from '../../shared/result-columns';
import { readTableFile } from '../../cli/read-table-file';
import { dataFile } from '../model/data-path';

describe('churn_probability result column', () => {
  it('gives the model probability (3 decimals) on a log with a fitted model', () => {
    const a = analyze(readTableFile(dataFile('online-retail', 'online_retail_uci_sample_cust_mod12.csv'), 'en').table, { asOf: '2011-09-09' });
    const col = findResultColumn('churn_probability')!;
    expect(findResultColumn('Chance of no order')).toBe(col);
    expect(findResultColumn('不再下单概率')).toBe(col);
    expect(resultColumnsFor(a.customers)).toContain(col);
    const c = a.customers.find((x) => x.churnRisk.probability != null)!;
    expect(col.value(c, 'en')).toBe(Math.round(c.churnRisk.probability! * 1000) / 1000);
  });

  it('is left out where no model was fitted', () => {
    const a = analyze([['Customer', 'Revenue'], ['a', '1'], ['b', '2']], { asOf: '2024-12-31' });
    expect(resultColumnsFor(a.customers).map((c) => c.field)).not.toContain('churn_probability');
  });
});
