import { describe, expect, it } from 'vitest';
import { analyze, analyzeLazily } from '../../../shared/analyze';
import { TableHandover } from '../../../shared/table-handover';
import { listOf } from '../../../shared/customer-list';
import { generateCustomers } from '../../../shared/sample/generate-customers';
import { generateTransactions } from '../../../shared/sample/generate-transactions';
import { writeJson } from '../../../cli/json-stream';
import { scoreTable } from '../../../shared/score-customers';
import { readCustomers } from '../../../shared/ingest/read-customers';
import { matchHeaders } from '../../../shared/ingest/headers';
import { resolveSettings } from '../../../shared/settings';
import { isoToDay } from '../../../shared/ingest/parse-date';
import { fitTableForAnalysis } from '../../../shared/model/model-figures';

const TABLES = {
  'a customer table': () => generateCustomers(600, { seed: 3, asOf: '2026-11-28' }),
  'a transaction log': () => generateTransactions(6000, { seed: 5, asOf: '2026-11-28' }),
};

describe('customers built on demand', () => {
  for (const [what, make] of Object.entries(TABLES)) {
    it(`gives the same customers and summary as analyze() on ${what}`, () => {
      const eager = analyze(make(), { asOf: '2026-11-28' });
      const lazy = analyzeLazily(make(), { asOf: '2026-11-28' });
      expect(lazy.customers.length).toBe(eager.customers.length);
      expect([...lazy.customers]).toEqual(eager.customers);
      expect(lazy.summary).toEqual(eager.summary);
      expect(lazy.notices).toEqual(eager.notices);
      expect(lazy.errors).toEqual(eager.errors);
      for (let i = 0; i < eager.customers.length; i++) {
        const c = eager.customers[i]!;
        expect(lazy.customers.tierOf(i)).toBe(c.tier);
        expect(lazy.customers.scoreOf(i)).toBe(c.valueScore.score);
        expect(lazy.customers.keyOf(i)).toBe(c.key);
        expect(lazy.customers.rowsOf(i)).toEqual(c.rows);
      }
      const listed = listOf(eager.customers);
      expect(lazy.customers.modelFigures).toBe(listed.modelFigures);
      expect(lazy.customers.fromModel).toBe(listed.fromModel);
    });
  }

  it('what the summary counts of a customer (factsAt) is what the built customer says, model or not, less its listed reasons', () => {
    const table = generateCustomers(800, { seed: 9, asOf: '2026-11-28' });
    const inputs = readCustomers(table, matchHeaders(table[0]!).columns, 'en', 1).customers;
    const { settings } = resolveSettings(null);
    const asOf = isoToDay('2026-11-28')!;
    const model = fitTableForAnalysis(inputs, asOf, settings, 'en');
    expect(model?.ok).toBe(true);
    for (const figures of [null, model!.ok ? model!.figures : null]) {
      const scored = scoreTable(inputs, asOf, settings, true, figures);
      for (let i = 0; i < scored.count; i++) {
        const facts = scored.factsAt(i);
        const c = scored.customerAt(i);
        // The same values, less the reasons the summary does not show.
        const shown = { ...c, churnRisk: { ...c.churnRisk, factors: [] }, credit: { ...c.credit, deductions: [] } };
        expect(facts).toEqual(Object.fromEntries(Object.keys(facts).map((k) => [k, shown[k as keyof typeof shown]])));
      }
    }
  });

  it('builds a customer anew each time it is asked for, and the same each time', () => {
    const lazy = analyzeLazily(generateCustomers(50, { seed: 1 }));
    const one = lazy.customers.at(7);
    const two = lazy.customers.at(7);
    expect(two).not.toBe(one);
    expect(two).toEqual(one);
  });

  it('is written as JSON exactly as JSON.stringify writes the eager analysis', () => {
    const table = generateCustomers(40, { seed: 2, asOf: '2026-11-28' });
    const eager = analyze(table, { asOf: '2026-11-28' });
    let text = '';
    writeJson(analyzeLazily(table, { asOf: '2026-11-28' }), (s) => {
      text += s;
    });
    expect(text).toBe(JSON.stringify(eager, null, 2));
  });

  it('takes a handed-over table once and keeps no hold of it', () => {
    const handover = new TableHandover(generateCustomers(30, { seed: 4 }));
    const lazy = analyzeLazily(handover);
    expect(lazy.customers.length).toBe(30);
    expect(() => handover.take()).toThrow();
  });
});
