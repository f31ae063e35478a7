/** Cells that try to take the analysis over: impossible dates, endless numbers, huge cells, a stray quote. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../shared/analyze';
import { readTransactions } from '../../../shared/ingest/read-transactions';
import { readDelimited } from '../../../shared/csv/read-delimited';
import { CellReader } from '../../../shared/ingest/cell-reader';
import { daysFromCivil, plausibleDays } from '../../../shared/ingest/parse-date';
import { formatRowError } from '../../../shared/i18n/messages';
import { byKey } from './helpers';

const HEADER = ['Customer ID', 'Customer', 'Revenue', 'Last order'];

describe('implausible dates are row errors and never the analysis date', () => {
  it("a customer's 'Last order 9999-12-31' is reported; the default analysis date is the latest plausible date", () => {
    const a = analyze([HEADER, ['C1', 'Acme', '5000', '2026-10-01'], ['C2', 'Beta', '3000', '9999-12-31'], ['C3', 'Gamma', '1000', '1850-01-01'], ['C4', 'Delta', '800', '2026-08-01']]);
    expect(a.summary.asOf).toBe('2026-10-01');
    expect(a.errors).toEqual([
      { row: 3, column: 'Last order', value: '9999-12-31', code: 'implausible_date', reason: 'is not a plausible date (before 1900, or more than a year from today)', fatal: false },
      { row: 4, column: 'Last order', value: '1850-01-01', code: 'implausible_date', reason: 'is not a plausible date (before 1900, or more than a year from today)', fatal: false },
    ]);
    expect(byKey(a, 'C2').lastPurchase).toBeNull();
    expect(a.summary.rows).toEqual({ read: 4, accepted: 4, rejected: 0, skipped: 0 });
    // no reason speaks of millions of days of silence
    expect(JSON.stringify(a)).not.toMatch(/\d{7,} ?days/);
  });

  it('in a transaction log the row is rejected and the analysis date comes from the other rows', () => {
    const t = readTransactions([
      ['Customer ID', 'Date', 'Amount'],
      ['C1', '2026-10-01', '100'],
      ['C1', '9999-12-31', '100'],
      ['C2', '2026-09-01', '50'],
      ['C2', '1899-12-31', '50'],
    ]);
    expect(t.asOf).toBe('2026-10-01');
    expect(t.rows).toEqual({ read: 4, accepted: 2, rejected: 2, skipped: 0 });
    expect(t.errors.map((e) => [e.row, e.code, e.fatal])).toEqual([
      [3, 'implausible_date', true],
      [5, 'implausible_date', true],
    ]);
  });

  it('the range is 1900-01-01 to a year after today; Sheets serial 1 (1899-12-31) is outside', () => {
    const today = daysFromCivil(2026, 11, 30);
    expect(plausibleDays(today)).toEqual({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2027, 12, 1) });
    const reader = new CellReader('en', new Map(), plausibleDays(today));
    const col = { field: 'last_purchase' as const, index: 0, header: 'Last order' };
    expect(reader.date(2, col, '2027-12-01')).toBe(daysFromCivil(2027, 12, 1));
    expect(reader.date(2, col, '1900-01-01')).toBe(daysFromCivil(1900, 1, 1));
    expect(typeof reader.date(3, col, '2027-12-02')).toBe('symbol');
    expect(typeof reader.date(4, col, 1)).toBe('symbol');
    expect(reader.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'implausible_date'],
      [4, 'implausible_date'],
    ]);
  });
});

describe('numbers that would overflow', () => {
  it('a 309-digit revenue is a row error, the rest is analysed, and no figure is NaN or Infinity', () => {
    const huge = '9'.repeat(309);
    const a = analyze([HEADER, ['C1', 'Acme', huge, '2026-10-01'], ['C2', 'Beta', '3000', '2026-09-15'], ['C3', 'Gamma', '1000', '2026-06-01']]);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatchObject({ row: 2, column: 'Revenue', code: 'too_large', fatal: true });
    expect(a.summary.rows).toEqual({ read: 3, accepted: 2, rejected: 1, skipped: 0 });
    const json = JSON.stringify(a);
    expect(json).not.toMatch(/NaN|Infinity|null%/);
    expect(a.customers.every((c) => Number.isFinite(c.metric))).toBe(true);
    expect(byKey(a, 'C2').tier).toBe('A');
  });

  it('the largest accepted amounts, merged and summed, stay finite', () => {
    const rows = [HEADER];
    for (let i = 0; i < 200; i++) rows.push([`C${i % 3}`, 'x', '1e15', '2026-10-01']);
    const a = analyze(rows);
    expect(a.errors).toEqual([]);
    expect(a.summary.totals.revenue).toBe(200e15);
    expect(JSON.stringify(a)).not.toMatch(/NaN|Infinity/);
  });
});

describe('a 10 MB bad cell', () => {
  it('is cut to its first 60 characters and "…" in the error', () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const a = analyze([HEADER, ['C1', 'Acme', big, '2026-10-01'], ['C2', 'Beta', '3000', big]]);
    expect(a.errors.map((e) => e.value)).toEqual([`${'x'.repeat(60)}…`, `${'x'.repeat(60)}…`]);
    expect(formatRowError('en', a.errors[0]!)).toBe(`row 2: Revenue '${'x'.repeat(60)}…' is not a number`);
    expect(formatRowError('zh', { row: 9, column: '销售额', value: '客'.repeat(100), code: 'not_a_number', reason: '不是数字', fatal: true })).toBe(`第 9 行: 销售额 '${'客'.repeat(60)}…' 不是数字`);
  });
});

describe('a stray quote in a 1,000-customer CSV', () => {
  it('every customer is read, and the notice names the row', () => {
    const lines = ['Customer ID,Customer,Revenue'];
    for (let i = 1; i <= 1000; i++) lines.push(i === 5 ? '"Acme 4,5' : `C${i},Customer ${i},${1000 + i}`);
    const file = readDelimited(new TextEncoder().encode(`${lines.join('\r\n')}\r\n`), 'en');
    expect(file.rows).toHaveLength(1001);
    expect(file.notices.map((n) => n.code)).toEqual(['encoding', 'stray_quote']);
    expect(file.notices[1]).toMatchObject({ row: 6 });
    const a = analyze(file.rows, { asOf: '2026-11-30' });
    expect(a.summary.rows.read).toBe(1000);
    // the stray-quote row is a customer of its own: id '"Acme 4', name '5', no revenue
    expect(a.customers).toHaveLength(1000);
    expect(a.customers.some((c) => c.key === 'C6' && c.revenue === 1006)).toBe(true);
  });
});
