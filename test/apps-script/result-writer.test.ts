/**
 * Properties of where and how Compute tiers writes (apps-script/result-writer.ts, own-columns.ts):
 * it never targets a user's column, its headers are never read as input, and text it writes stays
 * the text it meant (no formula, number or boolean conversion by Sheets).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planColumns, asText } from '../../apps-script/result-writer';
import { OWN_COLUMNS, ownHeader, ownFieldOfHeader, columnsToWrite } from '../../apps-script/own-columns';
import { fieldOfHeader } from '../../shared/ingest/headers';
import { Execution, Workbook } from './harness/index';

describe('planColumns', () => {
  const userHeader = fc.oneof(fc.constantFrom('Customer', 'Revenue', 'Tier', '客户等级', 'Note', ''), fc.string({ maxLength: 8 }));
  const ownHeaderArb = fc.tuple(fc.constantFrom(...OWN_COLUMNS), fc.constantFrom('zh' as const, 'en' as const)).map(([c, l]) => ownHeader(c, l));

  it('targets only our own columns or new ones right of the data, each once', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(userHeader, ownHeaderArb), { minLength: 1, maxLength: 40 }), (header) => {
        const columns = columnsToWrite([]);
        const plan = planColumns(header, columns);
        expect(new Set(plan.positions).size).toBe(plan.positions.length);
        for (const p of [...plan.positions, ...plan.stale]) {
          if (p < header.length) expect(ownFieldOfHeader(header[p])).not.toBeNull();
          else expect(p).toBeLessThan(header.length + columns.length);
        }
        // a result column lands on the first existing column with its header, if any
        columns.forEach((c, k) => {
          const first = header.findIndex((hd) => ownFieldOfHeader(hd) === c.field);
          if (first >= 0) expect(plan.positions[k]).toBe(first);
        });
      }),
    );
  });
});

describe('own headers', () => {
  it('are distinct and never read by the core as an input field', () => {
    const all = OWN_COLUMNS.flatMap((c) => [ownHeader(c, 'zh'), ownHeader(c, 'en')]);
    expect(new Set(all).size).toBe(all.length);
    for (const h of all) expect(fieldOfHeader(h)).toBeNull();
  });
});

describe('asText', () => {
  it('keeps any text Rapport writes as that text in Sheets (dates excepted)', () => {
    const wb = new Workbook();
    const ex = new Execution(wb);
    const sheet = wb.sheets[0]!;
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom('=SUM(A1)', '+1', '-3', '@x', '000123', '1,234', '12.5%', 'TRUE', 'false', "'quoted", '1e5')),
        (s) => {
          fc.pre(!/^\d{4}-\d{2}-\d{2}$/.test(s.trim()) && s !== '');
          const cell = ex.cellIn(asText(s), sheet, 1, 1);
          expect(cell).toBe(s);
          expect(sheet.formulas.size).toBe(0);
        },
      ),
    );
  });
});
