/**
 * decideDayOrders decides each date column from its 'a/b/yyyy'-like cells exactly as
 * decideDayOrder does on the column's cells holding a slash or a dot, also when equal cells stand
 * in runs (it looks at a run's first cell only).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideDayOrders } from '../../../shared/ingest/day-orders';
import { decideDayOrder } from '../../../shared/ingest/parse-date';
import type { Column } from '../../../shared/types';

const cell = fc.constantFrom<unknown>('3/1/2024', '13/1/2024', '1/13/2024', '1.2.2024', '25.12.2024', '2024-01-05', '', null, 44000, '12/12/24', 'x');

describe('decideDayOrders', () => {
  it('gives decideDayOrder of each column’s cells with a slash or a dot, runs of equal cells included', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, fc.integer({ min: 1, max: 4 })), { maxLength: 60 }), (runs) => {
        const cells = runs.flatMap(([c, n]) => Array.from({ length: n }, () => c));
        const table = [['Date', 'Other'], ...cells.map((c) => [c, 'x'])];
        const column: Column = { index: 0, header: 'Date', field: 'date' };
        const expected = decideDayOrder(cells.filter((c) => typeof c === 'string' && (c.includes('/') || c.includes('.'))));
        expect(decideDayOrders(table, [column]).get(0)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
