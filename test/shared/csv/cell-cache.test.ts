import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CellCache } from '../../../shared/csv/cell-cache';

describe('CellCache', () => {
  it('gives the cell text, whether or not an equal cell was seen before', () => {
    const cache = new CellCache();
    const text = '华东,0,2026-01-02|华东,0,2026-01-03|华南,00,2026-01-02';
    const read = (line: number, column: number) => {
      const from = text.split('|').slice(0, line).join('|').length + (line > 0 ? 1 : 0);
      const cells = text.split('|')[line]!.split(',');
      const start = from + cells.slice(0, column).join(',').length + (column > 0 ? 1 : 0);
      return cache.cell(text, start, start + cells[column]!.length, column);
    };
    expect([0, 1, 2].map((line) => [0, 1, 2].map((column) => read(line, column)))).toEqual([
      ['华东', '0', '2026-01-02'],
      ['华东', '0', '2026-01-03'],
      ['华南', '00', '2026-01-02'],
    ]);
    expect(cache.cell(text, 3, 3, 70)).toBe('');
  });

  it('a column that rarely repeats (read without the cache after a trial) still gives every cell', () => {
    const cache = new CellCache();
    const values = Array.from({ length: 10_000 }, (_, i) => String(i * 7919));
    const text = values.join(',');
    let start = 0;
    const read = values.map((v) => {
      const cell = cache.cell(text, start, start + v.length, 0);
      start += v.length + 1;
      return cell;
    });
    expect(read).toEqual(values);
    expect(cache.cell(text, 0, 1, 0)).toBe('0');
  });

  it('property: every cell equals text.slice(start, end), for any sequence of cells and columns (colliding slots, long cells, many columns)', () => {
    const unit = fc.constantFrom('a', 'b', '0', '1', '-', '客', '户', ' ');
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 1, maxLength: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.nat({ max: 80 })), { maxLength: 10_000 }),
        (text, reads) => {
          const cache = new CellCache();
          for (const [at, length, column] of reads) {
            const start = at % text.length;
            const end = Math.min(text.length, start + length);
            expect(cache.cell(text, start, end, column)).toBe(text.slice(start, end));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
