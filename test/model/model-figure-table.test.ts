import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ModelFigureTable, type PointFigures } from '../../shared/model/model-figure-table';
import type { ModelFigures } from '../../shared/types';

/** A table of `keys.length` rows over `m` points whose figures are their index plus a field offset. */
function table(keys: string[], pointOf: number[], spend: (number | null)[], m: number): ModelFigureTable {
  const col = (offset: number) => Float64Array.from({ length: m }, (_, k) => k + offset);
  const points: PointFigures = { x: col(0), tx: col(0.1), T: col(0.2), pAlive: col(0.3), expectedPurchases: col(0.4), discounted: col(0.5), pNoPurchase: col(0.6) };
  return new ModelFigureTable(keys, Int32Array.from(pointOf), points, Float64Array.from(spend, (s) => s ?? NaN), 'mbgnbd');
}

/** What fitRfmRows used to build: one Map.set per row, in row order. */
function asMap(keys: string[], pointOf: number[], spend: (number | null)[]): Map<string, ModelFigures> {
  const map = new Map<string, ModelFigures>();
  keys.forEach((key, r) => {
    const k = pointOf[r]!;
    const s = spend[r]!;
    map.set(key, { x: k, tx: k + 0.1, T: k + 0.2, pAlive: k + 0.3, expectedPurchases: k + 0.4, expectedSpend: s, clv: s === null ? null : (k + 0.5) * s, pNoPurchase: k + 0.6, purchaseModel: 'mbgnbd' });
  });
  return map;
}

const rowsArb = fc
  .array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e', '客户', ''), point: fc.nat(4), spend: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })) }), { maxLength: 12 })
  .map((rows) => ({ keys: rows.map((r) => r.key), pointOf: rows.map((r) => r.point), spend: rows.map((r) => r.spend) }));

describe('ModelFigureTable', () => {
  it('reads as the Map of one entry per row, a repeated key keeping its first place and its last figures', () => {
    fc.assert(
      fc.property(rowsArb, ({ keys, pointOf, spend }) => {
        const t = table(keys, pointOf, spend, 5);
        const map = asMap(keys, pointOf, spend);
        expect(t.size).toBe(map.size);
        expect([...t.keys()]).toEqual([...map.keys()]);
        expect([...t.entries()]).toEqual([...map.entries()]);
        expect([...t]).toEqual([...map]);
        expect([...t.values()]).toEqual([...map.values()]);
        for (const key of ['a', 'b', 'c', 'd', 'e', '客户', '', 'zz']) {
          expect(t.has(key)).toBe(map.has(key));
          expect(t.get(key)).toEqual(map.get(key));
        }
        const seen: [string, ModelFigures][] = [];
        t.forEach((v, k, self) => {
          expect(self).toBe(t);
          seen.push([k, v]);
        });
        expect(seen).toEqual([...map]);
      }),
    );
  });

  it('gives each customer its row, whether the customers come in the rows order or not', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 15 }),
        fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }),
        fc.boolean(),
        (customers, modelled, shuffle) => {
          const keys = customers.filter((_, i) => modelled[i]);
          const rowKeys = shuffle ? [...keys].reverse() : keys;
          const t = table(rowKeys, rowKeys.map(() => 0), rowKeys.map(() => null), 1);
          const rows = t.rowsFor(customers, customers.length);
          expect(Array.from(rows)).toEqual(customers.map((k) => rowKeys.indexOf(k)));
        },
      ),
    );
  });

  it('answers P(alive), P(no purchase) and the figures of a row from its point; no spend gives no CLV', () => {
    const t = table(['x', 'y'], [2, 0], [10, null], 3);
    expect(t.pAliveAt(0)).toBe(2.3);
    expect(t.pNoPurchaseAt(1)).toBe(0.6);
    expect(t.figuresAt(0)).toEqual({ x: 2, tx: 2.1, T: 2.2, pAlive: 2.3, expectedPurchases: 2.4, expectedSpend: 10, clv: 25, pNoPurchase: 2.6, purchaseModel: 'mbgnbd' });
    expect(t.figuresAt(1)).toMatchObject({ expectedSpend: null, clv: null });
    expect(t.count).toBe(2);
  });
});
