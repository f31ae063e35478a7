/**
 * A cell reader's amounts and counts from text cells are exactly what parseNumber reads (the plain
 * decimal shortcut gives the same double, -0 as 0, and leaves every other text to parseNumber),
 * shares read the same through their shortcut, and a cell it cannot read is an error with its row and column.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BAD, CellReader } from '../../../shared/ingest/cell-reader';
import { parseNumber } from '../../../shared/ingest/parse-number';
import type { Column } from '../../../shared/types';

const col = { index: 0, field: 'revenue', header: 'Revenue' } as unknown as Column;

const text = fc.oneof(
  fc.stringMatching(/^-?\d{1,20}(\.\d{1,6})?$/),
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom('', ' 12 ', '1,234.5', '-0', '0.0', '12.', '.5', '1e3', '¥1,200', '(300)', '12万', '35%', '1e16', '9999999999999999', 'abc'),
);

function expected(cell: unknown, count: boolean): number | null | typeof BAD {
  const p = parseNumber(cell);
  if (p === null) return null;
  if (!p.ok) return BAD;
  if (count && p.value < 0) return BAD;
  return p.value;
}

describe('CellReader numbers from text', () => {
  it('amount and count read what parseNumber reads (text and number cells)', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.double(), fc.integer(), fc.constantFrom(-0, 1e-300, 1e300, Number.NaN, Number.POSITIVE_INFINITY)), (cell) => {
        const r = new CellReader('en', new Map());
        expect(r.amount(2, col, cell, false)).toBe(expected(cell, false));
        expect(r.count(2, col, cell)).toBe(expected(cell, true));
      }),
      { numRuns: 2000 },
    );
  });

  it('share reads what parseNumber reads, as a fraction (text and number cells)', () => {
    const shareOf = (cell: unknown): number | null | typeof BAD => {
      const p = parseNumber(cell);
      if (p === null) return null;
      if (!p.ok) return BAD;
      const v = !p.percent && p.value > 1 && p.value <= 100 ? p.value / 100 : p.value;
      return v < 0 || v > 1 ? BAD : v;
    };
    const cells = fc.oneof(text, fc.double(), fc.double({ min: -2, max: 120 }), fc.constantFrom(0, -0, 1, 100, 100.5, 1e-300, 35, '35', '0.35', '35%', '-0'));
    fc.assert(
      fc.property(cells, (cell) => {
        const r = new CellReader('en', new Map());
        expect(r.share(2, col, cell)).toBe(shareOf(cell));
        expect(r.errors.length).toBe(shareOf(cell) === BAD ? 1 : 0);
      }),
      { numRuns: 3000 },
    );
    const r = new CellReader('en', new Map());
    expect([r.share(2, col, '35'), r.share(2, col, 0.35), r.share(2, col, '35%'), r.share(2, col, 1), r.share(2, col, 100)]).toEqual([0.35, 0.35, 0.35, 1, 1]);
    expect(r.share(4, col, '-3')).toBe(BAD);
    expect(r.errors).toEqual([expect.objectContaining({ row: 4, column: 'Revenue', code: 'share_range', value: '-3' })]);
  });

  it('worked examples, and an error names its row and column', () => {
    const r = new CellReader('en', new Map());
    expect(r.amount(2, col, '1234', true)).toBe(1234);
    expect(r.amount(2, col, '-12.5', true)).toBe(-12.5);
    expect(Object.is(r.amount(2, col, '-0', true), 0)).toBe(true);
    expect(Object.is(r.amount(2, col, -0, true), 0)).toBe(true);
    expect(r.count(3, col, '-4')).toBe(BAD);
    expect(r.errors).toEqual([expect.objectContaining({ row: 3, column: 'Revenue', code: 'negative', value: '-4' })]);
  });
});
