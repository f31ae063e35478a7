/**
 * Result columns read from the customer list (tier, score) give exactly the cells of the same
 * columns read from each built customer: on a table, a table without tiers, a log, and with
 * rejected and merged rows.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLazily } from '../../shared/analyze';
import { RESULT_COLUMNS, resultTable, type ResultColumn } from '../../shared/result-columns';
import { generateCustomers } from '../../shared/sample/generate-customers';
import { generateTransactions } from '../../shared/sample/generate-transactions';

const listed = RESULT_COLUMNS.filter((c) => c.fromList);
const built: ResultColumn[] = listed.map(({ fromList: _, ...c }) => c);

const TABLES: Record<string, () => unknown[][]> = {
  'a customer table': () => generateCustomers(300, { seed: 4, lang: 'en' }),
  'a log': () => generateTransactions(3000, { seed: 6 }),
  'a table without revenue': () => generateCustomers(50, { seed: 2, lang: 'en' }).map((r) => r.filter((_, j) => j !== 6 && j !== 8)),
  'rejected and repeated rows': () => [
    ['Customer ID', 'Revenue'],
    ['A', '100'],
    ['B', '12o0'],
    ['A', '50'],
    ['C', '10'],
  ],
};

describe('result cells read from the list', () => {
  it('are offered for tier and score', () => {
    expect(listed.map((c) => c.field)).toEqual(['tier', 'score']);
  });
  for (const [what, make] of Object.entries(TABLES))
    it(`are the built customers' cells on ${what}`, () => {
      const table = make();
      for (const lang of ['en', 'zh'] as const) {
        const a = analyzeLazily(table, { asOf: '2026-11-28', lang, model: false });
        expect(resultTable(table.length, a, lang, listed)).toEqual(resultTable(table.length, a, lang, built));
      }
    });
});
