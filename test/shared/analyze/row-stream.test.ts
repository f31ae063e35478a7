import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeLazily } from '../../../shared/analyze';
import { RowStreamAnalysis } from '../../../shared/row-stream-analysis';
import { CustomerTableReader } from '../../../shared/ingest/read-customers';
import { MAX_TITLE_ROWS } from '../../../shared/ingest/find-header-row';
import { generateCustomers } from '../../../shared/sample/generate-customers';
import { generateTransactions } from '../../../shared/sample/generate-transactions';
import type { LazyAnalysis } from '../../../shared/types';

/** Everything a surface reads of an analysis, customers built. */
function plain(a: LazyAnalysis) {
  return { ...a, customers: [...a.customers] };
}

/** Feed the table in batches cut at `cuts` (row indices), as a file is read. */
function streamed(table: unknown[][], cuts: number[], options = {}, expectedRows = 0): LazyAnalysis {
  const s = new RowStreamAnalysis(options);
  s.expectRows(expectedRows);
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < table.length)].sort((a, b) => a - b).concat(table.length)) {
    s.push(table.slice(at, cut), at);
    at = cut;
  }
  return s.finish();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A customer table with the messes a real export has, among generated customers. */
function messyTable(seed: number, n: number, slashDates: 'dmy' | 'mdy' | 'none'): unknown[][] {
  const table = generateCustomers(n, { seed, lang: 'en', asOf: '2026-11-28' }) as unknown[][];
  const header = table[0] as string[];
  const dateCols = header.map((h, i) => (/purchase|contact/i.test(h) ? i : -1)).filter((i) => i >= 0);
  const rows = table.slice(1).map((r) => [...r]);
  if (slashDates !== 'none')
    for (const r of rows)
      for (const c of dateCols) {
        const v = r[c];
        if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) continue;
        const [y, m, d] = v.split('-');
        r[c] = slashDates === 'dmy' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
      }
  // A repeated key, a blank row, a totals row, a bad date and a date before 1900.
  if (rows.length > 4) {
    rows.push([...rows[1]!]);
    rows.splice(2, 0, header.map(() => ''));
    const bad = [...rows[3]!];
    bad[dateCols[0]!] = '31/31/2020';
    rows.push(bad.map((v, i) => (i === 0 ? 'X-bad' : v)));
    const old = [...rows[4]!];
    old[dateCols[0]!] = `01/${pad(2)}/1850`;
    rows.splice(1, 0, old.map((v, i) => (i === 0 ? 'X-old' : v))); // read late, reported in its place
    rows.push(header.map((_, i) => (i === 0 ? 'Total' : '')));
  }
  return [['Customer report'], header, ...rows];
}

/** A transaction log with a title row, a blank, a totals, a repeated header, a keyless and a bad row, cancellations. */
function messyLog(seed: number, n: number, slashDates: 'dmy' | 'mdy' | 'none', withOrderIds: boolean): unknown[][] {
  const table = generateTransactions(n, { seed, asOf: '2026-11-28' }) as unknown[][];
  const header = [...(table[0] as string[]), ...(withOrderIds ? ['订单号'] : [])];
  const rows = table.slice(1).map((r, i) => {
    const row = [...r];
    if (slashDates !== 'none' && typeof row[1] === 'string') {
      const [y, m, d] = (row[1] as string).split('-');
      row[1] = slashDates === 'dmy' ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
    }
    if (withOrderIds) row.push(i % 7 === 3 ? `C${i}` : `O${i}`);
    return row;
  });
  if (rows.length > 3) {
    rows.splice(1, 0, header.map(() => ''));
    rows.splice(2, 0, [...header]);
    rows.push(['', rows[0]![1], 5, ...(withOrderIds ? [''] : [])]);
    rows.push([rows[0]![0], '31/31/2020', 5, ...(withOrderIds ? [''] : [])]);
    rows.push([rows[0]![0], rows[0]![1], -20, ...(withOrderIds ? [''] : [])]);
    rows.push(['合计', '', 999, ...(withOrderIds ? [''] : [])]);
  }
  return [['销售明细'], header, ...rows];
}

