/**
 * A log's summary for the purchase model, taken straight from the log (summarizeTransactions with
 * `rfmUnit`), is exactly summarizeRfm of the log's purchase histories at the analysis date, column by
 * column: the same rows in the same order (x, t_x, T, mean repeat spend to the last bit) and the same
 * exclusions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTransactions } from '../../../shared/ingest/read-transactions';
import { isoToDay } from '../../../shared/ingest/parse-date';
import { summarizeRfm } from '../../../shared/model/summarize-rfm';

const HEADER = ['Customer ID', 'Date', 'Amount', 'Invoice'];
const row = fc.tuple(
  fc.constantFrom('C1', 'C2', 'C3', 'C4', 'C5', 'C6'),
  fc.constantFrom('2023-01-05', '2023-06-30', '2024-01-05', '2024-02-10', '2024-03-01', '2024-03-01', '2024-12-31', '2025-02-01'),
  fc.oneof(fc.double({ min: -500, max: 5000, noNaN: true }).map((v) => String(Math.round(v * 100) / 100)), fc.constantFrom('0', '1e-9', '3.3333', '-0')),
  fc.constantFrom('A1', 'A2', 'C9'),
);

describe('the model summary of a log', () => {
  it('property: equals summarizeRfm of the histories (cancellations, returns, same-day purchases, rows after the date)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 80 }), fc.constantFrom(undefined, '2024-03-01', '2024-01-04', '2023-01-01'), fc.constantFrom('days' as const, 'weeks' as const), (rows, asOf, unit) => {
        const r = readTransactions([HEADER, ...rows], { asOf, rfmUnit: unit });
        const expected = summarizeRfm(r.histories, { asOfDay: isoToDay(r.asOf)!, unit });
        const want = expected.rows;
        const got = r.rfm!.table;
        expect(r.rfm!.excluded).toEqual(expected.excluded);
        expect([got.count, got.key]).toEqual([want.length, want.map((w) => w.key)]);
        // Bit for bit (−0 and 0 apart); a row without repeat spend is NaN in the column, and the
        // column is null when no row has one.
        const spend = got.meanRepeatSpend;
        expect(spend === null).toBe(want.every((w) => w.meanRepeatSpend === null));
        want.forEach((w, i) => {
          const m = spend ? spend[i] : NaN;
          expect([Object.is(got.x[i], w.x), Object.is(got.tx[i], w.tx), Object.is(got.T[i], w.T), Object.is(m, w.meanRepeatSpend ?? NaN)]).toEqual([true, true, true, true]);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('is null without rfmUnit', () => {
    expect(readTransactions([HEADER, ['C1', '2024-01-05', '10', 'A1']]).rfm).toBeNull();
  });
});
