/**
 * A log read in two parts — the rows before a split by one LogColumnsReader, the rest by another
 * numbering its rows from the start of its part, handed over as plain data (as between threads)
 * and absorbed — gives what one reader gives on every row: the same columns, keys in the same
 * order, descriptions, errors and notices with the table's row numbers. The second part cannot be
 * handed over while it holds rows for the day/month order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logReader } from '../../../shared/ingest/read-transactions';
import { matchHeaders } from '../../../shared/ingest/headers';
import type { LogColumns, LogColumnsReader } from '../../../shared/ingest/log-columns';

const HEADER = ['客户编号', '客户名称', '日期', '金额', '订单号', '邮箱', '负责人', '最近联系'];
const { columns } = matchHeaders(HEADER);

const key = fc.constantFrom<unknown>('C1', 'C2', ' C1 ', '12348.0', 12348, '12348', '', '合计', '客户编号', 'C3', 'C4', 'Acme');
const isoDate = fc.constantFrom<unknown>('2024-01-05', '2024-03-01', '2023-12-31', 45000, '2024年3月1日', '', 'x', '2024-02-30', '2025-06-01');
const orderDate = fc.constantFrom<unknown>('3/1/2024', '13/1/2024', '1/13/2024', '25.12.2024', '12/12/24', '1.2.2024');
const amount = fc.constantFrom<unknown>('10', '-5', '1,234.5', '', 'abc', 3.5, '0', '¥20');
// A name that repeats the key ("C1", "Acme") says nothing; the smallest other name wins.
const name = fc.constantFrom<unknown>('华东机械', 'Acme', '', 'C1', 'Zeta', 'alpha');
const email = fc.constantFrom<unknown>('', 'a@x.com', 'b@y.cn; a@x.com', 'B@Y.CN', 'not an email');
const owner = fc.constantFrom<unknown>('', '王芳', 'Li', 'li');
const row = (date: fc.Arbitrary<unknown>) => fc.tuple(key, name, date, amount, fc.constantFrom<unknown>('A1', 'C9', ''), email, owner, fc.oneof(isoDate, orderDate));

/** Everything a reader gives, as plain data to compare (the key prefixes cut to the keys there are). */
function result(reader: LogColumnsReader) {
  const { log, reader: cells, notices } = reader.finish();
  const n = log.keys.length;
  const { prefixes, later, described, ...rest } = log as LogColumns;
  return {
    ...rest,
    later: Array.from(later.subarray(0, n)),
    lengths: Array.from(prefixes.lengths.subarray(0, n)),
    units: Array.from(prefixes.units.subarray(0, n * (prefixes.units.length / prefixes.lengths.length))),
    described: described && { names: described.names, emails: described.emails, owners: described.owners, segments: described.segments, regions: described.regions },
    errors: cells.errors,
    notices,
  };
}

/** One reader on every row of `table` (table[0] the header). */
function whole(table: unknown[][], asOf?: string) {
  const reader = logReader(columns, 'en', { asOf }, 0);
  reader.add(table, 0, 1);
  return result(reader);
}

/**
 * The rows before `split` read by one reader, the rest by a second numbering them from its part's
 * start, its part() structured-cloned (what a thread receives) and absorbed by the first; null when
 * the second holds rows for the day/month order and has no part to give.
 */
function inTwoParts(table: unknown[][], split: number, asOf?: string) {
  const first = logReader(columns, 'en', { asOf }, 0, true);
  first.add(table.slice(0, split), 0, 1);
  const second = logReader(columns, 'en', { asOf }, 0, true);
  second.add(table.slice(split), 0, 0);
  const part = second.part();
  if (part === null) {
    expect(second.holding).toBe(true);
    return null;
  }
  first.absorb(structuredClone(part), split);
  return result(first);
}

