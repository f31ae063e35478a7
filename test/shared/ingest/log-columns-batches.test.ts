/**
 * LogColumnsReader reads a log the same whether it gets the rows at once or a batch at a time, cut
 * anywhere: the same columns, errors and notices. Each date column's day/month order is decided as
 * decideDayOrder decides it on the column's cells holding a slash or a dot (runs of equal cells
 * included), and rows before the first date whose reading depends on that order are read as they
 * come: the caller may let them go.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logReader } from '../../../shared/ingest/read-transactions';
import { matchHeaders } from '../../../shared/ingest/headers';
import { decideDayOrder } from '../../../shared/ingest/parse-date';
import { dayOrderNotice } from '../../../shared/ingest/day-orders';
import type { LogColumns } from '../../../shared/ingest/log-columns';

const HEADER = ['客户编号', '客户名称', '日期', '金额', '订单号', '最近联系'];
const { columns } = matchHeaders(HEADER);

const key = fc.constantFrom<unknown>('C1', 'C2', ' C1 ', '12348.0', 12348, '12348', '', '合计', '客户编号', 'C3');
const isoDate = fc.constantFrom<unknown>('2024-01-05', '2024-03-01', '2023-12-31', 45000, '2024年3月1日', '', 'x', '2024-02-30');
const orderDate = fc.constantFrom<unknown>('3/1/2024', '13/1/2024', '1/13/2024', '25.12.2024', '12/12/24', '1.2.2024');
const amount = fc.constantFrom<unknown>('10', '-5', '1,234.5', '', 'abc', 3.5, '0', '¥20');
const row = (date: fc.Arbitrary<unknown>) =>
  fc.tuple(key, fc.constantFrom<unknown>('华东机械', 'Acme', ''), date, amount, fc.constantFrom<unknown>('A1', 'C9', ''), fc.oneof(isoDate, orderDate));

/** What the reader gives once every row is in: the log, the errors and the notices. */
function readAll(table: unknown[][], cuts: number[], asOf?: string, forget = false): { log: LogColumns; errors: unknown[]; notices: unknown[] } {
  const reader = logReader(columns, 'en', { asOf }, 0);
  const ends = [...new Set(cuts.map((c) => c % (table.length + 1)))].sort((a, b) => a - b);
  let from = 1;
  for (const end of [...ends, table.length]) {
    if (end <= from) continue;
    const batch = table.slice(from, end);
    reader.add(batch, from, 0);
    // Rows read as they come no longer matter to the reader: blank them.
    if (forget) for (const r of batch) r.fill('');
    from = end;
  }
  const { log, reader: cells, notices } = reader.finish();
  return { log: { ...log, prefixes: null as never, described: log.described ? { ...log.described } : null }, errors: cells.errors, notices };
}

describe('LogColumnsReader', () => {
  it('reads a log cut into batches anywhere as it reads it whole', () => {
    fc.assert(
      fc.property(fc.array(row(fc.oneof(isoDate, orderDate)), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(undefined, '2024-02-01'), (rows, cuts, asOf) => {
        const table = () => [HEADER, ...rows.map((r) => [...r])];
        const whole = readAll(table(), [], asOf);
        expect(readAll(table(), cuts, asOf)).toEqual(whole);
        const counts = whole.log.rows;
        expect(counts.accepted + counts.rejected + counts.skipped).toBe(counts.read);
        expect(counts.read).toBe(rows.length);
      }),
      { numRuns: 400 },
    );
  });

  it('decides each date column’s order as decideDayOrder does on its cells with a slash or a dot', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(row(fc.oneof(isoDate, orderDate)), fc.integer({ min: 1, max: 4 })), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 4 }), (runs, cuts) => {
        const rows = runs.flatMap(([r, n]) => Array.from({ length: n }, () => [...r]));
        const { notices } = readAll([HEADER, ...rows], cuts);
        const expected = [2, 5].flatMap((index) => {
          const cells = rows.map((r) => r[index]).filter((c) => typeof c === 'string' && (c.includes('/') || c.includes('.')));
          const notice = dayOrderNotice('en', columns.find((c) => c.index === index)!, decideDayOrder(cells));
          return notice ? [notice] : [];
        });
        expect(notices.filter((n) => (n as { code: string }).code.startsWith('day_order'))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads rows whose dates do not depend on the day/month order as they come: they can be let go', () => {
    fc.assert(
      fc.property(fc.array(row(isoDate), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const table = () => [HEADER, ...rows.map((r) => [...r])];
        expect(readAll(table(), cuts, undefined, true)).toEqual(readAll(table(), []));
      }),
      { numRuns: 300 },
    );
  });

  it('holds the rows from the first date whose reading depends on the order, and reads them in the order decided', () => {
    const table = [HEADER, ['C1', '', '2024-01-05', '10', '', ''], ['C1', '', '3/1/2024', '10', '', ''], ['C2', '', '13/1/2024', '5', '', '']];
    const r = readAll(table, [2, 3], undefined, false);
    // 13/1/2024 can only be day first: 3/1/2024 is 3 January.
    expect(Array.from(r.log.day)).toEqual([19727, 19725, 19735]);
    expect(r.notices[0]).toMatchObject({ code: 'day_order', message: 'dates in column "日期" read as day/month/year' });
  });
});
