import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CustomerTableReader, type ReadResult } from '../../../shared/ingest/read-customers';
import { findHeaderRow } from '../../../shared/ingest/find-header-row';
import { asCustomerColumns, headerAt } from '../../../shared/analysis-steps';
import { generateCustomers } from '../../../shared/sample/generate-customers';
import type { Column, Lang } from '../../../shared/types';

/** Cells a real export may hold in any column: blanks, placeholders, amounts as people write them, dates both ways, answers, junk. */
const MESSES = [
  '', ' ', '-', 'N/A', '无', ' 12 ', '1,234.50', '¥80', '-¥1,234', '$12,345,678', '-5', '-0', '35%', '150', '0.35', '1.5', '100', '007', '00.10',
  '.5', '5.', '1e5', '１２３', '12345678901234567890', '3万', '2.5k', '3/4/2026', '13/4/2026', '4/13/2026', '2026/3/4', '2026.03.04', '31/31/2020',
  '1850-01-01', '2026-02-30', '2026-11-20', '2099-01-01', '45000', 'abc', 'yes', '否', '是', '高', '低', 'high', '满意', '非常满意', 'unhappy',
  'x@y.com; z@w.cn', 'a@b', 'bad mail', 'Total', '合计', '小计', '12348.0', 'C0000001', 'C0000002', '[C9]', 'Grand Total',
  'say "hi"', 'a,b', 'a;b', 'two\nlines', 'tab\there', '"', '1,234',
];