describe('a customer table read in two parts by two readers (as two threads read one file) gives what one reader gives', () => {
  it('property: messy tables cut anywhere after the header, the second part handed over as another thread would get it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: MAX_TITLE_ROWS + 2, max: 80 }),
        fc.constantFrom('dmy' as const, 'mdy' as const, 'none' as const),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 4 }),
        (seed, n, order, where, cuts) => {
          const table = messyTable(seed, n, order);
          // A date read only once its column's order is known, and a repeated key, late in the table.
          const header = table[1] as string[];
          const dateCol = header.findIndex((h) => /purchase/i.test(h));
          const late = [...table[table.length - 2]!];
          late[0] = 'X-late';
          late[dateCol] = '02/03/1850';
          table.splice(table.length - 1, 0, late, [...table[3]!]);
          // A row rejected early (revenue that is not a number): the late date's error still goes after it.
          const revenueCol = header.findIndex((h) => /^revenue$/i.test(h));
          table[4] = [...table[4]!];
          table[4][revenueCol] = 'n/a?';
          const want = plain(analyzeLazily(table.map((r) => [...r]), { asOf: '2026-11-28' }));

          // The first part through RowStreamAnalysis in batches, up to a cut past the rows it needs to know the table's kind.
          const first = new RowStreamAnalysis({ asOf: '2026-11-28' });
          const known = MAX_TITLE_ROWS + 2;
          const split = known + Math.floor(where * (table.length - known));
          let at = 0;
          for (const cut of [...cuts.map((c) => Math.min(c, split)), split].sort((a, b) => a - b)) {
            first.push(table.slice(at, cut), at);
            at = cut;
          }
          const columns = first.customerColumns;
          expect(columns).not.toBeNull();
          // The rest by a reader of its own that numbers its rows from the start of its part, handed over as a copy.
          const second = new CustomerTableReader(columns!, 'en', 0, true);
          second.add(table.slice(split), 0);
          first.absorb(structuredClone(second.part()), split);
          expect(plain(first.finish())).toEqual(want);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the day/month order is decided on both parts: a first part of dates that read both ways, the deciding date in the second', () => {
    const rows: unknown[][] = [['Customer', 'Revenue', 'Last order']];
    for (let i = 0; i < 40; i++) rows.push([`C${String(i).padStart(2, '0')}`, 100 + i, `0${1 + (i % 9)}/0${1 + (i % 7)}/2025`]);
    rows.push(['C99', 5, '25/03/2025']); // only day first reads this one
    const want = plain(analyzeLazily(rows.map((r) => [...r]), { asOf: '2026-11-28' }));
    expect(want.notices.some((n) => n.code === 'day_order')).toBe(true);
    const first = new RowStreamAnalysis({ asOf: '2026-11-28' });
    first.push(rows.slice(0, 30), 0);
    const second = new CustomerTableReader(first.customerColumns!, 'en', 0, true);
    second.add(rows.slice(30), 0);
    first.absorb(structuredClone(second.part()), 30);
    expect(plain(first.finish())).toEqual(want);
  });

  it('says once, before reading the first rows, which columns a customer table is read by; a log never', () => {
    const table = messyTable(5, 30, 'dmy');
    const stream = new RowStreamAnalysis({ asOf: '2026-11-28' });
    const heard: { columns: readonly unknown[]; readerThen: unknown }[] = [];
    stream.onCustomerColumns = (columns) => heard.push({ columns, readerThen: stream.lineReader });
    stream.push(table.slice(0, 3), 0);
    stream.push(table.slice(3, 20), 3);
    stream.push(table.slice(20), 20);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.readerThen).toBeNull();
    expect(heard[0]!.columns).toBe(stream.customerColumns);
    const log = new RowStreamAnalysis({ asOf: '2026-11-28' });
    log.onCustomerColumns = () => heard.push({ columns: [], readerThen: null });
    const rows: unknown[][] = [['Customer', 'Date', 'Amount']];
    for (let i = 0; i < 30; i++) rows.push([`C${i % 4}`, `2025-0${1 + (i % 9)}-10`, 10 + i]);
    log.push(rows, 0);
    expect(heard).toHaveLength(1);
  });

  it('a part with nothing in it changes nothing', () => {
    const table = messyTable(5, 30, 'dmy');
    const want = plain(analyzeLazily(table.map((r) => [...r]), { asOf: '2026-11-28' }));
    const first = new RowStreamAnalysis({ asOf: '2026-11-28' });
    first.push(table, 0);
    first.absorb(structuredClone(new CustomerTableReader(first.customerColumns!, 'en', 0, true).part()), table.length);
    expect(plain(first.finish())).toEqual(want);
  });
});

