/**
 * Generators of hostile input for the adversarial suite: cells, headers, tables, bytes and
 * settings such as an attacker, a broken export or a careless paste produce.
 */
import fc from 'fast-check';
import { DEFAULT_SETTINGS, settingsToRows } from '../../shared/settings';

/** Headers Rapport understands (a few per field) and headers meant to confuse it. */
export const HEADERS = [
  'Customer ID',
  'Customer',
  '客户编号',
  '客户名称',
  'Email',
  'Revenue',
  '销售额',
  'Previous revenue',
  'Profit',
  'Cost to serve',
  'Orders',
  'First order',
  'Last order',
  'Last contact',
  'Date',
  'Amount',
  'Quantity',
  'Unit price',
  'Invoice No',
  'Share of wallet',
  'Wallet',
  'Overdue days',
  'Credit limit',
  'Receivable',
  'Satisfaction',
  'Complaints',
  'Switching cost',
  'Buys from competitor',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '=HYPERLINK("http://x","y")',
  '',
];

/** Cells of every kind a table may hold, most of them hostile. */
export const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5000, max: 100_000 }).map(String) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 2, arbitrary: fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '-',
      'N/A',
      '9999-12-31',
      '0001-01-01',
      '1899-12-31',
      '2024-02-30',
      '1',
      '99999999999999999999',
      '9'.repeat(309),
      `-${'9'.repeat(309)}`,
      '1e300',
      '1e400',
      '-1e308',
      'NaN',
      'Infinity',
      '-Infinity',
      '0x10',
      '1,2,3',
      '(1,234)',
      '12%',
      '1.2万',
      '¥1,234',
      '=HYPERLINK("http://evil","x")',
      '@SUM(1+1)',
      '+cmd|calc!A0',
      '-1+1',
      '"',
      '""',
      '"Acme 4,5',
      '\u0000',
      '\ufeff',
      '\ud800',
      '__proto__',
      'constructor',
      '合计',
      'Total',
      '高度满意',
      '6',
      'C1',
      'C2',
      'C1.0',
      'x'.repeat(200),
    ),
  },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e300, 5e-324)) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, new Date(NaN), new Date(Date.UTC(2024, 5, 1)), new Date(Date.UTC(9999, 11, 31)), {}, [], 10n ** 400n) },
);

/** A table: a header row of 1–7 headers, then 0–25 rows of hostile cells (ragged rows allowed). */
export const hostileTable: fc.Arbitrary<unknown[][]> = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 7 }), fc.array(fc.array(hostileCell, { maxLength: 8 }), { maxLength: 25 }))
  .map(([header, rows]) => [header, ...rows]);

/** Rows keyed by a few repeating ids: a plausible transaction log or customer table, with hostile amounts and dates. */
export const keyedTable: fc.Arbitrary<unknown[][]> = fc
  .tuple(
    fc.constantFrom(['Customer ID', 'Date', 'Amount'], ['Customer ID', 'Customer', 'Revenue', 'Profit', 'Last order'], ['客户编号', '销售额', '上期销售额', '最近购买', '逾期天数']),
    fc.array(fc.tuple(fc.constantFrom('C1', 'C2', 'C3', 'C4', 'C5', ''), hostileCell, hostileCell, hostileCell, hostileCell), { minLength: 1, maxLength: 30 }),
  )
  .map(([header, rows]): unknown[][] => [[...header], ...rows.map((r) => r.slice(0, header.length))]);

const settingsKey = fc.oneof(
  fc.constantFrom(...settingsToRows(DEFAULT_SETTINGS).map(([k]) => k)),
  fc.constantFrom('__proto__.asOf', '__proto__', 'constructor.prototype.asOf', 'toString', 'constructor', 'hasOwnProperty', 'tiers.valueOf', 'tiers.__proto__.a', 'visitDays.E', 'model', 'tiers'),
  fc.string({ maxLength: 10 }),
);

/** Rows of a "Rapport settings" sheet as a shared template might carry them. */
export const hostileSettingsRows: fc.Arbitrary<unknown[][]> = fc.array(fc.tuple(settingsKey, hostileCell), { maxLength: 12 });
