import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctPointsOf, pointColumns } from '../../shared/model/rfm-data';

describe('distinctPointsOf', () => {
  // A few values each, so points repeat; −0 beside 0 and values one ulp apart.
  const value = fc.constantFrom(0, -0, 1, 2.5, 1 / 7, 1 / 7 + 2 ** -55, 52, 1e9);
  const rows = fc.array(fc.record({ x: value, tx: value, T: value }), { maxLength: 300 });

  it('property: groups rows exactly as equal (x, t_x, T) — −0 as 0 — in order of first sight, with counts', () => {
    fc.assert(
      fc.property(rows, (list) => {
        const d = distinctPointsOf(pointColumns(list));
        const keyOf = (x: number, tx: number, T: number) => `${x + 0}|${tx + 0}|${T + 0}`;
        const first = new Map<string, number>();
        const count = new Map<string, number>();
        for (const r of list) {
          const k = keyOf(r.x, r.tx, r.T);
          if (!first.has(k)) first.set(k, first.size);
          count.set(k, (count.get(k) ?? 0) + 1);
        }
        expect(d.x.length).toBe(first.size);
        list.forEach((r, i) => {
          const p = d.pointOf[i]!;
          expect(p).toBe(first.get(keyOf(r.x, r.tx, r.T)));
          expect(keyOf(d.x[p]!, d.tx[p]!, d.T[p]!)).toBe(keyOf(r.x, r.tx, r.T));
        });
        for (const [k, i] of first) expect(d.count[i]).toBe(count.get(k));
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});