describe('RowStreamAnalysis gives what analyzeLazily gives on the whole table', () => {
  it('property: customer tables with day/month dates, repeats, blank, totals and bad rows, in random batches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom('dmy' as const, 'mdy' as const, 'none' as const),
        fc.array(fc.integer({ min: 0, max: 130 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 300 }),
        (seed, n, order, cuts, expected) => {
          const table = messyTable(seed, n, order);
          const want = plain(analyzeLazily(table.map((r) => [...r]), { asOf: '2026-11-28' }));
          // However wrong the expected row count (it only sizes memory), the analysis is the same.
          expect(plain(streamed(table, cuts, { asOf: '2026-11-28' }, expected))).toEqual(want);
          // Errors read late (dates waiting for their column's order) still come in row order.
          const rows = want.errors.map((e) => e.row);
          expect(rows).toEqual([...rows].sort((a, b) => a - b));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('property: transaction logs, kind told by their columns or by a repeated key, with messes, in random batches', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('dmy' as const, 'mdy' as const, 'none' as const),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
        fc.constantFrom(undefined, '2025-06-30', 'not a date'),
        fc.boolean(),
        (seed, n, order, withOrderIds, cuts, asOf, model) => {
          const table = messyLog(seed, n, order, withOrderIds);
          const options = { asOf, model };
          let want: unknown;
          try {
            want = plain(analyzeLazily(table.map((r) => [...r]), options));
          } catch (e) {
            want = e;
          }
          let got: unknown;
          try {
            got = plain(streamed(table, cuts, options, 50));
          } catch (e) {
            got = e;
          }
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a log read as it comes: the rows already read can be let go', () => {
    const log = generateTransactions(3000, { seed: 3, asOf: '2026-11-28' }) as unknown[][];
    const want = plain(analyzeLazily(log.map((r) => [...r])));
    const s = new RowStreamAnalysis({});
    let at = 0;
    for (const cut of [100, 1777, 2500, log.length]) {
      const batch = log.slice(at, cut).map((r) => [...r]);
      s.push(batch, at);
      // Once the first batch has shown a log (a key repeats in it), rows are read as they come.
      if (at > 0) for (const r of batch) r.fill('');
      at = cut;
    }
    expect(plain(s.finish())).toEqual(want);
  });

  it('a table of keys, dates and amounts whose keys never repeat is a customer table, read whole', () => {
    const rows: unknown[][] = [['Customer', 'Date', 'Amount']];
    for (let i = 0; i < 30; i++) rows.push([`C${i}`, '2026-01-05', 10 + i]);
    const a = plain(streamed(rows, [2, 9, 20]));
    expect(a.kind).toBe('customers');
    expect(a).toEqual(plain(analyzeLazily(rows.map((r) => [...r]))));
  });

  it('a table shorter than the title rows allow is analysed whole, errors included', () => {
    const short = [['Customer', 'Revenue'], ['A', '10']];
    expect(plain(streamed(short, [1]))).toEqual(plain(analyzeLazily(short.map((r) => [...r]))));
    expect(() => streamed([['x']], [])).toThrow();
  });

  it('reads day/month dates in the order the whole column decides, even when the deciding date comes last', () => {
    const rows: unknown[][] = [['Customer', 'Revenue', 'Last purchase']];
    for (let i = 0; i < 40; i++) rows.push([`C${i}`, 10 + i, '03/04/2026']);
    rows.push(['C-last', 5, '25/04/2026']); // only day/month/year can read this one
    const a = plain(streamed(rows, [3, 20]));
    expect(a.customers.find((c) => c.key === 'C0')!.lastPurchase).toBe('2026-04-03');
    expect(a).toEqual(plain(analyzeLazily(rows.map((r) => [...r]))));
  });
});