/** A cell as RFC 4180 writes it: quoted when it must be (a delimiter, quote or line break in it), or when `always`. */
function field(cell: string, delimiter: string, always: boolean): string {
  return always || cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The rows' text, cut by `delimiter` and `linebreak`; `quoted` says which rows quote every cell. */
function textOf(rows: string[][], delimiter: string, linebreak: string, finalBreak: boolean, quoted: (i: number) => boolean): string {
  return rows.map((r, i) => r.map((c) => field(c, delimiter, quoted(i))).join(delimiter)).join(linebreak) + (finalBreak ? linebreak : '');
}

/** Everything a reader's result says: the customers field by field, errors, notices, counts. */
function plain(r: ReadResult) {
  return { customers: r.customers.toInputs(), errors: r.reader.errors, notices: r.notices, rows: r.rows };
}

interface Case {
  rows: string[][];
  headerIndex: number;
  columns: Column[];
  lang: Lang;
}

/** A generated table in one language, its cells as text, with `messes` ([row, column, mess]) written over it. */
function messyCase(seed: number, n: number, lang: Lang, messes: [number, number, number][], shapes: [number, number][], slashDates: 'dmy' | 'mdy' | 'none'): Case {
  const table = generateCustomers(n, { seed, lang, asOf: '2026-11-28' }).map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const header = table[0]!;
  // Dates written day first or month first, as the column's order then decides.
  const rows = table.map((r, i) =>
    r.map((cell) => {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
      if (i === 0 || !iso || slashDates === 'none') return cell;
      return slashDates === 'dmy' ? `${iso[3]}/${iso[2]}/${iso[1]}` : `${iso[2]}/${iso[3]}/${iso[1]}`;
    }),
  );
  for (const [r, c, m] of messes) {
    const row = rows[1 + (r % (rows.length - 1))]!;
    row[c % row.length] = MESSES[m % MESSES.length]!;
  }
  // Rows of other shapes: blank, cut short, one cell more, the header again, a key only, the header again under a key.
  for (const [r, shape] of shapes) {
    const at = 1 + (r % (rows.length - 1));
    const row = rows[at]!;
    const other = [[''], row.slice(0, 1 + (r % Math.max(1, row.length - 1))), [...row, 'extra'], [...header], [row[0]!], [row[0]!, ...header.slice(1)]][shape % 6]!;
    rows.splice(at, 0, other);
  }
  const withTitle = [[lang === 'zh' ? '客户报表' : 'Customer report'], ...rows];
  const headerIndex = findHeaderRow(withTitle);
  const columns = asCustomerColumns(headerAt(withTitle, headerIndex, lang, []).match.columns);
  return { rows: withTitle, headerIndex, columns, lang };
}

/** The rows read as rows (add), the reference. */
function byRows(c: Case): ReadResult {
  const reader = new CustomerTableReader(c.columns, c.lang, 0, true);
  reader.add(c.rows, 0, c.headerIndex + 1);
  return reader.finish();
}

/**
 * The same table read from its text: the rows up to the header as rows, then the text of the rest
 * in pieces of whole rows (cut before the rows at `cuts`, shares of the rows), some pieces as rows.
 */
function byLines(c: Case, delimiter: string, linebreak: string, finalBreak: boolean, quoted: (i: number) => boolean, cuts: number[], asRows: boolean[]): ReadResult {
  const reader = new CustomerTableReader(c.columns, c.lang, 0, true);
  reader.add(c.rows.slice(0, c.headerIndex + 1), 0, c.headerIndex + 1);
  const body = c.rows.slice(c.headerIndex + 1);
  const bounds = [...new Set(cuts.map((s) => Math.floor(s * body.length)).filter((k) => k > 0 && k < body.length))].sort((a, b) => a - b);
  let at = 0;
  let k = 0;
  for (const end of [...bounds, body.length]) {
    const rows = body.slice(at, end);
    const first = c.headerIndex + 1 + at;
    if (asRows[k++ % Math.max(1, asRows.length)]) reader.add(rows, first);
    else {
      const last = end === body.length;
      const text = textOf(rows, delimiter, linebreak, !last || finalBreak, (i) => quoted(at + i));
      expect(reader.addLines(text, first, delimiter, linebreak)).toEqual({ rows: rows.length, end: text.length });
    }
    at = end;
  }
  return reader.finish();
}

describe('a customer table read from its text line by line gives what its rows give', () => {
  it('property: messy tables in both languages, any delimiter and line break, read in pieces, some as rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom<Lang>('zh', 'en'),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 120 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
        fc.constantFrom('dmy' as const, 'mdy' as const, 'none' as const),
        fc.constantFrom(',', '\t', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        fc.array(fc.boolean(), { maxLength: 3 }),
        fc.integer({ min: 0, max: 4 }),
        (seed, n, lang, messes, shapes, slashDates, delimiter, linebreak, finalBreak, cuts, asRows, quoteEvery) => {
          const c = messyCase(seed, n, lang, messes, shapes, slashDates);
          // Every cell quoted on every row, every other row, every third…, or only where it must be.
          const quoted = (i: number) => quoteEvery > 0 && i % quoteEvery === 0;
          expect(plain(byLines(c, delimiter, linebreak, finalBreak, quoted, cuts, asRows))).toEqual(plain(byRows(c)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads every cell kind in place as its row does (hand-made lines: plain numbers, a percent share, a date, repeated texts, an error)', () => {
    const header = ['客户编号', '客户名称', '负责人', '本期销售额', '订单数', '上期份额', '最近购买', '满意度'];
    const lines = ['C1,甲公司,王芳,1200.5,3,35,2026-11-20,满意', 'C2,乙公司,王芳,-7,2,0.4,2026-11-20,满意', 'C3,丙公司,李强,abc,-1,150,3/4/2026,很好吃'];
    const text = `${lines.join('\n')}\n`;
    const columns = asCustomerColumns(headerAt([header], 0, 'zh', []).match.columns);
    const reader = new CustomerTableReader(columns, 'zh', 0, true);
    expect(reader.addLines(text, 1, ',', '\n')).toEqual({ rows: 3, end: text.length });
    const r = reader.finish();
    const [c1, c2, c3] = r.customers.toInputs();
    expect([c1!.key, c1!.owner, c1!.revenue, c1!.orders, c1!.sharePrev, c1!.lastPurchase]).toEqual(['C1', '王芳', 1200.5, 3, 0.35, Date.UTC(2026, 10, 20) / 86_400_000]);
    expect([c2!.revenue, c2!.sharePrev]).toEqual([-7, 0.4]);
    // C3's revenue is fatal (not a number): the row is rejected, its other errors reported with it.
    expect(c3).toBeUndefined();
    expect(r.rows).toEqual({ read: 3, accepted: 2, rejected: 1, skipped: 0 });
    expect(r.reader.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, '本期销售额', 'not_a_number'],
      [4, '订单数', 'negative'],
      [4, '上期份额', 'share_range'],
      [4, '满意度', 'not_a_level'],
    ]);
  });

  it('a line the shortcut declines after cutting some of its cells (a doubled quote) is read from its start', () => {
    const header = ['客户编号', '客户名称', '邮箱', '负责人'];
    const columns = asCustomerColumns(headerAt([header], 0, 'zh', []).match.columns);
    const text = 'C1,甲公司,"""",王芳\nC2,乙公司,b@x.cn,李强\n';
    const reader = new CustomerTableReader(columns, 'zh', 0, true);
    expect(reader.addLines(text, 1, ',', '\n')).toEqual({ rows: 2, end: text.length });
    const [c1, c2] = reader.finish().customers.toInputs();
    expect([c1!.key, c1!.name, c1!.owner, c2!.key, c2!.emails, c2!.owner]).toEqual(['C1', '甲公司', '王芳', 'C2', ['b@x.cn'], '李强']);
  });

  it('columns sized for the rows to come stay that size', () => {
    const header = ['客户编号', '本期销售额'];
    const columns = asCustomerColumns(headerAt([header], 0, 'zh', []).match.columns);
    const n = 5000;
    const text = Array.from({ length: n }, (_, i) => `C${String(i).padStart(5, '0')},${i}\n`).join('');
    const reader = new CustomerTableReader(columns, 'zh', n, true);
    expect(reader.addLines(text, 1, ',', '\n').rows).toBe(n);
    expect(reader.finish().customers.num.revenue.buffer.byteLength).toBe(8 * n);
  });
});
