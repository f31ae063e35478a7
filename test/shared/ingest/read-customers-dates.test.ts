/**
 * A customer table's day/month dates come out as if every cell were read once its column's order is
 * known (decideDayOrder over the column's cells, then parseDate in that order, errors for unreadable
 * or implausible dates in row order) — also for cells that read as a date either way, which the
 * reader stores month first and turns over when the column reads day first, and in rows rejected
 * after their dates were read (whose other cells are still checked, but whose order-dependent dates
 * are never read).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCustomers } from '../../../shared/ingest/read-customers';
import { decideDayOrder, parseDate, plausibleDays } from '../../../shared/ingest/parse-date';
import type { Column } from '../../../shared/types';

const columns: Column[] = [
  { index: 0, header: 'ID', field: 'id' },
  { index: 1, header: 'Revenue', field: 'revenue' },
  { index: 2, header: 'First purchase', field: 'first_purchase' },
  { index: 3, header: 'Last contact', field: 'last_contact' },
];

const dateCell = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom(2019, 2024, 1850, 2099), fc.constantFrom('/', '.')).map(([a, b, y, s]) => `${a}${s}${b}${s}${y}`),
  fc.constantFrom('2024-03-05', '', 'soon', '3/4/24', 'Mar 4, 2024'),
);
const row = fc.tuple(fc.constantFrom('10', '25', 'abc'), dateCell, dateCell);

describe('readCustomers: dates that depend on the day/month order', () => {
  it('are what reading each cell in its column’s decided order gives', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 80 }), (rows) => {
        const table = [columns.map((c) => c.header), ...rows.map(([rev, a, b], i) => [`K${String(i).padStart(3, '0')}`, rev, a, b])];
        const r = readCustomers(table, columns, 'en', 1);
        const range = plausibleDays();
        const expectedErrors: { row: number; column: string; code: string }[] = [];
        const expected: (number | null)[][] = [[], []];
        const orders = [2, 3].map((c) => decideDayOrder(table.slice(1).map((t) => t[c]).filter((v) => typeof v === 'string' && (v.includes('/') || v.includes('.')))).order);
        table.slice(1).forEach((t, i) => {
          const rejected = t[1] === 'abc';
          if (rejected) expectedErrors.push({ row: i + 2, column: 'Revenue', code: 'not_a_number' });
          [2, 3].forEach((c, k) => {
            const d = parseDate(t[c], orders[k]!);
            // A rejected row's cells are still checked, except a date whose reading waits for the order.
            const waits = typeof t[c] === 'string' && !/^\d{4}\D/.test(t[c] as string) && parseDate(t[c], 'mdy') !== parseDate(t[c], 'dmy');
            if (rejected && waits) return;
            if (d === 'invalid') expectedErrors.push({ row: i + 2, column: columns[c]!.header, code: 'not_a_date' });
            else if (d !== null && (d < range.min || d > range.max)) expectedErrors.push({ row: i + 2, column: columns[c]!.header, code: 'implausible_date' });
            if (!rejected) expected[k]!.push(d === 'invalid' || d === null || d < range.min || d > range.max ? null : d);
          });
        });
        const got = [Array.from(r.customers.num.firstPurchase, (v) => (Number.isNaN(v) ? null : v)), Array.from(r.customers.num.lastContact, (v) => (Number.isNaN(v) ? null : v))];
        expect(got).toEqual(expected);
        expect(r.reader.errors.map((e) => ({ row: e.row, column: e.column, code: e.code }))).toEqual(expectedErrors);
      }),
      { numRuns: 500 },
    );
  });

  it('a worked column: 13/4/2024 decides day first, so 3/4/2024 is the 3rd of April', () => {
    const table = [['ID', 'Revenue', 'First purchase', 'Last contact'], ['a', '1', '3/4/2024', ''], ['b', 'abc', '4/3/2024', ''], ['c', '1', '13/4/2024', '']];
    const r = readCustomers(table, columns, 'en', 1);
    expect(Array.from(r.customers.num.firstPurchase)).toEqual([parseDate('2024-04-03', 'mdy'), parseDate('2024-04-13', 'mdy')]);
  });
});
