/**
 * Non-data rows in a transaction log (method §1: blank rows, repeated header rows, totals rows)
 * are skipped with a notice on their row, wherever they stand — also among hundreds of rows whose
 * keys are already known, where the reader classifies a row by its key cell and the header check
 * alone: every row gets the classification skipKind gives it, and the data rows read exactly as
 * they do without the skipped ones.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTransactions } from '../../../shared/ingest/read-transactions';
import { matchHeaders } from '../../../shared/ingest/headers';
import { keySettlesSkip, repeatsHeaders, skipKind, skipKindByRules } from '../../../shared/ingest/row-kind';

const HEADER = ['Customer ID', 'Date', 'Amount'];
const { columns } = matchHeaders(HEADER);

/** Keys that settle the skip questions (a digit, no bracket) and keys that do not. */
const key = fc.constantFrom<unknown>('C1', 'C2', '12348', ' 12348 ', '12348.0', 12348, 'A', 'b', 'B(1)', 'Total 2', '7', 7);
const dataRow = fc.tuple(key, fc.constantFrom('2024-01-05', '2024-02-10', '2024-03-01', 'bad'), fc.constantFrom<unknown>('10', '2.5', -4, 0, 'abc', ''));
/** Rows that skipKind skips, and near misses that it does not. */
const otherRow = fc.constantFrom<unknown[]>(
  ['Customer ID', 'Date', 'Amount'],
  [' Customer ID ', 'Date ', 'Amount'],
  ['客户编号', '', ''],
  ['C1', 'Date', 'Amount'],
  [12348, 'Date', 'Amount'],
  ['C1', 'Date', '5'],
  ['Total', '', '100'],
  ['', '合计', '10'],
  ['Grand total:', '', ''],
  ['', '', ''],
  [null, undefined, '-'],
);
const rowsArb = fc.array(fc.oneof({ arbitrary: dataRow as fc.Arbitrary<unknown[]>, weight: 6 }, { arbitrary: otherRow, weight: 1 }), { minLength: 300, maxLength: 600 });

describe('non-data rows in a log', () => {
  it('each row is classified as skipKind classifies it; the data rows read as they do alone', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const kinds = rows.map((row) => skipKind(row, columns, 0, -1));
        const r = readTransactions([HEADER, ...rows], { asOf: '2024-12-31' });
        const skipped = r.notices.filter((n) => n.code.startsWith('skipped_')).map((n) => [n.row, n.code]);
        expect(skipped).toEqual(kinds.flatMap((k, i) => (k ? [[i + 2, `skipped_${k}`]] : [])));
        // The same log without its skipped rows: the same customers, their rows renumbered.
        const keptAt = kinds.flatMap((k, i) => (k ? [] : [i + 2]));
        const alone = readTransactions([HEADER, ...rows.filter((_, i) => !kinds[i])], { asOf: '2024-12-31' });
        const renumbered = alone.customers.toInputs().map((c) => ({ ...c, rows: c.rows.map((n) => keptAt[n - 2]!) }));
        expect(r.customers.toInputs()).toEqual(renumbered);
        expect(r.histories).toEqual(alone.histories);
        expect(r.errors).toEqual(alone.errors.map((e) => ({ ...e, row: keptAt[e.row - 2]! })));
        const nSkipped = kinds.filter((k) => k).length;
        expect(r.rows).toEqual({ ...alone.rows, read: rows.length, skipped: alone.rows.skipped + nSkipped });
      }),
      { numRuns: 80 },
    );
  });

  it('a key cell that settles the skip questions leaves only the repeated-header check', () => {
    const cellArb = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Customer ID', 'Date', 'Amount', 'Total', '合计', 'C1', ' 1 ', '(1)', '【2】', '（3）', '［4］', '[5]', 'Total 2', '1 N/A', '无1', '合计(2024)', 'Total [1]', '总计（2）', '小计【3】', 'Grand total (4)'));
    fc.assert(
      fc.property(fc.tuple(fc.oneof(cellArb, fc.double(), fc.constant(null)), fc.oneof(cellArb, fc.integer()), fc.oneof(cellArb, fc.integer())), (row) => {
        // Every question asked in turn gives what the shortcut gives; rows whose key does not settle them are asked all of them.
        expect(skipKind(row, columns, 0, -1)).toBe(skipKindByRules(row, columns, 0, -1));
        if (keySettlesSkip(row[0])) expect(skipKind(row, columns, 0, -1)).toBe(repeatsHeaders(row, columns) ? 'header' : null);
      }),
      { numRuns: 2000 },
    );
  });
});
