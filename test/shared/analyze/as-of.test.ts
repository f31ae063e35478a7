/**
 * Point in time: analysing a whole log "as of D" ignores every row dated after D, so it gives the
 * same customers and figures — tiers, value scores, lifecycle, churn risk, the purchase model, CLV
 * — as the log cut at D. Row numbers and row counts differ (the later rows are read and skipped).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analyze';
import type { Analysis } from '../../../shared/types';
import { readTableFile } from '../../../cli/read-table-file';
import { dataFile } from '../../model/data-path';

const HEADER = ['Customer ID', 'InvoiceNo', 'InvoiceDate', 'Quantity', 'UnitPrice'];
const BASE = Date.UTC(2022, 0, 1);
const iso = (d: number) => new Date(BASE + d * 86_400_000).toISOString().slice(0, 10);

/** Everything a user sees about the customers, without the input row numbers. */
const figures = (a: Analysis) => a.customers.map(({ rows: _rows, ...c }) => c);
const summaryOf = (a: Analysis) => ({ ...a.summary, rows: null });

const line = fc
  .record({
    id: fc.integer({ min: 1, max: 30 }),
    day: fc.integer({ min: 0, max: 900 }),
    qty: fc.integer({ min: 1, max: 5 }),
    price: fc.integer({ min: 0, max: 50 }),
    kind: fc.integer({ min: 0, max: 9 }),
  })
  .map((r) => {
    const cancel = r.kind === 0; // about one line in ten is a cancellation
    return { day: r.day, cells: [String(r.id), `${cancel ? 'C' : ''}${500000 + r.day}`, iso(r.day), String(cancel ? -r.qty : r.qty), String(r.price)] };
  });

describe('--as-of D on a full log = the log cut at D', () => {
  it('same customers and figures (property, with and without the purchase model)', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 120 }), fc.integer({ min: 0, max: 900 }), fc.boolean(), (lines, cut, model) => {
        const D = iso(cut);
        // Customer 0 buys twice on the first day, so every cut is still a log (keys repeat).
        const opening = [0, 1].map((k) => ({ day: 0, cells: ['0', `49999${k}`, iso(0), '1', '5'] }));
        lines = [...opening, ...lines];
        const full = analyze([HEADER, ...lines.map((l) => l.cells)], { asOf: D, model });
        const kept = lines.filter((l) => l.day <= cut);
        const cutLog = analyze([HEADER, ...kept.map((l) => l.cells)], { asOf: D, model });
        expect(figures(full)).toEqual(figures(cutLog));
        expect(summaryOf(full)).toEqual(summaryOf(cutLog));
        // no customer first bought after D; the later rows are skipped and counted
        expect(full.customers.every((c) => c.firstPurchase === null || c.firstPurchase <= D)).toBe(true);
        const r = full.summary.rows;
        expect(r.accepted + r.rejected + r.skipped).toBe(r.read);
        expect(r.skipped).toBe(lines.length - kept.length);
        expect(r.accepted).toBe(cutLog.summary.rows.accepted);
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });

  it('on the real Online Retail log at 2011-09-09, model and CLV included', () => {
    const table = readTableFile(dataFile('online-retail', 'online_retail_uci_sample_cust_mod12.csv'), 'en').table;
    const header = table[0]!;
    const dateAt = header.indexOf('InvoiceDate');
    const cut = [header, ...table.slice(1).filter((r) => String(r[dateAt]).slice(0, 10) <= '2011-09-09')];
    const full = analyze(table, { asOf: '2011-09-09' });
    const part = analyze(cut, { asOf: '2011-09-09' });
    // 273 who bought by then, and 4 with only cancellations
    expect(full.customers.length).toBe(277);
    expect(full.customers.some((c) => c.clv !== undefined && c.clv !== null)).toBe(true);
    expect(figures(full)).toEqual(figures(part));
    expect(summaryOf(full)).toEqual(summaryOf(part));
    // bad rows up to D still get their row errors in both
    expect(full.errors.filter((e) => e.fatal && e.code === 'no_customer').length).toBe(797);
    expect(part.errors.filter((e) => e.fatal).length).toBeGreaterThan(0);
  });

  it('a return dated after D does not reduce the spend the model sees', () => {
    const rows = [HEADER];
    for (let i = 1; i <= 30; i++) {
      rows.push([String(i), `1${i}`, '2022-01-05', '1', String(10 + i)]);
      if (i % 2 === 0) rows.push([String(i), `2${i}`, '2022-03-01', '1', String(20 + i)], [String(i), `3${i}`, '2022-05-01', '1', String(30 + i)]);
    }
    const withLateReturns = [...rows, ...Array.from({ length: 30 }, (_, i) => [String(i + 1), `C9${i}`, '2022-08-01', '-1', '40'])];
    const a = analyze(rows, { asOf: '2022-06-30' });
    const b = analyze(withLateReturns, { asOf: '2022-06-30' });
    expect(figures(b)).toEqual(figures(a));
    expect(b.customers.find((c) => c.key === '2')!.revenue).toBe(12 + 22 + 32);
  });
});