describe('a log read in two parts', () => {
  it('gives what one reader gives, wherever it is split', () => {
    let split = 0;
    fc.assert(
      fc.property(
        fc.array(row(fc.oneof(isoDate, isoDate, orderDate)), { maxLength: 40 }),
        fc.nat(),
        fc.constantFrom(undefined, '2024-02-01'),
        fc.boolean(),
        (rows, cut, asOf, orderFreeSecond) => {
          const at = 1 + (cut % (rows.length + 1));
          // The second part's dates often read the same in either order, so that it can be handed over.
          const table = [HEADER, ...rows.map((r, i) => (orderFreeSecond && i + 1 >= at && typeof r[2] === 'string' && r[2].includes('/') ? [...r.slice(0, 2), '2024-01-05', ...r.slice(3)] : [...r]))];
          const two = inTwoParts(table, at, asOf);
          if (two === null) return;
          split++;
          expect(two).toEqual(whole(table, asOf));
        },
      ),
      { numRuns: 600 },
    );
    // Most cases were handed over (not all held for the order).
    expect(split).toBeGreaterThan(300);
  });

  it('numbers the second part’s errors, skipped rows and cancellations on from the rows before it', () => {
    const table = [
      HEADER,
      ['C1', 'Acme', '2024-01-05', '10', 'A1', 'a@x.com', 'Li', ''],
      ['C2', '', '2024-01-06', '20', '', '', '', ''],
      // The second part: row 4 onwards.
      ['C2', 'Zeta', '2024-01-07', 'abc', '', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['C1', 'Able', '2024-01-08', '5', 'C7', 'b@y.cn', 'li', ''],
      ['C3', '', '2024-01-02', '7', '', '', '', ''],
    ];
    const two = inTwoParts(table, 3)!;
    expect(two).toEqual(whole(table));
    expect(two.errors.map((e) => [e.row, e.code])).toEqual([[4, 'not_a_number']]);
    expect(two.notices.filter((n) => n.code === 'skipped_blank').map((n) => [n.row, n.message])).toEqual([[5, 'row 5 is blank and was skipped']]);
    // Rows 2 and 3 before the split, 6 (a cancellation: order C7) and 7 after it.
    expect(Array.from(two.row)).toEqual([2, 3, -6, 7]);
    expect(two.keys).toEqual(['C1', 'C2', 'C3']);
    expect(Array.from(two.keyId)).toEqual([0, 1, 0, 2]);
    expect(two.dayOrdered).toBe(false); // 2024-01-02 after 2024-01-08
    expect(two.described).toMatchObject({ names: ['Able', null, null], emails: [['a@x.com', 'b@y.cn'], undefined, undefined], owners: ['Li', null, null] });
  });

  it('a name that repeats the key is passed over, so that the name is the same in any row order (and in parts)', () => {
    const rows = [
      ['C1', 'Zeta', '2024-01-05', '10', '', '', '', ''],
      ['C1', 'C1', '2024-01-06', '10', '', '', '', ''],
      ['C1', 'alpha', '2024-01-07', '10', '', '', '', ''],
    ];
    // The smallest other name, as JavaScript compares texts: "Zeta" < "alpha".
    for (const order of [rows, [...rows].reverse(), [rows[1]!, rows[0]!, rows[2]!]]) {
      expect(whole([HEADER, ...order]).described!.names).toEqual(['Zeta']);
      for (const at of [1, 2, 3]) expect(inTwoParts([HEADER, ...order], at)!.described!.names).toEqual(['Zeta']);
    }
    // Only the key as a name: no name (the key stands for it).
    expect(whole([HEADER, rows[1]!]).described!.names).toEqual([null]);
  });

  it('a second part that meets a date reading differently day first and month first holds its rows and has no part to give', () => {
    const second = logReader(columns, 'en', {}, 0, true);
    second.add([['C1', '', '2024-01-05', '10', '', '', '', '']], 0, 0);
    expect(second.holding).toBe(false);
    second.add([['C1', '', '3/1/2024', '10', '', '', '', '']], 1, 0);
    expect(second.holding).toBe(true);
    expect(second.part()).toBeNull();
  });
});
